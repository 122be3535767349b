/**
 * Turns reconcile plans and journal runs into the shapes the renderer receives. Each operation and
 * skipped item carries the names its translated text needs, because the domain writes English only.
 */
import type { ReconcilePlanDto, ReconcileRunDto, ReconcileToggleName, SkippedItemDto, PlannedOperationDto } from '../ipc/schemas/reconcile';
import type { PlannedOperation, ReconcilePlan, ReconcileToggle, SkippedItem } from '../reconcile';
import { defaultDeleteThreshold } from '../reconcile';
import { parseScimBaseUrl } from '../scim/base-url';
import { sentrySlug } from '../scim/slug';
import type { JournalRun } from '../store/journal';

const TOGGLE_NAMES: Record<ReconcileToggle, ReconcileToggleName> = {
  '--allow-deletes': 'allowDeletes',
  '--allow-owner-changes': 'allowOwnerChanges',
  '--recreate-mismatched': 'recreateMismatched'
};

export interface ProfileChoice {
  id: string;
  name: string;
  sentryScimUrl: string;
  hasScimToken: boolean;
}

export function operationDto(operation: PlannedOperation): PlannedOperationDto {
  return {
    seq: operation.seq,
    kind: operation.kind,
    findingId: operation.findingId,
    findingKind: operation.findingKind,
    method: operation.method,
    path: operation.path,
    body: operation.body === null || operation.body === undefined ? null : JSON.stringify(operation.body, null, 2),
    params: operationParams(operation),
    consequence: operation.consequence
  };
}

function operationParams(operation: PlannedOperation): Record<string, string | null> {
  switch (operation.kind) {
    case 'user.create':
      return { userName: operation.userName, role: operation.role };
    case 'user.delete':
      return { userName: operation.member.userName, memberId: operation.member.id, role: operation.member.role };
    case 'user.set_role':
      return { userName: operation.member.userName, from: operation.member.role, role: operation.role };
    case 'team.create':
      return { team: operation.displayName, slug: sentrySlug(operation.displayName) };
    case 'team.add_member':
      return { userName: operation.member.userName, team: operation.team.displayName, newTeam: operation.team.createdBySeq === null ? null : String(operation.team.createdBySeq) };
    case 'team.remove_member':
      return { userName: operation.member.userName, team: operation.team.displayName };
    case 'team.rename':
      return { from: operation.team.displayName, to: operation.displayName, fromSlug: sentrySlug(operation.team.displayName), toSlug: sentrySlug(operation.displayName) };
  }
}

/** The planner's descriptions, in the order they are tried; each names the object a skipped item is about. */
const SKIP_DESCRIPTIONS: Array<{ pattern: RegExp; action: SkippedItemDto['action']; names: string[] }> = [
  { pattern: /^delete member (.+)$/, action: 'deleteMember', names: ['userName'] },
  { pattern: /^recreate member (.+) as (.+)$/, action: 'recreateMember', names: ['userName', 'entraValue'] },
  { pattern: /^create member (.+)$/, action: 'createMember', names: ['userName'] },
  { pattern: /^change role of (.+) to (.+)$/, action: 'changeRole', names: ['userName', 'role'] },
  { pattern: /^create team (.+)$/, action: 'createTeam', names: ['team'] },
  { pattern: /^rename team (.+) to (.+)$/, action: 'renameTeam', names: ['team', 'to'] }
];

/** Causes without a toggle, recognised by the planner's reason; the rest keep their English reason as `other`. */
const SKIP_REASONS: Array<{ pattern: RegExp; cause: SkippedItemDto['cause'] }> = [
  { pattern: /is the last owner/, cause: 'lastOwner' },
  { pattern: /does not let SCIM create owners/, cause: 'ownerNotCreatable' },
  { pattern: /does not let SCIM assign the owner role/, cause: 'ownerRoleNotAssignable' },
  { pattern: /leaves an owner's role unchanged/, cause: 'ownerRoleUnchangeable' },
  { pattern: /rejects a userName longer than/, cause: 'userNameTooLong' },
  { pattern: /already has the slug/, cause: 'slugTaken' },
  { pattern: /would reject the slug/, cause: 'slugInvalid' },
  { pattern: /has no SCIM fix for/, cause: 'noScimFix' }
];

/**
 * Classifies a skipped item for translation.
 *
 * NOTE: the patterns follow the sentences in `src-main/reconcile/plan.ts`. A reworded sentence falls
 * back to action or cause `other`, and the screen then shows the planner's English text.
 */
export function skippedDto(item: SkippedItem): SkippedItemDto {
  const params: Record<string, string | null> = {};
  // The planner describes a finding it cannot fix by its kind alone.
  let action: SkippedItemDto['action'] = item.description === item.findingKind ? 'fixFinding' : 'other';
  for (const entry of SKIP_DESCRIPTIONS) {
    const match = entry.pattern.exec(item.description);
    if (match === null) continue;
    action = entry.action;
    entry.names.forEach((name, index) => (params[name] = match[index + 1] ?? null));
    break;
  }

  let cause: SkippedItemDto['cause'];
  if (item.toggle === '--allow-deletes') cause = 'deletesOff';
  else if (item.toggle === '--recreate-mismatched') cause = 'recreateOff';
  else if (item.toggle === '--allow-owner-changes') cause = 'ownerChangesOff';
  else cause = SKIP_REASONS.find((entry) => entry.pattern.test(item.reason))?.cause ?? 'other';

  const slug = /slug "?([^" ]+?)"?[ .(]/.exec(item.reason)?.[1] ?? null;
  if (slug !== null) params.slug = slug;
  const lengths = /longer than (\d+) characters, and this one has (\d+)/.exec(item.reason);
  if (lengths !== null) Object.assign(params, { maxLength: lengths[1] ?? null, length: lengths[2] ?? null });

  return {
    findingId: item.findingId,
    findingKind: item.findingKind,
    action,
    cause,
    params,
    toggle: item.toggle === null ? null : TOGGLE_NAMES[item.toggle],
    description: item.description,
    reason: item.reason
  };
}

