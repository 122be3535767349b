import { sentrySyncSchema, type ScopingFilter } from '../graph/sync-schema';
import type { SeedAppRole } from '../seed';
import { graphTime, type SeededRandom } from './random';

/** The Graph application permissions a read-only Roster capture needs, as granted to the demo client. */
export const ROSTER_PERMISSIONS = [
  'Application.Read.All',
  'User.Read.All',
  'GroupMember.Read.All',
  'Synchronization.Read.All',
  'AuditLog.Read.All',
  'Directory.Read.All'
] as const;

export type AppRoleName = 'User' | 'msiam_access' | 'Admin' | 'Manager' | 'Billing';

/**
 * App roles of the Sentry enterprise app: the two gallery roles without a value, plus one role per
 * Sentry organization role that the SCIM API lets an IdP assign (`owner` cannot be assigned over SCIM).
 */
export function sentryAppRoles(rng: SeededRandom): Record<AppRoleName, SeedAppRole> {
  const role = (displayName: string, value: string | null, description: string): SeedAppRole => ({
    id: rng.guid(),
    displayName,
    value,
    isEnabled: true,
    allowedMemberTypes: ['User'],
    description
  });

  return {
    User: role('User', null, 'User'),
    msiam_access: role('msiam_access', null, 'msiam_access'),
    Admin: role('Admin', 'admin', 'Sentry organization admin'),
    Manager: role('Manager', 'manager', 'Sentry organization manager'),
    Billing: role('Billing', 'billing', 'Sentry billing contact')
  };
}

/**
 * Builds the provisioning schema of the seeded jobs: userName from `userMatchingSource` (matching
 * priority 1), the generic SCIM attributes, and `sentryOrgRole` from the user's app role. Sentry reads
 * a top-level `sentryOrgRole` key on POST and PUT, so the mapping targets that name.
 */
export function sentryProvisioningSchema(userMatchingSource: string, scopingFilter: ScopingFilter | undefined): Record<string, unknown> {
  const schema = sentrySyncSchema({ fixture: 'generic-scim', userMatchingSource, scopingFilter });
  const rules = schema.synchronizationRules as Array<{ objectMappings: Array<{ sourceObjectName: string; attributeMappings: unknown[] }> }>;
  const userMapping = rules[0]?.objectMappings.find((mapping) => mapping.sourceObjectName === 'User');
  if (!userMapping) throw new Error('sentrySyncSchema() returned no user object mapping; the seeds need one to add sentryOrgRole.');

  userMapping.attributeMappings.push({
    targetAttributeName: 'sentryOrgRole',
    source: {
      type: 'Function',
      name: 'SingleAppRoleAssignment',
      expression: 'SingleAppRoleAssignment([appRoleAssignments])',
      parameters: [{ key: 'source', value: { type: 'Attribute', name: 'appRoleAssignments', expression: '[appRoleAssignments]', parameters: [] } }]
    },
    matchingPriority: 0,
    defaultValue: null,
    flowBehavior: 'FlowWhenChanged',
    flowType: 'Always',
    exportMissingReferences: false
  });
  return schema;
}

export interface JobTimes {
  /** Start of the last provisioning cycle. */
  lastCycleBegan: Date;
  /** End of the last provisioning cycle. */
  lastCycleEnded: Date;
  steadyStateFirstAchieved: Date;
}

/**
 * Builds a Sentry provisioning job in Graph's `synchronizationJob` shape. The job id follows the
 * `<templateId>.<tenant id without dashes>.<guid>` form that provisioning logs show.
 */
export function sentryProvisioningJob(
  rng: SeededRandom,
  tenantId: string,
  times: JobTimes,
  counts: { entitled: number; escrowed: number; usersSynchronized: number }
): { id: string; job: Record<string, unknown> } {
  const id = `sentry.${tenantId.replace(/-/g, '')}.${rng.guid()}`;
  const lastExecution = {
    activityIdentifier: rng.guid(),
    countEntitled: counts.entitled,
    countEntitledForProvisioning: counts.entitled,
    countEscrowed: counts.escrowed,
    countEscrowedRaw: counts.escrowed,
    countExported: 0,
    countExports: counts.escrowed,
    countImported: counts.entitled,
    countImportedDeltas: counts.escrowed,
    countImportedReferenceDeltas: 0,
    error: null,
    state: counts.escrowed > 0 ? 'EntryLevelErrors' : 'Succeeded',
    timeBegan: graphTime(times.lastCycleBegan),
    timeEnded: graphTime(times.lastCycleEnded)
  };

  const job = {
    id,
    templateId: 'sentry',
    schedule: { expiration: null, interval: 'PT40M', state: 'Active' },
    status: {
      code: 'Active',
      countSuccessiveCompleteFailures: 0,
      escrowsPruned: false,
      lastExecution,
      lastSuccessfulExecution: null,
      lastSuccessfulExecutionWithExports: null,
      progress: [],
      quarantine: null,
      steadyStateFirstAchievedTime: graphTime(times.steadyStateFirstAchieved),
      steadyStateLastAchievedTime: graphTime(times.lastCycleEnded),
      synchronizedEntryCountByType: [{ key: 'User to urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', value: counts.usersSynchronized }],
      troubleshootingUrl: null
    },
    synchronizationJobSettings: [{ name: 'QuarantineTooManyDeletesThreshold', value: '500' }]
  };
  return { id, job };
}
