/**
 * @file `.kubeguard.yaml` in the core: parsing and validation (problems placed on the exact key or
 * value), the generated JSON Schema (up to date, contributed, shipped), the lookup, settings
 * precedence, overrides and ignore globs, and CRLF-preserving fix edits.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server';
import { CONFIG_RULE_ID, EMPTY_CONFIG, formatConfigProblems, lintConfigText, parseConfigFile, type ConfigFile } from '../../shared/src/config/configFile';
import { configCandidates, isConfigFileName, isIgnored, matchesAny, relativePath, resolveSettings } from '../../shared/src/config/resolve';
import { configSchema, EDITOR_KEYWORDS } from '../../shared/src/config/schema';
import { lineBreakOf, withFileLineBreaks } from '../../shared/src/edits/lineBreaks';
import { DEFAULT_SETTINGS, normalizeSettings, podSecurityOf } from '../../shared/src/engine/config';
import { lintText, suppressionFix } from '../../shared/src/engine/lint';
import { allRules } from '../../shared/src/rules';
import { generatedSchema, SCHEMA_FILE } from '../../scripts/gen-docs';
import { repoRoot } from '../harness/root';

const root = repoRoot();

/** Parses a config that must have no problems. */
function valid(text: string): ConfigFile {
  const { config, problems } = parseConfigFile(text);
  assert.deepEqual(problems, [], `unexpected problems: ${JSON.stringify(problems)}`);
  assert.ok(config);
  return config;
}

describe('.kubeguard.yaml: valid files', () => {
  const cases: Array<{ name: string; text: string; expected: ConfigFile }> = [
    { name: 'empty file', text: '', expected: EMPTY_CONFIG },
    { name: 'only comments', text: '# nothing yet\n', expected: EMPTY_CONFIG },
    {
      name: 'every key',
      text: [
        'rules:',
        '  read-only-root-filesystem: off',
        '  run-as-high-uid: warning # opt-in rule turned on',
        'ignore: [vendor/**, "**/*.generated.yaml"]',
        'overrides:',
        '  - files: [charts/**]',
        '    rules: {image-tag: info}',
        'images:',
        '  trustedRegistries: [registry.example.com, ghcr.io/acme]',
        'podSecurity: {level: baseline, version: v1.30, minimumUid: 1000}',
        'runtime:',
        '  untrusted: {namespaces: [tenants], selectors: ["trust=untrusted"]}',
        '  sandboxedClasses: [gvisor]',
        '',
      ].join('\n'),
      expected: {
        settings: {
          rules: { 'read-only-root-filesystem': 'off', 'run-as-high-uid': 'warning' },
          podSecurity: { level: 'baseline', version: 'v1.30', minimumUid: 1000 },
          images: { trustedRegistries: ['registry.example.com', 'ghcr.io/acme'] },
          runtime: { untrusted: { namespaces: ['tenants'], selectors: ['trust=untrusted'] }, sandboxedClasses: ['gvisor'] },
        },
        ignore: ['vendor/**', '**/*.generated.yaml'],
        overrides: [{ files: ['charts/**'], rules: { 'image-tag': 'info' } }],
      },
    },
    { name: 'an override without rules', text: 'overrides:\n  - files: [a/**]\n', expected: { settings: {}, ignore: [], overrides: [{ files: ['a/**'], rules: {} }] } },
    { name: 'anchors and aliases', text: 'x: &off off\n'.replace('x: &off off\n', '') + 'rules: {image-tag: &o off, image-digest: *o}\n', expected: { settings: { rules: { 'image-tag': 'off', 'image-digest': 'off' } }, ignore: [], overrides: [] } },
    { name: 'CRLF line breaks', text: 'rules:\r\n  image-tag: off\r\n', expected: { settings: { rules: { 'image-tag': 'off' } }, ignore: [], overrides: [] } },
  ];
  for (const { name, text, expected } of cases) {
    it(name, () => assert.deepEqual(valid(text), expected));
  }
});

