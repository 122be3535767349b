import { isObject, isTruthy, readJsonBody, type HandlerContext, type ScimRequest } from './context';
import { internalError, MESSAGES, plainDetail, type FakeResponse } from './errors';
import { checkUserPatch, resolveMaybeBool, type PatchOperation } from './patch-validation';
import { listEnvelope, parseListQuery } from './query';
import { userResource } from './resources';
import { DEFAULT_ORG_ROLE, TOP_ORG_ROLE, type MemberRecord } from './state';

/** Roles without the `org:admin` scope, the only ones SCIM may assign. `owner` is excluded. */
export const ASSIGNABLE_ROLES = new Set(['member', 'admin', 'manager', 'billing']);

const MAX_EMAIL_LENGTH = 75;

/** GET /Users: every member, pending invites first; the filter matches any address of a member, ignoring case. */
export function listUsers(ctx: HandlerContext, request: ScimRequest): FakeResponse {
  const query = parseListQuery(request.query, ctx.errors);
  if ('status' in query) return query;

  const rows = query.filter.kind === 'value' ? ctx.state.findMembersByEmail(query.filter.value) : ctx.state.listMembers();
  const offset = query.startIndex - 1;
  const page = rows.slice(offset, offset + query.count).map((member) => userResource(member, ctx.state));
  return { status: 200, body: listEnvelope(page, rows.length, query.startIndex) };
}

/** POST /Users: creates a pending invite from `userName` and `sentryOrgRole`; every other attribute is ignored. */
export function createUser(ctx: HandlerContext, request: ScimRequest): FakeResponse {
  const parsed = readJsonBody(request);
  if (!parsed.ok) return parsed.response;
  const body = parsed.body;
  if (!isObject(body)) return internalError();

  let role = DEFAULT_ORG_ROLE;
  let roleRestricted = false;
  if (isTruthy(body.sentryOrgRole)) {
    if (typeof body.sentryOrgRole !== 'string') return internalError();
    role = body.sentryOrgRole.toLowerCase();
    roleRestricted = true;
  }
  if (!ASSIGNABLE_ROLES.has(role)) return ctx.errors.scim(400, MESSAGES.invalidRole);

  const email = checkEmail(body.userName);
  if (typeof email !== 'string') return ctx.errors.validation({ email });

  if (isAlreadyMember(ctx, email)) return ctx.errors.duplicateUser();

  const member = ctx.state.addMember({ email, role, pending: true, idpProvisioned: true, idpRoleRestricted: roleRestricted });
  return { status: 201, body: userResource(member, ctx.state) };
}

export function getUser(ctx: HandlerContext, member: MemberRecord): FakeResponse {
  return { status: 200, body: userResource(member, ctx.state) };
}

/**
 * PATCH /Users/{id}: only the first operation counts. Setting `active` to false deletes the member;
 * any other first operation is rejected, and an empty list returns the member unchanged.
 */
export function patchUser(ctx: HandlerContext, request: ScimRequest, member: MemberRecord): FakeResponse {
  const parsed = readJsonBody(request);
  if (!parsed.ok) return parsed.response;

  const checked = checkUserPatch(parsed.body);
  if (!checked.ok) return ctx.errors.validation(checked.errors);
  if (member.partnershipRestricted) return plainDetail(403, MESSAGES.partnership);

  const first = checked.operations[0];
  if (first === undefined) return { status: 200, body: userResource(member, ctx.state) };
  if (!isDeactivation(first)) return ctx.errors.scim(400, MESSAGES.invalidPatch);
  return deleteMember(ctx, member);
}

