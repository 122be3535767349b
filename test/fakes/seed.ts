/**
 * Seed format for the fake Graph, login and Sentry SCIM servers.
 *
 * Objects are written in the APIs' own JSON shapes (Graph v1.0 resources, SCIM resources), with a few
 * extra fields prefixed `x` for state the real services keep but never return (passwords, slugs,
 * membership edges, granted permissions).
 */

export interface SeedGraphUser {
  id: string;
  userPrincipalName: string;
  mail?: string | null;
  proxyAddresses?: string[];
  otherMails?: string[];
  givenName?: string | null;
  surname?: string | null;
  displayName?: string | null;
  accountEnabled?: boolean;
  employeeId?: string | null;
  userType?: 'Member' | 'Guest';
  onPremisesImmutableId?: string | null;
  mailNickname?: string | null;
  /** Deleted users answer 404 on `users/{id}` but may still appear in assignments and member lists. */
  xDeleted?: boolean;
}

export interface SeedGraphGroup {
  id: string;
  displayName: string;
  securityEnabled?: boolean;
  mailEnabled?: boolean;
  groupTypes?: string[];
  /** Ids of direct members: users or groups. */
  xMembers: string[];
}

export interface SeedAppRole {
  id: string;
  displayName: string;
  value: string | null;
  isEnabled?: boolean;
  allowedMemberTypes?: string[];
  description?: string;
}

export interface SeedServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  appRoleAssignmentRequired?: boolean;
  appRoles: SeedAppRole[];
  /** Assignments to this app: principalType decides which collection principalId refers to. */
  xAssignments: Array<{
    id?: string;
    principalId: string;
    principalType: 'User' | 'Group' | 'ServicePrincipal';
    appRoleId: string;
    principalDisplayName?: string;
    createdDateTime?: string;
  }>;
  /** `synchronization/jobs` entries in Graph's shape; `xSchema` is served at `jobs/{id}/schema`. */
  xSynchronizationJobs?: Array<Record<string, unknown> & { id: string; xSchema?: Record<string, unknown> }>;
  /** Value of the `SyncAll` secret: true for "sync all users and groups". */
  xSyncAll?: boolean;
}

export interface SeedGraph {
  tenantId: string;
  /** App registrations that may sign in to the fake login server, with the Graph application permissions granted to each. */
  clients: Array<{
    clientId: string;
    clientSecret?: string;
    /** PEM certificate whose key signs client assertions. */
    certificatePem?: string;
    permissions: string[];
  }>;
  servicePrincipals: SeedServicePrincipal[];
  users: SeedGraphUser[];
  groups: SeedGraphGroup[];
  /** `provisioningObjectSummary` objects in Graph v1.0 shape. */
  provisioningLogs?: Array<Record<string, unknown>>;
}

export interface SeedScimUser {
  id: string;
  userName: string;
  sentryOrgRole: string;
  /** Extra addresses of the linked Sentry account; the SCIM filter matches them too. */
  xSecondaryEmails?: string[];
  /** An invite not yet accepted (SCIM output is identical; affects the duplicate check on POST). */
  xPending?: boolean;
}

export interface SeedScimGroup {
  id: string;
  displayName: string;
  /** The team slug; defaults to Sentry's slug of displayName. Set it to model a team renamed in Sentry. */
  xSlug?: string;
  /** Member ids (SCIM user ids). */
  xMembers: string[];
}

export interface SeedScim {
  orgSlug: string;
  /** `active-directory` makes the fake omit `active` as Sentry does for Entra-connected orgs. */
  provider: 'active-directory' | 'okta' | 'saml2';
  token: string;
  users: SeedScimUser[];
  groups: SeedScimGroup[];
}

export interface Seed {
  graph: SeedGraph;
  scim: SeedScim;
}
