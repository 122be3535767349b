import type { Raw } from './json-read';

/** The kinds of exported objects the importer distinguishes by their content. */
export const OBJECT_KINDS = [
  'captureInfo',
  'organization',
  'servicePrincipal',
  'appRoleAssignment',
  'user',
  'group',
  'otherDirectoryObject',
  'provisioningJob',
  'provisioningSchema',
  'provisioningScope',
  'provisioningLog',
  'scimUser',
  'scimGroup'
] as const;

export type ObjectKind = (typeof OBJECT_KINDS)[number];

/** Plain words for each kind, singular and plural, used in the import summary. */
export const KIND_LABELS: Record<ObjectKind, [string, string]> = {
  captureInfo: ['capture information file', 'capture information files'],
  organization: ['Entra organization (tenant)', 'Entra organizations (tenants)'],
  servicePrincipal: ['service principal', 'service principals'],
  appRoleAssignment: ['app role assignment', 'app role assignments'],
  user: ['Entra user', 'Entra users'],
  group: ['Entra group', 'Entra groups'],
  otherDirectoryObject: ['other directory object', 'other directory objects'],
  provisioningJob: ['provisioning job', 'provisioning jobs'],
  provisioningSchema: ['provisioning schema', 'provisioning schemas'],
  provisioningScope: ['provisioning scope setting', 'provisioning scope settings'],
  provisioningLog: ['provisioning log entry', 'provisioning log entries'],
  scimUser: ['Sentry SCIM user', 'Sentry SCIM users'],
  scimGroup: ['Sentry SCIM group (team)', 'Sentry SCIM groups (teams)']
};

const SCIM_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const SCIM_GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

const ODATA_TYPES: Record<string, ObjectKind> = {
  '#microsoft.graph.user': 'user',
  '#microsoft.graph.group': 'group',
  '#microsoft.graph.servicePrincipal': 'servicePrincipal',
  '#microsoft.graph.appRoleAssignment': 'appRoleAssignment',
  '#microsoft.graph.organization': 'organization',
  '#microsoft.graph.provisioningObjectSummary': 'provisioningLog',
  '#microsoft.graph.synchronizationJob': 'provisioningJob',
  '#microsoft.graph.synchronizationSchema': 'provisioningSchema'
};

/**
 * Tells which kind of object `raw` is from its content: first `@odata.type` and SCIM `schemas`, which
 * name the type outright, then the properties only that type has (Graph leaves `@odata.type` out of
 * most single-type lists). Returns null for an object of no kind Roster reads.
 */
export function recognize(raw: Raw): ObjectKind | null {
  const odataType = raw['@odata.type'];
  if (typeof odataType === 'string') return ODATA_TYPES[odataType] ?? 'otherDirectoryObject';

  const schemas = Array.isArray(raw.schemas) ? raw.schemas : [];
  if (schemas.includes(SCIM_USER_SCHEMA)) return 'scimUser';
  if (schemas.includes(SCIM_GROUP_SCHEMA)) return 'scimGroup';

  if ('rosterCapture' in raw) return 'captureInfo';
  if ('appRoleId' in raw && 'principalId' in raw) return 'appRoleAssignment';
  if ('synchronizationRules' in raw) return 'provisioningSchema';
  if ('templateId' in raw && ('schedule' in raw || 'status' in raw)) return 'provisioningJob';
  if ('activityDateTime' in raw && ('provisioningAction' in raw || 'action' in raw || 'provisioningStatusInfo' in raw)) return 'provisioningLog';
  if ('appId' in raw && 'appRoles' in raw) return 'servicePrincipal';
  if ('verifiedDomains' in raw) return 'organization';
  if ('userPrincipalName' in raw) return 'user';
  if ('userName' in raw) return 'scimUser';
  if ('members' in raw && 'displayName' in raw) return 'scimGroup';
  if ('securityEnabled' in raw || 'groupTypes' in raw || 'mailEnabled' in raw) return 'group';
  if (raw.key === 'SyncAll' && 'value' in raw) return 'provisioningScope';
  return null;
}