/** PUT /Users/{id}: changes the role only and never deletes, whatever else the body holds. */
export function putUser(ctx: HandlerContext, request: ScimRequest, member: MemberRecord): FakeResponse {
  // Owners are left as they are, but now count as provisioned and no longer role-locked.
  if (member.role === TOP_ORG_ROLE) {
    const updated = ctx.state.updateMember(member.id, { idpProvisioned: true, idpRoleRestricted: false });
    return { status: 200, body: userResource(updated, ctx.state) };
  }
  if (member.partnershipRestricted) return plainDetail(403, MESSAGES.partnership);

  const parsed = readJsonBody(request);
  if (!parsed.ok) return parsed.response;
  const body = parsed.body;
  if (!isObject(body)) return internalError();

  let requestedRole: string;
  let roleRestricted: boolean;
  if (isTruthy(body.sentryOrgRole)) {
    if (typeof body.sentryOrgRole !== 'string') return internalError();
    if (member.idpRoleRestricted && member.role.toLowerCase() === body.sentryOrgRole.toLowerCase()) {
      return { status: 200, body: userResource(member, ctx.state) };
    }
    requestedRole = body.sentryOrgRole.toLowerCase();
    roleRestricted = true;
  } else {
    // A role managed in Sentry (not locked by the IdP) stays when the IdP sends none.
    if (member.role !== DEFAULT_ORG_ROLE && !member.idpRoleRestricted) return { status: 200, body: userResource(member, ctx.state) };
    requestedRole = DEFAULT_ORG_ROLE;
    roleRestricted = false;
  }

  if (!ASSIGNABLE_ROLES.has(requestedRole)) return ctx.errors.scim(400, MESSAGES.invalidRole);
  const updated = ctx.state.updateMember(member.id, { role: requestedRole, idpRoleRestricted: roleRestricted, idpProvisioned: true });
  return { status: 200, body: userResource(updated, ctx.state) };
}

/** DELETE /Users/{id}: removes the member and its team memberships. */
export function deleteUser(ctx: HandlerContext, member: MemberRecord): FakeResponse {
  if (member.partnershipRestricted) return plainDetail(403, MESSAGES.partnership);
  return deleteMember(ctx, member);
}

function deleteMember(ctx: HandlerContext, member: MemberRecord): FakeResponse {
  if (member.role === TOP_ORG_ROLE && ctx.state.ownerCount() === 1) return plainDetail(403, MESSAGES.onlyOwner);
  ctx.state.removeMember(member.id);
  return { status: 204 };
}

/** Okta sends `{"active": false}` as the value; other IdPs send path `active` with a false-ish value. */
function isDeactivation(operation: PatchOperation): boolean {
  if (operation.op !== 'replace') return false;
  if (isObject(operation.value) && resolveMaybeBool(operation.value.active) === false) return true;
  return operation.path === 'active' && resolveMaybeBool(operation.value) === false;
}

/**
 * Checks the member-invite e-mail field: DRF CharField (numbers become text, whitespace trimmed), at most
 * 75 characters, then Django's e-mail validator. Returns the cleaned address or the field's messages.
 */
function checkEmail(value: unknown): string | string[] {
  if (value === null || value === undefined) return ['This field may not be null.'];
  if (typeof value !== 'string' && typeof value !== 'number') return ['Not a valid string.'];
  const text = String(value).trim();
  if (text === '') return ['This field may not be blank.'];

  const problems: string[] = [];
  if (text.length > MAX_EMAIL_LENGTH) problems.push(`Ensure this field has no more than ${MAX_EMAIL_LENGTH} characters.`);
  if (!isValidEmail(text)) problems.push('Enter a valid email address.');
  return problems.length > 0 ? problems : text;
}

/**
 * Django's EmailValidator for ASCII addresses: a dot-atom local part and a domain of dotted labels
 * ending in a label of at least two characters, or `localhost`.
 * NOTE: quoted local parts, IP-literal domains and non-ASCII domains are rejected here, though Django accepts them.
 */
export function isValidEmail(text: string): boolean {
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1 || text.length > 320) return false;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);

  const atom = "[-!#$%&'*+/=?^_`{}|~0-9A-Za-z]+";
  if (!new RegExp(`^${atom}(\\.${atom})*$`).test(local)) return false;
  if (domain.toLowerCase() === 'localhost') return true;
  return /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9-]{2,63}$/.test(domain) && !domain.endsWith('-');
}

/**
 * Applies the duplicate rule of Sentry's member-invite serializer: a pending invite matches on the exact
 * invite e-mail, an accepted member on any address of its account ignoring case.
 */
function isAlreadyMember(ctx: HandlerContext, email: string): boolean {
  return ctx.state.findMembersByEmail(email).some((member) => !member.pending || member.email === email);
}
