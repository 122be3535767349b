import type { Finding, FindingKind, Severity } from './finding';
import type { SnapshotId } from './snapshot';

/** How Entra derives the matching value: the SCIM attribute and the Entra source expression. */
export interface MatchingRule {
  targetAttribute: string;
  /** Entra source attribute name, e.g. `userPrincipalName` or `mail`. */
  sourceAttribute: string;
  /** Where the rule came from: the captured provisioning schema, Entra's default for Sentry, or a what-if override. */
  origin: 'schema' | 'default' | 'override';
}

/** One row of the side-by-side users view: an Entra user, the Sentry member it matches, or both. */
export interface UserMatchRow {
  entraId: string | null;
  userPrincipalName: string | null;
  entraDisplayName: string | null;
  mail: string | null;
  accountEnabled: boolean | null;
  inScope: boolean;
  /** Plain reason for the scope decision, e.g. `assigned directly`, `member of Platform`, `disabled`. */
  scopeReason: string;
  /** The value Entra would send as userName, or null when the source is empty. */
  matchValue: string | null;
  sentryId: string | null;
  sentryUserName: string | null;
  sentryOrgRole: string | null;
  expectedRole: string | null;
  /** How the two were paired: exact match value, case-insensitive, or a secondary key such as `mail`. */
  matchedBy: string | null;
  findingKinds: FindingKind[];
}

/** One row of the teams and memberships view. */
export interface TeamMemberRow {
  groupId: string | null;
  groupName: string | null;
  slug: string | null;
  teamId: string | null;
  teamName: string | null;
  member: string;
  entraUserId: string | null;
  sentryMemberId: string | null;
  status: 'in_both' | 'missing_in_sentry' | 'extra_in_sentry';
}

export interface AuditResult {
  snapshotId: SnapshotId;
  auditedAt: string;
  matching: MatchingRule;
  findings: Finding[];
  countsByKind: Partial<Record<FindingKind, number>>;
  countsBySeverity: Record<Severity, number>;
  users: UserMatchRow[];
  teamMembers: TeamMemberRow[];
  /** Facts about the audited population, for the evidence header. */
  population: { inScopeUsers: number; assignedGroups: number; sentryMembers: number; sentryTeams: number };
  /** Limits of this audit, e.g. a schema the audit could not read or scoping clauses it could not evaluate. */
  warnings?: string[];
}

/** The outcome of auditing with one candidate source for userName. */
export interface WhatIfCandidate {
  sourceAttribute: string;
  /** In-scope users whose value matches exactly one Sentry member, so Entra adopts that member. */
  link: number;
  /** In-scope users whose value matches no member, so Entra creates one. */
  create: number;
  /** Users whose value matches two or more members, or who share a value with another user. */
  duplicate: number;
  /** In-scope users without a value, whom Entra skips. */
  skip: number;
  /** Sentry members that no in-scope user would match. */
  orphaned: number;
  /** True for the rule the audited snapshot uses today. */
  current: boolean;
}

export interface WhatIfResult {
  snapshotId: SnapshotId;
  candidates: WhatIfCandidate[];
}

export type DiffObjectType = 'user' | 'group' | 'assignment' | 'membership' | 'member' | 'team' | 'teamMembership' | 'provisioningJob';

export interface DiffChange {
  side: 'entra' | 'sentry';
  objectType: DiffObjectType;
  /** Stable id: Entra object id, SCIM id, or a composite such as `groupId/memberId`. */
  objectId: string;
  displayName: string | null;
  change: 'added' | 'removed' | 'changed';
  attribute: string | null;
  oldValue: string | null;
  newValue: string | null;
}

export interface SnapshotDiff {
  from: SnapshotId;
  to: SnapshotId;
  changes: DiffChange[];
}
