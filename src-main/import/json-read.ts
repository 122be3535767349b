import { ImportError } from './errors';

export type Raw = Record<string, unknown>;

/** One object found in a file, with the JSON path that leads to it. */
export interface RawItem {
  raw: Raw;
  path: string;
}

/** A run of objects that arrived together: one Graph page, one SCIM ListResponse, or a plain array. */
export interface RawList {
  file: string;
  path: string;
  items: RawItem[];
  envelope: 'graph-page' | 'scim-list' | 'array' | 'single';
  /** Graph's `@odata.context`, `@odata.nextLink` and `@odata.count`, where the page carried them. */
  context: string | null;
  nextLink: string | null;
  count: number | null;
  /** SCIM's `totalResults`. */
  totalResults: number | null;
  /** True when property names were PascalCase, as Microsoft Graph PowerShell writes them. */
  fromPowerShell: boolean;
}

const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/** Parses JSON text and reports a syntax error with its line and column. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const detail = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
    if (!position) throw new ImportError(file, null, `invalid JSON (${detail}); expected a JSON document as Graph, PowerShell's ConvertTo-Json or Sentry SCIM writes it.`);
    const { line, column } = lineAndColumn(text, Number(position[1]));
    throw new ImportError(file, `line ${line}, column ${column}`, `invalid JSON (${detail}); expected a JSON document as Graph, PowerShell's ConvertTo-Json or Sentry SCIM writes it.`);
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

/**
 * Splits a parsed document into lists of objects. A document is a Graph page (`value`,
 * `@odata.nextLink`), a SCIM ListResponse (`Resources`, `totalResults`), or an array of such pages
 * saved in one file. It may also be an array of objects (PowerShell output, SCIM resources) or one
 * object (a single Graph entity).
 */
export function unwrapDocument(document: unknown, file: string): RawList[] {
  const truncated = findTypeName(document, '$');
  if (truncated !== null) {
    throw new ImportError(file, truncated.path, `found the type name "${truncated.value}" where an object was expected: ConvertTo-Json stopped at its default depth of 2. Export again with ConvertTo-Json -Depth 10 or deeper.`);
  }
  const powerShell = usesPascalCase(document);
  const normalized = normalizeKeys(document);

  if (Array.isArray(normalized)) {
    if (normalized.length > 0 && normalized.every(isEnvelope)) {
      return normalized.map((page, index) => unwrapEnvelope(page as Raw, file, `$[${index}]`, powerShell));
    }
    return [{ ...emptyList(file, '$', 'array', powerShell), items: normalized.map((item, index) => asItem(item, file, `$[${index}]`)) }];
  }
  if (!isObject(normalized)) throw new ImportError(file, '$', `expected a JSON object or array, found ${typeof normalized}.`);
  if (isEnvelope(normalized)) return [unwrapEnvelope(normalized, file, '$', powerShell)];

  const { '@odata.context': context, ...entity } = normalized;
  return [{ ...emptyList(file, '$', 'single', powerShell), context: typeof context === 'string' ? context : null, items: [{ raw: entity, path: '$' }] }];
}

function isEnvelope(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (Array.isArray(value.value) && ('@odata.context' in value || '@odata.nextLink' in value || Object.keys(value).every((key) => key === 'value' || key.startsWith('@odata.')))) return true;
  return isScimList(value);
}

function isScimList(value: Raw): boolean {
  const schemas = value.schemas;
  if (Array.isArray(schemas) && schemas.includes(LIST_RESPONSE_SCHEMA)) return true;
  return 'totalResults' in value && Array.isArray(value.resources);
}

