import { describe, expect, it } from 'vitest';
import { REMEDIATION_HEADERS, remediationRows, remediationSheetRows } from '../../src-main/reconcile';
import type { PlannedOperation } from '../../src-main/reconcile';
import type { JournalRun } from '../../src-main/store/journal';

const deleteOperation: PlannedOperation = {
  seq: 1, kind: 'user.delete', findingId: 'user.orphaned_in_sentry:1', findingKind: 'user.orphaned_in_sentry', method: 'DELETE', path: '/Users/7', body: null,
  consequence: 'Sentry deletes member a@example.com.', member: { id: '7', userName: 'a@example.com', role: 'member' }
};
const roleOperation: PlannedOperation = {
  seq: 2, kind: 'user.set_role', findingId: 'user.role_mismatch:2', findingKind: 'user.role_mismatch', method: 'PUT', path: '/Users/8', body: { sentryOrgRole: 'admin' },
  consequence: 'Sentry changes the role of b@example.com.', member: { id: '8', userName: 'b@example.com', role: 'member' }, role: 'admin'
};

const run: JournalRun = {
  id: 'run-20260101-000000-abcdef', snapshotId: '20260101-000000-000000', sentryBaseUrl: 'https://sentry.io/api/0/organizations/acme/scim/v2', runBy: 'auditor',
  startedAt: '2026-01-01T00:00:00.000Z', endedAt: '2026-01-01T00:00:09.000Z', state: 'completed',
  planJson: JSON.stringify({ operations: [deleteOperation, roleOperation] }), verificationSnapshotId: '20260101-000010-fedcba',
  operations: [
    {
      seq: 1, kind: 'user.delete', findingId: 'user.orphaned_in_sentry:1', method: 'DELETE', path: '/Users/7', body: null, state: 'done', reason: null, httpStatus: 204,
      responseSummary: 'deleted member 7', resultId: null, runBy: 'auditor', startedAt: '2026-01-01T00:00:01.000Z', endedAt: '2026-01-01T00:00:02.000Z', verified: true, verificationNote: 'The planned state holds.'
    },
    {
      seq: 2, kind: 'user.set_role', findingId: 'user.role_mismatch:2', method: 'PUT', path: '/Users/8', body: { sentryOrgRole: 'admin' }, state: 'skipped',
      reason: 'The role of b@example.com changed from member to billing since the snapshot; role left unchanged.', httpStatus: null, responseSummary: null, resultId: null,
      runBy: 'second auditor', startedAt: '2026-01-01T00:00:03.000Z', endedAt: '2026-01-01T00:00:03.000Z', verified: null, verificationNote: 'Not applied (skipped).'
    }
  ]
};

describe('remediation rows', () => {
  it('joins journal and plan per operation', () => {
    expect(remediationRows(run)[0]).toEqual({
      runId: 'run-20260101-000000-abcdef', seq: 1, operation: 'DELETE /Users/7', consequence: 'Sentry deletes member a@example.com.', findingId: 'user.orphaned_in_sentry:1',
      findingKind: 'user.orphaned_in_sentry', runBy: 'auditor', startedAt: '2026-01-01T00:00:01.000Z', endedAt: '2026-01-01T00:00:02.000Z', state: 'done', httpStatus: 204,
      detail: 'deleted member 7', verified: true, verificationNote: 'The planned state holds.', verificationSnapshotId: '20260101-000010-fedcba'
    });
  });

  it('formats sheet cells', () => {
    const rows = remediationSheetRows(run);
    expect(rows[0]).toEqual(REMEDIATION_HEADERS);
    expect(rows[2]).toEqual([
      'run-20260101-000000-abcdef', '2', 'PUT /Users/8', 'Sentry changes the role of b@example.com.', 'user.role_mismatch:2', 'user.role_mismatch', 'second auditor',
      '2026-01-01T00:00:03.000Z', '2026-01-01T00:00:03.000Z', 'skipped', '', 'The role of b@example.com changed from member to billing since the snapshot; role left unchanged.',
      'not applied', 'Not applied (skipped).', '20260101-000010-fedcba'
    ]);
    expect(rows).toHaveLength(3);
  });
});
