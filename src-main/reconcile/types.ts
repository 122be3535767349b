import type { WhatIfCandidate } from '../model/audit-result';
import type { FindingKind } from '../model/finding';
import type { SnapshotId } from '../model/snapshot';

export type OperationKind = 'user.create' | 'user.delete' | 'user.set_role' | 'team.create' | 'team.add_member' | 'team.remove_member' | 'team.rename';

/** The toggles a person confirms separately; each names the command-line flag that sets it. */
export type ReconcileToggle = '--allow-deletes' | '--allow-owner-changes' | '--recreate-mismatched';

/** The Sentry member an operation acts on, as the snapshot recorded it; checked again just before sending. */
export interface ExpectedMember {
  id: string;
  userName: string;
  /** Null when the snapshot had no role (older Sentry versions omit it), so the role is not compared. */
  role: string | null;
}

/** The Sentry team an operation acts on, as the snapshot recorded it. */
export interface ExpectedTeam {
  /** Null for a team this plan creates; then `createdBySeq` names the operation that creates it. */
  id: string | null;
  createdBySeq: number | null;
  displayName: string;
}

interface OperationBase {
  /** Position in the plan, from 1; operations run in this order. */
  seq: number;
  findingId: string;
  findingKind: FindingKind;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the SCIM base URL; `{team:N}` stands for the id of the team operation N creates. */
  path: string;
  body: unknown;
  /** Effect of the request in Sentry, in plain English. */
  consequence: string;
}

export type PlannedOperation =
  | (OperationBase & { kind: 'user.create'; userName: string; role: string | null })
  | (OperationBase & { kind: 'user.delete'; member: ExpectedMember })
  | (OperationBase & { kind: 'user.set_role'; member: ExpectedMember; role: string })
  | (OperationBase & { kind: 'team.create'; displayName: string })
  | (OperationBase & { kind: 'team.add_member'; team: ExpectedTeam; member: ExpectedMember })
  | (OperationBase & { kind: 'team.remove_member'; team: ExpectedTeam; member: ExpectedMember })
  | (OperationBase & { kind: 'team.rename'; team: ExpectedTeam; displayName: string });

/** A selected finding, or part of one, that the plan does not act on, and why. */
export interface SkippedItem {
  findingId: string;
  findingKind: FindingKind;
  description: string;
  reason: string;
  /** The toggle that would include it, or null when no toggle can (e.g. the last owner). */
  toggle: ReconcileToggle | null;
}

/**
 * The two real fixes for a member whose userName does not match the value Entra sends, because
 * Sentry's userName is immutable: change Entra's mapping, or delete and recreate the member.
 */
export interface MappingAdvice {
  findingId: string;
  memberUserName: string;
  entraValue: string;
  /** The Entra attribute whose value found the member, e.g. `mail`; the mapping could use it instead. */
  alternativeSource: string | null;
  /** Audit counts if Entra used `alternativeSource` for userName; null when no alternative is known. */
  whatIf: WhatIfCandidate | null;
  changeMapping: string;
  recreate: string;
  /** True when the plan contains the delete and create operations for this member. */
  recreatePlanned: boolean;
}

export interface PlanOptions {
  allowDeletes?: boolean;
  allowOwnerChanges?: boolean;
  recreateMismatched?: boolean;
  /** Deletions allowed in this run; replaces the default threshold. */
  maxDeletes?: number | null;
}

export interface PlanSelection {
  findingIds?: string[];
  kinds?: FindingKind[];
}

export interface DeletionCheck {
  count: number;
  threshold: number;
  /** Origin of the threshold: Roster's default rule, or `--max-deletes` for this run. */
  thresholdSource: 'default' | 'max-deletes';
  memberCount: number;
}

export interface ReconcilePlan {
  snapshotId: SnapshotId;
  sentryBaseUrl: string;
  createdAt: string;
  options: Required<Omit<PlanOptions, 'maxDeletes'>> & { maxDeletes: number | null };
  operations: PlannedOperation[];
  skipped: SkippedItem[];
  advice: MappingAdvice[];
  /** Facts the person should know that are not operations, e.g. group members not yet in Sentry. */
  notes: string[];
  deletions: DeletionCheck;
  /** Set when the plan deletes more than the threshold; execution is rejected while it is set. */
  rejection: string | null;
}
