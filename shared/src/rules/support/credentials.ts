/**
 * @file Does a literal environment value look like a credential? Tuned for few false positives:
 * either the value has a vendor's unmistakable token format, or the variable's name says it is
 * a secret and the value looks like one (not a path, URL, flag, number, reference or placeholder).
 */

/** Formats that are credentials whatever the variable is called. */
const VENDOR_FORMATS: ReadonlyArray<readonly [what: string, pattern: RegExp]> = [
  ['a private key', /-{3,}BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-{3,}/],
  ['an AWS access key ID', /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/],
  ['a GitHub token', /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\b/],
  ['a GitLab token', /\bglpat-[A-Za-z0-9_-]{20,}\b/],
  ['a Slack token', /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/],
  ['a Slack webhook URL', /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{20,}/],
  ['a Google API key', /\bAIza[0-9A-Za-z_-]{35}\b/],
  ['a Stripe secret key', /\b[sr]k_live_[0-9a-zA-Z]{20,}\b/],
  ['a SendGrid API key', /\bSG\.[\w-]{22}\.[\w-]{43}\b/],
  ['an npm token', /\bnpm_[A-Za-z0-9]{36}\b/],
  ['an OpenAI API key', /\bsk-(?:proj-|svcacct-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}\b/],
  ['an Anthropic API key', /\bsk-ant-[a-z0-9]+-[A-Za-z0-9_-]{40,}\b/],
  ['an Authorization header with a token', /^(?:bearer|basic|token)\s+[A-Za-z0-9._~+/=-]{8,}$/i],
  ['a JSON Web Token', /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/],
];

/** Name words that mean the value is secret. `key` alone is too vague; it counts after api, access, private, secret... */
const SECRET_WORDS = new Set(['password', 'passwd', 'passphrase', 'secret', 'token', 'apikey', 'credential', 'credentials', 'privatekey', 'accesskey', 'secretkey']);
const KEY_QUALIFIERS = new Set(['api', 'access', 'private', 'secret', 'signing', 'encryption', 'master', 'account', 'license', 'client']);
/** Last words that say the value is about a secret, not the secret: a file, a name, a switch, a size. */
const NOT_THE_SECRET = new Set([
  'file', 'path', 'dir', 'directory', 'name', 'names', 'ref', 'id', 'ids', 'url', 'uri', 'endpoint', 'host', 'port', 'enabled', 'disabled',
  'required', 'ttl', 'expiry', 'expiration', 'expires', 'timeout', 'length', 'len', 'size', 'type', 'mode', 'header', 'field', 'param',
  'prefix', 'suffix', 'algorithm', 'alg', 'policy', 'min', 'max', 'count', 'version', 'format', 'location', 'store', 'provider', 'source',
  'kind', 'issuer', 'audience', 'scope', 'scopes', 'rotation', 'interval', 'period', 'duration', 'days', 'hours', 'seconds', 'lifetime',
  'cache', 'validation', 'check', 'strength', 'complexity', 'hash', 'namespace', 'mount', 'volume', 'bits', 'retries', 'user', 'username',
]);
/** First words that make the variable a switch about the secret (`ALLOW_EMPTY_PASSWORD`). */
const SWITCH_PREFIX = new Set(['allow', 'enable', 'disable', 'skip', 'use', 'require', 'no', 'is', 'has', 'should']);
const PLACEHOLDER = /^(?:x+|\*+|\.+|-+|#+|_+|0+|none|null|nil|undefined|empty|changeme|change[-_]?me|replace[-_]?me|todo|tbd|fixme|secret|password|token|redacted|placeholder|example|sample|dummy|fake|test|foo|bar|baz)$/i;

/** `$(VAR)`, `${VAR}`, `{{ .Values.x }}`, `%VAR%`, `<your-key>`: filled in elsewhere. */
const REFERENCE = /\$\(|\$\{|\{\{|%\w+%|<[^>]*>/;

/** The words of an environment variable name: `DB_PASSWORD` → db, password; `apiKey` → api, key. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function nameSaysSecret(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0 || NOT_THE_SECRET.has(words[words.length - 1]!) || SWITCH_PREFIX.has(words[0]!)) return false;
  // `pwd` is the working directory, `pass` is too often `pass-through`; only whole words count.
  if (words.some((w) => SECRET_WORDS.has(w))) return true;
  return words.some((w, i) => w === 'key' && i > 0 && KEY_QUALIFIERS.has(words[i - 1]!));
}

/** Values that cannot be the secret itself: references, paths, URLs without userinfo, switches, numbers, durations, placeholders. */
function valueIsInert(value: string): boolean {
  const v = value.trim();
  if (v.length < 4) return true;
  if (REFERENCE.test(v)) return true;
  if (/^(?:true|false|yes|no|on|off|enabled|disabled)$/i.test(v)) return true;
  if (/^-?\d+(?:\.\d+)?(?:[smhdwy]|ms)?$/i.test(v)) return true;
  if (/^(?:\/|\.\.?\/|~\/|[A-Za-z]:\\)/.test(v)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/i.test(v)) return true;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v)) return true; // another variable's name
  if (/^[a-z]+(?:-[a-z]+)+$/.test(v)) return true; // a resource name such as app-secret
  if (PLACEHOLDER.test(v) || /^(?:your|my|some)[-_ ]|example|placeholder|replace|redacted/i.test(v)) return true;
  return false;
}

/** A password inside a URL's userinfo (`postgres://app:s3cr3t@db/app`), unless it is a reference or placeholder. */
function urlPassword(value: string): boolean {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:([^/\s@]+)@/i.exec(value.trim());
  if (!m) return false;
  const password = m[1]!;
  return !REFERENCE.test(password) && !PLACEHOLDER.test(password) && !/^(?:pass|pwd|pw)$/i.test(password);
}

/** What the literal looks like ("a GitHub token", "a password"), or undefined when it does not look like a credential. */
export function credentialLike(name: string, value: string): string | undefined {
  for (const [what, pattern] of VENDOR_FORMATS) {
    if (pattern.test(value) && !/EXAMPLE/.test(value)) return what;
  }
  if (urlPassword(value)) return 'a URL with a password in it';
  if (!nameSaysSecret(name) || valueIsInert(value)) return undefined;
  const words = nameWords(name);
  if (words.includes('password') || words.includes('passwd') || words.includes('passphrase')) return 'a password';
  if (words.includes('token')) return 'a token';
  return 'a secret key';
}
