import { HttpClient } from '../../src-main/http/client';
import { createNodeTransport } from '../../src-main/http/node-transport';
import type { RetryPolicy, Transport, TransportRequest } from '../../src-main/http/types';
import { createTokenProvider } from '../../src-main/graph/auth';
import type { EntraCredential, TokenProvider } from '../../src-main/graph/auth';
import { GraphClient } from '../../src-main/graph/graph-client';
import type { SeedGraphGroup, SeedGraphUser } from '../fakes/seed';
import type { GraphFake, GraphFakeSeed } from '../fakes/graph/index';
import { createTestTls } from '../fakes/tls';

export const TENANT_ID = '7e7e7e7e-0000-4000-8000-00000000aaaa';
export const CLIENT_ID = 'c1c1c1c1-0000-4000-8000-00000000bbbb';
export const CLIENT_SECRET = 'fake-secret-value-1';
export const SENTRY_APP_ID = 'a1a1a1a1-0000-4000-8000-000000000002';
export const SENTRY_SP_ID = '5e5e5e5e-0000-4000-8000-000000000001';
export const USER_ROLE_ID = '18d14569-c3bd-439b-9a66-3a2aee01d14f';
export const JOB_ID = 'sentry.7e7e7e7e000040008000000000aaaa.1b2c3d4e-0000-4000-8000-000000000040';

export const ALL_PERMISSIONS = ['Application.Read.All', 'User.Read.All', 'GroupMember.Read.All', 'Synchronization.Read.All', 'AuditLog.Read.All', 'Directory.Read.All'];

/** Short waits so retry tests finish quickly. */
export const FAST_RETRY: RetryPolicy = { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 50 };

