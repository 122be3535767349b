import type { TeamMemberRow } from '../model/audit-result';
import type { EntraGroup, ScimGroup, ScimUser, Snapshot } from '../model/snapshot';
import { sentrySlug, slugProblem } from '../scim/slug';
import { groupValue, type AuditConfig } from './config';
import { groupRef, memberRef, teamRef, userLabel, userRef, type FindingDraft } from './findings';
import type { Population } from './population';

export interface GroupAuditInput {
  snapshot: Snapshot;
  previous: Snapshot | null;
  config: AuditConfig;
  /** The population after the user audit, which sets each in-scope user's linked member. */
  population: Population;
  /** Sentry members by id: the member index's map, reused. */
  memberById: Map<string, ScimUser>;
  /** Returns the id of the Entra user linked to a member, from the user audit. */
  linkedUserId: (memberId: string) => string | null;
}

export interface GroupAuditOutput {
  drafts: FindingDraft[];
  rows: TeamMemberRow[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Derives the slug the audit assumes for a team. SCIM returns the team's name but not its slug, and Sentry's
 * `displayName eq` filter compares slugify(value) with the real slug.
 * NOTE: a slug changed in Sentry's UI keeps the old name, so this derived slug is then wrong: Entra
 * no longer finds the team and creates a new one, while the audit still pairs them.
 */
export function teamSlug(team: ScimGroup): string {
  return sentrySlug(team.displayName);
}

/** Pairs assigned groups with teams through Sentry's slug rule and compares their memberships. */
export function auditGroups(input: GroupAuditInput): GroupAuditOutput {
  const drafts: FindingDraft[] = [];
  const rows: TeamMemberRow[] = [];
  const { config, population } = input;
  const teams = input.snapshot.data.sentry.groups;
  if (!config.groupMappingEnabled) return { drafts, rows };

  const teamsBySlug = new Map<string, ScimGroup[]>();
  for (const team of teams) push(teamsBySlug, teamSlug(team), team);
  const previousNames = new Map((input.previous?.data.sentry.groups ?? []).map((team) => [team.id, team.displayName]));
  const teamsByLowerName = new Map<string, ScimGroup>();
  for (const team of teams) teamsByLowerName.set(team.displayName.toLowerCase(), team);

  const groupsBySlug = new Map<string, EntraGroup[]>();
  for (const group of population.assignedGroups) {
    const value = groupValue(group, config.groupSource);
    if (value !== null) push(groupsBySlug, sentrySlug(value), group);
  }


  const pairedTeams = new Set<string>();
  for (const [slug, groups] of groupsBySlug) {
    const slugTeams = teamsBySlug.get(slug) ?? [];
    for (const team of slugTeams) pairedTeams.add(team.id);
    const refs = groups.map((group) => groupRef(group, groupValue(group, config.groupSource)));

    if (groups.length > 1) {
      drafts.push({
        kind: 'group.slug_collision',
        entra: refs,
        sentry: slugTeams.map(teamRef),
        details: { slug, groupNames: groups.map((group) => group.displayName ?? group.id).join(', '), teamName: slugTeams[0]?.displayName ?? null }
      });
      continue;
    }

    const group = groups[0] as EntraGroup;
    const value = groupValue(group, config.groupSource) as string;
    const team = slugTeams[0];
    if (!team) {
      const renamed = findRenamedTeam(teams, previousNames, slug) ?? findSameNameTeam(teamsByLowerName, group);
      if (renamed) {
        pairedTeams.add(renamed.team.id);
        drafts.push({
          kind: 'group.name_mismatch',
          entra: refs,
          sentry: [teamRef(renamed.team)],
          attribute: { name: 'displayName', entraValue: value, sentryValue: renamed.team.displayName },
          details: { groupName: value, teamName: renamed.team.displayName, slug, teamSlug: teamSlug(renamed.team), previousTeamName: renamed.previousName, cause: renamed.cause }
        });
        continue;
      }
      const problem = slugProblem(slug);
      drafts.push({
        kind: 'group.missing_in_sentry',
        severity: problem ? 'high' : undefined,
        entra: refs,
        sentry: [],
        details: { groupName: value, slug, slugProblem: problem }
      });
      continue;
    }

    if (team.displayName !== value) {
      drafts.push({
        kind: 'group.name_mismatch',
        entra: refs,
        sentry: [teamRef(team)],
        attribute: { name: 'displayName', entraValue: value, sentryValue: team.displayName },
        details: { groupName: value, teamName: team.displayName, slug, teamSlug: slug, previousTeamName: null, cause: 'same_slug' }
      });
    }
    compareMembers(input, group, team, drafts, rows);
  }

  for (const team of teams) {
    if (team.membersTruncated) {
      drafts.push({ kind: 'group.member_list_truncated', entra: [], sentry: [teamRef(team)], details: { teamName: team.displayName, memberCount: team.members.length } });
    }
    if (!pairedTeams.has(team.id)) {
      drafts.push({ kind: 'group.unmanaged_in_sentry', entra: [], sentry: [teamRef(team)], details: { teamName: team.displayName, slug: teamSlug(team), memberCount: team.members.length } });
    }
  }
  return { drafts, rows };
}

interface RenamedTeam {
  team: ScimGroup;
  previousName: string | null;
  cause: 'renamed' | 'same_name';
}

/** Finds a team whose name in the previous snapshot gave the group's slug and whose name has changed since. */
function findRenamedTeam(teams: ScimGroup[], previousNames: Map<string, string>, slug: string): RenamedTeam | null {
  for (const team of teams) {
    const previousName = previousNames.get(team.id);
    if (previousName !== undefined && previousName !== team.displayName && sentrySlug(previousName) === slug) return { team, previousName, cause: 'renamed' };
  }
  return null;
}

/** Finds a team named like the group while the value Entra sends (from another source attribute) gives another slug. */
function findSameNameTeam(teamsByLowerName: Map<string, ScimGroup>, group: EntraGroup): RenamedTeam | null {
  const team = group.displayName ? teamsByLowerName.get(group.displayName.toLowerCase()) : undefined;
  return team ? { team, previousName: null, cause: 'same_name' } : null;
}

function compareMembers(input: GroupAuditInput, group: EntraGroup, team: ScimGroup, drafts: FindingDraft[], rows: TeamMemberRow[]): void {
  const { population } = input;
  const slug = teamSlug(team);
  const row = (member: string, entraUserId: string | null, sentryMemberId: string | null, status: TeamMemberRow['status']): TeamMemberRow => ({
    groupId: group.id,
    groupName: group.displayName,
    slug,
    teamId: team.id,
    teamName: team.displayName,
    member,
    entraUserId,
    sentryMemberId,
    status
  });
  const inTeam = new Set<string>();
  for (const teamMember of team.members) inTeam.add(teamMember.value);
  const expected = new Set<string>();
  const value = groupValue(group, input.config.groupSource);

  for (const scope of population.directMembers.get(group.id) ?? []) {
    if (scope.status !== 'in_scope') continue;
    const userId = scope.id;
    const member = scope.linkedMember;
    const label = userLabel(scope.user, userId);
    if (member) expected.add(member.id);
    if (member && inTeam.has(member.id)) {
      rows.push(row(member.userName, userId, member.id, 'in_both'));
      continue;
    }
    rows.push(row(member?.userName ?? label, userId, member?.id ?? null, 'missing_in_sentry'));

    // A user Entra has yet to create is reported once, as user.missing_in_sentry; a truncated list cannot prove absence.
    if (!member || team.membersTruncated) continue;
    drafts.push({
      kind: 'group.member_missing_in_sentry',
      entra: [groupRef(group, value), userRef(scope.user, userId, null)],
      sentry: [teamRef(team), memberRef(member)],
      details: { groupName: group.displayName, teamName: team.displayName, member: member.userName, user: label }
    });
  }

  for (const teamMember of team.members) {
    if (expected.has(teamMember.value)) continue;
    const member = input.memberById.get(teamMember.value);
    const name = member?.userName ?? teamMember.display ?? teamMember.value;
    const entraUserId = input.linkedUserId(teamMember.value);
    rows.push(row(name, entraUserId, teamMember.value, 'extra_in_sentry'));
    drafts.push({
      kind: 'group.member_extra_in_sentry',
      entra: [groupRef(group, value)],
      sentry: [teamRef(team), member ? memberRef(member) : { type: 'user', id: teamMember.value, userName: teamMember.display }],
      details: { groupName: group.displayName, teamName: team.displayName, member: name, managedByEntra: entraUserId !== null }
    });
  }
}
