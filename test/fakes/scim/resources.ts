import type { MemberRecord, ScimState, TeamRecord } from './state';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/**
 * Serializes a member as Sentry's SCIM serializer does. Names are not stored, so both are "N/A". There is
 * one primary work e-mail. `active` is always true but left out entirely for Entra (`active-directory`) orgs.
 */
export function userResource(member: MemberRecord, state: ScimState): Record<string, unknown> {
  const resource: Record<string, unknown> = {
    schemas: [USER_SCHEMA],
    id: String(member.id),
    userName: member.email,
    emails: [{ primary: true, value: member.email, type: 'work' }],
    name: { givenName: 'N/A', familyName: 'N/A' }
  };
  if (state.provider !== 'active-directory') resource.active = true;
  resource.meta = { resourceType: 'User' };
  resource.sentryOrgRole = member.role;
  return resource;
}

/** Serializes a team as Sentry does: stored name (not slug) and at most `memberCap` members. */
export function groupResource(team: TeamRecord, state: ScimState, options: { includeMembers: boolean; memberCap: number }): Record<string, unknown> {
  const resource: Record<string, unknown> = {
    schemas: [GROUP_SCHEMA],
    id: String(team.id),
    displayName: team.name
  };

  if (options.includeMembers) {
    const members: Array<{ value: string; display: string }> = [];
    for (const memberId of team.memberIds) {
      if (members.length >= options.memberCap) break;
      const member = state.getMember(memberId);
      if (member) members.push({ value: String(member.id), display: member.email });
    }
    resource.members = members;
  }

  resource.meta = { resourceType: 'Group' };
  return resource;
}
