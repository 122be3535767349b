import { badRequest, unsupportedQuery } from './errors';

/** One `$filter` condition; conditions joined by `and` all have to hold. */
export interface FilterClause {
  path: string;
  op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'startsWith' | 'contains';
  value: string | number | boolean | null;
  /** True when the literal was an unquoted date-time such as `2025-01-01T00:00:00Z`. */
  isDateTime: boolean;
}

/** Which properties and operators an endpoint accepts in `$filter`, and whether strings compare by case. */
export interface FilterRules {
  resource: string;
  allowed: Record<string, FilterClause['op'][]>;
  caseSensitive: boolean;
}

const TOKEN = /\s*(?:('(?:[^']|'')*')|(\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))|([A-Za-z_][\w/.]*)|(-?\d+(?:\.\d+)?)|([(),]))/y;

interface Token {
  kind: 'string' | 'datetime' | 'word' | 'number' | 'punct';
  text: string;
}

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < filter.length) {
    if (/^\s*$/.test(filter.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(filter);
    if (!match) throw badRequest(`Invalid filter clause: syntax error at position ${start} in '${filter}'.`);
    if (match[1] !== undefined) tokens.push({ kind: 'string', text: match[1].slice(1, -1).replace(/''/g, "'") });
    else if (match[2] !== undefined) tokens.push({ kind: 'datetime', text: match[2] });
    else if (match[3] !== undefined) tokens.push({ kind: 'word', text: match[3] });
    else if (match[4] !== undefined) tokens.push({ kind: 'number', text: match[4] });
    else tokens.push({ kind: 'punct', text: match[5] ?? '' });
  }
  return tokens;
}

function literal(token: Token | undefined, filter: string): Pick<FilterClause, 'value' | 'isDateTime'> {
  if (!token) throw badRequest(`Invalid filter clause: a value is missing at the end of '${filter}'.`);
  if (token.kind === 'string') return { value: token.text, isDateTime: false };
  if (token.kind === 'datetime') return { value: token.text, isDateTime: true };
  if (token.kind === 'number') return { value: Number(token.text), isDateTime: false };
  if (token.kind === 'word' && ['true', 'false', 'null'].includes(token.text)) {
    return { value: token.text === 'null' ? null : token.text === 'true', isDateTime: false };
  }
  throw badRequest(`Invalid filter clause: '${token.text}' is not a value in '${filter}'. Quote strings with single quotes.`);
}

/**
 * Parses the subset of OData `$filter` that the endpoints here accept: comparisons, `startsWith(...)`
 * and `contains(...)`, joined by `and`.
 * NOTE: `or`, `not`, `in` and lambda operators are rejected, although Graph accepts some of them on some properties.
 */
export function parseFilter(filter: string, rules: FilterRules): FilterClause[] {
  const tokens = tokenize(filter);
  const clauses: FilterClause[] = [];
  let i = 0;

  while (i < tokens.length) {
    const head = tokens[i];
    let clause: FilterClause;

    if (head?.kind === 'word' && tokens[i + 1]?.text === '(') {
      const fn = head.text.toLowerCase();
      const op = fn === 'startswith' ? 'startsWith' : fn === 'contains' ? 'contains' : null;
      if (!op) throw unsupportedQuery(`Unsupported filter function '${head.text}' for resource '${rules.resource}'.`);
      const path = tokens[i + 2];
      if (path?.kind !== 'word' || tokens[i + 3]?.text !== ',' || tokens[i + 5]?.text !== ')') {
        throw badRequest(`Invalid filter clause: expected ${head.text}(property,'value') in '${filter}'.`);
      }
      clause = { path: path.text, op, ...literal(tokens[i + 4], filter) };
      i += 6;
    } else if (head?.kind === 'word') {
      const opToken = tokens[i + 1];
      const op = opToken?.text.toLowerCase();
      if (opToken?.kind !== 'word' || !op || !['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(op)) {
        throw badRequest(`Invalid filter clause: expected a comparison operator after '${head.text}' in '${filter}'.`);
      }
      clause = { path: head.text, op: op as FilterClause['op'], ...literal(tokens[i + 2], filter) };
      i += 3;
    } else {
      throw badRequest(`Invalid filter clause: unexpected '${head?.text ?? ''}' in '${filter}'.`);
    }

    const allowedOps = rules.allowed[clause.path];
    if (!allowedOps || !allowedOps.includes(clause.op)) {
      throw unsupportedQuery(
        `Unsupported or invalid query filter clause specified for property '${clause.path}' of resource '${rules.resource}'.`
      );
    }
    clauses.push(clause);

    const joiner = tokens[i];
    if (!joiner) break;
    if (joiner.kind !== 'word' || joiner.text.toLowerCase() !== 'and') {
      throw unsupportedQuery(`Unsupported filter operator '${joiner.text}' for resource '${rules.resource}'; this fake joins clauses with 'and' only.`);
    }
    i += 1;
  }

  if (clauses.length === 0) throw badRequest(`Invalid filter clause: '${filter}' holds no condition.`);
  return clauses;
}

function valueAt(item: Record<string, unknown>, path: string): unknown {
  let current: unknown = item;
  for (const part of path.split('/')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export function matchesFilter(item: Record<string, unknown>, clauses: FilterClause[], caseSensitive: boolean): boolean {
  return clauses.every((clause) => matchesClause(valueAt(item, clause.path), clause, caseSensitive));
}

function matchesClause(actual: unknown, clause: FilterClause, caseSensitive: boolean): boolean {
  const expected = clause.value;

  if (clause.isDateTime) {
    if (typeof actual !== 'string' || typeof expected !== 'string') return false;
    return compare(Date.parse(actual), Date.parse(expected), clause.op);
  }
  if (typeof actual === 'string' && typeof expected === 'string') {
    const a = caseSensitive ? actual : actual.toLowerCase();
    const b = caseSensitive ? expected : expected.toLowerCase();
    if (clause.op === 'startsWith') return a.startsWith(b);
    if (clause.op === 'contains') return a.includes(b);
    return compare(a, b, clause.op);
  }
  if (clause.op === 'eq') return (actual ?? null) === expected;
  if (clause.op === 'ne') return (actual ?? null) !== expected;
  if (typeof actual === 'number' && typeof expected === 'number') return compare(actual, expected, clause.op);
  return false;
}

function compare<T extends string | number>(a: T, b: T, op: FilterClause['op']): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    default:
      return false;
  }
}

/** Parses `$select` into property names; null when absent. */
export function parseSelect(params: URLSearchParams): string[] | null {
  const raw = params.get('$select');
  if (raw === null) return null;
  const names = raw.split(',').map((name) => name.trim()).filter((name) => name.length > 0);
  for (const name of names) {
    if (!/^[A-Za-z@][\w@.#]*$/.test(name)) throw badRequest(`Parsing OData Select and Expand failed: '${name}' is not a property name.`);
  }
  return names;
}

/** Reads `$top`, rejecting values outside Graph's 1..999 directory range. */
export function parseTop(params: URLSearchParams): number | null {
  const raw = params.get('$top');
  if (raw === null) return null;
  const top = Number(raw);
  if (!Number.isInteger(top) || top < 1 || top > 999) {
    throw badRequest(`Invalid page size specified: '${raw}'. Must be between 1 and 999 inclusive.`);
  }
  return top;
}

/**
 * Copies the listed properties of `source` in `select` order.
 * Names the object lacks are skipped, because Graph leaves out properties a type lacks in a mixed collection.
 */
export function project(source: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    if (name in source) out[name] = source[name];
  }
  return out;
}
