import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient, HttpError, InvalidResponseError, createNodeTransport } from '../../src-main/http';
import { ScimClient, ScimShortfallError, parseScimBaseUrl } from '../../src-main/scim';
import { startScimFake, type ScimFake } from '../fakes/scim/index';
import type { SeedScim, SeedScimUser } from '../fakes/seed';
import { createTestTls } from '../fakes/tls';

const TOKEN = 'scim-client-test-token';

function users(count: number): SeedScimUser[] {
  return Array.from({ length: count }, (_, index) => ({
    id: String(1000 + index),
    userName: `user${String(index).padStart(4, '0')}@contoso.example`,
    sentryOrgRole: index === 0 ? 'owner' : 'member'
  }));
}

function seed(memberCount: number, teamMembers: string[] = []): SeedScim {
  return {
    orgSlug: 'acme',
    provider: 'active-directory',
    token: TOKEN,
    users: users(memberCount),
    groups: [
      { id: '50', displayName: 'Platform Team', xMembers: teamMembers },
      { id: '51', displayName: 'Design', xMembers: [] }
    ]
  };
}

let fake: ScimFake | null = null;

async function start(scimSeed: SeedScim, options: { memberCap?: number } = {}): Promise<{ fake: ScimFake; client: ScimClient; http: HttpClient }> {
  fake = await startScimFake(scimSeed, { tls: createTestTls(), ...options });
  const http = new HttpClient({
    transport: createNodeTransport({ extraCaPem: createTestTls().caPem }),
    timeoutMs: 5_000,
    retry: { maxRetries: 4, baseDelayMs: 5, maxDelayMs: 50 },
    concurrency: 4,
    service: 'Sentry SCIM'
  });
  return { fake, client: new ScimClient({ baseUrl: fake.baseUrl, token: TOKEN, http }), http };
}

afterEach(async () => {
  await fake?.close();
  fake = null;
});

describe('ScimClient paging', () => {
  it('reads pages that divide the members exactly', async () => {
    const { client } = await start(seed(200));
    const { rows, source } = await client.listUsers();
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((row) => row.id)).size).toBe(200);
    expect(source).toMatchObject({ source: 'scim.users', rowsReceived: 200, apiTotal: 200, pages: 2, retries: 0 });
  });

  it('reads an empty organization in one page', async () => {
    const { client } = await start({ ...seed(1), users: users(1) });
    const { rows, source } = await client.listUsers();
    expect(rows.map((row) => row.userName)).toEqual(['user0000@contoso.example']);
    expect(source.pages).toBe(1);
  });

  it('keeps Sentry shapes: no active for Entra orgs, N/A names, role', async () => {
    const { client } = await start(seed(2));
    const { rows } = await client.listUsers();
    expect(rows.find((row) => row.id === '1000')).toEqual({
      id: '1000',
      userName: 'user0000@contoso.example',
      emails: [{ value: 'user0000@contoso.example', primary: true, type: 'work' }],
      active: null,
      sentryOrgRole: 'owner',
      givenName: 'N/A',
      familyName: 'N/A'
    });
  });

  it('reads teams with members and flags the member cap', async () => {
    const memberIds = users(30).map((user) => user.id);
    const { client } = await start(seed(30, memberIds), { memberCap: 25 });
    const { rows } = await client.listGroups();
    const platform = rows.find((row) => row.displayName === 'Platform Team')!;
    expect(platform.members).toHaveLength(25);
    // The real cap is 10,000; with a smaller fake cap the list is cut but not flagged, because only 10,000 marks truncation.
    expect(platform.membersTruncated).toBe(false);
    expect(rows.find((row) => row.displayName === 'Design')).toEqual({ id: '51', displayName: 'Design', members: [], membersTruncated: false });
  });

  it('flags a team at the 10,000-member cap', async () => {
    const many = users(10_050);
    const { client } = await start({ ...seed(0), users: many, groups: [{ id: '60', displayName: 'Everyone', xMembers: many.map((user) => user.id) }] });
    const { rows } = await client.listGroups();
    expect(rows[0]!.members).toHaveLength(10_000);
    expect(rows[0]!.membersTruncated).toBe(true);
  });
});

describe('ScimClient faults', () => {
  it('retries 429 with and without Retry-After', async () => {
    const { fake: server, client } = await start(seed(150));
    server.faults.set({ tooManyRequests: { remaining: 2, retryAfterSeconds: 0 } });
    const first = await client.listUsers();
    expect(first.rows).toHaveLength(150);
    expect(first.source.retries).toBe(2);

    server.faults.set({ tooManyRequests: { remaining: 2, retryAfterSeconds: null } });
    const second = await client.listUsers();
    expect(second.rows).toHaveLength(150);
    expect(second.source.retries).toBe(2);
  });

  it('retries 500 and 503', async () => {
    const { fake: server, client } = await start(seed(150));
    server.faults.set({ serverError: { remaining: 1, status: 500, retryAfterSeconds: null } });
    expect((await client.listUsers()).rows).toHaveLength(150);
    server.faults.set({ serverError: { remaining: 1, status: 503, retryAfterSeconds: 0 } });
    expect((await client.listUsers()).rows).toHaveLength(150);
  });

  it('retries dropped connections and truncated bodies', async () => {
    const { fake: server, client } = await start(seed(150));
    server.faults.set({ dropConnection: { remaining: 1 }, truncateBody: { remaining: 1 } });
    const { rows, source } = await client.listUsers();
    expect(rows).toHaveLength(150);
    expect(source.retries).toBe(2);
  });

  it('fails with the status after the retry budget', async () => {
    const { fake: server, client } = await start(seed(10));
    server.faults.set({ serverError: { remaining: 100, status: 503, retryAfterSeconds: null } });
    const error = await client.listUsers().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(503);
  });

  it('reads again when a member is removed between two pages', async () => {
    const { fake: server, client } = await start(seed(150));
    // Deleting a first-page member shifts offsets: the second page would skip one member.
    server.afterPage(/\/Users/, 1, () => server.state.removeMember(1001));
    const { rows, source } = await client.listUsers();
    expect(rows).toHaveLength(149);
    expect(rows.some((row) => row.id === '1001')).toBe(false);
    expect(source.apiTotal).toBe(149);
    expect(source.pages).toBe(4);
  });

  it('reports a count that never adds up', async () => {
    const { fake: server, client } = await start(seed(150));
    // Each listing loses a member after its first page; the hook re-arms itself for the next listing.
    let victim = 1001;
    const removeOne = (): void => {
      server.state.removeMember(victim++);
      if (victim <= 1003) server.afterPage(/\/Users/, 1, removeOne);
    };
    server.afterPage(/\/Users/, 1, removeOne);
    const error = await client.listUsers().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScimShortfallError);
    expect((error as Error).message).toBe(
      "Sentry SCIM's total of Users changed from 148 to 147 while Roster was reading the pages, in each of 3 full listings. Members or teams were probably changed meanwhile; run the capture again when the organization is quiet."
    );
  });
});