function unwrapEnvelope(page: Raw, file: string, path: string, powerShell: boolean): RawList {
  if (isScimList(page)) {
    const total = page.totalResults;
    if (typeof total !== 'number' || !Number.isInteger(total) || total < 0) {
      throw new ImportError(file, `${path}.totalResults`, `expected the number of resources Sentry announced, found ${JSON.stringify(total)}.`);
    }
    const resources = page.resources ?? [];
    if (!Array.isArray(resources)) throw new ImportError(file, `${path}.Resources`, 'expected an array of SCIM resources.');
    return { ...emptyList(file, path, 'scim-list', powerShell), totalResults: total, items: resources.map((item, index) => asItem(item, file, `${path}.Resources[${index}]`)) };
  }

  const count = page['@odata.count'];
  if (count !== undefined && (typeof count !== 'number' || !Number.isInteger(count) || count < 0)) {
    throw new ImportError(file, `${path}['@odata.count']`, `expected a whole number, found ${JSON.stringify(count)}.`);
  }
  return {
    ...emptyList(file, path, 'graph-page', powerShell),
    context: typeof page['@odata.context'] === 'string' ? page['@odata.context'] : null,
    nextLink: typeof page['@odata.nextLink'] === 'string' ? page['@odata.nextLink'] : null,
    count: typeof count === 'number' ? count : null,
    items: (page.value as unknown[]).map((item, index) => asItem(item, file, `${path}.value[${index}]`))
  };
}

function asItem(value: unknown, file: string, path: string): RawItem {
  if (!isObject(value)) throw new ImportError(file, path, `expected an object, found ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}.`);
  return { raw: value, path };
}

function emptyList(file: string, path: string, envelope: RawList['envelope'], fromPowerShell: boolean): RawList {
  return { file, path, items: [], envelope, context: null, nextLink: null, count: null, totalResults: null, fromPowerShell };
}

export function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** PowerShell's `/Date(1714641251000)/` form, which Windows PowerShell 5.1's ConvertTo-Json writes for DateTime values. */
const POWERSHELL_DATE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;

/**
 * Brings Microsoft Graph PowerShell output to Graph's own JSON: PascalCase names become camelCase,
 * `AdditionalProperties` (where the SDK keeps properties it has no field for, such as `@odata.type`)
 * is merged into its object, and `/Date(...)/` strings become ISO 8601 timestamps. Graph and SCIM JSON
 * pass through unchanged, apart from SCIM's `Resources`, which becomes `resources`.
 */
export function normalizeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeKeys);
  if (typeof value === 'string') {
    const date = POWERSHELL_DATE.exec(value);
    return date ? new Date(Number(date[1])).toISOString().replace('.000Z', 'Z') : value;
  }
  if (!isObject(value)) return value;

  const out: Raw = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'AdditionalProperties' && isObject(inner)) continue;
    out[camelCase(key)] = normalizeKeys(inner);
  }
  const additional = value.AdditionalProperties;
  if (isObject(additional)) {
    for (const [key, inner] of Object.entries(additional)) {
      // The SDK's own fields win: AdditionalProperties repeats only what they do not cover.
      if (!(camelCase(key) in out) || out[camelCase(key)] === null) out[camelCase(key)] = normalizeKeys(inner);
    }
  }
  return out;
}

function camelCase(key: string): string {
  const first = key.charAt(0);
  return first >= 'A' && first <= 'Z' ? first.toLowerCase() + key.slice(1) : key;
}

/** .NET type names that ConvertTo-Json writes in place of objects nested deeper than its -Depth. */
const TYPE_NAME = /^(Microsoft\.Graph\.PowerShell\.Models\.|System\.Collections\.|System\.Object\[\])/;

function findTypeName(value: unknown, path: string): { path: string; value: string } | null {
  if (typeof value === 'string') return TYPE_NAME.test(value) ? { path, value } : null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findTypeName(value[index], `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (!isObject(value)) return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = findTypeName(inner, /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}['${key}']`);
    if (found) return found;
  }
  return null;
}

function usesPascalCase(document: unknown): boolean {
  let first = Array.isArray(document) ? document[0] : document;
  if (isObject(first) && Array.isArray(first.value)) first = first.value[0];
  return isObject(first) && ('Id' in first || 'AdditionalProperties' in first);
}
