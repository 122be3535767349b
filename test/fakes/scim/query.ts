import { ErrorBodies, MESSAGES, plain, plainDetail, type FakeResponse } from './errors';

/** Result of Sentry's SCIM filter parser: no filter, the value to match, or a rejection. */
export type FilterResult =
  | { kind: 'none' }
  | { kind: 'value'; value: string }
  | { kind: 'invalid' }
  /** `value eq "abc"`: Python's int() raises outside the handled error, so Sentry returns 500. */
  | { kind: 'crash' };

const FILTER_KEYS = new Set(['userName', 'value', 'displayName']);

/**
 * Parses a filter the way Sentry does, quirks included. A comma anywhere is invalid, and the split is on
 * the literal " eq ". The first and last characters of the value are dropped whether or not they are
 * quotes. The attribute name is checked but then ignored.
 */
export function parseScimFilter(raw: string): FilterResult {
  if (raw.includes(',')) return { kind: 'invalid' };

  const parts = raw.split(' eq ');
  if (parts.length !== 2) return { kind: 'invalid' };
  const [rawKey, rawValue] = parts as [string, string];
  if (rawKey === '' || rawValue === '') return { kind: 'invalid' };

  const key = rawKey.trim();
  const value = rawValue.trim().slice(1, -1);
  if (!FILTER_KEYS.has(key)) return { kind: 'invalid' };

  if (key === 'value') {
    const number = parsePythonInt(value);
    return number === null ? { kind: 'crash' } : { kind: 'value', value: String(number) };
  }
  return { kind: 'value', value };
}

/** Python's `int(text)` for base-10 text: surrounding whitespace, a sign and `_` between digits are allowed. */
export function parsePythonInt(text: string): bigint | null {
  const match = /^\s*([+-]?)(\d+(?:_\d+)*)\s*$/.exec(text);
  if (!match) return null;
  const digits = match[2]!.replace(/_/g, '');
  return BigInt(match[1] === '-' ? `-${digits}` : digits);
}

export interface ListQuery {
  startIndex: number;
  count: number;
  filter: FilterResult;
  excludeMembers: boolean;
}

/**
 * Reads `startIndex`, `count`, `filter` and `excludedAttributes` like Sentry's SCIM query serializer.
 * Empty values fall back to the defaults, as DRF does for form-style input.
 */
export function parseListQuery(params: URLSearchParams, errors: ErrorBodies): ListQuery | FakeResponse {
  const fieldErrors: Record<string, string[]> = {};

  const startIndex = readInteger(params, 'startIndex', 1, 1, fieldErrors);
  const count = readInteger(params, 'count', 100, 0, fieldErrors);

  let filter: FilterResult = { kind: 'none' };
  const rawFilter = lastValue(params, 'filter');
  if (rawFilter !== undefined && rawFilter !== '') filter = parseScimFilter(rawFilter);

  // A crash in the filter check escapes the serializer at once. Otherwise every field is validated
  // first, and a bad filter wins over other field errors.
  if (filter.kind === 'crash') return plainDetail(500, MESSAGES.internalError);
  if (filter.kind === 'invalid') return errors.invalidFilter();
  if (Object.keys(fieldErrors).length > 0) return plain(400, fieldErrors);

  // The paginator reads startIndex again as its cursor with a plain int(), which rejects "2.0".
  // NOTE: this error is read from Sentry's older SCIM paginate code; the newest base class was not checked.
  const rawStart = lastValue(params, 'startIndex');
  if (rawStart !== undefined && rawStart !== '' && parsePythonInt(rawStart) === null) {
    return plainDetail(400, MESSAGES.invalidCursor);
  }

  return {
    startIndex: startIndex!,
    // A count of 0 is falsy in the paginator and becomes the default page size.
    count: count === 0 ? 100 : count!,
    filter,
    excludeMembers: params.getAll('excludedAttributes').includes('members')
  };
}

/** DRF IntegerField: trailing ".0" is accepted, anything else non-integral is "A valid integer is required." */
function readInteger(
  params: URLSearchParams,
  name: string,
  fallback: number,
  minimum: number,
  fieldErrors: Record<string, string[]>
): number | undefined {
  const raw = lastValue(params, name);
  if (raw === undefined || raw === '') return fallback;

  const parsed = parsePythonInt(raw.replace(/\.0*\s*$/, ''));
  if (parsed === null || raw.length > 1000) {
    fieldErrors[name] = ['A valid integer is required.'];
    return undefined;
  }
  if (parsed < BigInt(minimum)) {
    fieldErrors[name] = [`Ensure this value is greater than or equal to ${minimum}.`];
    return undefined;
  }
  return parsed > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(parsed);
}

/** Django's QueryDict returns the last value of a repeated key. */
function lastValue(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  return values.length === 0 ? undefined : values[values.length - 1];
}

export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/** Builds the SCIM ListResponse envelope, whose itemsPerPage is the number of resources in this page. */
export function listEnvelope(resources: unknown[], totalResults: number, startIndex: number): Record<string, unknown> {
  return {
    schemas: [LIST_SCHEMA],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources
  };
}