describe('ScimClient errors', () => {
  it('explains a wrong token', async () => {
    const { fake: server } = await start(seed(3));
    const http = new HttpClient({ transport: createNodeTransport({ extraCaPem: createTestTls().caPem }), timeoutMs: 5_000, retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 }, concurrency: 1, service: 'Sentry SCIM' });
    const client = new ScimClient({ baseUrl: server.baseUrl, token: 'wrong', http });
    await expect(client.listUsers()).rejects.toThrow(
      'Sentry SCIM rejected the token (HTTP 401: Invalid token). Copy the current "Auth Token" from Sentry: Settings > Auth > SCIM Information, and set ROSTER_SENTRY_TOKEN.'
    );
  });

  it('explains SCIM being disabled', async () => {
    fake = await startScimFake(seed(3), { tls: createTestTls(), scimEnabled: false });
    const http = new HttpClient({ transport: createNodeTransport({ extraCaPem: createTestTls().caPem }), timeoutMs: 5_000, retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 }, concurrency: 1, service: 'Sentry SCIM' });
    const client = new ScimClient({ baseUrl: fake.baseUrl, token: TOKEN, http });
    await expect(client.listUsers()).rejects.toThrow(/^Sentry SCIM rejected the request \(HTTP 403: You do not have permission to perform this action\.\)\. SCIM must be enabled/);
  });

  it('names a malformed resource', async () => {
    const transport = async () => ({
      status: 200,
      headers: {},
      bodyText: JSON.stringify({ totalResults: 1, Resources: [{ id: '7', emails: [] }] })
    });
    const http = new HttpClient({ transport, timeoutMs: 1_000, retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 }, concurrency: 1, service: 'Sentry SCIM' });
    const client = new ScimClient({ baseUrl: 'https://sentry.example.com/api/0/organizations/acme/scim/v2', token: TOKEN, http });
    const error = await client.listUsers().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe(
      'Sentry SCIM sent an unreadable answer to GET https://sentry.example.com/api/0/organizations/acme/scim/v2/Users: resource 1 is malformed (userName: Invalid input: expected string, received undefined)'
    );
  });
});

describe('ScimClient shortfall', () => {
  it('retries then reports rows missing against totalResults', async () => {
    let requests = 0;
    const transport = async (request: { url: string }) => {
      requests++;
      const firstPage = request.url.includes('startIndex=1&');
      const resources = firstPage
        ? [{ id: '1', userName: 'a@contoso.example' }, { id: '2', userName: 'b@contoso.example' }]
        : [];
      return { status: 200, headers: {}, bodyText: JSON.stringify({ totalResults: 3, Resources: resources }) };
    };
    const http = new HttpClient({ transport, timeoutMs: 1_000, retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 }, concurrency: 1, service: 'Sentry SCIM' });
    const client = new ScimClient({ baseUrl: 'https://sentry.example.com/api/0/organizations/acme/scim/v2', token: TOKEN, http });
    await expect(client.listUsers()).rejects.toThrow(
      'Sentry SCIM announced 3 Users but sent 2 distinct ones, in each of 3 full listings. Members or teams were probably changed meanwhile; run the capture again when the organization is quiet.'
    );
    expect(requests).toBe(6);
  });
});

describe('parseScimBaseUrl', () => {
  it('accepts the forms Sentry shows', () => {
    expect(parseScimBaseUrl('https://sentry.io/api/0/organizations/acme/scim/v2/')).toEqual({ url: 'https://sentry.io/api/0/organizations/acme/scim/v2', org: 'acme' });
    expect(parseScimBaseUrl('https://de.sentry.io/api/0/organizations/acme/scim/v2').org).toBe('acme');
    expect(parseScimBaseUrl('https://sentry.corp.example/sentry/api/0/organizations/42/scim/v2').org).toBe('42');
  });

  it('rejects other URLs with the fix', () => {
    expect(() => parseScimBaseUrl('http://sentry.io/api/0/organizations/acme/scim/v2')).toThrow(
      'Invalid Sentry SCIM URL "http://sentry.io/api/0/organizations/acme/scim/v2": it must be an https:// URL (http:// only for localhost). Copy the "SCIM Base URL" from Sentry'
    );
    expect(() => parseScimBaseUrl('https://sentry.io/organizations/acme/')).toThrow('the path must end with /api/0/organizations/<org>/scim/v2');
  });
});
