import { Agent, fetch } from 'undici';
import { createClientCertificate, createTestTls } from '../tls';
import type { GraphFakeSeed } from './state';
import { sentrySyncSchema } from './sync-schema';

/** Ids used by the test seed below, so tests can name objects without repeating GUIDs. */
export const IDS = {
  tenant: '72f988bf-0000-4000-8000-00000000abcd',
  sentrySp: '5e5e5e5e-0000-4000-8000-000000000001',
  sentryAppId: 'a1a1a1a1-0000-4000-8000-000000000002',
  sentryTestSp: '5e5e5e5e-0000-4000-8000-000000000003',
  otherSp: '5e5e5e5e-0000-4000-8000-000000000004',
  alice: 'a11ce000-0000-4000-8000-000000000010',
  bob: 'b0b00000-0000-4000-8000-000000000011',
  deleted: 'dead0000-0000-4000-8000-000000000012',
  carol: 'ca201000-0000-4000-8000-000000000013',
  platform: '9f9f9f9f-0000-4000-8000-000000000020',
  sre: 'c4c4c4c4-0000-4000-8000-000000000030',
  empty: 'e0e0e0e0-0000-4000-8000-000000000040',
  job: 'sentry.72f988bf00004000800000000000abcd.1b2c3d4e-0000-4000-8000-000000000040'
} as const;

export const CLIENTS = {
  auditor: { clientId: '0a0a0a0a-1111-2222-3333-444444444444', clientSecret: 'auditor-secret-value' },
  narrow: { clientId: '0b0b0b0b-1111-2222-3333-444444444444', clientSecret: 'narrow-secret-value' },
  certificate: { clientId: '0c0c0c0c-1111-2222-3333-444444444444' }
} as const;

export const AUDITOR_PERMISSIONS = ['Application.Read.All', 'User.Read.All', 'GroupMember.Read.All', 'Synchronization.Read.All', 'AuditLog.Read.All', 'Directory.Read.All'];

let certificate: { certPem: string; keyPem: string } | null = null;

/** Returns the certificate credential of the `certificate` client, created once per process. */
export function clientCertificate(): { certPem: string; keyPem: string } {
  certificate ??= createClientCertificate('roster-test-client');
  return certificate;
}

