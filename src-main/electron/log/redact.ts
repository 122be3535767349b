/**
 * Redaction applied by the logger to every message and field before anything is written.
 *
 * Two layers: values under sensitive keys are replaced whole, and every string is scanned for
 * credential shapes (Authorization headers, bearer tokens, OAuth form values, JWTs, Sentry tokens),
 * so a secret pasted into an error message is caught too. Plain Node, no Electron.
 */

export const REDACTED = '[REDACTED]';

// Matched against key names with `_` and `-` removed and lowercased, so `client_secret`,
// `clientSecret` and `Client-Secret` are all caught. Over-matching (e.g. `tokenCount`) is accepted.
const SENSITIVE_KEY = /authorization|cookie|password|passwd|secret|token|assertion|apikey|privatekey|credential/;

const TEXT_RULES: ReadonlyArray<{ pattern: RegExp; replacement: string }> = [
  // `Authorization: Bearer x`, `authorization=x`, `"Authorization":"x"`: everything up to the line or value end.
  { pattern: /((?:proxy-)?authorization["']?\s*[:=]\s*["']?)[^"'\r\n,}]+/gi, replacement: `$1${REDACTED}` },
  { pattern: /\b(bearer|basic)\s+[A-Za-z0-9\-._~+/]+=*/gi, replacement: `$1 ${REDACTED}` },
  // OAuth and SCIM values in form bodies, query strings and JSON: `client_secret=...`, `"scimToken": "..."`.
  {
    pattern:
      /(["']?\b(?:client[_-]?secret|client[_-]?assertion|scim[_-]?token|access[_-]?token|refresh[_-]?token|id[_-]?token|auth[_-]?token|password)["']?\s*[:=]\s*["']?)[^"'\s,&}]+/gi,
    replacement: `$1${REDACTED}`
  },
  // A JWT: base64url header starting with `{"` (eyJ), payload, optional signature.
  { pattern: /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, replacement: REDACTED },
  // Sentry auth tokens: `sntrys_` (organization) and `sntryu_` (user) prefixes.
  // NOTE: Sentry's older tokens are 64 bare hex digits and look like the SHA-256 hashes Roster logs on purpose.
  // Those tokens are caught only under a sensitive key name.
  { pattern: /\bsntry[a-z]?_[A-Za-z0-9+/=_-]{8,}/g, replacement: REDACTED }
];

export function redactText(text: string): string {
  let result = text;
  for (const rule of TEXT_RULES) {
    result = result.replace(rule.pattern, rule.replacement);
  }
  return result;
}

function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key.replace(/[_-]/g, '').toLowerCase());
}

const MAX_DEPTH = 8;

/**
 * Returns a JSON-safe copy of `value` with secrets replaced by `[REDACTED]`.
 *
 * Errors become `{ name, message, stack, cause }`, Maps and Headers become plain objects, and cycles
 * and nesting deeper than 8 levels are cut off with a marker instead of throwing.
 */
export function redactValue(value: unknown, seen: WeakSet<object> = new WeakSet(), depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' ? String(value) : value;
  }

  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Too deep]';
  seen.add(value);

  if (value instanceof Error) {
    const described: Record<string, unknown> = { name: value.name, message: redactText(value.message) };
    if (value.stack !== undefined) described.stack = redactText(value.stack);
    if (value.cause !== undefined) described.cause = redactValue(value.cause, seen, depth + 1);
    return described;
  }
  if (value instanceof URL || value instanceof Date) {
    return redactText(value.toString());
  }
  if (Array.isArray(value)) {
    return value.map((item) => redactValue(item, seen, depth + 1));
  }

  const entries =
    value instanceof Map || (typeof Headers !== 'undefined' && value instanceof Headers)
      ? Array.from((value as Map<unknown, unknown>).entries(), ([key, item]) => [String(key), item] as const)
      : Object.entries(value);

  const copy: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    copy[key] = isSensitiveKey(key) && item !== null && item !== undefined && item !== '' ? REDACTED : redactValue(item, seen, depth + 1);
  }
  return copy;
}
