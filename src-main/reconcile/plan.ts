import { whatIf } from '../audit/what-if';
import type { AuditResult, UserMatchRow } from '../model/audit-result';
import { FINDING_KINDS, type Finding, type FindingKind } from '../model/finding';
import type { ScimGroup, ScimUser, Snapshot } from '../model/snapshot';
import { sentrySlug, slugProblem } from '../scim/slug';
import { addGroupMembersRequest, createGroupRequest, createUserRequest, deleteUserRequest, removeGroupMemberRequest, renameGroupRequest, setUserRoleRequest } from '../scim/write-client';
import { checkDeletions } from './threshold';
import type { ExpectedMember, ExpectedTeam, MappingAdvice, PlannedOperation, PlanOptions, PlanSelection, ReconcilePlan, SkippedItem } from './types';

/** Finding kinds the plan turns into SCIM operations or, for the matching mismatch, into advice. */
export const RECONCILE_KINDS: readonly FindingKind[] = [
  'user.missing_in_sentry',
  'user.orphaned_in_sentry',
  'user.disabled_in_entra',
  'user.role_mismatch',
  'user.matching_attribute_mismatch',
  'group.missing_in_sentry',
  'group.name_mismatch',
  'group.member_missing_in_sentry',
  'group.member_extra_in_sentry'
];

/** Operations run in this order: creations first so later steps find their targets, deletions last. */
const PHASES: Record<PlannedOperation['kind'], number> = {
  'user.create': 0,
  'team.create': 1,
  'team.rename': 2,
  'user.set_role': 3,
  'team.add_member': 4,
  'team.remove_member': 5,
  'user.delete': 6
};

const OWNER = 'owner';

/** Sentry stores userName as the invite e-mail, which its member serializer limits to 75 characters. */
const MAX_USER_NAME_LENGTH = 75;

/** An operation before its position is known; `createdBy` links a team member addition to the team creation. */
type Draft = PlannedOperation & { createdBy?: Draft };

/**
 * Builds the SCIM operations that fix the selected findings, as Entra would send them but limited to
 * what the person selected and enabled. Nothing is sent here; `executePlan` sends the operations.
 */
export function buildPlan(snapshot: Snapshot, audit: AuditResult, selection: PlanSelection, options: PlanOptions, now = new Date()): ReconcilePlan {
  if (audit.snapshotId !== snapshot.meta.id) {
    throw new Error(`The audit is of snapshot ${audit.snapshotId}, not ${snapshot.meta.id}. Audit the snapshot you plan from.`);
  }
  if (options.maxDeletes !== undefined && options.maxDeletes !== null && (!Number.isInteger(options.maxDeletes) || options.maxDeletes < 0)) {
    throw new Error(`maxDeletes ${options.maxDeletes} is invalid; give a whole number of deletions, 0 or more.`);
  }

  const planner = new Planner(snapshot, audit, options);
  for (const finding of selectFindings(audit, selection)) planner.add(finding);
  const operations = planner.finish();

  const deletions = checkDeletions(operations.filter((operation) => operation.kind === 'user.delete').length, snapshot.data.sentry.users.length, options.maxDeletes ?? null);
  return {
    snapshotId: snapshot.meta.id,
    sentryBaseUrl: snapshot.meta.sentryBaseUrl,
    createdAt: now.toISOString(),
    options: {
      allowDeletes: options.allowDeletes ?? false,
      allowOwnerChanges: options.allowOwnerChanges ?? false,
      recreateMismatched: options.recreateMismatched ?? false,
      maxDeletes: options.maxDeletes ?? null
    },
    operations,
    skipped: planner.skipped,
    advice: planner.advice,
    notes: planner.notes,
    deletions: deletions.check,
    rejection: deletions.rejection
  };
}