describe('.kubeguard.yaml: problems, each on its key or value', () => {
  const cases: Array<{ name: string; text: string; at: string; message: RegExp; occurrence?: number }> = [
    { name: 'unknown rule id, with a suggestion', text: 'rules:\n  privileged-contaner: off\n', at: 'privileged-contaner', message: /^Unknown rule id "privileged-contaner"\. Did you mean "privileged-container"\?/ },
    { name: 'unknown rule id without a near one', text: 'rules:\n  no-such-rule-anywhere: off\n', at: 'no-such-rule-anywhere', message: /^Unknown rule id "no-such-rule-anywhere"\. The rule ids are listed in docs\/rules\.$/ },
    { name: 'unknown rule id in an override', text: 'overrides:\n  - files: [x]\n    rules: {image-tags: off}\n', at: 'image-tags', message: /Unknown rule id "image-tags"\. Did you mean "image-tag"\?/ },
    { name: 'bad severity, with a suggestion', text: 'rules:\n  image-tag: of\n', at: 'of', message: /^"of" is not a setting for rule image-tag: use error, warning, info, hint or off\. Did you mean "off"\?$/ },
    { name: 'a boolean is not a severity', text: 'rules:\n  image-tag: false\n', at: 'false', message: /^false is not a setting for rule image-tag/ },
    { name: 'unknown top-level key, with a suggestion', text: 'rule:\n  image-tag: off\n', at: 'rule', message: /^Unknown setting "rule"\. Did you mean "rules"\? A \.kubeguard\.yaml takes rules, ignore, overrides, images, podSecurity, runtime\.$/ },
    { name: 'unknown nested key', text: 'podSecurity:\n  levle: baseline\n', at: 'levle', message: /^podSecurity has no setting "levle"\. Did you mean "level"\? It takes level, version, minimumUid\.$/ },
    { name: 'ignore must be a list', text: 'ignore: vendor/**\n', at: 'vendor/**', message: /^ignore must be a list, not the string "vendor\/\*\*"\.$/ },
    { name: 'bad level', text: 'podSecurity:\n  level: strict\n', at: 'strict', message: /^podSecurity\.level must be restricted, baseline or privileged, not "strict"\.$/ },
    { name: 'bad version', text: 'podSecurity: {version: v2.1}\n', at: 'v2.1', message: /^podSecurity\.version must be latest or v1\.<minor>, e\.g\. v1\.30, not "v2\.1"\.$/ },
    { name: 'negative uid', text: 'podSecurity:\n  minimumUid: -5\n', at: '-5', message: /^podSecurity\.minimumUid must be at least 0, not -5\.$/ },
    { name: 'an override needs files', text: 'overrides:\n  - rules: {image-tag: off}\n', at: 'rules: {image-tag: off}', message: /^overrides\[0\] needs "files"/ },
    { name: 'empty files list', text: 'overrides:\n  - files: []\n', at: 'files', message: /^overrides\[0\]\.files must list at least 1 entry\.$/ },
    { name: 'a list item of the wrong type', text: 'images:\n  trustedRegistries: [ok.example.com, 42]\n', at: '42', message: /^images\.trustedRegistries\[1\] must be a string, not the number 42\.$/ },
    { name: 'not a mapping', text: '- rules\n', at: '- rules', message: /^A \.kubeguard\.yaml must be a mapping of settings/ },
    { name: 'syntax error', text: 'rules: {image-tag: off\n', at: '', message: /^YAML syntax error: .* The configuration file is not used until it parses\.$/ },
    { name: 'duplicate key', text: 'rules: {}\nrules: {}\n', at: 'rules', occurrence: 1, message: /^YAML syntax error: Map keys must be unique\./ },
  ];
  for (const { name, text, at, message, occurrence = 0 } of cases) {
    it(name, () => {
      const { problems } = parseConfigFile(text);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      const [problem] = problems;
      assert.match(problem!.message, message);
      let expectedStart = -1;
      for (let i = 0; i <= occurrence; i++) expectedStart = text.indexOf(at, expectedStart + 1);
      if (at === '') assert.equal(text.slice(problem!.start, problem!.end), '', 'a syntax error at the end has an empty span');
      else assert.deepEqual({ start: problem!.start, text: text.slice(problem!.start, problem!.end) }, { start: expectedStart, text: at });
    });
  }

  it('the valid rest of a file with problems still applies; a file that does not parse gives nothing', () => {
    const { config, problems } = parseConfigFile('rules:\n  image-tag: off\n  run-as-non-root: nope\npodSecurity: {level: baseline, version: v9}\n');
    assert.equal(problems.length, 2);
    assert.deepEqual(config?.settings, { rules: { 'image-tag': 'off' }, podSecurity: { level: 'baseline' } });
    assert.equal(parseConfigFile('rules: [\n').config, undefined);
  });

  it('reports every problem once, in text order', () => {
    const { problems } = parseConfigFile('rules: {image-tagz: off, image-tag: of}\nfoo: 1\nignore: 3\n');
    assert.deepEqual(problems.map((p) => p.start), [...problems.map((p) => p.start)].sort((a, b) => a - b));
    assert.equal(problems.length, 4);
  });

  it('lintConfigText: one config error per problem, no Kubernetes findings', () => {
    const text = 'rules:\n  image-tag: of\n';
    const { findings, objects } = lintConfigText(text);
    assert.deepEqual(objects, []);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity, text.slice(f.start, f.end)]), [[CONFIG_RULE_ID, 'error', 'of']]);
    assert.deepEqual(lintConfigText('rules: {image-tag: off}\n').findings, []);
  });

  it('formats problems like a compiler for the CLI', () => {
    const text = 'rules:\n  image-tag: of\n';
    assert.match(formatConfigProblems('.kubeguard.yaml', text, parseConfigFile(text).problems), /^\.kubeguard\.yaml:2:14: "of" is not a setting/);
  });

  it('never throws on hostile input', () => {
    for (const text of ['\u0000', ':', '{'.repeat(5000), 'a: &a [*a]\n', '- &x\n  - *x\n', 'x'.repeat(2 * 1024 * 1024), '%YAML 9.9\n---\n', 'rules: !!binary abc\n']) {
      const result = parseConfigFile(text);
      assert.ok(Array.isArray(result.problems));
    }
  });
});

