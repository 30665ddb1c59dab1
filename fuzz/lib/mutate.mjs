// Deterministic mutations of manifests. Every mutation is a list of edits on the current text
// ({ start, end, text }, applied last to first), so the same change drives the engine (applied
// to a string) and the server (sent as one incremental didChange).

/** sfc32 seeded from a string: the same seed gives the same stream on every machine. */
export function rngFrom(seed) {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  const s = String(seed);
  for (let i = 0; i < s.length; i++) {
    const k = s.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  let a = Math.imul(h3 ^ (h1 >>> 18), 597399067) >>> 0;
  let b = Math.imul(h4 ^ (h2 >>> 22), 2869860233) >>> 0;
  let c = Math.imul(h1 ^ (h3 >>> 17), 951274213) >>> 0;
  let d = Math.imul(h2 ^ (h4 >>> 19), 2716044179) >>> 0;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const rng = {
    next,
    int: (n) => Math.floor(next() * n),
    range: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** Small numbers far more often than large ones. */
    skewed: (max) => Math.floor(max * next() ** 3),
    weighted: (entries) => {
      const total = entries.reduce((n, [, w]) => n + w, 0);
      let x = next() * total;
      for (const [value, w] of entries) if ((x -= w) < 0) return value;
      return entries[entries.length - 1][0];
    },
  };
  return rng;
}

export function applyEdits(text, edits) {
  // Edits of one mutation never overlap; apply from the end so offsets stay valid.
  const sorted = [...edits].sort((x, y) => y.start - x.start || y.end - x.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

// ------------------------------------------------------------------------------------------ helpers
function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
function lineAt(text, starts, index) {
  const start = starts[index];
  const end = index + 1 < starts.length ? starts[index + 1] - 1 : text.length;
  return { start, end, text: text.slice(start, end) };
}
const indentOf = (line) => /^[ \t]*/.exec(line)[0];
function randomLine(text, rng, predicate) {
  const starts = lineStarts(text);
  const tries = predicate ? 40 : 1;
  for (let t = 0; t < tries; t++) {
    const i = rng.int(starts.length);
    const line = lineAt(text, starts, i);
    if (!predicate || predicate(line.text)) return { ...line, index: i, starts };
  }
  // scan from a random point for a matching line
  const from = rng.int(starts.length);
  for (let k = 0; k < starts.length; k++) {
    const i = (from + k) % starts.length;
    const line = lineAt(text, starts, i);
    if (predicate(line.text)) return { ...line, index: i, starts };
  }
  return undefined;
}

const YAML_CHARS = [':', ' ', '-', '#', '&', '*', '!', '|', '>', "'", '"', '{', '}', '[', ']', ',', '%', '@', '`', '?', '\n', '\t', '\r', '\\', '~', '<', '='];
const ODD_CHARS = ['\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ufffd', '\ud800', '\udfff', '\ud83d', '\ude00', '😀', 'é', '\u200b', '\u0301', '\uffff'];
const WEIRD_VALUES = [
  'null', '~', '[]', '{}', '""', "''", '0', '-1', '-0', '1e309', '0x1F', '0o17', '.inf', '-.inf', '.nan', 'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n',
  '2001-12-14t21:59:43.10-05:00', '!!binary aGVsbG8=', '!!str 1', '!!int "x"', '!!float abc', '!!null x', '!!set {a, b}', '!!omap [a: 1]', '!custom {a: 1}', '!<tag:yaml.org,2002:str> x',
  '*undefinedAlias', '&anchorOnly', '[a, [b, [c]]]', '{ a: , b }', '{a: 1, a: 1}', '[ALL]', '["ALL"]', "['NET_ADMIN', SYS_ADMIN]", '[~]', '[null, 0, ""]', '"ALL"', 'ALL',
  '|\n  block text\n', '>-\n  folded\n', '|2-\n   x', '? complex\n: key', '<<: *a', '"\\u0000\\x00\\ud800"', "'it''s'", '"unterminated', "'unterminated", '[unclosed', '{unclosed',
  '99999999999999999999999999', '4294967296', '-2147483649', '1_000', '0b101', '1:20', '+12', '12e03', '0.', '.5',
  'privileged', 'root', '/', '/var/run/docker.sock', 'Unconfined', 'RuntimeDefault', 'Localhost', 'localhost/../../x', 'unconfined', 'runtime/default', 'docker/default', 'Privileged', 'Unmasked', 'Default',
  'nginx', 'nginx:latest', 'nginx@sha256:' + 'a'.repeat(64), 'docker.io/library/nginx:1.25', 'k8s.gcr.io/pause:3.1', ':', '@', 'a:b:c@d', 'x'.repeat(300),
];
const SECURITY_KEYS = [
  'securityContext', 'privileged', 'allowPrivilegeEscalation', 'readOnlyRootFilesystem', 'runAsNonRoot', 'runAsUser', 'runAsGroup', 'fsGroup', 'capabilities', 'add', 'drop',
  'seccompProfile', 'type', 'localhostProfile', 'appArmorProfile', 'seLinuxOptions', 'procMount', 'sysctls', 'windowsOptions', 'hostProcess', 'hostNetwork', 'hostPID', 'hostIPC',
  'hostPath', 'path', 'hostPort', 'containerPort', 'ports', 'volumes', 'containers', 'initContainers', 'ephemeralContainers', 'image', 'imagePullPolicy', 'env', 'valueFrom',
  'secretKeyRef', 'envFrom', 'serviceAccountName', 'automountServiceAccountToken', 'rules', 'verbs', 'resources', 'apiGroups', 'subjects', 'roleRef', 'kind', 'apiVersion',
  'metadata', 'namespace', 'labels', 'annotations', 'name', 'spec', 'template', 'jobTemplate', 'data', 'stringData', 'items', 'pod-security.kubernetes.io/enforce',
  'pod-security.kubernetes.io/enforce-version', 'container.apparmor.security.beta.kubernetes.io/main', 'seccomp.security.alpha.kubernetes.io/pod', 'lifecycle', 'livenessProbe', 'host',
];
const KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController', 'PodTemplate', 'List', 'Namespace', 'Role', 'ClusterRole',
  'RoleBinding', 'ClusterRoleBinding', 'Secret', 'ConfigMap', 'ServiceAccount', 'Service', 'CustomResourceDefinition', 'PodSecurityPolicy', 'DeploymentList', 'Unknown', ''];
const SNIPPETS = [
  'securityContext:\n  privileged: true\n  capabilities:\n    add: [ALL, SYS_ADMIN]\n',
  'hostNetwork: true\nhostPID: true\nhostIPC: true\n',
  'volumes:\n- name: root\n  hostPath:\n    path: /\n',
  'containers:\n- name: x\n  image: nginx\n  securityContext: {runAsUser: 0, allowPrivilegeEscalation: true}\n',
  'containers:\n- image: \n- name:\n- {}\n- []\n- ~\n',
  'rules:\n- apiGroups: ["*"]\n  resources: ["*"]\n  verbs: ["*"]\n',
  'subjects:\n- kind: Group\n  name: system:unauthenticated\nroleRef: {kind: ClusterRole, name: cluster-admin}\n',
  'env:\n- name: PASSWORD\n  value: hunter2\n- name: AWS_SECRET_ACCESS_KEY\n  value: "AKIA0000"\n',
  'stringData:\n  password: hunter2\ndata:\n  token: !!binary aGk=\n',
  'metadata:\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/enforce-version: v1.999\n',
  '# kubeguard-disable-next-line privileged-container -- fuzz\n',
  '# kubeguard-disable-file * -- fuzz\n',
  '# kubeguard-disable-line (until 2000-01-01)\n',
  '# kubeguard-disable-next-line ,,, (until 9999-99-99) --\n',
  '# kubeguard-disable-line nope -- x # kubeguard-disable-file *\n',
  '{{ .Values.image }}\n',
  '{{- include "x" . | nindent 4 }}\n',
  'base: &base {privileged: true}\nderived:\n  <<: *base\n  <<: [*base, *base]\n',
  'a: &a [*a]\n',
  '? [complex, key]\n: value\n',
  '!!map {? a: b}\n',
  '%YAML 1.2\n---\n',
  '%TAG ! tag:example.com,2000:\n---\n',
  '...\n',
  '--- !!str\n',
  '--- |\n  text\n',
  'kind: Pod\napiVersion: v1\nspec: {containers: [{name: a, image: b, securityContext: {privileged: true}}]}\n',
  'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers: 7\n',
  'apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: c\n            image: busybox\n',
  'apiVersion: v1\nkind: List\nitems:\n- kind: Pod\n  spec: {containers: [{image: x}]}\n- 5\n- ~\n',
];

// ------------------------------------------------------------------------------------------ mutators
/** Each mutator: (text, rng, ctx) => { edits, note } or undefined when it does not apply. */
const MUTATORS = {
  byteFlip(text, rng) {
    const n = rng.range(1, 8);
    const edits = [];
    const used = new Set();
    for (let k = 0; k < n && text.length > 0; k++) {
      const at = rng.int(text.length);
      if (used.has(at)) continue;
      used.add(at);
      const ch = rng.weighted([[() => rng.pick(YAML_CHARS), 5], [() => rng.pick(ODD_CHARS), 2], [() => String.fromCharCode(rng.int(128)), 2], [() => '', 1]])();
      edits.push({ start: at, end: at + 1, text: ch });
    }
    return { edits, note: `${edits.length} char(s)` };
  },
  insertChars(text, rng) {
    const at = rng.int(text.length + 1);
    let s = '';
    for (let k = rng.range(1, 6); k > 0; k--) s += rng.chance(0.7) ? rng.pick(YAML_CHARS) : rng.pick(ODD_CHARS);
    return { edits: [{ start: at, end: at, text: s }], note: JSON.stringify(s) };
  },
  truncate(text, rng) {
    if (text.length === 0) return undefined;
    const at = rng.chance(0.5) ? rng.int(text.length) : text.length - 1 - rng.skewed(Math.min(text.length, 200));
    return { edits: [{ start: Math.max(0, at), end: text.length, text: '' }], note: `at ${at}` };
  },
  deleteRange(text, rng) {
    if (text.length === 0) return undefined;
    const start = rng.int(text.length);
    const end = Math.min(text.length, start + 1 + rng.skewed(400));
    return { edits: [{ start, end, text: '' }], note: `${start}..${end}` };
  },
  indentShift(text, rng) {
    const starts = lineStarts(text);
    const first = rng.int(starts.length);
    const count = 1 + rng.skewed(30);
    const delta = rng.pick([-4, -2, -1, 1, 2, 3, 4, 8]);
    const edits = [];
    for (let i = first; i < Math.min(starts.length, first + count); i++) {
      const line = lineAt(text, starts, i);
      const indent = /^ */.exec(line.text)[0].length;
      if (delta > 0) edits.push({ start: line.start, end: line.start, text: ' '.repeat(delta) });
      else if (indent > 0) edits.push({ start: line.start, end: line.start + Math.min(indent, -delta), text: '' });
    }
    return edits.length ? { edits, note: `lines ${first + 1}+${count} by ${delta}` } : undefined;
  },
  tabs(text, rng) {
    const line = randomLine(text, rng, (l) => /^ {2,}/.test(l));
    if (!line) return undefined;
    const indent = /^ +/.exec(line.text)[0].length;
    const replacement = rng.chance(0.5) ? '\t'.repeat(Math.ceil(indent / 2)) : ' '.repeat(indent - 1) + '\t';
    return { edits: [{ start: line.start, end: line.start + indent, text: replacement }], note: `line ${line.index + 1}` };
  },
  duplicateKey(text, rng) {
    const line = randomLine(text, rng, (l) => /^\s*(?:- )?[\w.\/-]+:/.test(l));
    if (!line) return undefined;
    const copy = rng.chance(0.5) ? line.text.replace(/^(\s*)- /, '$1  ') : line.text.replace(/:.*$/, `: ${rng.pick(WEIRD_VALUES)}`).replace(/^(\s*)- /, '$1  ');
    return { edits: [{ start: line.end, end: line.end, text: '\n' + copy }], note: `line ${line.index + 1}` };
  },
  duplicateLines(text, rng) {
    const starts = lineStarts(text);
    const first = rng.int(starts.length);
    const last = Math.min(starts.length - 1, first + rng.skewed(40));
    const start = starts[first];
    const end = last + 1 < starts.length ? starts[last + 1] : text.length;
    const chunk = text.slice(start, end);
    return { edits: [{ start: end, end, text: chunk.endsWith('\n') || end === text.length ? chunk : chunk + '\n' }], note: `lines ${first + 1}-${last + 1}` };
  },
  swapLines(text, rng) {
    const starts = lineStarts(text);
    if (starts.length < 3) return undefined;
    const i = rng.int(starts.length - 1);
    const a = lineAt(text, starts, i);
    const b = lineAt(text, starts, i + 1);
    return { edits: [{ start: a.start, end: b.end, text: `${b.text}\n${a.text}` }], note: `lines ${i + 1},${i + 2}` };
  },
  valueSwap(text, rng) {
    const line = randomLine(text, rng, (l) => /^\s*(?:- )?[\w.\/-]+:(?:\s|$)/.test(l));
    if (!line) return undefined;
    const m = /^(\s*(?:- )?[\w.\/-]+:)([\s\S]*)$/.exec(line.text);
    if (!m) return undefined;
    const value = rng.pick(WEIRD_VALUES);
    const indent = indentOf(line.text) + '  ';
    return { edits: [{ start: line.start, end: line.end, text: `${m[1]} ${value.replace(/\n/g, '\n' + indent)}` }], note: `line ${line.index + 1}: ${JSON.stringify(value)}` };
  },
  securityKey(text, rng) {
    const line = randomLine(text, rng, (l) => /^\s*(?:- )?[\w.\/-]+:/.test(l));
    if (!line) return undefined;
    const indent = indentOf(line.text).replace('-', ' ') + (rng.chance(0.5) ? '  ' : /^\s*- /.test(line.text) ? '  ' : '');
    const key = rng.pick(SECURITY_KEYS);
    const value = rng.chance(0.3) ? '' : ' ' + rng.pick(WEIRD_VALUES).replace(/\n/g, `\n${indent}  `);
    return { edits: [{ start: line.end, end: line.end, text: `\n${indent}${key}:${value}` }], note: `${key}:${value}` };
  },
  snippet(text, rng) {
    const line = randomLine(text, rng);
    const indent = rng.chance(0.5) ? indentOf(line.text) : ' '.repeat(rng.pick([0, 2, 4, 6, 8]));
    const snippet = rng.pick(SNIPPETS).replace(/\n(?=.)/g, `\n${indent}`);
    return { edits: [{ start: line.start, end: line.start, text: indent + snippet }], note: JSON.stringify(snippet.slice(0, 40)) };
  },
  kindSwap(text, rng) {
    const line = randomLine(text, rng, (l) => /^\s*(kind|apiVersion):/.test(l));
    if (!line) return undefined;
    const isKind = /^\s*kind:/.test(line.text);
    const value = isKind ? rng.pick(KINDS) : rng.pick(['v1', 'apps/v1', 'batch/v1', 'batch/v1beta1', 'extensions/v1beta1', 'rbac.authorization.k8s.io/v1', 'policy/v1beta1', 'x', '']);
    return { edits: [{ start: line.start, end: line.end, text: line.text.replace(/:.*$/, `: ${value}`) }], note: `${isKind ? 'kind' : 'apiVersion'} → ${value}` };
  },
  alias(text, rng) {
    const target = randomLine(text, rng, (l) => /^\s*(?:- )?[\w.\/-]+:\s*\S/.test(l) && !/[&*]/.test(l));
    const use = randomLine(text, rng, (l) => /^\s*(?:- )?[\w.\/-]+:\s*\S/.test(l));
    if (!target || !use || target.start === use.start) return undefined;
    const name = rng.pick(['a', 'x', 'anchor', 'ü', 'a'.repeat(100)]);
    const edits = [{ start: target.start, end: target.end, text: target.text.replace(/:\s*/, `: &${name} `) }];
    const ref = rng.pick([`*${name}`, '*missing', `{<<: *${name}}`, `[*${name}, *${name}]`]);
    edits.push({ start: use.start, end: use.end, text: use.text.replace(/:.*$/, `: ${ref}`) });
    return { edits, note: `&${name.slice(0, 8)} line ${target.index + 1}, ${ref.slice(0, 20)} line ${use.index + 1}` };
  },
  aliasBomb(text, rng) {
    const levels = rng.range(3, 12);
    const width = rng.range(2, 10);
    let bomb = 'a0: &a0 ["lol"]\n';
    for (let i = 1; i <= levels; i++) bomb += `a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]\n`;
    const style = rng.int(4);
    let snippet;
    if (style === 0) snippet = `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n${bomb.replace(/^/gm, '  ')}`;
    else if (style === 1) snippet = bomb.replace(/^/gm, '      ');
    else if (style === 2) snippet = `---\napiVersion: v1\nkind: Pod\nspec:\n  x:\n${bomb.replace(/^/gm, '    ')}  containers: *a${levels}\n  volumes: *a${levels}\n`;
    else snippet = `---\n${bomb}apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: *a${levels}}\nspec: {containers: [{name: c, image: x, securityContext: {capabilities: {add: *a${levels}}}}]}\n`;
    const line = randomLine(text, rng);
    const at = style === 1 ? line.start : rng.chance(0.5) ? text.length : line.start;
    const sep = at === text.length && text.length > 0 && !text.endsWith('\n') ? '\n' : '';
    return { edits: [{ start: at, end: at, text: sep + snippet }], note: `${levels} levels × ${width}, style ${style}` };
  },
  hugeScalar(text, rng) {
    const size = rng.weighted([[rng.range(1_000, 20_000), 6], [rng.range(20_000, 90_000), 3], [rng.range(100_000, 1_500_000), 1]]);
    const unit = rng.pick(['a', 'ab ', 'x\\n', '😀', ' ', '#', '- ', ': ', '"', 'é']);
    const body = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    const line = randomLine(text, rng, (l) => /^\s*(?:- )?[\w.\/-]+:/.test(l));
    if (!line) return { edits: [{ start: text.length, end: text.length, text: `\nhuge: ${body}\n` }], note: `${size} chars` };
    const quote = rng.pick(['', '"', "'"]);
    const value = quote === '"' ? body.replace(/["\\]/g, 'q') : quote === "'" ? body.replace(/'/g, 'q') : body;
    return { edits: [{ start: line.start, end: line.end, text: line.text.replace(/:.*$/, `: ${quote}${value}${quote}`) }], note: `${size} chars ${JSON.stringify(unit)}` };
  },
  hugeKey(text, rng) {
    // Long keys: every lookup, suggestion ("did you mean") or message that uses a key pays for its length.
    const line = randomLine(text, rng, (l) => /^\s*(?:- )?[\w.\/-]+:/.test(l));
    if (!line) return undefined;
    const size = rng.weighted([[rng.range(200, 5_000), 6], [rng.range(5_000, 90_000), 4]]);
    const key = rng.pick(['k', 'securityContext', 'privileged', 'a-b.', 'é']).repeat(size).slice(0, size);
    return { edits: [{ start: line.start, end: line.end, text: line.text.replace(/^(\s*(?:- )?)[\w.\/-]+:/, `$1${key}:`) }], note: `${size}-char key` };
  },
  manyKeys(text, rng) {
    const n = rng.range(100, 20_000);
    const line = randomLine(text, rng);
    const indent = indentOf(line.text);
    let s = '';
    for (let i = 0; i < n; i++) s += `${indent}k${rng.chance(0.05) ? 0 : i}: v\n`;
    return { edits: [{ start: line.start, end: line.start, text: s }], note: `${n} keys` };
  },
  deepNesting(text, rng) {
    const depth = rng.weighted([[rng.range(10, 200), 5], [rng.range(200, 1000), 3], [rng.range(1000, 20_000), 2]]);
    const style = rng.int(5);
    let s;
    if (style === 0) s = 'deep: ' + '['.repeat(depth) + ']'.repeat(rng.chance(0.8) ? depth : rng.int(depth)) + '\n';
    else if (style === 1) s = 'deep: ' + '{a: '.repeat(depth) + '1' + '}'.repeat(depth) + '\n';
    else if (style === 2) s = Array.from({ length: Math.min(depth, 3000) }, (_, i) => ' '.repeat(i) + `k${i}:`).join('\n') + ' x\n';
    else if (style === 3) s = '- '.repeat(Math.min(depth, 5000)) + 'x\n';
    else s = Array.from({ length: Math.min(depth, 2000) }, (_, i) => '  '.repeat(i) + '- ').join('\n') + 'x\n';
    const line = randomLine(text, rng);
    return { edits: [{ start: line.start, end: line.start, text: s }], note: `depth ${depth}, style ${style}` };
  },
  documentSplit(text, rng) {
    const op = rng.int(5);
    if (op === 0 || op === 1) {
      const line = randomLine(text, rng);
      const marker = rng.pick(['---\n', '---\n', '--- \n', '---\r\n', '...\n', '--- # c\n', '--- !!map\n', '---a\n', ' ---\n', '---\t\n']);
      return { edits: [{ start: line.start, end: line.start, text: marker }], note: `${JSON.stringify(marker)} before line ${line.index + 1}` };
    }
    if (op === 2) {
      const line = randomLine(text, rng, (l) => /^---/.test(l));
      if (!line) return undefined;
      return { edits: [{ start: line.start, end: Math.min(text.length, line.end + 1), text: '' }], note: `removed --- line ${line.index + 1}` };
    }
    if (op === 3) {
      const line = randomLine(text, rng, (l) => /^---/.test(l));
      if (!line) return undefined;
      return { edits: [{ start: line.start, end: line.end, text: rng.pick(['--', '----', '- --', '---x', '--- |', '--- >', '--- [', '--- {a: 1}', '---  # c', '... ---']) }], note: `changed --- line ${line.index + 1}` };
    }
    return { edits: [{ start: 0, end: 0, text: rng.pick(['---\n', '%YAML 1.1\n---\n', '\ufeff', '# comment\n', '\n\n', '--- !!str\n']) }], note: 'prefix' };
  },
  lineEndings(text, rng) {
    const mode = rng.int(4);
    if (mode === 0) return { edits: [{ start: 0, end: text.length, text: text.replace(/\r?\n/g, '\r\n') }], note: 'all CRLF' };
    if (mode === 1) return { edits: [{ start: 0, end: text.length, text: text.replace(/\r?\n/g, '\r') }], note: 'all CR' };
    const edits = [];
    for (let i = text.indexOf('\n'); i !== -1 && edits.length < 200; i = text.indexOf('\n', i + 1)) {
      if (rng.chance(0.3)) edits.push({ start: i, end: i + 1, text: mode === 2 ? '\r\n' : rng.pick(['\r', '\r\n', '\n\r', '\u2028', '\u0085']) });
    }
    return edits.length ? { edits, note: `${edits.length} mixed` } : undefined;
  },
  invalidUtf8(text, rng) {
    // What a file with invalid UTF-8 looks like once decoded: replacement characters, and lone surrogates from other decoders.
    const at = rng.int(text.length + 1);
    const s = rng.pick(['\ufffd', '\ufffd\ufffd', '\ud800', '\udc00', '\ud800\ud800', '\u0000', '\u0000\u0000\u0000', '\ufeff', '\ufffe', '\uffff', 'Ã©', '\u0080\u00ff']);
    return { edits: [{ start: at, end: at, text: s }], note: JSON.stringify(s) };
  },
  splice(text, rng, ctx) {
    const other = ctx.randomSeedText(rng);
    if (!other) return undefined;
    const from = rng.int(other.length + 1);
    const chunk = other.slice(from, from + 1 + rng.skewed(3000));
    const at = rng.int(text.length + 1);
    return { edits: [{ start: at, end: at, text: chunk }], note: `${chunk.length} chars from another file` };
  },
  helm(text, rng) {
    const line = randomLine(text, rng, (l) => /:\s*\S/.test(l));
    if (!line) return undefined;
    const action = rng.pick(['{{ .Values.x }}', '{{- if .Values.y }}', '{{ end }}', '{{ include "a" . | nindent 8 }}', '{{', '}}', '{{/* c */}}']);
    return { edits: [{ start: line.end, end: line.end, text: ' ' + action }], note: action };
  },
  emptyish(text, rng) {
    return { edits: [{ start: 0, end: text.length, text: rng.pick(['', '\n', ' ', '---', '---\n---\n', '...', '#', '\ufeff', '\u0000', '-', ':', '? ', '[', '{', '|', '>', '&a *a', '*a', '!!', '%', '%YAML 1.3', '"', "'", '\t', '\r', '\r\n', 'kind: Pod', 'kind: Pod\nspec:', '- - -']) }], note: 'replace all' };
  },
};

const WEIGHTS = [
  ['byteFlip', 10], ['insertChars', 6], ['truncate', 4], ['deleteRange', 5], ['indentShift', 8], ['tabs', 3], ['duplicateKey', 6], ['duplicateLines', 4], ['swapLines', 3],
  ['valueSwap', 14], ['securityKey', 12], ['snippet', 8], ['kindSwap', 5], ['alias', 5], ['aliasBomb', 2], ['hugeScalar', 2], ['hugeKey', 1], ['manyKeys', 1], ['deepNesting', 2],
  ['documentSplit', 6], ['lineEndings', 3], ['invalidUtf8', 4], ['splice', 4], ['helm', 2], ['emptyish', 1],
];

/**
 * Picks a base (a window of whole documents for big files) and 1–4 mutations.
 * Returns { base, steps: [{ name, note, edits }], text } — `text` is the final text.
 */
export function makeInput(seedText, rng, ctx) {
  let base = seedText;
  let window = 'whole file';
  if (seedText.length > 60_000 && !rng.chance(ctx.wholeBigFileChance ?? 0.002)) {
    // A random run of consecutive documents keeps most inputs small, so many more are tried.
    const cuts = [0];
    const re = /^---(?=[ \t\r\n]|$)/gm;
    for (let m = re.exec(seedText); m; m = re.exec(seedText)) if (m.index > 0) cuts.push(m.index);
    cuts.push(seedText.length);
    if (cuts.length > 2) {
      const first = rng.int(cuts.length - 1);
      let last = first + 1;
      while (last < cuts.length - 1 && cuts[last] - cuts[first] < 30_000 && rng.chance(0.6)) last++;
      base = seedText.slice(cuts[first], cuts[last]);
      window = `documents ${first + 1}–${last} of ${cuts.length - 1}`;
    }
    if (base.length > 200_000) {
      // One huge document: a run of lines instead.
      const start = seedText.lastIndexOf('\n', rng.int(seedText.length)) + 1;
      base = seedText.slice(start, start + rng.range(2_000, 40_000));
      window = `chars ${start}+${base.length}`;
    }
  }
  const steps = [];
  let text = base;
  const count = rng.weighted([[1, 5], [2, 3], [3, 2], [4, 1]]);
  for (let k = 0; k < count; k++) {
    const name = rng.weighted(WEIGHTS);
    const m = MUTATORS[name](text, rng, ctx);
    if (!m || m.edits.length === 0) continue;
    steps.push({ name, note: m.note, edits: m.edits });
    text = applyEdits(text, m.edits);
  }
  return { base, window, steps, text };
}

export const MUTATOR_NAMES = Object.keys(MUTATORS);
