/**
 * Tests one connection profile: signs in to Entra, finds the enterprise app and probes the Graph
 * permissions a capture needs, and reads one page of Sentry SCIM members. Each side reports on its own,
 * so the auditor sees both problems at once.
 */
import { createCaptureClients } from '../capture/clients';
import type { CaptureClients } from '../capture/clients';
import { findServicePrincipal } from '../graph/service-principal';
import { SourceTracker } from '../graph/source-tracker';
import type { Transport } from '../http/types';
import type { ConnectionSideResult, ConnectionTestResult } from '../ipc/schemas/connections';
import { explainScimError } from '../scim/client';
import type { PortableSettings } from './credentials';
import { toCaptureSettings } from './credentials';
import { mapDomainError } from './error-mapping';

/** Short timeouts and one retry, because the auditor waits for the answer. */
const TEST_HTTP = { timeoutMs: 20_000, retry: { maxRetries: 1, baseDelayMs: 250, maxDelayMs: 2_000 } };

interface Assignment {
  principalId: string;
  principalType: string;
}

async function testEntra(clients: CaptureClients, settings: PortableSettings): Promise<ConnectionSideResult> {
  const { graph, tokens } = clients;
  await tokens.getToken();
  const sp = await findServicePrincipal(graph, settings.appRef, new SourceTracker('graph.servicePrincipal', undefined));

  // One page of assignments shows whether a user and a group can be read, as the capture will.
  const assignments = await graph.get<{ value?: Assignment[] }>(`/servicePrincipals/${sp.id}/appRoleAssignedTo?$top=20`, {
    source: 'graph.assignments',
    permission: 'Application.Read.All',
    what: 'the app role assignments of the enterprise app'
  });
  const rows = assignments.body.value ?? [];
  const user = rows.find((row) => row.principalType === 'User');
  const group = rows.find((row) => row.principalType === 'Group');
  if (user) {
    await graph.get(`/users/${user.principalId}?$select=id`, { source: 'graph.users', permission: 'User.Read.All', what: 'the users assigned to the enterprise app' }, { acceptStatuses: [404] });
  }
  if (group) {
    await graph.get(`/groups/${group.principalId}?$select=id`, { source: 'graph.groups', permission: 'GroupMember.Read.All', what: 'the groups assigned to the enterprise app' }, { acceptStatuses: [404] });
  }

  return {
    ok: true,
    summary: {
      appDisplayName: sp.displayName,
      appId: sp.appId,
      servicePrincipalId: sp.id,
      // Permissions not probed because the app has no assignment of that kind yet.
      checked: ['Application.Read.All', ...(user ? ['User.Read.All'] : []), ...(group ? ['GroupMember.Read.All'] : [])].join(', ')
    }
  };
}

async function testSentry(clients: CaptureClients, settings: PortableSettings): Promise<ConnectionSideResult> {
  const url = `${clients.scim.baseUrl}/Users?startIndex=1&count=1`;
  let body: unknown;
  try {
    const result = await clients.scimHttp.request<unknown>({ method: 'GET', url, headers: { Authorization: `Bearer ${settings.sentryToken}` } });
    body = result.body;
  } catch (error) {
    throw explainScimError(error);
  }
  const total = typeof body === 'object' && body !== null && 'totalResults' in body && typeof body.totalResults === 'number' ? body.totalResults : -1;
  return { ok: true, summary: { org: clients.scim.org, members: total } };
}

async function side(run: () => Promise<ConnectionSideResult>, clientId: string): Promise<ConnectionSideResult> {
  try {
    return await run();
  } catch (error) {
    const mapped = mapDomainError(error, clientId);
    return { ok: false, code: mapped.code, message: mapped.message, details: mapped.details };
  }
}

/**
 * Runs both checks at once. `onDeviceCode` receives the sign-in instruction for a device code profile.
 * A side given in `known` (e.g. a missing secret) is reported as is and sends no request.
 */
export async function testConnection(
  profileId: string,
  settings: PortableSettings,
  transport: Transport,
  onDeviceCode: (message: string) => void,
  known: { entra?: ConnectionSideResult; sentry?: ConnectionSideResult } = {}
): Promise<ConnectionTestResult> {
  let clients: CaptureClients;
  try {
    clients = createCaptureClients(toCaptureSettings(settings, onDeviceCode), { transport, http: TEST_HTTP });
  } catch (error) {
    // An invalid tenant, client id or SCIM URL fails before any request, for both sides alike.
    const mapped = mapDomainError(error, settings.clientId);
    const failure: ConnectionSideResult = { ok: false, code: mapped.code === 'unexpected' ? 'invalid_settings' : mapped.code, message: mapped.message, details: mapped.details };
    return { profileId, entra: known.entra ?? failure, sentry: known.sentry ?? failure };
  }

  const [entra, sentry] = await Promise.all([
    known.entra ?? side(() => testEntra(clients, settings), settings.clientId),
    known.sentry ?? side(() => testSentry(clients, settings), settings.clientId)
  ]);
  return { profileId, entra, sentry };
}
