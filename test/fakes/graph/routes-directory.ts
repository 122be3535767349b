import type { SeedGraphGroup } from '../seed';
import { badRequest, notFound } from './errors';
import { type GraphCall, type GraphContext, type GraphResult, rejectUnsupportedOptions, requireEventualConsistency, wantsCount } from './graph-context';
import { type FilterRules, matchesFilter, parseFilter, parseSelect, parseTop, project } from './odata';
import {
  assignmentResource,
  checkAssignmentSelect,
  checkSelect,
  MEMBER_PROPERTIES,
  SERVICE_PRINCIPAL_PROPERTY_SET,
  renderGroup,
  renderMember,
  renderServicePrincipal,
  renderUser,
  servicePrincipalFilterView,
  type UserAccess
} from './resources';
import type { FakeServicePrincipal } from './state';
import { hasPermission, requirePermissions } from './tokens';

const SERVICE_PRINCIPAL_FILTER: FilterRules = {
  resource: 'servicePrincipal',
  allowed: {
    displayName: ['eq', 'startsWith'],
    appId: ['eq', 'startsWith'],
    id: ['eq'],
    appRoleAssignmentRequired: ['eq']
  },
  caseSensitive: false
};

const ASSIGNMENT_FILTER: FilterRules = {
  resource: 'appRoleAssignment',
  allowed: { principalDisplayName: ['eq', 'startsWith'], resourceId: ['eq'] },
  caseSensitive: false
};

/** Reads a key segment such as `servicePrincipals(appId='x')` or `users('x')`; null when the segment has no key. */
export function keySegment(segment: string, collection: string): { key: string | null; value: string } | null {
  const match = new RegExp(`^${collection}\\((?:(\\w+)=)?'((?:[^']|'')*)'\\)$`).exec(segment);
  if (!match) return null;
  return { key: match[1] ?? null, value: (match[2] ?? '').replace(/''/g, "'") };
}

export function listServicePrincipals(ctx: GraphContext, call: GraphCall): GraphResult {
  requirePermissions(call.grant, 'Application.Read.All');
  rejectUnsupportedOptions(call, ['$filter', '$select', '$top', '$skiptoken', '$count']);
  const select = parseSelect(call.params);
  const top = parseTop(call.params);
  const filter = call.params.get('$filter');
  const clauses = filter === null ? [] : parseFilter(filter, SERVICE_PRINCIPAL_FILTER);

  const matches = ctx.state.seed.servicePrincipals.filter((sp) => clauses.length === 0 || matchesFilter(servicePrincipalFilterView(sp), clauses, false));
  checkSelect(select, SERVICE_PRINCIPAL_PROPERTY_SET, 'servicePrincipal');
  const body = ctx.pager.page(call.path, call.rawQuery, matches, {
    top,
    context: 'servicePrincipals',
    withCount: wantsCount(call),
    render: (sp) => renderServicePrincipal(sp, select)
  });
  return { status: 200, body };
}

/** Finds the service principal named by `servicePrincipals/{id}` or `servicePrincipals(appId='...')`; returns it and the rest of the path. */
export function resolveServicePrincipal(ctx: GraphContext, segments: string[]): { sp: FakeServicePrincipal; rest: string[] } {
  const first = segments[0] ?? '';
  const keyed = keySegment(first, 'servicePrincipals');
  if (keyed) {
    if (keyed.key !== null && keyed.key !== 'appId') throw badRequest(`'${keyed.key}' is not an alternate key of servicePrincipal; use appId.`);
    const sp = keyed.key === 'appId' ? ctx.state.servicePrincipalByAppId(keyed.value) : ctx.state.servicePrincipal(keyed.value);
    if (!sp) throw notFound(keyed.value);
    return { sp, rest: segments.slice(1) };
  }
  const id = segments[1] ?? '';
  const sp = ctx.state.servicePrincipal(id);
  if (!sp) throw notFound(id);
  return { sp, rest: segments.slice(2) };
}

export function getServicePrincipal(ctx: GraphContext, call: GraphCall, sp: FakeServicePrincipal): GraphResult {
  requirePermissions(call.grant, 'Application.Read.All');
  rejectUnsupportedOptions(call, ['$select']);
  const select = parseSelect(call.params);
  checkSelect(select, SERVICE_PRINCIPAL_PROPERTY_SET, 'servicePrincipal');
  const body = { '@odata.context': `${ctx.graphUrl}/v1.0/$metadata#servicePrincipals/$entity`, ...renderServicePrincipal(sp, select) };
  return { status: 200, body };
}