/** Builds a small directory: two Sentry apps, three live users, a deleted one, nested groups and an empty group. */
export function testSeed(): GraphFakeSeed {
  return {
    tenantId: IDS.tenant,
    clients: [
      { ...CLIENTS.auditor, permissions: AUDITOR_PERMISSIONS },
      { ...CLIENTS.narrow, permissions: ['Application.Read.All', 'User.ReadBasic.All', 'AuditLog.Read.All'] },
      { ...CLIENTS.certificate, certificatePem: clientCertificate().certPem, permissions: ['Application.Read.All'] }
    ],
    servicePrincipals: [
      {
        id: IDS.sentrySp,
        appId: IDS.sentryAppId,
        displayName: 'Sentry',
        appRoleAssignmentRequired: true,
        appRoles: [{ id: '18d14569-c3bd-439b-9a66-3a2aee01d14f', displayName: 'User', value: null }],
        xAssignments: [
          { principalId: IDS.alice, principalType: 'User', appRoleId: '18d14569-c3bd-439b-9a66-3a2aee01d14f', createdDateTime: '2024-05-02T09:14:11Z' },
          { principalId: IDS.platform, principalType: 'Group', appRoleId: '00000000-0000-0000-0000-000000000000' },
          { principalId: IDS.deleted, principalType: 'User', appRoleId: '00000000-0000-0000-0000-000000000000' },
          { principalId: IDS.otherSp, principalType: 'ServicePrincipal', appRoleId: '00000000-0000-0000-0000-000000000000', principalDisplayName: 'Deploy Bot' }
        ],
        xSynchronizationJobs: [
          {
            id: IDS.job,
            templateId: 'sentry',
            schedule: { expiration: null, interval: 'PT40M', state: 'Active' },
            status: { code: 'Active', quarantine: null },
            xSchema: sentrySyncSchema({ userMatchingSource: 'mail' })
          }
        ],
        xSyncAll: false,
        xSkipOutOfScopeDeletions: true,
        xBaseAddress: 'https://sentry.example/api/0/organizations/contoso/scim/v2/'
      },
      { id: IDS.sentryTestSp, appId: 'a1a1a1a1-0000-4000-8000-000000000005', displayName: 'Sentry Test', appRoles: [], xAssignments: [] },
      { id: IDS.otherSp, appId: 'a1a1a1a1-0000-4000-8000-000000000006', displayName: 'Deploy Bot', appRoles: [], xAssignments: [] }
    ],
    users: [
      {
        id: IDS.alice,
        userPrincipalName: 'alice.anders@contoso.example',
        mail: 'Alice.Anders@contoso.example',
        givenName: 'Alice',
        surname: 'Anders',
        displayName: 'Alice Anders',
        accountEnabled: true,
        employeeId: 'E1001',
        proxyAddresses: ['SMTP:Alice.Anders@contoso.example', 'smtp:aanders@contoso.example']
      },
      { id: IDS.bob, userPrincipalName: 'bob@contoso.example', displayName: 'Bob Berg', accountEnabled: false },
      { id: IDS.carol, userPrincipalName: 'carol@contoso.example', displayName: 'Carol Chen', userType: 'Guest' },
      { id: IDS.deleted, userPrincipalName: 'gone@contoso.example', displayName: 'Gone User', xDeleted: true }
    ],
    groups: [
      { id: IDS.platform, displayName: 'Platform Engineers', xMembers: [IDS.alice, IDS.sre, IDS.bob] },
      { id: IDS.sre, displayName: 'SRE On-call', xMembers: [IDS.carol, IDS.alice] },
      { id: IDS.empty, displayName: 'Empty Team', xMembers: [] }
    ],
    provisioningLogs: [
      { id: 'log-1', activityDateTime: '2025-01-01T10:00:00Z', jobId: IDS.job, provisioningAction: 'create', servicePrincipal: { id: IDS.sentrySp, displayName: 'Sentry' }, provisioningStatusInfo: { status: 'success' } },
      { id: 'log-2', activityDateTime: '2025-01-02T10:00:00Z', jobId: IDS.job, provisioningAction: 'update', servicePrincipal: { id: IDS.sentrySp, displayName: 'Sentry' }, provisioningStatusInfo: { status: 'failure' } },
      { id: 'log-3', activityDateTime: '2025-01-03T10:00:00Z', jobId: 'other', provisioningAction: 'create', servicePrincipal: { id: IDS.otherSp, displayName: 'Deploy Bot' }, provisioningStatusInfo: { status: 'success' } }
    ]
  };
}

/** Creates an undici dispatcher that trusts the test CA, as a client trusting a corporate CA would. */
export function trustingAgent(): Agent {
  return new Agent({ connect: { ca: createTestTls().caPem } });
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
}

/** Sends a request through `agent` and parses the JSON response. */
export async function requestJson(agent: Agent, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<JsonResponse> {
  const response = await fetch(url, { ...init, dispatcher: agent });
  const text = await response.text();
  return { status: response.status, headers: response.headers as unknown as Headers, body: text.length > 0 ? JSON.parse(text) : undefined };
}

/** Gets an app-only token for `client` with a client secret, through plain HTTPS. */
export async function appToken(agent: Agent, authorityHost: string, client: { clientId: string; clientSecret: string }): Promise<string> {
  const form = new URLSearchParams({ client_id: client.clientId, client_secret: client.clientSecret, grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' });
  const response = await requestJson(agent, `${authorityHost}/${IDS.tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString()
  });
  if (response.status !== 200) throw new Error(`Token request for ${client.clientId} failed with ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.access_token as string;
}
