import { describe, expect, it } from 'vitest';
import { memberKind, toAssignment, toProvisioningJob, toProvisioningLogEntry } from '../../src-main/graph/normalize';

describe('toProvisioningJob', () => {
  it('reads a quarantined job', () => {
    const job = toProvisioningJob(
      {
        id: 'sentry.abc.123',
        templateId: 'sentry',
        schedule: { expiration: null, interval: 'PT40M', state: 'Paused' },
        status: {
          code: 'Quarantine',
          quarantine: {
            currentBegan: '2025-01-02T00:00:00Z',
            seriesBegan: '2025-01-01T00:00:00Z',
            reason: 'EncounteredQuarantineException',
            error: { code: 'SystemForCrossDomainIdentityManagementCredentialValidationUnavailable', message: 'Token rejected', tenantActionable: true }
          },
          lastExecution: { state: 'Failed', timeBegan: '2025-01-02T00:00:00Z', timeEnded: '2025-01-02T00:01:00Z', error: { code: 'Unauthorized', message: 'HTTP 401' } },
          steadyStateLastAchievedTime: '0001-01-01T00:00:00Z'
        }
      },
      true
    );

    expect(job).toEqual({
      id: 'sentry.abc.123',
      templateId: 'sentry',
      scheduleState: 'Paused',
      statusCode: 'Quarantine',
      quarantine: {
        reason: 'EncounteredQuarantineException',
        currentBegan: '2025-01-02T00:00:00Z',
        seriesBegan: '2025-01-01T00:00:00Z',
        errorCode: 'SystemForCrossDomainIdentityManagementCredentialValidationUnavailable',
        errorMessage: 'Token rejected'
      },
      lastExecution: { state: 'Failed', timeBegan: '2025-01-02T00:00:00Z', timeEnded: '2025-01-02T00:01:00Z', error: 'Unauthorized: HTTP 401' },
      steadyStateLastAchievedTime: '0001-01-01T00:00:00Z',
      syncAll: true
    });
  });

  it('reads a job without status', () => {
    expect(toProvisioningJob({ id: 'scim.1' }, null)).toEqual({
      id: 'scim.1',
      templateId: null,
      scheduleState: null,
      statusCode: null,
      quarantine: null,
      lastExecution: null,
      steadyStateLastAchievedTime: null,
      syncAll: null
    });
  });
});

describe('toProvisioningLogEntry', () => {
  it('accepts the beta field names', () => {
    const entry = toProvisioningLogEntry({
      id: 'log-1',
      activityDateTime: '2025-01-01T10:00:00Z',
      action: 'create',
      statusInfo: { status: 'failure', errorInformation: { errorCode: 'EntryConflict', reason: 'two matches' } },
      sourceIdentity: { id: 'u1', displayName: 'Alice', identityType: 'User' },
      targetIdentity: { id: '', displayName: '' }
    });

    expect(entry).toEqual({
      id: 'log-1',
      activityDateTime: '2025-01-01T10:00:00Z',
      provisioningAction: 'create',
      status: 'failure',
      errorCode: 'EntryConflict',
      errorReason: 'two matches',
      sourceId: 'u1',
      sourceDisplayName: 'Alice',
      targetId: '',
      targetDisplayName: '',
      identityType: 'User'
    });
  });
});

describe('member and assignment shapes', () => {
  it('classifies member types', () => {
    expect(memberKind({ '@odata.type': '#microsoft.graph.user' })).toBe('user');
    expect(memberKind({ '@odata.type': '#microsoft.graph.group' })).toBe('group');
    expect(memberKind({ '@odata.type': '#microsoft.graph.device' })).toBe('other');
    expect(memberKind({})).toBe('other');
  });

  it('reads the old creationTimestamp name', () => {
    const assignment = toAssignment({ id: 'a', appRoleId: 'r', principalId: 'p', principalType: 'Group', principalDisplayName: null, creationTimestamp: '2020-01-01T00:00:00Z' });

    expect(assignment).toEqual({ id: 'a', appRoleId: 'r', principalId: 'p', principalType: 'Group', principalDisplayName: null, createdDateTime: '2020-01-01T00:00:00Z' });
  });
});