export function listAppRoleAssignedTo(ctx: GraphContext, call: GraphCall, sp: FakeServicePrincipal): GraphResult {
  requirePermissions(call.grant, 'Application.Read.All');
  rejectUnsupportedOptions(call, ['$filter', '$select', '$top', '$skiptoken', '$count']);
  const names = checkAssignmentSelect(parseSelect(call.params));
  const top = parseTop(call.params);
  const filter = call.params.get('$filter');
  const assignments = ctx.state.assignments(sp);

  // Filtering renders every assignment, so the unfiltered path (the common, large one) renders only the page.
  const clauses = filter === null ? [] : parseFilter(filter, ASSIGNMENT_FILTER);
  const items = clauses.length === 0 ? assignments : assignments.filter((a) => matchesFilter(assignmentResource(ctx.state, sp, a), clauses, false));
  const body = ctx.pager.page(call.path, call.rawQuery, items, {
    top,
    context: `servicePrincipals('${sp.id}')/appRoleAssignedTo`,
    withCount: wantsCount(call),
    render: (a) => project(assignmentResource(ctx.state, sp, a), names)
  });
  return { status: 200, body };
}

function userAccess(call: GraphCall): UserAccess {
  if (hasPermission(call.grant, 'User.Read.All')) return 'full';
  if (hasPermission(call.grant, 'User.ReadBasic.All')) return 'basic';
  return 'none';
}

export function getUser(ctx: GraphContext, call: GraphCall): GraphResult {
  const first = call.segments[0] ?? '';
  const keyed = keySegment(first, 'users');
  const idOrUpn = keyed ? keyed.value : (call.segments[1] ?? '');
  if (call.segments.length > (keyed ? 1 : 2)) throw badRequest(`Resource not found for the segment '${call.segments[keyed ? 1 : 2]}'.`, 'BadRequest');

  const access = userAccess(call);
  if (access === 'none') requirePermissions(call.grant, 'User.Read.All');
  rejectUnsupportedOptions(call, ['$select']);
  const user = ctx.state.user(idOrUpn);
  if (!user || user.xDeleted) throw notFound(idOrUpn);

  const select = parseSelect(call.params);
  const body = { '@odata.context': `${ctx.graphUrl}/v1.0/$metadata#users/$entity`, ...renderUser(user, select, access === 'full' ? 'full' : 'basic') };
  return { status: 200, body };
}

/** Collects all members below `group`, depth first and each once. Nested groups are listed as well as their members. */
function transitiveMemberIds(ctx: GraphContext, group: SeedGraphGroup): string[] {
  const seen = new Set<string>([group.id.toLowerCase()]);
  const out: string[] = [];
  const visit = (current: SeedGraphGroup): void => {
    for (const memberId of current.xMembers) {
      const key = memberId.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(memberId);
      const nested = ctx.state.group(memberId);
      if (nested) visit(nested);
    }
  };
  visit(group);
  return out;
}

export function groupRoute(ctx: GraphContext, call: GraphCall): GraphResult {
  requirePermissions(call.grant, 'GroupMember.Read.All');
  const id = call.segments[1] ?? '';
  const group = ctx.state.group(id);
  const relation = call.segments[2];
  const cast = call.segments[3];
  if (call.segments.length > 4) throw badRequest(`Resource not found for the segment '${call.segments[4]}'.`, 'BadRequest');
  if (!group) throw notFound(id);

  if (relation === undefined) {
    rejectUnsupportedOptions(call, ['$select']);
    return { status: 200, body: { '@odata.context': `${ctx.graphUrl}/v1.0/$metadata#groups/$entity`, ...renderGroup(group, parseSelect(call.params)) } };
  }
  if (relation !== 'members' && relation !== 'transitiveMembers') {
    throw badRequest(`Resource not found for the segment '${relation}'.`, 'BadRequest');
  }

  rejectUnsupportedOptions(call, ['$select', '$top', '$skiptoken', '$count']);
  const select = parseSelect(call.params);
  const top = parseTop(call.params);
  let ids = relation === 'members' ? group.xMembers : transitiveMemberIds(ctx, group);

  if (cast !== undefined) {
    if (cast !== 'microsoft.graph.user' && cast !== 'microsoft.graph.group') {
      throw badRequest(`Resource not found for the segment '${cast}'.`, 'BadRequest');
    }
    requireEventualConsistency(call, `The OData cast '${cast}'`);
    ids = ids.filter((memberId) => (cast === 'microsoft.graph.user' ? ctx.state.user(memberId) : ctx.state.group(memberId)) !== undefined);
  }

  const access = userAccess(call);
  checkSelect(select, MEMBER_PROPERTIES, 'directoryObject');
  const body = ctx.pager.page(call.path, call.rawQuery, ids, {
    top,
    context: cast === undefined ? 'directoryObjects' : cast === 'microsoft.graph.user' ? 'users' : 'groups',
    withCount: wantsCount(call),
    render: (memberId) => renderMember(ctx.state, memberId, select, access)
  });
  return { status: 200, body };
}
