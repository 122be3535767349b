import type { z } from 'zod';
import type { HttpClient } from '../http/client';
import { HttpError, InvalidResponseError, NetworkError } from '../http/errors';
import type { ScimGroup, ScimUser, SourceName, SourceRecord } from '../model/snapshot';
import { parseScimBaseUrl } from './base-url';
import { describeIssue, listResponseSchema, scimGroupSchema, scimUserSchema } from './schemas';

/** Sentry caps a team's member list in SCIM responses at this many entries. */
export const SENTRY_TEAM_MEMBER_CAP = 10_000;

/** Sentry documents 100 as the maximum page size for SCIM lists. */
const PAGE_SIZE = 100;

/** Full listings tried before a count that does not add up is reported as an error. */
const LISTING_ATTEMPTS = 3;

export interface ScimClientOptions {
  baseUrl: string;
  token: string;
  http: HttpClient;
}

export interface ScimPageProgress {
  source: SourceName;
  page: number;
  rows: number;
  total: number;
  retries: number;
}

export interface ScimListOptions {
  signal?: AbortSignal;
  onPage?: (progress: ScimPageProgress) => void;
}

/** Raised when Sentry's pages never add up to one steady `totalResults`. */
export class ScimShortfallError extends Error {
  constructor(
    readonly resource: 'Users' | 'Groups',
    /** Every `totalResults` seen in the last listing, in order. */
    readonly announced: number[],
    readonly received: number
  ) {
    const first = announced[0] ?? 0;
    const last = announced.at(-1) ?? 0;
    const problem =
      first === last
        ? `Sentry SCIM announced ${last} ${resource} but sent ${received} distinct ones`
        : `Sentry SCIM's total of ${resource} changed from ${first} to ${last} while Roster was reading the pages`;
    super(`${problem}, in each of ${LISTING_ATTEMPTS} full listings. Members or teams were probably changed meanwhile; run the capture again when the organization is quiet.`);
    this.name = 'ScimShortfallError';
  }
}

/** Reads Sentry organization members (`/Users`) and teams (`/Groups`) through SCIM 2.0. */
export class ScimClient {
  readonly baseUrl: string;
  readonly org: string;

  constructor(private readonly options: ScimClientOptions) {
    const parsed = parseScimBaseUrl(options.baseUrl);
    this.baseUrl = parsed.url;
    this.org = parsed.org;
  }

  async listUsers(options: ScimListOptions = {}): Promise<{ rows: ScimUser[]; source: SourceRecord }> {
    return this.listAll('Users', 'scim.users', scimUserSchema, toScimUser, options);
  }

  async listGroups(options: ScimListOptions = {}): Promise<{ rows: ScimGroup[]; source: SourceRecord }> {
    return this.listAll('Groups', 'scim.groups', scimGroupSchema, toScimGroup, options);
  }

  /**
   * Pages through a list until `totalResults` rows arrived. Offsets shift when members are added or
   * removed between two page requests, so a listing whose distinct rows do not match the announced
   * total is read again from the start, and reported after the last attempt.
   */
  private async listAll<S extends z.ZodType, T extends { id: string }>(
    resource: 'Users' | 'Groups',
    source: SourceName,
    schema: S,
    convert: (resource: z.output<S>) => T,
    options: ScimListOptions
  ): Promise<{ rows: T[]; source: SourceRecord }> {
    const startedAt = new Date().toISOString();
    const retriesBefore = this.options.http.retriesSpent;
    let pages = 0;
    let last = { announced: [] as number[], received: 0 };

    for (let attempt = 1; attempt <= LISTING_ATTEMPTS; attempt++) {
      const byId = new Map<string, T>();
      const totals: number[] = [];
      let startIndex = 1;

      for (;;) {
        const page = await this.fetchPage(resource, startIndex, options.signal);
        pages++;
        totals.push(page.totalResults);

        page.resources.forEach((raw, index) => {
          const parsed = schema.safeParse(raw);
          if (!parsed.success) {
            throw new InvalidResponseError('Sentry SCIM', 'GET', `${this.baseUrl}/${resource}`, `resource ${startIndex + index} is malformed (${describeIssue(parsed.error)})`);
          }
          const row = convert(parsed.data);
          byId.set(row.id, row);
        });

        options.onPage?.({ source, page: pages, rows: byId.size, total: page.totalResults, retries: this.options.http.retriesSpent - retriesBefore });
        startIndex += page.resources.length;
        if (page.resources.length === 0 || startIndex > page.totalResults) break;
      }

      const announced = totals.at(-1) ?? 0;
      last = { announced: totals, received: byId.size };
      if (totals.every((total) => total === announced) && byId.size === announced) {
        return {
          rows: [...byId.values()],
          source: {
            source,
            startedAt,
            endedAt: new Date().toISOString(),
            rowsReceived: byId.size,
            apiTotal: announced,
            pages,
            retries: this.options.http.retriesSpent - retriesBefore
          }
        };
      }
    }
    throw new ScimShortfallError(resource, last.announced, last.received);
  }