/** Builds a user id whose last block is the number, e.g. `uid(7)` = `...-000000000007`. */
export function uid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function gid(n: number): string {
  return `99999999-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function seedUser(n: number, name: string, extra: Partial<SeedGraphUser> = {}): SeedGraphUser {
  return {
    id: uid(n),
    userPrincipalName: `${name}@contoso.example`,
    mail: `${name}@contoso.example`,
    proxyAddresses: [`SMTP:${name}@contoso.example`],
    otherMails: [],
    givenName: name,
    surname: 'Tester',
    displayName: `${name} Tester`,
    accountEnabled: true,
    employeeId: `E${n}`,
    userType: 'Member',
    onPremisesImmutableId: null,
    ...extra
  };
}

export function seedGroup(n: number, displayName: string, members: string[]): SeedGraphGroup {
  return { id: gid(n), displayName, securityEnabled: true, mailEnabled: false, groupTypes: [], xMembers: members };
}

/**
 * The standard tenant: alice and dave (deleted) assigned directly; group Engineering (bob, carol and
 * the nested group SRE) assigned. SRE contains erin and bob, so erin is reachable only through nesting.
 */
export function standardSeed(permissions: string[] = ALL_PERMISSIONS): GraphFakeSeed {
  return {
    tenantId: TENANT_ID,
    clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, permissions }],
    users: [
      seedUser(1, 'alice', { otherMails: ['alice@home.example'], onPremisesImmutableId: 'aW1tdXRhYmxl' }),
      seedUser(2, 'bob'),
      seedUser(3, 'carol', { accountEnabled: false, userType: 'Guest' }),
      seedUser(4, 'dave', { xDeleted: true }),
      seedUser(5, 'erin'),
      seedUser(6, 'frank')
    ],
    groups: [seedGroup(1, 'Engineering', [uid(2), uid(3), gid(2)]), seedGroup(2, 'SRE', [uid(5), uid(2)])],
    servicePrincipals: [
      {
        id: SENTRY_SP_ID,
        appId: SENTRY_APP_ID,
        displayName: 'Sentry',
        appRoleAssignmentRequired: true,
        appRoles: [{ id: USER_ROLE_ID, displayName: 'User', value: null, allowedMemberTypes: ['User'] }],
        xAssignments: [
          { id: 'assign-alice', principalId: uid(1), principalType: 'User', appRoleId: USER_ROLE_ID, createdDateTime: '2024-05-02T09:14:11Z' },
          { id: 'assign-dave', principalId: uid(4), principalType: 'User', appRoleId: USER_ROLE_ID, principalDisplayName: 'dave Tester', createdDateTime: '2024-05-03T09:00:00Z' },
          { id: 'assign-eng', principalId: gid(1), principalType: 'Group', appRoleId: '00000000-0000-0000-0000-000000000000', createdDateTime: '2024-06-10T15:00:00Z' }
        ],
        xSynchronizationJobs: [
          {
            id: JOB_ID,
            templateId: 'sentry',
            schedule: { expiration: null, interval: 'PT40M', state: 'Active' },
            status: {
              code: 'Active',
              lastExecution: { state: 'Succeeded', timeBegan: '2025-01-01T10:00:00Z', timeEnded: '2025-01-01T10:02:10Z', error: null },
              quarantine: null,
              steadyStateLastAchievedTime: '2025-01-01T09:20:00Z'
            }
          }
        ],
        xSyncAll: false,
        xBaseAddress: 'https://sentry.example/api/0/organizations/acme/scim/v2'
      }
    ],
    provisioningLogs: [
      provisioningLog('log-new', '2025-01-06T10:00:00Z', uid(1), 'failure'),
      provisioningLog('log-old', '2024-12-20T10:00:00Z', uid(2), 'success')
    ]
  };
}

export function provisioningLog(id: string, when: string, userId: string, status: string): Record<string, unknown> {
  return {
    id,
    activityDateTime: when,
    tenantId: TENANT_ID,
    jobId: JOB_ID,
    provisioningAction: 'update',
    servicePrincipal: { id: SENTRY_SP_ID, displayName: 'Sentry' },
    sourceIdentity: { id: userId, displayName: 'someone', identityType: 'User', details: {} },
    targetIdentity: { id: '1024', displayName: '', identityType: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', details: {} },
    provisioningStatusInfo: {
      status,
      errorInformation: status === 'failure' ? { errorCode: 'SystemForCrossDomainIdentityManagementServiceIncompatible', reason: 'Target returned HTTP 400' } : null
    }
  };
}

/** Every URL that went through the transport, so tests can prove no request left the fakes. */
export interface RecordingTransport {
  transport: Transport;
  urls: string[];
}

export function recordingTransport(mapRequest: (request: TransportRequest) => TransportRequest = (request) => request): RecordingTransport {
  const inner = createNodeTransport({ extraCaPem: createTestTls().caPem });
  const urls: string[] = [];
  return {
    urls,
    transport: (request) => {
      urls.push(request.url);
      return inner(mapRequest(request));
    }
  };
}

export interface GraphSetup {
  tokens: TokenProvider;
  graph: GraphClient;
  http: HttpClient;
  recorder: RecordingTransport;
}

/** Signs in to the fake with real MSAL and builds a Graph client with short retry waits. */
export function connect(
  fake: GraphFake,
  options: { credential?: EntraCredential; retry?: RetryPolicy; clientId?: string; pageSize?: number; mapRequest?: (request: TransportRequest) => TransportRequest } = {}
): GraphSetup {
  const recorder = recordingTransport(options.mapRequest);
  const tokens = createTokenProvider({
    tenantId: TENANT_ID,
    clientId: options.clientId ?? CLIENT_ID,
    credential: options.credential ?? { kind: 'secret', clientSecret: CLIENT_SECRET },
    transport: recorder.transport,
    authorityHost: fake.authorityHost,
    graphUrl: fake.graphUrl,
    timeoutMs: 5000
  });
  const http = new HttpClient({ transport: recorder.transport, timeoutMs: 5000, retry: options.retry ?? FAST_RETRY, concurrency: 4, service: 'Graph' });
  const graph = new GraphClient({ http, tokens, graphUrl: fake.graphUrl, batchRetry: options.retry ?? FAST_RETRY, pageSize: options.pageSize });
  return { tokens, graph, http, recorder };
}

/** Lists the hosts of the recorded URLs, each once, sorted. */
export function hostsOf(urls: string[]): string[] {
  return [...new Set(urls.map((url) => new URL(url).host))].sort();
}
