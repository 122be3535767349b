import { pythonTypeName } from './errors';

/**
 * The request checks of Sentry's two SCIM PATCH serializers, with Django REST framework's messages.
 * Errors come back as DRF builds them: field -> messages, and list items keyed by their index.
 *
 * NOTE: item errors are keyed by index ("0") as current DRF does; errors seen from older Sentry
 * deployments lack the index level.
 */

export interface PatchOperation {
  /** Lower-cased by the serializer. */
  op: string;
  path?: string;
  value?: unknown;
  hasValue: boolean;
}

export type PatchCheck = { ok: true; operations: PatchOperation[] } | { ok: false; errors: Record<string, unknown> };

const REQUIRED = 'This field is required.';
const NOT_NULL = 'This field may not be null.';
const NOT_BLANK = 'This field may not be blank.';
const NOT_STRING = 'Not a valid string.';

/** PATCH /Users/{id}: `Operations` required (at most 100); each op must be `replace` with a boolean-like or object value. */
export function checkUserPatch(body: unknown): PatchCheck {
  return checkPatch(body, { schemasRequired: false, maxOperations: 100, allowedOps: ['replace'], valueRule: 'boolean-or-object' });
}

/** PATCH /Groups/{id}: both `schemas` and `Operations` required; ops `add`, `remove` or `replace` with any value. */
export function checkGroupPatch(body: unknown): PatchCheck {
  return checkPatch(body, { schemasRequired: true, maxOperations: null, allowedOps: ['add', 'remove', 'replace'], valueRule: 'any' });
}

/** Resolves the booleans Sentry accepts for `active`: JSON booleans and the strings "true"/"false" in any case. */
export function resolveMaybeBool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return null;
}

interface PatchRules {
  schemasRequired: boolean;
  maxOperations: number | null;
  allowedOps: string[];
  valueRule: 'boolean-or-object' | 'any';
}

function checkPatch(body: unknown, rules: PatchRules): PatchCheck {
  if (!isObject(body)) return { ok: false, errors: { non_field_errors: [notADictionary(body)] } };
  const errors: Record<string, unknown> = {};

  if ('schemas' in body) {
    const schemasError = checkStringList(body.schemas);
    if (schemasError) errors.schemas = schemasError;
  } else if (rules.schemasRequired) {
    errors.schemas = [REQUIRED];
  }

  const operations: PatchOperation[] = [];
  if (!('Operations' in body)) {
    errors.Operations = [REQUIRED];
  } else if (body.Operations === null) {
    errors.Operations = [NOT_NULL];
  } else if (!Array.isArray(body.Operations)) {
    errors.Operations = [notAList(body.Operations)];
  } else {
    const itemErrors: Record<string, unknown> = {};
    body.Operations.forEach((item: unknown, index: number) => {
      const checked = checkOperation(item, rules);
      if ('errors' in checked) itemErrors[String(index)] = checked.errors;
      else operations.push(checked.operation);
    });

    if (Object.keys(itemErrors).length > 0) errors.Operations = itemErrors;
    else if (rules.maxOperations !== null && body.Operations.length > rules.maxOperations) {
      errors.Operations = [`Ensure this field has no more than ${rules.maxOperations} elements.`];
    }
  }

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, operations };
}

function checkOperation(item: unknown, rules: PatchRules): { operation: PatchOperation } | { errors: unknown } {
  if (item === null) return { errors: [NOT_NULL] };
  if (!isObject(item)) return { errors: { non_field_errors: [notADictionary(item)] } };
  const errors: Record<string, string[]> = {};

  let op = '';
  if (!('op' in item)) errors.op = [REQUIRED];
  else {
    const checked = checkCharField(item.op);
    if (typeof checked !== 'string') errors.op = checked;
    else if (!rules.allowedOps.includes(checked.toLowerCase())) errors.op = [`"${checked.toLowerCase()}" is not a valid choice`];
    else op = checked.toLowerCase();
  }

  const hasValue = 'value' in item;
  if (!hasValue) {
    if (rules.valueRule === 'boolean-or-object') errors.value = [REQUIRED];
  } else if (item.value === null) {
    errors.value = [NOT_NULL];
  } else if (rules.valueRule === 'boolean-or-object' && !isObject(item.value) && resolveMaybeBool(item.value) === null) {
    errors.value = ['value must be a boolean or object'];
  }

  let path: string | undefined;
  if ('path' in item) {
    const checked = checkCharField(item.path);
    if (typeof checked !== 'string') errors.path = checked;
    else path = checked;
  }

  if (Object.keys(errors).length > 0) return { errors };

  // The boolean-like strings reach the view already converted.
  const value = rules.valueRule === 'boolean-or-object' && typeof item.value === 'string' ? resolveMaybeBool(item.value) : item.value;
  return { operation: { op, hasValue, ...(path === undefined ? {} : { path }), ...(hasValue ? { value } : {}) } };
}

/** DRF CharField: numbers become text, other non-strings fail, and blank or whitespace-only text fails. */
function checkCharField(value: unknown): string | string[] {
  if (value === null) return [NOT_NULL];
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return [NOT_STRING];
  if (value.trim() === '') return [NOT_BLANK];
  return value.trim();
}

function checkStringList(value: unknown): unknown {
  if (value === null) return [NOT_NULL];
  if (!Array.isArray(value)) return [notAList(value)];
  const itemErrors: Record<string, string[]> = {};
  value.forEach((entry: unknown, index: number) => {
    const checked = checkCharField(entry);
    if (typeof checked !== 'string') itemErrors[String(index)] = checked;
  });
  return Object.keys(itemErrors).length > 0 ? itemErrors : null;
}

function notAList(value: unknown): string {
  return `Expected a list of items but got type "${pythonTypeName(value)}".`;
}

function notADictionary(value: unknown): string {
  return `Invalid data. Expected a dictionary, but got ${pythonTypeName(value)}.`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