  private async fetchPage(resource: 'Users' | 'Groups', startIndex: number, signal: AbortSignal | undefined): Promise<{ totalResults: number; resources: unknown[] }> {
    const url = `${this.baseUrl}/${resource}?startIndex=${startIndex}&count=${PAGE_SIZE}`;
    const result = await this.send({ method: 'GET', url, signal });
    const parsed = listResponseSchema.safeParse(result.body);
    if (!parsed.success) {
      throw new InvalidResponseError('Sentry SCIM', 'GET', url, `not a SCIM ListResponse (${describeIssue(parsed.error)})`);
    }
    return { totalResults: parsed.data.totalResults, resources: parsed.data.Resources };
  }

  private async send(request: { method: 'GET'; url: string; signal?: AbortSignal }) {
    try {
      return await this.options.http.request({ ...request, headers: { Authorization: `Bearer ${this.options.token}` } });
    } catch (error) {
      throw explainScimError(error);
    }
  }
}

/** Adds what to do to the errors whose cause an administrator can fix. */
export function explainScimError(error: unknown): unknown {
  if (error instanceof NetworkError) {
    return new Error(`${error.message}. Check the SCIM base URL, the network, and any proxy (HTTPS_PROXY, NO_PROXY).`, { cause: error });
  }
  if (!(error instanceof HttpError)) return error;
  if (error.status === 401) {
    return new Error(
      `Sentry SCIM rejected the token (HTTP 401${error.detail ? `: ${error.detail}` : ''}). Copy the current "Auth Token" from Sentry: Settings > Auth > SCIM Information, and set ROSTER_SENTRY_TOKEN.`,
      { cause: error }
    );
  }
  if (error.status === 403) {
    return new Error(
      `Sentry SCIM rejected the request (HTTP 403${error.detail ? `: ${error.detail}` : ''}). SCIM must be enabled for the organization's SSO provider (Settings > Auth > Enable SCIM) on a Business or Enterprise plan, and the token must be that SCIM token.`,
      { cause: error }
    );
  }
  if (error.status === 404) {
    return new Error(`Sentry SCIM returned 404 for ${error.url}. Check the organization slug in the SCIM base URL.`, { cause: error });
  }
  return error;
}

export function toScimUser(resource: z.output<typeof scimUserSchema>): ScimUser {
  return {
    id: resource.id,
    userName: resource.userName,
    emails: resource.emails.map((email) => ({ value: email.value, primary: email.primary ?? false, type: email.type ?? null })),
    active: resource.active ?? null,
    sentryOrgRole: resource.sentryOrgRole ?? null,
    givenName: resource.name?.givenName ?? null,
    familyName: resource.name?.familyName ?? null
  };
}

export function toScimGroup(resource: z.output<typeof scimGroupSchema>): ScimGroup {
  return {
    id: resource.id,
    displayName: resource.displayName,
    members: resource.members.map((member) => ({ value: member.value, display: member.display ?? null })),
    membersTruncated: resource.members.length >= SENTRY_TEAM_MEMBER_CAP
  };
}
