import { badRequest, graphError, GraphRequestError } from './errors';
import type { GraphCall, GraphContext, GraphResult } from './graph-context';
import { getServicePrincipal, getUser, groupRoute, keySegment, listAppRoleAssignedTo, listServicePrincipals, resolveServicePrincipal } from './routes-directory';
import { listProvisioningLogs, synchronizationRoute } from './routes-sync';

/** Handles one authenticated Graph v1.0 request. Graph errors are returned as results, not thrown. */
export function routeGraph(ctx: GraphContext, call: GraphCall): GraphResult {
  try {
    return dispatch(ctx, call);
  } catch (error) {
    if (error instanceof GraphRequestError) return error.response;
    throw error;
  }
}

function dispatch(ctx: GraphContext, call: GraphCall): GraphResult {
  const [first = '', second] = call.segments;
  if (call.method !== 'GET') {
    throw new GraphRequestError(graphError(405, 'Request_BadRequest', `Specified HTTP method '${call.method}' is not allowed for the request target.`));
  }

  if (first === 'servicePrincipals' && second === undefined) return listServicePrincipals(ctx, call);
  if (first === 'servicePrincipals' || keySegment(first, 'servicePrincipals')) {
    const { sp, rest } = resolveServicePrincipal(ctx, call.segments);
    if (rest.length === 0) return getServicePrincipal(ctx, call, sp);
    if (rest.length === 1 && rest[0] === 'appRoleAssignedTo') return listAppRoleAssignedTo(ctx, call, sp);
    if (rest[0] === 'synchronization') return synchronizationRoute(ctx, call, sp, rest.slice(1));
    throw badRequest(`Resource not found for the segment '${rest[0]}'.`, 'BadRequest');
  }

  if ((first === 'users' || first === 'groups') && (second === undefined || second === 'delta')) {
    throw new GraphRequestError(graphError(501, 'NotImplemented', `This fake Graph server does not implement GET /${call.segments.join('/')}; read objects by id instead.`));
  }
  if ((first === 'users' && second !== undefined) || keySegment(first, 'users')) return getUser(ctx, call);
  if (first === 'groups' && second !== undefined) return groupRoute(ctx, call);
  if (first === 'auditLogs' && second === 'provisioning' && call.segments.length === 2) return listProvisioningLogs(ctx, call);

  throw badRequest(`Resource not found for the segment '${first}'.`, 'BadRequest');
}
