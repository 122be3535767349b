import type { z } from 'zod';
import type { HttpClient } from '../http/client';
import { HttpError, InvalidResponseError } from '../http/errors';
import type { HttpRequest } from '../http/types';
import type { ScimGroup, ScimUser } from '../model/snapshot';
import { parseScimBaseUrl } from './base-url';
import { explainScimError, toScimGroup, toScimUser } from './client';
import { describeIssue, listResponseSchema, scimGroupSchema, scimUserSchema } from './schemas';
import { sentrySlug } from './slug';

export const SCIM_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const SCIM_GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const SCIM_PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export interface ScimWriterOptions {
  baseUrl: string;
  token: string;
  http: HttpClient;
  signal?: AbortSignal;
}

/** A write request as it goes on the wire; the plan shows the same shape before anything is sent. */
export interface ScimWriteRequest {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the SCIM base URL, e.g. `/Users/42`. */
  path: string;
  body: unknown;
}

/** The outcome of a create: the resource, the HTTP status, and whether Sentry already had it (409 then found by filter). */
export interface CreateOutcome<T> {
  resource: T;
  status: number;
  alreadyExisted: boolean;
}

export function createUserRequest(userName: string, role: string | null): ScimWriteRequest {
  const body: Record<string, unknown> = { schemas: [SCIM_USER_SCHEMA], userName, active: true };
  if (role !== null) body.sentryOrgRole = role;
  return { method: 'POST', path: '/Users', body };
}

export function deleteUserRequest(id: string): ScimWriteRequest {
  return { method: 'DELETE', path: `/Users/${encodeURIComponent(id)}`, body: null };
}

/** Sentry's PUT reads only `sentryOrgRole` and never deletes, whatever else the body holds. */
export function setUserRoleRequest(id: string, role: string): ScimWriteRequest {
  return { method: 'PUT', path: `/Users/${encodeURIComponent(id)}`, body: { schemas: [SCIM_USER_SCHEMA], sentryOrgRole: role } };
}

export function createGroupRequest(displayName: string): ScimWriteRequest {
  return { method: 'POST', path: '/Groups', body: { schemas: [SCIM_GROUP_SCHEMA], displayName, members: [] } };
}

export function addGroupMembersRequest(id: string, memberIds: string[]): ScimWriteRequest {
  return {
    method: 'PATCH',
    path: `/Groups/${encodeURIComponent(id)}`,
    body: { schemas: [SCIM_PATCH_SCHEMA], Operations: [{ op: 'Add', path: 'members', value: memberIds.map((value) => ({ value })) }] }
  };
}

/**
 * Entra's remove form. Sentry applies only the first entry of `value`, so this request carries
 * exactly one member and callers send one request per member.
 */
export function removeGroupMemberRequest(id: string, memberId: string): ScimWriteRequest {
  return {
    method: 'PATCH',
    path: `/Groups/${encodeURIComponent(id)}`,
    body: { schemas: [SCIM_PATCH_SCHEMA], Operations: [{ op: 'Remove', path: 'members', value: [{ value: memberId }] }] }
  };
}

export function renameGroupRequest(id: string, displayName: string): ScimWriteRequest {
  return {
    method: 'PATCH',
    path: `/Groups/${encodeURIComponent(id)}`,
    body: { schemas: [SCIM_PATCH_SCHEMA], Operations: [{ op: 'Replace', path: 'displayName', value: displayName }] }
  };
}

/**
 * Reads single members and teams and changes them through Sentry's SCIM API, one request per call.
 * Retries and throttling come from the `HttpClient`: POST and PATCH are retried only on 429, when
 * Sentry refused before doing anything.
 */
export class ScimWriter {
  readonly baseUrl: string;
  readonly org: string;

  constructor(private readonly options: ScimWriterOptions) {
    const parsed = parseScimBaseUrl(options.baseUrl);
    this.baseUrl = parsed.url;
    this.org = parsed.org;
  }

  /** Returns the member, or null when Sentry returns 404. */
  async getUser(id: string, signal?: AbortSignal): Promise<ScimUser | null> {
    const result = await this.send({ method: 'GET', url: `${this.baseUrl}/Users/${encodeURIComponent(id)}`, acceptStatuses: [404], signal });
    if (result.status === 404) return null;
    return toScimUser(this.parse(scimUserSchema, result.body, 'GET', `/Users/${id}`));
  }

  /**
   * Finds the member Sentry's `userName eq` filter returns for `userName`, preferring one whose
   * userName equals it ignoring case over one found by a secondary address.
   */
  async findUserByUserName(userName: string, signal?: AbortSignal): Promise<ScimUser | null> {
    if (userName.includes(',') || userName.includes('"')) {
      // Sentry's filter parser rejects any comma, and a quote would end the value early.
      throw new Error(`Cannot look up "${userName}" in Sentry: its SCIM filter does not accept commas or double quotes in a value. Check the member in Sentry's UI.`);
    }
    const members = await this.list(`/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`, scimUserSchema, signal);
    const users = members.map(toScimUser);
    return users.find((user) => user.userName.toLowerCase() === userName.toLowerCase()) ?? users[0] ?? null;
  }