const PENDING_MEMBER_NOTE = /^(.+) belongs in team "(.+)" but is not a Sentry member yet/;

export function planDto(plan: ReconcilePlan, selectedFindings: number, profiles: ProfileChoice[]): ReconcilePlanDto {
  const pendingMembers: ReconcilePlanDto['pendingMembers'] = [];
  const otherNotes: string[] = [];
  for (const note of plan.notes) {
    const match = PENDING_MEMBER_NOTE.exec(note);
    if (match) pendingMembers.push({ member: match[1] ?? '', team: match[2] ?? '' });
    else otherNotes.push(note);
  }

  return {
    snapshotId: plan.snapshotId,
    sentryBaseUrl: plan.sentryBaseUrl,
    selectedFindings,
    options: plan.options,
    operations: plan.operations.map(operationDto),
    skipped: plan.skipped.map(skippedDto),
    advice: plan.advice.map((advice) => ({
      findingId: advice.findingId,
      memberUserName: advice.memberUserName,
      entraValue: advice.entraValue,
      alternativeSource: advice.alternativeSource,
      recreatePlanned: advice.recreatePlanned
    })),
    pendingMembers,
    otherNotes,
    deletions: {
      count: plan.deletions.count,
      threshold: plan.deletions.threshold,
      thresholdSource: plan.deletions.thresholdSource === 'default' ? 'default' : 'run',
      defaultThreshold: defaultDeleteThreshold(plan.deletions.memberCount),
      memberCount: plan.deletions.memberCount
    },
    rejected: plan.rejection !== null,
    profiles: profiles.map((profile) => ({ ...profile, matches: sameScimUrl(profile.sentryScimUrl, plan.sentryBaseUrl) }))
  };
}

/** Compares SCIM base URLs as the run does before sending: after `parseScimBaseUrl` normalizes both. */
export function sameScimUrl(a: string, b: string): boolean {
  try {
    return parseScimBaseUrl(a).url === parseScimBaseUrl(b).url;
  } catch {
    return false;
  }
}

export function runDto(run: JournalRun, live: { active: boolean; paused: boolean }): ReconcileRunDto {
  const plan = JSON.parse(run.planJson) as ReconcilePlan;
  const planned = new Map(plan.operations.map((operation) => [operation.seq, operation]));
  const counts = { planned: 0, pending: 0, done: 0, skipped: 0, failed: 0 };
  const operations = run.operations.map((entry) => {
    counts[entry.state] += 1;
    const operation = planned.get(entry.seq);
    if (operation === undefined) throw new Error(`Reconcile run ${run.id} has operation ${entry.seq} in its journal but not in its plan; the journal in the workspace index is damaged.`);
    return {
      ...operationDto(operation),
      // The journal stores the path and body as sent, with a created team's id in place of its placeholder.
      path: entry.path,
      body: entry.body === null || entry.body === undefined ? null : JSON.stringify(entry.body, null, 2),
      state: entry.state,
      httpStatus: entry.httpStatus,
      reason: entry.reason,
      responseSummary: entry.responseSummary,
      verified: entry.verified,
      verificationNote: entry.verificationNote
    };
  });

  return {
    id: run.id,
    snapshotId: run.snapshotId,
    sentryBaseUrl: run.sentryBaseUrl,
    runBy: run.runBy,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    state: run.state,
    active: live.active,
    paused: live.paused,
    unfinished: counts.planned + counts.pending + counts.failed > 0,
    counts,
    verificationSnapshotId: run.verificationSnapshotId,
    operations
  };
}