describe('JSON Schema of .kubeguard.yaml', () => {
  it(`${SCHEMA_FILE} matches the rule registry (run \`npm run docs\` after adding or renaming a rule)`, () => {
    assert.equal(readFileSync(join(root, SCHEMA_FILE), 'utf8'), generatedSchema());
  });

  it('is a valid draft-07 schema that enumerates every rule id', () => {
    const ajv = new Ajv({ strict: true });
    ajv.addVocabulary([...EDITOR_KEYWORDS]);
    const schema = configSchema(allRules.map((r) => r.meta));
    assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
    const ruleIds = Object.keys((schema.definitions as { rules: { properties: object } }).rules.properties);
    assert.deepEqual(ruleIds, allRules.map((r) => r.meta.id));
  });

  it('is contributed to Red Hat YAML for .kubeguard.yaml and .kubeguard.yml, and shipped in the .vsix', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { yamlValidation: Array<{ fileMatch: string[]; url: string }> }; dependencies: Record<string, string> };
    assert.deepEqual(manifest.contributes.yamlValidation, [{ fileMatch: ['.kubeguard.yaml', '.kubeguard.yml'], url: './schemas/kubeguard.schema.json' }]);
    assert.match(readFileSync(join(root, '.vscodeignore'), 'utf8'), /^!schemas\/\*\*$/m);
    assert.ok(manifest.dependencies.ajv && manifest.dependencies.picomatch, 'ajv and picomatch are runtime dependencies (bundled)');
  });
});

