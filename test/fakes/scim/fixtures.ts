import type { SeedScim } from '../seed';
import type { ScimFake } from './index';

export const TOKEN = 'scim-test-token-7f3a';

/**
 * Builds a small org: one owner, two accepted members (one with a secondary address), two pending invites,
 * and three teams, one of them renamed in Sentry so its slug no longer follows its name.
 */
export function smallSeed(provider: SeedScim['provider'] = 'okta'): SeedScim {
  return {
    orgSlug: 'acme',
    provider,
    token: TOKEN,
    users: [
      { id: '100', userName: 'owner@example.com', sentryOrgRole: 'owner' },
      { id: '101', userName: 'alice@example.com', sentryOrgRole: 'member', xSecondaryEmails: ['alice.alt@example.org'] },
      { id: '102', userName: 'Bob@Example.com', sentryOrgRole: 'member', xPending: true },
      { id: '103', userName: 'carol@example.com', sentryOrgRole: 'admin', xPending: true },
      { id: '104', userName: 'dave@example.com', sentryOrgRole: 'manager' }
    ],
    groups: [
      { id: '200', displayName: 'Platform Team', xMembers: ['101', '104'] },
      { id: '201', displayName: 'SRE:Team', xMembers: [] },
      { id: '202', displayName: 'Backend', xSlug: 'backend-renamed', xMembers: ['102'] }
    ]
  };
}

/** `count` accepted members with ids from 1 and e-mails user0001@example.com upward. */
export function bulkSeed(count: number): SeedScim {
  const users = Array.from({ length: count }, (_, i) => ({
    id: String(i + 1),
    userName: `user${String(i + 1).padStart(4, '0')}@example.com`,
    sentryOrgRole: i === 0 ? 'owner' : 'member'
  }));
  return { orgSlug: 'acme', provider: 'okta', token: TOKEN, users, groups: [] };
}

export interface CallResult {
  status: number;
  headers: Headers;
  /** Parsed JSON, the raw text when it is not JSON, or undefined for an empty body. */
  body: unknown;
}

/** Sends one request to the fake, relative to its SCIM base URL, with the test token unless `token` is given. */
export async function call(
  fake: ScimFake,
  method: string,
  relativePath: string,
  options: { body?: unknown; rawBody?: string; token?: string | null } = {}
): Promise<CallResult> {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? TOKEN : options.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;

  let body: string | undefined = options.rawBody;
  if (options.body !== undefined && method !== 'GET' && method !== 'HEAD') {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }

  const url = relativePath.startsWith('/api/') ? new URL(relativePath, fake.baseUrl).toString() : `${fake.baseUrl}${relativePath}`;
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** Builds the body Sentry's serializer sends for a member of an org whose provider is not Entra. */
export function expectedUser(id: string, email: string, role: string): Record<string, unknown> {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    id,
    userName: email,
    emails: [{ primary: true, value: email, type: 'work' }],
    name: { givenName: 'N/A', familyName: 'N/A' },
    active: true,
    meta: { resourceType: 'User' },
    sentryOrgRole: role
  };
}

export const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
