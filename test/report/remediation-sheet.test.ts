import { describe, expect, it } from 'vitest';
import { buildWorkbook, type ReportInput } from '../../src-main/report';
import type { JournalRun } from '../../src-main/store/journal';
import { SNAPSHOT_ID, auditResult, snapshotMeta } from './fixture';
import { readWorkbook, rowsOf, sheet } from './xlsx-read';

function run(overrides: Partial<JournalRun> = {}): JournalRun {
  const plan = {
    operations: [
      { seq: 1, consequence: 'Creates a pending member for grace.liu@contoso.example', findingKind: 'user.missing_in_sentry' },
      { seq: 2, consequence: 'Deletes member 17 (ex.employee@contoso.example)', findingKind: 'user.orphaned_in_sentry' }
    ]
  };
  const operation = { kind: 'createUser', body: null, resultId: null, responseSummary: null, reason: null, verificationNote: null };
  return {
    id: 'run-20260301-0900',
    snapshotId: SNAPSHOT_ID,
    sentryBaseUrl: 'https://sentry.io/api/0/organizations/contoso/scim/v2',
    runBy: 'auditor',
    startedAt: '2026-03-01T09:00:00.000Z',
    endedAt: '2026-03-01T09:00:05.000Z',
    state: 'completed',
    planJson: JSON.stringify(plan),
    verificationSnapshotId: '20260301-090010-0a0b0c',
    operations: [
      { ...operation, seq: 1, findingId: 'user.missing_in_sentry:1', method: 'POST', path: '/Users', state: 'done', httpStatus: 201, responseSummary: 'member 901', runBy: 'auditor', startedAt: '2026-03-01T09:00:01.000Z', endedAt: '2026-03-01T09:00:02.000Z', verified: true },
      { ...operation, kind: 'deleteUser', seq: 2, findingId: 'user.orphaned_in_sentry:2', method: 'DELETE', path: '/Users/17', state: 'skipped', reason: 'the member changed since the snapshot', httpStatus: null, runBy: 'auditor', startedAt: '2026-03-01T09:00:03.000Z', endedAt: '2026-03-01T09:00:03.500Z', verified: null }
    ],
    ...overrides
  };
}

function input(remediation: JournalRun): ReportInput {
  return { snapshot: snapshotMeta(), audit: auditResult(), remediation, runBy: 'auditor', generatedAt: new Date('2026-03-01T10:00:00Z'), toolVersion: '0.1.0' };
}

describe('Remediation sheet', () => {
  it('lists each operation in English', () => {
    const workbook = readWorkbook(buildWorkbook(input(run()), 'en'));
    expect(workbook.SheetNames.slice(-2)).toEqual(['Remediation', 'Sign-off']);

    const rows = rowsOf(sheet(workbook, 'Remediation'));
    expect(rows[0]).toEqual(['Run', 'Step', 'Operation', 'Consequence', 'Finding', 'Finding kind', 'Run by', 'Started (UTC)', 'Ended (UTC)', 'State', 'HTTP status', 'Detail', 'Verified', 'Verification note', 'Verification snapshot']);
    expect(rows[1]).toEqual([
      'run-20260301-0900', '1', 'POST /Users', 'Creates a pending member for grace.liu@contoso.example', 'user.missing_in_sentry:1', 'user.missing_in_sentry', 'auditor',
      '2026-03-01T09:00:01.000Z', '2026-03-01T09:00:02.000Z', 'done', '201', 'member 901', 'yes', '', '20260301-090010-0a0b0c'
    ]);
    expect(rows[2]?.slice(9, 13)).toEqual(['skipped', '', 'the member changed since the snapshot', 'not applied']);
  });

  it('lists each operation in German', () => {
    const workbook = readWorkbook(buildWorkbook(input(run()), 'de'));
    const rows = rowsOf(sheet(workbook, 'Behebung'));
    expect(rows[0]?.slice(0, 3)).toEqual(['Lauf', 'Schritt', 'Vorgang']);
    expect(rows[1]?.[9]).toBe('erledigt');
    expect(rows[1]?.[12]).toBe('ja');
    expect(rows[2]?.[9]).toBe('übersprungen');
  });

  it('rejects a run on another snapshot', () => {
    const other = run({ snapshotId: '20250101-000000-ffffff', verificationSnapshotId: null });
    expect(() => buildWorkbook(input(other), 'en')).toThrow(
      `Reconcile run run-20260301-0900 worked on snapshot 20250101-000000-ffffff, not on snapshot ${SNAPSHOT_ID}: report on that snapshot or on its verification snapshot.`
    );
  });
});