describe('the schema in Red Hat YAML (yaml-language-server, as contributes.yamlValidation hands it over)', () => {
  const service = () => {
    const schema = JSON.parse(readFileSync(join(root, SCHEMA_FILE), 'utf8')) as unknown;
    const ls = getLanguageService({ schemaRequestService: async () => '', workspaceContext: { resolveRelativePath: (relative: string) => relative } });
    // vscode-yaml turns a contributed fileMatch into a path suffix by putting a `/` in front.
    ls.configure({ validate: true, completion: true, hover: true, schemas: [{ uri: 'file:///kubeguard.schema.json', fileMatch: ['/.kubeguard.yaml', '/.kubeguard.yml'], schema }] });
    return ls;
  };
  // yaml-language-server caches a parse per URI and version: every text gets a folder of its own.
  let folders = 0;
  const document = (text: string, name = '.kubeguard.yaml') => TextDocument.create(`file:///ws${++folders}/${name}`, 'yaml', 1, text);

  it('validates: an unknown rule id and a bad severity are flagged, a good file is clean', async () => {
    const ls = service();
    const bad = await ls.doValidation(document('rules:\n  privileged-contaner: off\n  image-tag: of\n'), false);
    assert.deepEqual(bad.map((d) => d.range.start.line).sort(), [1, 2], JSON.stringify(bad.map((d) => d.message)));
    assert.deepEqual(await ls.doValidation(document('rules: {image-tag: "off"}\nignore: [vendor/**]\n', '.kubeguard.yml'), false), []);
  });

  it('completes rule ids under rules:, and their settings', async () => {
    const ls = service();
    const ids = await ls.doComplete(document('rules:\n  privi\n'), { line: 1, character: 7 }, false);
    assert.ok(ids.items.some((i) => i.label === 'privileged-container'), JSON.stringify(ids.items.map((i) => i.label)));
    const values = await ls.doComplete(document('rules:\n  image-tag: o\n'), { line: 1, character: 14 }, false);
    assert.deepEqual(values.items.map((i) => String(i.label).replace(/"/g, '')).sort(), ['error', 'hint', 'info', 'off', 'warning']);
  });
});

describe('which configuration file applies', () => {
  it('the nearest, from the file\'s folder up to the root, .yaml before .yml', () => {
    assert.deepEqual(configCandidates('/ws/a/b', '/ws'), [
      '/ws/a/b/.kubeguard.yaml', '/ws/a/b/.kubeguard.yml',
      '/ws/a/.kubeguard.yaml', '/ws/a/.kubeguard.yml',
      '/ws/.kubeguard.yaml', '/ws/.kubeguard.yml',
    ]);
    assert.deepEqual(configCandidates('/ws/', '/ws'), ['/ws/.kubeguard.yaml', '/ws/.kubeguard.yml']);
    assert.deepEqual(configCandidates('/a', '/'), ['/a/.kubeguard.yaml', '/a/.kubeguard.yml', '/.kubeguard.yaml', '/.kubeguard.yml']);
    assert.deepEqual(configCandidates('/elsewhere', '/ws'), [], 'nothing outside the root');
    assert.deepEqual(configCandidates('/wsx/a', '/ws'), [], 'a sibling with a longer name is not inside');
  });

  it('recognises the file names, in paths and URIs', () => {
    for (const name of ['.kubeguard.yaml', '/ws/.kubeguard.yml', 'file:///ws/.kubeguard.yaml', 'C:\\ws\\.kubeguard.yaml']) assert.ok(isConfigFileName(name), name);
    for (const name of ['kubeguard.yaml', '/ws/.kubeguard.yaml.bak', '/ws/x.kubeguard.yaml']) assert.ok(!isConfigFileName(name), name);
  });

  it('relative paths', () => {
    assert.equal(relativePath('/ws', '/ws/a/b.yaml'), 'a/b.yaml');
    assert.equal(relativePath('/ws/', '/ws/b.yaml'), 'b.yaml');
    assert.equal(relativePath('/ws', '/wsx/b.yaml'), undefined);
    assert.equal(relativePath('/ws', '/ws'), undefined);
  });
});

describe('settings precedence', () => {
  const editor = normalizeSettings({ rules: { 'image-tag': 'error', 'run-as-non-root': 'info' }, podSecurity: { level: 'baseline', version: 'v1.29' }, images: { trustedRegistries: ['editor.example.com'] }, runtime: { untrusted: { namespaces: ['a'], selectors: ['s=1'] } } });
  const config = valid([
    'rules: {image-tag: warning, privileged-container: off}',
    'podSecurity: {version: v1.30}',
    'images: {trustedRegistries: [file.example.com]}',
    'runtime: {untrusted: {namespaces: [b]}}',
    'overrides:',
    '  - files: ["vendor/**"]',
    '    rules: {image-tag: off, run-as-non-root: off}',
    '  - files: ["vendor/keep/**"]',
    '    rules: {image-tag: hint}',
    '',
  ].join('\n'));

  it('no configuration file: the editor settings as they are', () => {
    assert.equal(resolveSettings(editor, undefined, 'x.yaml'), editor);
  });

  it('the file wins per rule id and per field; lists are replaced whole; unset keys keep the editor value', () => {
    const s = resolveSettings(editor, config, 'app.yaml');
    assert.deepEqual(s.rules, { 'image-tag': 'warning', 'run-as-non-root': 'info', 'privileged-container': 'off' });
    assert.deepEqual(podSecurityOf(s), { level: 'baseline', version: 'v1.30', minimumUid: 10000 });
    assert.deepEqual(s.images?.trustedRegistries, ['file.example.com']);
    assert.deepEqual(s.runtime?.untrusted, { namespaces: ['b'], selectors: ['s=1'] });
    assert.equal(s.enable, true);
  });

  it('matching overrides apply in order, a later one winning', () => {
    assert.deepEqual(resolveSettings(editor, config, 'vendor/x.yaml').rules, { 'image-tag': 'off', 'run-as-non-root': 'off', 'privileged-container': 'off' });
    assert.deepEqual(resolveSettings(editor, config, 'vendor/keep/x.yaml').rules, { 'image-tag': 'hint', 'run-as-non-root': 'off', 'privileged-container': 'off' });
    assert.deepEqual(resolveSettings(editor, config, undefined).rules, { 'image-tag': 'warning', 'run-as-non-root': 'info', 'privileged-container': 'off' }, 'no path: top level only');
  });

  it('over the defaults, an opt-in rule is turned on by a severity and the policy filled in', () => {
    const s = resolveSettings(DEFAULT_SETTINGS, valid('rules: {run-as-high-uid: warning}\npodSecurity: {minimumUid: 5}\n'), 'a.yaml');
    const ids = lintText('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {runAsUser: 7}\n  containers: [{name: c, image: nginx:1.27}]\n', { settings: s }).findings.map((f) => f.ruleId);
    assert.ok(!ids.includes('run-as-high-uid'), 'uid 7 is above the minimum of 5');
    assert.deepEqual(podSecurityOf(s), { level: 'restricted', version: 'latest', minimumUid: 5 });
  });

  it('an ignored file resolves to kubeguard turned off: no findings', () => {
    const s = resolveSettings(DEFAULT_SETTINGS, valid('ignore: [vendor]\n'), 'vendor/chart/pod.yaml');
    assert.equal(s.enable, false);
    assert.deepEqual(lintText('apiVersion: v1\nkind: Pod\nspec: {hostNetwork: true}\n', { settings: s }).findings, []);
  });
});

describe('ignore and override globs (picomatch, relative to the configuration file)', () => {
  const cases: Array<[glob: string, path: string, matches: boolean]> = [
    ['vendor/**', 'vendor/chart/x.yaml', true],
    ['vendor/**', 'src/vendor/x.yaml', false],
    ['vendor', 'vendor/chart/x.yaml', true],
    ['vendor/', 'vendor/x.yaml', true],
    ['./vendor/*.yaml', 'vendor/x.yaml', true],
    ['/vendor/*.yaml', 'vendor/x.yaml', true],
    ['*.yaml', 'x.yaml', true],
    ['*.yaml', 'a/x.yaml', false],
    ['**/*.generated.yaml', 'a/b/x.generated.yaml', true],
    ['**/*.generated.yaml', 'x.generated.yaml', true],
    ['**/.hidden/**', 'a/.hidden/x.yaml', true],
    ['charts/*/templates/**', 'charts/web/templates/dep.yaml', true],
    ['charts/*/templates/**', 'charts/web/values.yaml', false],
    ['{a,b}/*.yaml', 'b/x.yaml', true],
    ['!(x).yaml', 'y.yaml', true],
    ['[', '[', true],
  ];
  for (const [glob, path, matches] of cases) {
    it(`${glob} ${matches ? 'matches' : 'does not match'} ${path}`, () => assert.equal(matchesAny([glob], path), matches));
  }

  it('isIgnored reads the ignore list', () => {
    const config = valid('ignore: ["generated/**", "*.tmp.yaml"]\n');
    assert.equal(isIgnored(config, 'generated/a.yaml'), true);
    assert.equal(isIgnored(config, 'x.tmp.yaml'), true);
    assert.equal(isIgnored(config, 'src/x.yaml'), false);
  });
});

describe('fix edits keep the file\'s line breaks', () => {
  it('CRLF only when every break is CRLF', () => {
    assert.equal(lineBreakOf('a\r\nb\r\n'), '\r\n');
    assert.equal(lineBreakOf('a\nb\r\n'), '\n');
    assert.equal(lineBreakOf('\nb\r\n'), '\n');
    assert.equal(lineBreakOf('ab'), '\n');
  });

  it('inserted text gets CRLF in a CRLF file, and only there', () => {
    const edits = [{ start: 0, end: 0, text: '# a\n' }, { start: 3, end: 4, text: 'x' }, { start: 5, end: 5, text: 'b\r\nc\n' }];
    assert.deepEqual(withFileLineBreaks('a\r\nb\r\n', edits).map((e) => e.text), ['# a\r\n', 'x', 'b\r\nc\r\n']);
    assert.deepEqual(withFileLineBreaks('a\nb\n', edits), edits);
  });

  it('a suppression fix in a CRLF manifest, applied, leaves no lone LF', () => {
    const text = 'apiVersion: v1\r\nkind: Pod\r\nmetadata: {name: p}\r\nspec:\r\n  hostNetwork: true\r\n  containers: [{name: c, image: nginx:1.27}]\r\n';
    const result = lintText(text, { settings: DEFAULT_SETTINGS });
    const finding = result.findings.find((f) => f.ruleId === 'host-namespaces')!;
    const fix = suppressionFix(text, result.lines, finding)!;
    const [edit] = withFileLineBreaks(text, fix.edits);
    const fixed = text.slice(0, edit!.start) + edit!.text + text.slice(edit!.end);
    assert.match(fixed, /# kubeguard-disable-next-line host-namespaces -- [^\n]*\r\n  hostNetwork: true\r\n/);
    assert.doesNotMatch(fixed, /[^\r]\n/);
  });
});
