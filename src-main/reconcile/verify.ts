import { auditSnapshot, type AuditOptions } from '../audit';
import type { AuditResult } from '../model/audit-result';
import type { ScimGroup, ScimUser, Snapshot, SnapshotData, SnapshotId } from '../model/snapshot';
import type { ScimClient } from '../scim/client';
import type { JournalOperation, ReconcileJournal } from '../store/journal';
import type { Workspace } from '../store/workspace';
import type { PlannedOperation, ReconcilePlan } from './types';

export interface VerifyOptions {
  /** Reads Sentry again; the Entra side is copied from `snapshot`. */
  scim: ScimClient;
  workspace: Workspace;
  journal: ReconcileJournal;
  /** The snapshot the plan was built from. */
  snapshot: Snapshot;
  runBy: string;
  toolVersion: string;
  auditOptions?: AuditOptions;
  signal?: AbortSignal;
  now?: () => Date;
}

export interface OperationVerification {
  seq: number;
  /** True when Sentry is in the planned state; null for operations that were not applied (skipped, failed, never run). */
  verified: boolean | null;
  note: string;
}

export interface VerificationResult {
  snapshotId: SnapshotId;
  audit: AuditResult;
  operations: OperationVerification[];
}

/**
 * Reads Sentry again, stores a verification snapshot (Sentry as read now, Entra as in the planned
 * snapshot), audits it and records per operation whether Sentry is in the planned state and whether its
 * finding is gone.
 */
export async function verifyRun(runId: string, options: VerifyOptions): Promise<VerificationResult> {
  const run = options.journal.readRun(runId);
  if (run === null) throw new Error(`No reconcile run '${runId}' in workspace ${options.journal.dir}. Use the run id printed when the run started.`);
  if (run.snapshotId !== options.snapshot.meta.id) {
    throw new Error(`Run ${runId} was planned from snapshot ${run.snapshotId}, not ${options.snapshot.meta.id}. Verify it against its own snapshot.`);
  }
  const plan = JSON.parse(run.planJson) as ReconcilePlan;
  const now = options.now ?? (() => new Date());

  const users = await options.scim.listUsers({ signal: options.signal });
  const groups = await options.scim.listGroups({ signal: options.signal });
  const data: SnapshotData = { entra: options.snapshot.data.entra, sentry: { ...options.snapshot.data.sentry, users: users.rows, groups: groups.rows } };
  const source = options.snapshot.meta;
  const meta = await options.workspace.writeSnapshot({
    meta: {
      createdAt: now().toISOString(),
      origin: 'live',
      toolVersion: options.toolVersion,
      capturedBy: options.runBy,
      tenantId: source.tenantId,
      appId: source.appId,
      servicePrincipalId: source.servicePrincipalId,
      appDisplayName: source.appDisplayName,
      sentryOrg: source.sentryOrg,
      sentryBaseUrl: source.sentryBaseUrl,
      population: source.population,
      sources: [...source.sources.filter((record) => record.source.startsWith('graph.')), users.source, groups.source],
      warnings: [
        `The Entra side was copied from snapshot ${source.id}; only Sentry was read again, to verify reconcile run ${runId}.`,
        ...source.warnings.filter((warning) => !warning.startsWith('The Entra side was copied'))
      ],
      unavailable: source.unavailable.filter((item) => item.source.startsWith('graph.'))
    },
    data
  });

  const verificationSnapshot: Snapshot = { meta, data };
  const audit = auditSnapshot(verificationSnapshot, options.auditOptions);
  const remaining = new Set(audit.findings.map((finding) => finding.id));
  const journaled = new Map(run.operations.map((operation) => [operation.seq, operation]));
  const operations = plan.operations.map((operation) => verifyOperation(operation, journaled, users.rows, groups.rows, remaining));

  await options.journal.recordVerification(runId, meta.id, operations);
  return { snapshotId: meta.id, audit, operations };
}

function verifyOperation(operation: PlannedOperation, journaled: Map<number, JournalOperation>, users: ScimUser[], teams: ScimGroup[], remaining: Set<string>): OperationVerification {
  const entry = journaled.get(operation.seq);
  const finding = remaining.has(operation.findingId) ? `finding ${operation.findingId} is still reported` : `finding ${operation.findingId} is gone`;
  if (entry?.state !== 'done') return { seq: operation.seq, verified: null, note: `Not applied (${entry?.state ?? 'not in the journal'}); ${finding}.` };

  const problem = expectedStateProblem(operation, entry, journaled, users, teams);
  if (problem !== null) return { seq: operation.seq, verified: false, note: `${problem}; ${finding}.` };
  return { seq: operation.seq, verified: true, note: `The planned state holds; ${finding}.` };
}

/** Describes how Sentry differs from what the operation should have left, or returns null when it matches. */
function expectedStateProblem(operation: PlannedOperation, entry: JournalOperation, journaled: Map<number, JournalOperation>, users: ScimUser[], teams: ScimGroup[]): string | null {
  const userById = (id: string | null) => users.find((user) => user.id === id);
  const teamById = (id: string | null) => teams.find((team) => team.id === id);

  switch (operation.kind) {
    case 'user.create': {
      const member = users.find((user) => user.userName.toLowerCase() === operation.userName.toLowerCase());
      if (!member) return `No member ${operation.userName} in Sentry`;
      const role = member.sentryOrgRole?.toLowerCase() ?? null;
      if (operation.role !== null && role !== null && role !== operation.role) return `Member ${operation.userName} has role ${role}, not ${operation.role}`;
      return null;
    }
    case 'user.delete':
      return userById(operation.member.id) ? `Member ${operation.member.id} (${operation.member.userName}) still exists` : null;
    case 'user.set_role': {
      const role = userById(operation.member.id)?.sentryOrgRole?.toLowerCase() ?? null;
      return role === operation.role ? null : `Member ${operation.member.id} has role ${role ?? 'none'}, not ${operation.role}`;
    }
    case 'team.create': {
      const team = teamById(entry.resultId);
      return team && team.displayName === operation.displayName ? null : `No team "${operation.displayName}" with id ${entry.resultId ?? 'unknown'}`;
    }
    case 'team.add_member':
    case 'team.remove_member': {
      const teamId = operation.team.createdBySeq === null ? operation.team.id : (journaled.get(operation.team.createdBySeq)?.resultId ?? null);
      const team = teamById(teamId);
      if (!team) return operation.kind === 'team.remove_member' ? null : `Team ${teamId ?? '(not created)'} does not exist`;
      const onTeam = team.members.some((member) => member.value === operation.member.id);
      if (operation.kind === 'team.add_member') return onTeam ? null : `${operation.member.userName} is not on team "${team.displayName}"`;
      return onTeam ? `${operation.member.userName} is still on team "${team.displayName}"` : null;
    }
    case 'team.rename': {
      const team = teamById(operation.team.id);
      return team?.displayName === operation.displayName ? null : `Team ${operation.team.id} is named "${team?.displayName ?? '(gone)'}", not "${operation.displayName}"`;
    }
  }
}