/** Selects the findings a selection names; no selection means every finding of a kind the plan handles. */
function selectFindings(audit: AuditResult, selection: PlanSelection): Finding[] {
  for (const kind of selection.kinds ?? []) {
    if (!(FINDING_KINDS as readonly string[]).includes(kind)) throw new Error(`Unknown finding kind "${kind}". Use one of: ${RECONCILE_KINDS.join(', ')}.`);
  }
  const byId = new Map(audit.findings.map((finding) => [finding.id, finding]));
  for (const id of selection.findingIds ?? []) {
    if (!byId.has(id)) throw new Error(`Finding "${id}" is not in the audit of snapshot ${audit.snapshotId}. Run \`roster audit --snapshot ${audit.snapshotId} --format json\` to list the finding ids.`);
  }

  const ids = new Set(selection.findingIds ?? []);
  const kinds = new Set<FindingKind>(selection.kinds ?? []);
  if (ids.size === 0 && kinds.size === 0) return audit.findings.filter((finding) => RECONCILE_KINDS.includes(finding.kind));
  return audit.findings.filter((finding) => ids.has(finding.id) || kinds.has(finding.kind));
}

class Planner {
  readonly skipped: SkippedItem[] = [];
  readonly advice: MappingAdvice[] = [];
  readonly notes: string[] = [];
  private readonly drafts: Draft[] = [];
  private readonly keys = new Set<string>();
  private readonly members: Map<string, ScimUser>;
  private readonly teams: Map<string, ScimGroup>;
  private readonly rowsByEntraId: Map<string, UserMatchRow>;
  private ownersLeft: number;

  constructor(
    private readonly snapshot: Snapshot,
    private readonly audit: AuditResult,
    private readonly options: PlanOptions
  ) {
    this.members = new Map(snapshot.data.sentry.users.map((member) => [member.id, member]));
    this.teams = new Map(snapshot.data.sentry.groups.map((team) => [team.id, team]));
    this.rowsByEntraId = new Map(audit.users.filter((row) => row.entraId !== null).map((row) => [row.entraId as string, row]));
    this.ownersLeft = snapshot.data.sentry.users.filter((member) => member.sentryOrgRole?.toLowerCase() === OWNER).length;
  }

  add(finding: Finding): void {
    switch (finding.kind) {
      case 'user.missing_in_sentry':
        return this.createMember(finding);
      case 'user.orphaned_in_sentry':
      case 'user.disabled_in_entra':
        for (const ref of finding.sentry) if (ref.type === 'user') this.deleteMember(finding, this.expectedMember(ref.id, ref.userName ?? null), this.options.allowDeletes ?? false, '--allow-deletes');
        return;
      case 'user.role_mismatch':
        return this.changeRole(finding);
      case 'user.matching_attribute_mismatch':
        return this.adviseMismatch(finding);
      case 'group.missing_in_sentry':
        return this.createTeam(finding);
      case 'group.name_mismatch':
        return this.renameTeam(finding);
      case 'group.member_missing_in_sentry':
      case 'group.member_extra_in_sentry':
        return this.changeTeamMember(finding);
      default:
        this.skip(finding, `${finding.kind}`, `Roster has no SCIM fix for ${finding.kind}; follow the finding's recommended action.`, null);
    }
  }

  /** Numbers the operations in phase order and resolves the team placeholders of member additions. */
  finish(): PlannedOperation[] {
    const ordered = this.drafts.map((draft, index) => ({ draft, index })).sort((a, b) => PHASES[a.draft.kind] - PHASES[b.draft.kind] || a.index - b.index);
    ordered.forEach(({ draft }, position) => (draft.seq = position + 1));
    return ordered.map(({ draft }) => {
      const { createdBy, ...rest } = draft;
      const operation = rest as PlannedOperation;
      if (createdBy && operation.kind === 'team.add_member') {
        operation.team = { ...operation.team, createdBySeq: createdBy.seq };
        operation.path = `/Groups/{team:${createdBy.seq}}`;
      }
      return operation;
    });
  }

  private push(key: string, draft: Draft): void {
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.drafts.push(draft);
  }

