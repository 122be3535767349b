import type { EntraUser } from '../model/snapshot';
import type { ScopingClause, ScopingFilterGroup } from './schema';

/** The attribute value a clause tests, or `unknown` when the snapshot does not capture that attribute. */
type AttributeRead = { known: true; value: string | boolean | null } | { known: false };

const SCALAR_ATTRIBUTES: Record<string, (user: EntraUser) => string | boolean | null> = {
  userprincipalname: (user) => user.userPrincipalName,
  mail: (user) => user.mail,
  givenname: (user) => user.givenName,
  surname: (user) => user.surname,
  displayname: (user) => user.displayName,
  accountenabled: (user) => user.accountEnabled,
  employeeid: (user) => user.employeeId,
  usertype: (user) => user.userType,
  onpremisesimmutableid: (user) => user.onPremisesImmutableId,
  objectid: (user) => user.id
};

type Reader = (user: EntraUser) => string | boolean | null;

/**
 * Readers by the attribute name as the schema spells it. A clause is evaluated for every user, and
 * lower-casing its name each time made a new string that the property lookup then had to hash.
 */
const readerByName = new Map<string, Reader | undefined>();
/** Bounds the cache; a schema names a few dozen attributes at most. */
const MAX_CACHED_NAMES = 1_000;

function readAttribute(user: EntraUser, name: string): AttributeRead {
  let reader = readerByName.get(name);
  if (reader === undefined && !readerByName.has(name)) {
    if (readerByName.size >= MAX_CACHED_NAMES) readerByName.clear();
    reader = SCALAR_ATTRIBUTES[name.toLowerCase()];
    readerByName.set(name, reader);
  }
  return reader ? { known: true, value: reader(user) } : { known: false };
}

function asText(value: string | boolean | null): string | null {
  if (value === null) return null;
  if (typeof value !== 'boolean') return value;
  return value ? 'True' : 'False';
}

function asInteger(text: string): number | null {
  return /^-?\d+$/.test(text.trim()) ? Number.parseInt(text, 10) : null;
}

function regexMatches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return false;
  }
}

/**
 * Evaluates one clause as Entra documents it: EQUALS and Includes compare case-sensitively, a null or
 * empty value fails every operator except IS NULL, and the integer operators fail on non-integers.
 * Returns null when the clause cannot be evaluated (attribute not captured or operator unknown).
 */
export function evaluateClause(user: EntraUser, clause: ScopingClause): boolean | null {
  const read = readAttribute(user, clause.attribute);
  if (!read.known) return null;

  const value = asText(read.value);
  const empty = value === null || value === '';
  if (clause.operator === 'IS_NULL') return empty;
  if (clause.operator === 'IS_NOT_NULL') return !empty;
  if (empty) return false;

  const operands = clause.values;
  switch (clause.operator) {
    case 'EQUALS':
      return operands.some((operand) => operand === value);
    case 'NOT_EQUALS':
      return operands.every((operand) => operand !== value);
    // NOTE: Microsoft's docs do not say whether ENDS_WITH ignores case; it is evaluated case-sensitively like EQUALS.
    case 'ENDS_WITH':
      return operands.some((operand) => value.endsWith(operand));
    case 'INCLUDES':
      return operands.some((operand) => value.includes(operand));
    case 'IS_TRUE':
      return value.toLowerCase() === 'true';
    case 'IS_FALSE':
      return value.toLowerCase() === 'false';
    case 'REGEX_MATCH':
      return operands.some((operand) => regexMatches(operand, value));
    case 'NOT_REGEX_MATCH':
      return operands.every((operand) => !regexMatches(operand, value));
    case 'GREATER_THAN':
    case 'GREATER_THAN_OR_EQUALS': {
      const left = asInteger(value);
      const right = asInteger(operands[0] ?? '');
      if (left === null || right === null) return false;
      return clause.operator === 'GREATER_THAN' ? left > right : left >= right;
    }
    case '&':
    case '!&': {
      const left = asInteger(value);
      const right = asInteger(operands[0] ?? '');
      if (left === null || right === null) return false;
      const overlap = (left & right) !== 0;
      return clause.operator === '&' ? overlap : !overlap;
    }
    default:
      return null;
  }
}

export function describeClause(clause: ScopingClause): string {
  const operands = clause.values.length > 0 ? ` ${clause.values.map((value) => `"${value}"`).join(', ')}` : '';
  return `${clause.attribute} ${clause.operatorName}${operands}`;
}

export interface ScopingOutcome {
  inScope: boolean;
  /** The first failed clause of each filter group, e.g. `Employees: department EQUALS "IT"`. */
  failedClauses: string[];
  /** Clauses the audit could not evaluate and treated as satisfied. */
  unevaluated: string[];
}

/** The outcome for most users, shared because the audit evaluates the filter for every user. Callers must not change it. */
const IN_SCOPE: ScopingOutcome = { inScope: true, failedClauses: [], unevaluated: [] };

/**
 * Evaluates scoping filter groups: a user is in scope when every clause of at least one group holds.
 * The outcome of a user in scope without unevaluated clauses is one shared object.
 */
export function evaluateScoping(user: EntraUser, groups: ScopingFilterGroup[]): ScopingOutcome {
  if (groups.length === 0) return IN_SCOPE;

  const failedClauses: string[] = [];
  const unevaluated: string[] = [];
  for (const group of groups) {
    let groupHolds = true;
    for (const clause of group.clauses) {
      const result = evaluateClause(user, clause);
      if (result === null) {
        unevaluated.push(`${group.name}: ${describeClause(clause)}`);
        continue;
      }
      if (!result) {
        failedClauses.push(`${group.name}: ${describeClause(clause)}`);
        groupHolds = false;
        break;
      }
    }
    if (groupHolds) return unevaluated.length === 0 ? IN_SCOPE : { inScope: true, failedClauses: [], unevaluated };
  }
  return { inScope: false, failedClauses, unevaluated };
}
