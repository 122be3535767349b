/** Error bodies Sentry's SCIM endpoints send, in both generations of the SCIM error format. */

export const SCIM_ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/**
 * `older`: `{schemas, detail}`. `newest`: adds `status` (the HTTP code as a string), and `scimType:"uniqueness"`
 * on a duplicate user. Sentry changed this in 2026.
 */
export type ErrorGeneration = 'newest' | 'older';

export interface FakeResponse {
  status: number;
  /** JSON body; undefined sends no body. */
  body?: unknown;
  /** A non-JSON body, sent as text/plain. */
  text?: string;
  headers?: Record<string, string>;
}

export const MESSAGES = {
  notAuthenticated: 'Authentication credentials were not provided.',
  invalidToken: 'Invalid token',
  invalidTokenHeader: 'Invalid token header. No credentials provided.',
  permissionDenied: 'You do not have permission to perform this action.',
  resourceMissing: 'The requested resource does not exist',
  onlyOwner: 'You cannot remove the only remaining owner of the organization.',
  partnership: 'This member is managed by an active partnership and cannot be modified until the end of the partnership.',
  invalidPatch: 'Invalid Patch Operation.',
  invalidRole: 'Invalid organization role.',
  userExists: 'User already exists in the database.',
  groupNotFound: 'Group not found.',
  userNotFound: 'User not found.',
  tooManyPatchOps: 'Too many patch ops sent, limit is 100.',
  unsupportedReplace: 'Invalid Replace attr. Only displayName and members supported.',
  conflictingSlug: 'A team with this slug already exists.',
  invalidSlug: 'Enter a valid slug consisting of lowercase letters, numbers, underscores or hyphens. It cannot be entirely numeric.',
  invalidCursor: 'Invalid cursor parameter.',
  internalError: 'Internal Error'
} as const;

export class ErrorBodies {
  constructor(readonly generation: ErrorGeneration) {}

  /** Builds a SCIM error (`urn:…:Error`) with a text detail. */
  scim(status: number, detail: string, scimType?: string): FakeResponse {
    const body: Record<string, unknown> = { schemas: [SCIM_ERROR_SCHEMA] };
    if (this.generation === 'newest') body.status = String(status);
    body.detail = detail;
    if (scimType !== undefined && this.generation === 'newest') body.scimType = scimType;
    return { status, body };
  }

  /** Builds a serializer failure: a SCIM error whose detail is the field errors encoded as a JSON string. */
  validation(errors: unknown): FakeResponse {
    return this.scim(400, pythonJsonDumps(errors));
  }

  /**
   * Builds the invalidFilter body, which has no detail.
   * NOTE: whether the newest code adds `status` to this fixed body is unconfirmed. It is added here
   * because Sentry's change note states that every SCIM error constant gained it.
   */
  invalidFilter(): FakeResponse {
    const body: Record<string, unknown> = { schemas: [SCIM_ERROR_SCHEMA] };
    if (this.generation === 'newest') body.status = '400';
    body.scimType = 'invalidFilter';
    return { status: 400, body };
  }

  duplicateUser(): FakeResponse {
    return this.scim(409, MESSAGES.userExists, 'uniqueness');
  }
}

/** Builds a plain Django REST framework body: `{"detail": …}` or a field error map. */
export function plain(status: number, body: Record<string, unknown>): FakeResponse {
  return { status, body };
}

export function plainDetail(status: number, detail: string): FakeResponse {
  return { status, body: { detail } };
}

/** Builds the 500 response for a request that raises an unhandled exception in Sentry's view code. */
export function internalError(): FakeResponse {
  return plainDetail(500, MESSAGES.internalError);
}

/**
 * Encodes like Sentry's `json.dumps`: compact separators and ASCII-only output (`\uXXXX` escapes),
 * so the string matches the `detail` Sentry sends byte for byte.
 */
export function pythonJsonDumps(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Python's `type(x).__name__` for a JSON value, used in DRF's "Expected a list" messages. */
export function pythonTypeName(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'dict';
}