  private skip(finding: Finding, description: string, reason: string, toggle: SkippedItem['toggle']): void {
    this.skipped.push({ findingId: finding.id, findingKind: finding.kind, description, reason, toggle });
  }

  private expectedMember(id: string, fallbackUserName: string | null): ExpectedMember {
    const member = this.members.get(id);
    return { id, userName: member?.userName ?? fallbackUserName ?? id, role: member?.sentryOrgRole?.toLowerCase() ?? null };
  }

  private expectedTeam(id: string): ExpectedTeam | null {
    const team = this.teams.get(id);
    return team ? { id, createdBySeq: null, displayName: team.displayName } : null;
  }

  private createMember(finding: Finding, userName = finding.entra[0]?.matchValue ?? null): void {
    const entraId = finding.entra[0]?.id;
    if (!userName || entraId === undefined) {
      this.skip(finding, 'create member', 'The finding names no value for userName, so there is nothing to create.', null);
      return;
    }
    if (userName.length > MAX_USER_NAME_LENGTH) {
      this.skip(finding, `create member ${userName}`, `Sentry rejects a userName longer than ${MAX_USER_NAME_LENGTH} characters, and this one has ${userName.length}. Map a shorter address in Entra.`, null);
      return;
    }
    const role = this.rowsByEntraId.get(entraId)?.expectedRole ?? null;
    if (role === OWNER) {
      this.skip(finding, `create member ${userName}`, 'Sentry does not let SCIM create owners. Invite the person in Sentry and make them an owner there.', null);
      return;
    }
    const request = createUserRequest(userName, role);
    const roleText = role === null ? "the organization's default role" : `role ${role}`;
    this.push(`user.create:${userName.toLowerCase()}`, {
      ...request, seq: 0, kind: 'user.create', findingId: finding.id, findingKind: finding.kind, userName, role,
      method: 'POST',
      consequence: `Sentry adds ${userName} as an invited member with ${roleText}; the person becomes a full member on their first SSO sign-in.`
    });
  }

  /** Plans a member deletion unless its toggle is off, it is an owner without the owner toggle, or it is the last owner. */
  private deleteMember(finding: Finding, member: ExpectedMember, enabled: boolean, toggle: '--allow-deletes' | '--recreate-mismatched'): void {
    const description = `delete member ${member.userName}`;
    if (!enabled) {
      this.skip(finding, description, toggle === '--allow-deletes' ? 'Deleting members is off.' : 'Recreating members is off.', toggle);
      return;
    }
    if (this.keys.has(`user.delete:${member.id}`)) return;
    if (member.role === OWNER) {
      if (!this.options.allowOwnerChanges) {
        this.skip(finding, description, `${member.userName} is an owner, and changes to owners are off.`, '--allow-owner-changes');
        return;
      }
      if (this.ownersLeft <= 1) {
        this.skip(finding, description, `${member.userName} is the last owner of the organization, and Roster never removes the last owner.`, null);
        return;
      }
      this.ownersLeft -= 1;
    }
    const request = deleteUserRequest(member.id);
    this.push(`user.delete:${member.id}`, {
      ...request, seq: 0, kind: 'user.delete', findingId: finding.id, findingKind: finding.kind, member,
      method: 'DELETE',
      consequence: `Sentry deletes member ${member.userName} (id ${member.id}${member.role ? `, role ${member.role}` : ''}) with all its team memberships. SCIM cannot undo this; the person would have to be invited again.`
    });
  }

