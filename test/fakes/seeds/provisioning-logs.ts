import { graphTime, type SeededRandom } from './random';

const USER_TARGET_TYPE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP_TARGET_TYPE = 'urn:ietf:params:scim:schemas:core:2.0:Group';

export type ProvisioningAction = 'create' | 'update' | 'delete' | 'disable' | 'other';
export type ProvisioningStatus = 'success' | 'failure' | 'skipped' | 'warning';

export interface LogEvent {
  at: Date;
  action: ProvisioningAction;
  status: ProvisioningStatus;
  source: { id: string; displayName: string; type: 'User' | 'Group'; matchValue: string };
  /** Sentry's id of the member or team, or null when none was linked. */
  targetId: string | null;
  errorCode?: string;
  reason?: string;
  modifiedProperties?: Array<{ displayName: string; oldValue: string | null; newValue: string | null }>;
}

export interface LogContext {
  rng: SeededRandom;
  tenantId: string;
  jobId: string;
  servicePrincipalId: string;
  /** Ids Entra gives the two connected systems; the same in every entry of one job. */
  sourceSystemId: string;
  targetSystemId: string;
}

/** Step list in the order Entra's provisioning service logs them; the last step carries the outcome. */
function steps(event: LogEvent): Array<Record<string, unknown>> {
  const kind = event.source.type;
  const imported = { name: 'EntryImport', provisioningStepType: 'import', status: 'success', description: `Retrieved ${kind} '${event.source.matchValue}' from Azure Active Directory`, details: {} };

  if (event.status === 'skipped') {
    return [imported, { name: 'EntrySynchronizationScoping', provisioningStepType: 'scoping', status: 'skipped', description: event.reason ?? `${kind} is out of scope`, details: {} }];
  }

  const matchFailed = event.errorCode === 'DuplicateTargetEntries';
  const matching = {
    name: 'EntryImportByMatchingAttribute',
    provisioningStepType: 'matching',
    status: matchFailed ? 'failure' : 'success',
    description: matchFailed ? `More than one ${kind} in Sentry matched '${event.source.matchValue}'` : `${kind} '${event.source.matchValue}' was matched in Sentry`,
    details: {}
  };
  if (matchFailed) return [imported, matching];

  const exportName = { create: 'EntryExportAdd', update: 'EntryExportUpdate', delete: 'EntryExportDelete', disable: 'EntryExportUpdateSoftDelete', other: 'EntryExport' }[event.action];
  const exported = {
    name: exportName,
    provisioningStepType: 'export',
    status: event.status === 'failure' ? 'failure' : 'success',
    description: event.status === 'failure' ? `Failed to ${event.action} ${kind} in Sentry` : `${kind} was exported to Sentry`,
    details: {}
  };
  return [imported, matching, exported];
}

/** Builds one `provisioningObjectSummary` in Graph v1.0 shape. */
export function provisioningLogEntry(context: LogContext, event: LogEvent): Record<string, unknown> {
  const { rng } = context;
  const failed = event.status === 'failure' || event.status === 'skipped';
  const errorInformation = failed
    ? {
        errorCode: event.errorCode ?? null,
        reason: event.reason ?? null,
        additionalDetails: null,
        errorCategory: event.status === 'failure' ? 'nonServiceFailure' : null,
        recommendedAction: null
      }
    : null;

  return {
    id: rng.guid(),
    activityDateTime: graphTime(event.at),
    tenantId: context.tenantId,
    jobId: context.jobId,
    cycleId: rng.guid(),
    changeId: rng.guid(),
    provisioningAction: event.action,
    durationInMilliseconds: 200 + rng.int(1800),
    initiatedBy: { id: '', displayName: 'Azure AD Provisioning Service', initiatorType: 'system' },
    servicePrincipal: { id: context.servicePrincipalId, displayName: 'Sentry' },
    sourceSystem: { id: context.sourceSystemId, displayName: 'Azure Active Directory', details: {} },
    targetSystem: { id: context.targetSystemId, displayName: 'Sentry', details: { ServicePrincipalId: context.servicePrincipalId } },
    sourceIdentity: { id: event.source.id, displayName: event.source.displayName, identityType: event.source.type, details: {} },
    targetIdentity: {
      id: event.targetId ?? '',
      displayName: event.source.type === 'User' ? event.source.matchValue : event.source.displayName,
      identityType: event.source.type === 'User' ? USER_TARGET_TYPE : GROUP_TARGET_TYPE,
      details: {}
    },
    modifiedProperties: event.modifiedProperties ?? [],
    provisioningStatusInfo: { status: event.status, errorInformation },
    provisioningSteps: steps(event)
  };
}
