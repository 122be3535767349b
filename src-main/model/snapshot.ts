/**
 * The content of one snapshot: both sides as captured at one time.
 *
 * These are Roster's own normalized shapes, not the raw API payloads: the capture and the offline
 * importer both produce them, and the audit, drift and reports read only them. Field names follow
 * the services (Graph's camelCase, SCIM attribute names) so a reader can map each value back to its API.
 */

/** Snapshot ids sort by capture time: `YYYYMMDD-HHMMSS-xxxxxx` (UTC, then 6 random hex digits). */
export type SnapshotId = string & { readonly __brand: 'SnapshotId' };

export type PrincipalType = 'User' | 'Group' | 'ServicePrincipal';

/** Graph's app role id for "Default Access", used when an assignment names no specific role. */
export const DEFAULT_ACCESS_ROLE_ID = '00000000-0000-0000-0000-000000000000';

export interface EntraAppRole {
  id: string;
  displayName: string | null;
  value: string | null;
  isEnabled: boolean;
  allowedMemberTypes: string[];
}

export interface EntraServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  appRoleAssignmentRequired: boolean | null;
  appRoles: EntraAppRole[];
}

export interface EntraAppRoleAssignment {
  id: string;
  appRoleId: string;
  principalId: string;
  principalType: PrincipalType;
  principalDisplayName: string | null;
  createdDateTime: string | null;
}

export interface EntraUser {
  id: string;
  userPrincipalName: string | null;
  mail: string | null;
  proxyAddresses: string[];
  otherMails: string[];
  givenName: string | null;
  surname: string | null;
  displayName: string | null;
  accountEnabled: boolean | null;
  employeeId: string | null;
  userType: string | null;
  onPremisesImmutableId: string | null;
}

export interface EntraGroup {
  id: string;
  displayName: string | null;
  securityEnabled: boolean | null;
  mailEnabled: boolean | null;
  groupTypes: string[];
}

/**
 * One edge between a group and a member.
 * `direct`: an immediate member of an assigned group (users and nested groups), the only level Entra provisions.
 * `nested`: a user reachable from an assigned group only through a nested group (from transitiveMembers).
 */
export interface EntraGroupMember {
  groupId: string;
  memberId: string;
  memberType: 'user' | 'group' | 'other';
  relation: 'direct' | 'nested';
}

/** The provisioning job as read from `servicePrincipals/{id}/synchronization/jobs`. */
export interface ProvisioningJob {
  id: string;
  templateId: string | null;
  scheduleState: string | null;
  statusCode: string | null;
  quarantine: { reason: string | null; currentBegan: string | null; seriesBegan: string | null; errorCode: string | null; errorMessage: string | null } | null;
  lastExecution: { state: string | null; timeBegan: string | null; timeEnded: string | null; error: string | null } | null;
  steadyStateLastAchievedTime: string | null;
  /** "Sync all users and groups" (true) or only assigned ones (false); null when Graph did not reveal it. */
  syncAll: boolean | null;
}

/** One entry of `auditLogs/provisioning`, reduced to what findings cite. */
export interface ProvisioningLogEntry {
  id: string;
  activityDateTime: string;
  provisioningAction: string;
  status: string;
  errorCode: string | null;
  errorReason: string | null;
  sourceId: string | null;
  sourceDisplayName: string | null;
  targetId: string | null;
  targetDisplayName: string | null;
  identityType: string | null;
}

export interface EntraSide {
  tenantId: string;
  servicePrincipal: EntraServicePrincipal;
  assignments: EntraAppRoleAssignment[];
  /** Every user referenced by an assignment or a membership edge and readable in Graph. */
  users: EntraUser[];
  /** Users referenced by an assignment or membership that Graph answered with 404 (deleted). */
  deletedUserIds: string[];
  /** Assigned groups and the groups nested directly inside them. */
  groups: EntraGroup[];
  memberships: EntraGroupMember[];
  provisioningJob: ProvisioningJob | null;
  /** The job's `synchronizationSchema` exactly as Graph returned it, parsed by the audit. */
  provisioningSchema: unknown | null;
  provisioningLogs: ProvisioningLogEntry[] | null;
}

export interface ScimEmail {
  value: string;
  primary: boolean;
  type: string | null;
}

/** A Sentry organization member as its SCIM `/Users` resource shows it. */
export interface ScimUser {
  id: string;
  userName: string;
  emails: ScimEmail[];
  /** Sentry leaves `active` out for Entra-connected orgs; null records that absence. */
  active: boolean | null;
  sentryOrgRole: string | null;
  givenName: string | null;
  familyName: string | null;
}

export interface ScimGroupMember {
  value: string;
  display: string | null;
}

/** A Sentry team as its SCIM `/Groups` resource shows it. */
export interface ScimGroup {
  id: string;
  displayName: string;
  members: ScimGroupMember[];
  /** True when Sentry returned exactly its 10,000-member cap, so the list may be incomplete. */
  membersTruncated: boolean;
}

export interface SentrySide {
  /** SCIM base URL as Sentry shows it, e.g. `https://sentry.io/api/0/organizations/acme/scim/v2`. */
  baseUrl: string;
  orgSlug: string;
  users: ScimUser[];
  groups: ScimGroup[];
}

export interface SnapshotData {
  entra: EntraSide;
  sentry: SentrySide;
}

export type SourceName =
  | 'graph.servicePrincipal'
  | 'graph.assignments'
  | 'graph.users'
  | 'graph.groups'
  | 'graph.memberships'
  | 'graph.provisioningJob'
  | 'graph.provisioningSchema'
  | 'graph.provisioningLogs'
  | 'scim.users'
  | 'scim.groups';

/** What one source delivered: rows received against the total the API announced (null where it announces none). */
export interface SourceRecord {
  source: SourceName;
  startedAt: string;
  endedAt: string;
  rowsReceived: number;
  apiTotal: number | null;
  pages: number;
  retries: number;
}

/** Something the capture could not read, recorded instead of failing the capture. */
export interface UnavailableItem {
  source: SourceName;
  reason: string;
  /** The Graph permission whose absence caused it, when known, e.g. `AuditLog.Read.All`. */
  missingPermission: string | null;
}

export type SnapshotOrigin = 'live' | 'import' | 'demo';

export interface SnapshotMeta {
  id: SnapshotId;
  createdAt: string;
  origin: SnapshotOrigin;
  toolVersion: string;
  /** Operating-system account that ran the capture or import. */
  capturedBy: string;
  tenantId: string;
  appId: string;
  servicePrincipalId: string;
  appDisplayName: string;
  sentryOrg: string;
  sentryBaseUrl: string;
  /** Plain description of how the population was defined, for the evidence header. */
  population: string;
  sources: SourceRecord[];
  warnings: string[];
  unavailable: UnavailableItem[];
  /** SHA-256 (hex) over the canonical JSON of `SnapshotData`. */
  contentSha256: string;
}

export interface Snapshot {
  meta: SnapshotMeta;
  data: SnapshotData;
}
