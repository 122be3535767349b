import { randomBytes } from 'node:crypto';
import { MAX_SLUG_LENGTH, MAX_TEAM_NAME_LENGTH, sentrySlug, slugProblem } from '../../../src-main/scim/slug';
import { isObject, pythonStr, readJsonBody, toDatabaseId, type HandlerContext, type ScimRequest } from './context';
import { internalError, MESSAGES, plain, type FakeResponse } from './errors';
import { checkGroupPatch } from './patch-validation';
import { listEnvelope, parseListQuery, parseScimFilter } from './query';
import { groupResource } from './resources';
import type { TeamRecord } from './state';

/** GET /Groups: all active teams by slug; the filter value is slugified and compared with slugs, ignoring case. */
export function listGroups(ctx: HandlerContext, request: ScimRequest): FakeResponse {
  const query = parseListQuery(request.query, ctx.errors);
  if ('status' in query) return query;

  let rows: readonly TeamRecord[];
  if (query.filter.kind === 'value') {
    const team = ctx.state.findTeamBySlug(sentrySlug(query.filter.value));
    rows = team ? [team] : [];
  } else {
    rows = ctx.state.listTeams();
  }

  const offset = query.startIndex - 1;
  const options = { includeMembers: !query.excludeMembers, memberCap: ctx.memberCap };
  const page = rows.slice(offset, offset + query.count).map((team) => groupResource(team, ctx.state, options));
  return { status: 200, body: listEnvelope(page, rows.length, query.startIndex) };
}

/** POST /Groups: a team named `displayName` with its slug; `members` in the body is ignored, so it starts empty. */
export function createGroup(ctx: HandlerContext, request: ScimRequest): FakeResponse {
  const parsed = readJsonBody(request);
  if (!parsed.ok) return parsed.response;
  const body = parsed.body;
  if (!isObject(body) || !('displayName' in body)) return internalError();

  const slug = sentrySlug(pythonStr(body.displayName));
  const errors: Record<string, string[]> = {};
  const slugErrors = checkSlug(slug);
  if (slugErrors.length > 0) errors.slug = slugErrors;

  // The team-create serializer allows a null or blank name and falls back to the slug.
  let name: string | null = null;
  if (body.displayName !== null) {
    const checked = checkName(body.displayName, true);
    if (typeof checked === 'string') name = checked;
    else errors.name = checked;
  }
  if (Object.keys(errors).length > 0) return plain(400, errors);

  if (ctx.state.findTeamBySlug(slug)) {
    return plain(409, { non_field_errors: [MESSAGES.conflictingSlug], detail: MESSAGES.conflictingSlug });
  }
  const team = ctx.state.addTeam(name || slug, slug, true);
  return { status: 201, body: groupResource(team, ctx.state, { includeMembers: true, memberCap: ctx.memberCap }) };
}

export function getGroup(ctx: HandlerContext, request: ScimRequest, team: TeamRecord): FakeResponse {
  const query = parseListQuery(request.query, ctx.errors);
  if ('status' in query) return query;
  return { status: 200, body: groupResource(team, ctx.state, { includeMembers: !query.excludeMembers, memberCap: ctx.memberCap }) };
}

/**
 * PATCH /Groups/{id}: applies add, remove and replace operations in order as one transaction. A failure
 * rolls every operation back, except the rejection of an unsupported replace path, which keeps the
 * operations before it.
 */
export function patchGroup(ctx: HandlerContext, request: ScimRequest, team: TeamRecord): FakeResponse {
  const parsed = readJsonBody(request);
  if (!parsed.ok) return parsed.response;

  const checked = checkGroupPatch(parsed.body);
  if (!checked.ok) return ctx.errors.validation(checked.errors);

  // The view walks the raw operations, not the validated copies, so paths are not trimmed.
  const operations = (parsed.body as { Operations: Array<Record<string, unknown>> }).Operations;
  if (operations.length > 100) return ctx.errors.scim(400, MESSAGES.tooManyPatchOps);

  const saved = ctx.state.snapshotTeam(team.id);
  ctx.state.updateTeam(team.id, { idpProvisioned: true });

  for (const operation of operations) {
    const outcome = applyOperation(ctx, team.id, operation);
    if (outcome === 'unsupported') return ctx.errors.scim(400, MESSAGES.unsupportedReplace);
    if (outcome !== null) {
      ctx.state.restoreTeam(saved);
      return outcome;
    }
  }
  return { status: 204 };
}

/** DELETE /Groups/{id}: marks the team pending deletion and frees its slug by appending 32 hex digits. */
export function deleteGroup(ctx: HandlerContext, team: TeamRecord): FakeResponse {
  const freedSlug = `${team.slug}-${randomBytes(16).toString('hex')}`.slice(0, MAX_SLUG_LENGTH);
  ctx.state.updateTeam(team.id, { slug: freedSlug, status: 'pending_deletion' });
  return { status: 204 };
}