  private changeRole(finding: Finding): void {
    const ref = finding.sentry.find((candidate) => candidate.type === 'user');
    const role = finding.attribute?.entraValue?.toLowerCase() ?? null;
    if (!ref || !role) {
      this.skip(finding, 'change role', 'The finding names no member or no expected role.', null);
      return;
    }
    const member = this.expectedMember(ref.id, ref.userName ?? null);
    const description = `change role of ${member.userName} to ${role}`;
    if (role === OWNER) {
      this.skip(finding, description, 'Sentry does not let SCIM assign the owner role. Make the person an owner in Sentry.', null);
      return;
    }
    if (member.role === OWNER) {
      this.skip(finding, description, "Sentry leaves an owner's role unchanged when SCIM sets it (PUT returns 200 and changes nothing). Change it in Sentry.", null);
      return;
    }
    const request = setUserRoleRequest(member.id, role);
    this.push(`user.set_role:${member.id}`, {
      ...request, seq: 0, kind: 'user.set_role', findingId: finding.id, findingKind: finding.kind, member, role,
      method: 'PUT',
      consequence: `Sentry changes the role of ${member.userName} from ${member.role ?? 'its current role'} to ${role} and marks the role as managed by the identity provider.`
    });
  }

  private adviseMismatch(finding: Finding): void {
    const ref = finding.sentry.find((candidate) => candidate.type === 'user');
    const entraValue = finding.attribute?.entraValue ?? null;
    if (!ref || !entraValue) {
      this.skip(finding, 'recreate member', 'The finding names no member or no value from Entra.', null);
      return;
    }
    const member = this.expectedMember(ref.id, ref.userName ?? null);
    const secondary = typeof finding.details.secondaryAttribute === 'string' ? finding.details.secondaryAttribute : null;
    // userName takes one value, and the audit's what-if models proxy addresses only as primaryProxyAddress.
    const alternative = secondary === 'proxyAddresses' ? 'primaryProxyAddress' : secondary;
    const recreate = this.options.recreateMismatched ?? false;
    this.advice.push({
      findingId: finding.id,
      memberUserName: member.userName,
      entraValue,
      alternativeSource: alternative,
      whatIf: alternative === null ? null : whatIfFor(this.snapshot, alternative),
      changeMapping: `Change Entra's mapping for userName${alternative ? ` to ${alternative}` : ''} so Entra sends "${member.userName}" and links the existing member. No SCIM call; the member keeps its teams and role.`,
      recreate: `Delete member ${member.userName} and create "${entraValue}" instead. The member loses its team memberships, and the person must accept a new invite.`,
      recreatePlanned: recreate
    });
    if (!recreate) {
      this.skip(finding, `recreate member ${member.userName} as ${entraValue}`, "Sentry's userName cannot be changed, and recreating members is off.", '--recreate-mismatched');
      return;
    }
    const before = this.skipped.length;
    this.deleteMember(finding, member, true, '--recreate-mismatched');
    // Create only when the delete is planned, so a blocked owner is never duplicated under a second name.
    if (this.skipped.length === before) this.createMember(finding, entraValue);
  }

  private createTeam(finding: Finding): void {
    const displayName = typeof finding.details.groupName === 'string' ? finding.details.groupName : (finding.entra[0]?.matchValue ?? null);
    const groupId = finding.entra[0]?.id;
    if (!displayName || groupId === undefined) {
      this.skip(finding, 'create team', 'The finding names no group name.', null);
      return;
    }
    const problem = slugProblem(sentrySlug(displayName));
    if (problem !== null) {
      this.skip(finding, `create team ${displayName}`, `Sentry would reject the slug "${sentrySlug(displayName)}" (${problem}). Rename the group in Entra first.`, null);
      return;
    }
    const request = createGroupRequest(displayName);
    const create: Draft = {
      ...request, seq: 0, kind: 'team.create', findingId: finding.id, findingKind: finding.kind, displayName,
      method: 'POST',
      consequence: `Sentry creates the empty team "${displayName}" with slug ${sentrySlug(displayName)}.`
    };
    this.push(`team.create:${sentrySlug(displayName)}`, create);

    const team: ExpectedTeam = { id: null, createdBySeq: null, displayName };
    for (const edge of this.snapshot.data.entra.memberships) {
      if (edge.groupId !== groupId || edge.relation !== 'direct' || edge.memberType !== 'user') continue;
      const row = this.rowsByEntraId.get(edge.memberId);
      if (!row || !row.inScope) continue;
      const linked = row.sentryId !== null && (row.matchedBy === 'exact' || row.matchedBy === 'case-insensitive');
      if (!linked) {
        this.notes.push(`${row.userPrincipalName ?? edge.memberId} belongs in team "${displayName}" but is not a Sentry member yet; add them in a later run, once the member exists.`);
        continue;
      }
      const member = this.expectedMember(row.sentryId as string, row.sentryUserName);
      this.push(`team.add_member:${sentrySlug(displayName)}:${member.id}`, {
        ...addGroupMembersRequest('0', [member.id]), seq: 0, kind: 'team.add_member', findingId: finding.id, findingKind: finding.kind, team, member, createdBy: create,
        method: 'PATCH',
        consequence: `Sentry adds ${member.userName} to the new team "${displayName}".`
      });
    }
  }

