import type { ScimRequest, HandlerContext } from './context';
import { ErrorBodies, MESSAGES, plainDetail, type ErrorGeneration, type FakeResponse } from './errors';
import { handleDiscovery } from './discovery';
import { createGroup, deleteGroup, getGroup, listGroups, patchGroup } from './groups';
import { ScimState } from './state';
import { createUser, deleteUser, getUser, listUsers, patchUser, putUser } from './users';
import type { SeedScim } from '../seed';

export interface ScimServiceOptions {
  errorGeneration?: ErrorGeneration;
  /** Max members a team's `members` list shows in GET responses. */
  memberCap?: number;
  /** When false, every SCIM route returns 403, as when SCIM is not enabled for the org's SSO provider. */
  scimEnabled?: boolean;
  /** Numeric organization id accepted in place of the slug. */
  orgId?: string;
}

export const DEFAULT_MEMBER_CAP = 10_000;

const ROUTE = /^\/api\/0\/organizations\/([^/]+)\/scim\/v2\/(Users|Groups)(?:\/(\d+))?$/;
const DISCOVERY_ROUTE = /^\/api\/0\/organizations\/([^/]+)\/scim\/v2\/(ServiceProviderConfig|(?:ResourceTypes|Schemas)(?:\/[^/]+)?)$/;

/**
 * Sentry's SCIM endpoints without the HTTP server: takes a parsed request and returns status, body and
 * headers. The benchmark can call `handle` directly; `startScimFake` puts it behind a socket.
 */
export class ScimService {
  readonly state: ScimState;
  scimEnabled: boolean;
  private readonly context: HandlerContext;
  private readonly token: string;

  constructor(
    seed: SeedScim,
    options: ScimServiceOptions = {}
  ) {
    const memberCap = options.memberCap ?? DEFAULT_MEMBER_CAP;
    if (!Number.isInteger(memberCap) || memberCap < 1) {
      throw new Error(`memberCap ${memberCap} is invalid; give a positive integer such as 10000.`);
    }
    this.state = new ScimState(seed, options.orgId ?? '1');
    this.scimEnabled = options.scimEnabled ?? true;
    this.context = { state: this.state, errors: new ErrorBodies(options.errorGeneration ?? 'newest'), memberCap };
    this.token = seed.token;
  }

  /** Handles one request the way Sentry's URL router, DRF authentication and the SCIM views would. */
  handle(request: ScimRequest): FakeResponse {
    const discovery = DISCOVERY_ROUTE.exec(request.path);
    if (discovery) return this.discovery(request, discovery[1]!, discovery[2]!);

    const route = ROUTE.exec(request.path);
    if (!route) return routeNotFound(request);
    const [, org, collection, itemId] = route as unknown as [string, string, 'Users' | 'Groups', string | undefined];

    const authProblem = this.authenticate(request.headers.authorization);
    if (authProblem) return authProblem;

    if (org !== this.state.orgSlug && org !== this.state.orgId) {
      // The member-details view re-wraps the organization lookup failure as a SCIM error.
      if (collection === 'Users' && itemId !== undefined) return this.context.errors.scim(404, MESSAGES.resourceMissing);
      return plainDetail(404, MESSAGES.resourceMissing);
    }

    // The team permission maps no scope to PUT, so a team PUT fails the permission check before the view.
    if (!this.scimEnabled || (collection === 'Groups' && request.method === 'PUT')) {
      return plainDetail(403, MESSAGES.permissionDenied);
    }

    if (collection === 'Users') return itemId === undefined ? this.usersIndex(request) : this.userDetails(request, itemId);
    return itemId === undefined ? this.groupsIndex(request) : this.groupDetails(request, itemId);
  }

  private discovery(request: ScimRequest, org: string, rest: string): FakeResponse {
    const authProblem = this.authenticate(request.headers.authorization);
    if (authProblem) return authProblem;
    if (org !== this.state.orgSlug && org !== this.state.orgId) return plainDetail(404, MESSAGES.resourceMissing);
    if (!this.scimEnabled) return plainDetail(403, MESSAGES.permissionDenied);
    return handleDiscovery(request, this.state.orgSlug, decodeURIComponent(rest));
  }

  private authenticate(header: string | string[] | undefined): FakeResponse | null {
    const value = Array.isArray(header) ? header[0] : header;
    const parts = (value ?? '').trim().split(/\s+/);
    if (value === undefined || parts[0]?.toLowerCase() !== 'bearer') return plainDetail(401, MESSAGES.notAuthenticated);
    if (parts.length === 1) return plainDetail(401, MESSAGES.invalidTokenHeader);
    if (parts.length > 2 || parts[1] !== this.token) return plainDetail(401, MESSAGES.invalidToken);
    return null;
  }

  private usersIndex(request: ScimRequest): FakeResponse {
    if (request.method === 'GET') return listUsers(this.context, request);
    if (request.method === 'POST') return createUser(this.context, request);
    return methodNotAllowed(request.method);
  }

  private userDetails(request: ScimRequest, itemId: string): FakeResponse {
    // The member lookup runs before the method is dispatched, so an unknown id is 404 for any method.
    const member = itemId.length > 19 ? undefined : this.state.getMember(Number(itemId));
    if (!member) return this.context.errors.scim(404, MESSAGES.resourceMissing);
    if (!['GET', 'PATCH', 'PUT', 'DELETE'].includes(request.method)) return methodNotAllowed(request.method);

    if (request.method === 'GET') return getUser(this.context, member);
    if (request.method === 'PATCH') return patchUser(this.context, request, member);
    if (request.method === 'PUT') return putUser(this.context, request, member);
    return deleteUser(this.context, member);
  }

  private groupsIndex(request: ScimRequest): FakeResponse {
    if (request.method === 'GET') return listGroups(this.context, request);
    if (request.method === 'POST') return createGroup(this.context, request);
    return methodNotAllowed(request.method);
  }

  private groupDetails(request: ScimRequest, itemId: string): FakeResponse {
    const team = itemId.length > 19 ? undefined : this.state.getTeam(Number(itemId));
    if (!team || team.status !== 'active') return this.context.errors.scim(404, MESSAGES.groupNotFound);
    if (!['GET', 'PATCH', 'DELETE'].includes(request.method)) return methodNotAllowed(request.method);

    if (request.method === 'GET') return getGroup(this.context, request, team);
    if (request.method === 'PATCH') return patchGroup(this.context, request, team);
    return deleteGroup(this.context, team);
  }
}

function methodNotAllowed(method: string): FakeResponse {
  return plainDetail(405, `Method "${method}" not allowed.`);
}

/**
 * Sentry's catch-all API route. A path without a trailing slash gets a hint: JSON `info` when the request
 * was sent as JSON, plain text with a caret under the missing slash otherwise. With a slash, the 404 is empty.
 * SCIM routes match only without the slash and with digit-only ids.
 */
function routeNotFound(request: ScimRequest): FakeResponse {
  if (request.path.endsWith('/')) return { status: 404, text: '' };

  const help = 'Route not found, did you forget a trailing slash?';
  const suggestion = `try: ${request.path}/`;
  const contentType = request.headers['content-type'];
  if (typeof contentType === 'string' && contentType.startsWith('application/json')) {
    return { status: 404, body: { info: `${help} ${suggestion}` } };
  }

  const caret = `${' '.repeat(suggestion.length - 1)}^`;
  return { status: 404, text: `${help}\n\n${suggestion}\n${caret}\n` };
}