/** Returns null when the operation succeeded (or is one Sentry silently skips). */
function applyOperation(ctx: HandlerContext, teamId: number, operation: Record<string, unknown>): FakeResponse | 'unsupported' | null {
  const op = String(operation.op).toLowerCase();

  if (op === 'add') {
    if (!('path' in operation)) return internalError();
    return operation.path === 'members' ? addMembers(ctx, teamId, operation.value) : null;
  }

  if (op === 'remove') {
    if (typeof operation.path !== 'string') return internalError();
    if (!operation.path.includes('members')) return null;
    const memberId = memberIdForRemove(ctx, operation);
    if (typeof memberId !== 'number') return memberId;
    if (!ctx.state.getMember(memberId)) return ctx.errors.scim(404, MESSAGES.userNotFound);
    ctx.state.removeTeamMember(teamId, memberId);
    return null;
  }

  const path = operation.path;
  if (path === 'members') return replaceMembers(ctx, teamId, operation.value);
  if (path === undefined) {
    if (!isObject(operation.value) || !('displayName' in operation.value)) return internalError();
    return renameTeam(ctx, teamId, operation.value.displayName);
  }
  if (path === 'displayName') return renameTeam(ctx, teamId, operation.value);
  return 'unsupported';
}

function addMembers(ctx: HandlerContext, teamId: number, value: unknown): FakeResponse | null {
  const ids = memberIdsOf(value);
  if (ids === null) return internalError();
  for (const id of ids) {
    if (!ctx.state.getMember(id)) return ctx.errors.scim(404, MESSAGES.userNotFound);
    ctx.state.addTeamMember(teamId, id);
  }
  return null;
}

/** Removes members missing from the list, then adds the new ones in list order; members staying keep their place. */
function replaceMembers(ctx: HandlerContext, teamId: number, value: unknown): FakeResponse | null {
  const desired = memberIdsOf(value);
  if (desired === null) return internalError();
  const desiredSet = new Set(desired);

  const team = ctx.state.getTeam(teamId)!;
  for (const existing of [...team.memberIds]) {
    if (!desiredSet.has(existing)) ctx.state.removeTeamMember(teamId, existing);
  }
  return addMembers(ctx, teamId, desired.map((id) => ({ value: id })));
}

/**
 * Entra sends the members to remove in `value`, and only its first entry is used. Okta puts a filter
 * in the path: `members[value eq "4811"]`.
 */
function memberIdForRemove(ctx: HandlerContext, operation: Record<string, unknown>): number | FakeResponse {
  if ('value' in operation) {
    const first = Array.isArray(operation.value) ? operation.value[0] : undefined;
    if (!isObject(first) || !('value' in first)) return internalError();
    return toDatabaseId(first.value) ?? internalError();
  }

  const bracket = /\[(.*?)\]/.exec(operation.path as string);
  if (!bracket) return ctx.errors.invalidFilter();
  const filter = parseScimFilter(bracket[1]!);
  if (filter.kind === 'invalid') return ctx.errors.invalidFilter();
  if (filter.kind !== 'value') return internalError();
  return toDatabaseId(filter.value) ?? internalError();
}

/** Ids from `[{"value": …}, …]`; null where Sentry's code would raise. */
function memberIdsOf(value: unknown): number[] | null {
  if (!Array.isArray(value)) return null;
  const ids: number[] = [];
  for (const entry of value) {
    if (!isObject(entry) || !('value' in entry)) return null;
    const id = toDatabaseId(entry.value);
    if (id === null) return null;
    ids.push(id);
  }
  return ids;
}

/** Renames through the team-details serializer: name and re-derived slug, slug unique among the other teams. */
function renameTeam(ctx: HandlerContext, teamId: number, newName: unknown): FakeResponse | null {
  const slug = sentrySlug(pythonStr(newName));
  const errors: Record<string, string[]> = {};

  const name = newName === null ? ['This field may not be null.'] : checkName(newName, false);
  if (typeof name !== 'string') errors.name = name;

  const slugErrors = checkSlug(slug);
  if (slugErrors.length === 0) {
    const holder = ctx.state.findTeamBySlug(slug);
    if (holder && holder.id !== teamId) slugErrors.push(`The slug "${slug}" is already in use.`);
  }
  if (slugErrors.length > 0) errors.slug = slugErrors;

  if (Object.keys(errors).length > 0) return plain(400, errors);
  ctx.state.updateTeam(teamId, { name: name as string, slug });
  return null;
}

/** Checks the slug field: blank first, then the length limit and the pattern, both reported when both fail. */
function checkSlug(slug: string): string[] {
  if (slug === '') return ['This field may not be blank.'];
  const problems: string[] = [];
  if (slug.length > MAX_SLUG_LENGTH) problems.push(`Ensure this field has no more than ${MAX_SLUG_LENGTH} characters.`);
  // slugProblem reports length before pattern; the cut keeps the pattern check visible for long slugs.
  const problem = slugProblem(slug.slice(0, MAX_SLUG_LENGTH));
  if (problem === 'numeric' || problem === 'invalid') problems.push(MESSAGES.invalidSlug);
  return problems;
}

/** Checks the team name field (DRF CharField, trimmed, at most 64 characters). */
function checkName(value: unknown, allowBlank: boolean): string | string[] {
  if (typeof value !== 'string' && typeof value !== 'number') return ['Not a valid string.'];
  const text = String(value).trim();
  if (text === '' && !allowBlank) return ['This field may not be blank.'];
  if (text.length > MAX_TEAM_NAME_LENGTH) return [`Ensure this field has no more than ${MAX_TEAM_NAME_LENGTH} characters.`];
  return text;
}