  /** Creates a member; a 409 counts as done when the filter then finds the member. */
  async createUser(userName: string, role: string | null, signal?: AbortSignal): Promise<CreateOutcome<ScimUser>> {
    const request = createUserRequest(userName, role);
    try {
      const result = await this.write(request, signal);
      return { resource: toScimUser(this.parse(scimUserSchema, result.body, 'POST', request.path)), status: result.status, alreadyExisted: false };
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 409) throw error;
      const existing = await this.findUserByUserName(userName, signal);
      if (existing === null) throw error;
      return { resource: existing, status: 409, alreadyExisted: true };
    }
  }

  /** Deletes a member; returns 'already_gone' when Sentry returns 404. */
  async deleteUser(id: string, signal?: AbortSignal): Promise<{ status: number; outcome: 'deleted' | 'already_gone' }> {
    const result = await this.write(deleteUserRequest(id), signal, [404]);
    return { status: result.status, outcome: result.status === 404 ? 'already_gone' : 'deleted' };
  }

  async setUserRole(id: string, role: string, signal?: AbortSignal): Promise<{ status: number; user: ScimUser }> {
    const request = setUserRoleRequest(id, role);
    const result = await this.write(request, signal);
    return { status: result.status, user: toScimUser(this.parse(scimUserSchema, result.body, 'PUT', request.path)) };
  }

  /** Returns the team, or null when Sentry returns 404 (unknown or pending deletion). */
  async getGroup(id: string, signal?: AbortSignal): Promise<ScimGroup | null> {
    const result = await this.send({ method: 'GET', url: `${this.baseUrl}/Groups/${encodeURIComponent(id)}`, acceptStatuses: [404], signal });
    if (result.status === 404) return null;
    return toScimGroup(this.parse(scimGroupSchema, result.body, 'GET', `/Groups/${id}`));
  }

  /**
   * Finds the team whose slug Sentry derives from `displayName`. Sentry slugifies the filter value
   * itself, so the slug is sent: it has no commas or quotes, which the filter parser would reject.
   */
  async findGroupByName(displayName: string, signal?: AbortSignal): Promise<ScimGroup | null> {
    const slug = sentrySlug(displayName);
    if (slug === '') return null;
    const teams = await this.list(`/Groups?filter=${encodeURIComponent(`displayName eq "${slug}"`)}`, scimGroupSchema, signal);
    const first = teams[0];
    return first === undefined ? null : toScimGroup(first);
  }

  /** Creates an empty team; a 409 counts as done when a team with the same name then has the slug. */
  async createGroup(displayName: string, signal?: AbortSignal): Promise<CreateOutcome<ScimGroup>> {
    const request = createGroupRequest(displayName);
    try {
      const result = await this.write(request, signal);
      return { resource: toScimGroup(this.parse(scimGroupSchema, result.body, 'POST', request.path)), status: result.status, alreadyExisted: false };
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 409) throw error;
      const existing = await this.findGroupByName(displayName, signal);
      if (existing === null || existing.displayName !== displayName) throw error;
      return { resource: existing, status: 409, alreadyExisted: true };
    }
  }

  async addGroupMembers(id: string, memberIds: string[], signal?: AbortSignal): Promise<{ status: number }> {
    if (memberIds.length === 0) throw new Error(`addGroupMembers for team ${id} got no member ids; pass at least one.`);
    const result = await this.write(addGroupMembersRequest(id, memberIds), signal);
    return { status: result.status };
  }

  async removeGroupMember(id: string, memberId: string, signal?: AbortSignal): Promise<{ status: number }> {
    const result = await this.write(removeGroupMemberRequest(id, memberId), signal);
    return { status: result.status };
  }

  /** Renames a team; Sentry re-derives its slug from the new name. */
  async renameGroup(id: string, displayName: string, signal?: AbortSignal): Promise<{ status: number }> {
    const result = await this.write(renameGroupRequest(id, displayName), signal);
    return { status: result.status };
  }

  private async list<S extends z.ZodType>(pathAndQuery: string, schema: S, signal: AbortSignal | undefined): Promise<z.output<S>[]> {
    const url = `${this.baseUrl}${pathAndQuery}`;
    const result = await this.send({ method: 'GET', url, signal });
    const page = listResponseSchema.safeParse(result.body);
    if (!page.success) throw new InvalidResponseError('Sentry SCIM', 'GET', url, `not a SCIM ListResponse (${describeIssue(page.error)})`);
    return page.data.Resources.map((raw) => this.parse(schema, raw, 'GET', pathAndQuery));
  }

  private write(request: ScimWriteRequest, signal: AbortSignal | undefined, acceptStatuses: number[] = []) {
    return this.send({
      method: request.method,
      url: `${this.baseUrl}${request.path}`,
      json: request.method === 'DELETE' ? undefined : request.body,
      acceptStatuses,
      signal
    });
  }

  private parse<S extends z.ZodType>(schema: S, body: unknown, method: string, path: string): z.output<S> {
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new InvalidResponseError('Sentry SCIM', method, `${this.baseUrl}${path}`, `the resource is malformed (${describeIssue(parsed.error)})`);
    return parsed.data;
  }

  private async send(request: HttpRequest) {
    try {
      return await this.options.http.request({ ...request, signal: request.signal ?? this.options.signal, headers: { Authorization: `Bearer ${this.options.token}` } });
    } catch (error) {
      // On a write, 403 and 404 describe the target (the last owner, "User not found." on a team PATCH),
      // not a disabled SCIM setup or a wrong org slug, so only a rejected token gets the setup advice.
      if (error instanceof HttpError && request.method !== 'GET' && error.status !== 401) throw error;
      throw explainScimError(error);
    }
  }
}