  private renameTeam(finding: Finding): void {
    const ref = finding.sentry.find((candidate) => candidate.type === 'team');
    const displayName = finding.attribute?.entraValue ?? null;
    const team = ref ? this.expectedTeam(ref.id) : null;
    if (!ref || !team || !displayName) {
      this.skip(finding, 'rename team', 'The finding names no team in the snapshot or no new name.', null);
      return;
    }
    const slug = sentrySlug(displayName);
    const taken = this.snapshot.data.sentry.groups.find((other) => other.id !== ref.id && sentrySlug(other.displayName) === slug);
    const problem = slugProblem(slug);
    if (taken || problem) {
      const why = taken ? `team "${taken.displayName}" already has the slug ${slug}` : `Sentry would reject the slug "${slug}" (${problem})`;
      this.skip(finding, `rename team ${team.displayName} to ${displayName}`, `Cannot rename: ${why}.`, null);
      return;
    }
    const request = renameGroupRequest(ref.id, displayName);
    this.push(`team.rename:${ref.id}`, {
      ...request, seq: 0, kind: 'team.rename', findingId: finding.id, findingKind: finding.kind, team, displayName,
      method: 'PATCH',
      consequence:
        sentrySlug(team.displayName) === slug
          ? `Sentry renames team "${team.displayName}" to "${displayName}", and its slug stays ${slug}.`
          : `Sentry renames team "${team.displayName}" to "${displayName}" and changes its slug from ${sentrySlug(team.displayName)} to ${slug}.`
    });
  }

  private changeTeamMember(finding: Finding): void {
    const teamRef = finding.sentry.find((candidate) => candidate.type === 'team');
    const memberRef = finding.sentry.find((candidate) => candidate.type === 'user');
    const team = teamRef ? this.expectedTeam(teamRef.id) : null;
    if (!team || !memberRef || team.id === null) {
      this.skip(finding, 'change team membership', 'The finding names no team in the snapshot or no member.', null);
      return;
    }
    const member = this.expectedMember(memberRef.id, memberRef.userName ?? null);
    if (finding.kind === 'group.member_missing_in_sentry') {
      this.push(`team.add_member:${team.id}:${member.id}`, {
        ...addGroupMembersRequest(team.id, [member.id]), seq: 0, kind: 'team.add_member', findingId: finding.id, findingKind: finding.kind, team, member,
        method: 'PATCH',
        consequence: `Sentry adds ${member.userName} to team "${team.displayName}".`
      });
      return;
    }
    this.push(`team.remove_member:${team.id}:${member.id}`, {
      ...removeGroupMemberRequest(team.id, member.id), seq: 0, kind: 'team.remove_member', findingId: finding.id, findingKind: finding.kind, team, member,
      method: 'PATCH',
      consequence: `Sentry removes ${member.userName} from team "${team.displayName}"; the member stays in the organization.`
    });
  }
}

function whatIfFor(snapshot: Snapshot, source: string) {
  try {
    return whatIf(snapshot, { candidates: [source] }).candidates[0] ?? null;
  } catch {
    // Sources such as "previous userPrincipalName" are audit labels, not mappable Entra attributes.
    return null;
  }
}
