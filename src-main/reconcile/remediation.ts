import type { JournalRun } from '../store/journal';
import type { ReconcilePlan } from './types';

/** One row of the "Remediation" evidence sheet: an operation of a reconcile run and what became of it. */
export interface RemediationRow {
  runId: string;
  seq: number;
  /** Method and path as sent, e.g. `DELETE /Users/17`. */
  operation: string;
  consequence: string;
  findingId: string;
  findingKind: string;
  runBy: string;
  startedAt: string | null;
  endedAt: string | null;
  state: string;
  httpStatus: number | null;
  /** The skip reason, the failure, or a summary of Sentry's response. */
  detail: string;
  verified: boolean | null;
  verificationNote: string | null;
  verificationSnapshotId: string | null;
}

export const REMEDIATION_HEADERS = [
  'Run', 'Step', 'Operation', 'Consequence', 'Finding', 'Finding kind', 'Run by', 'Started', 'Ended', 'State', 'HTTP status', 'Detail', 'Verified', 'Verification', 'Verification snapshot'
];

/** Builds the Remediation rows of a run from its journal, in plan order. */
export function remediationRows(run: JournalRun): RemediationRow[] {
  const plan = JSON.parse(run.planJson) as ReconcilePlan;
  const planned = new Map(plan.operations.map((operation) => [operation.seq, operation]));
  return run.operations.map((operation) => ({
    runId: run.id,
    seq: operation.seq,
    operation: `${operation.method} ${operation.path}`,
    consequence: planned.get(operation.seq)?.consequence ?? '',
    findingId: operation.findingId,
    findingKind: planned.get(operation.seq)?.findingKind ?? '',
    runBy: operation.runBy ?? run.runBy,
    startedAt: operation.startedAt,
    endedAt: operation.endedAt,
    state: operation.state,
    httpStatus: operation.httpStatus,
    detail: [operation.reason, operation.responseSummary].filter((part): part is string => part !== null && part !== '').join(' | '),
    verified: operation.verified,
    verificationNote: operation.verificationNote,
    verificationSnapshotId: run.verificationSnapshotId
  }));
}

/** Formats the rows as text cells under `REMEDIATION_HEADERS`, ready for a workbook sheet. */
export function remediationSheetRows(run: JournalRun): string[][] {
  return [
    REMEDIATION_HEADERS,
    ...remediationRows(run).map((row) => [
      row.runId, String(row.seq), row.operation, row.consequence, row.findingId, row.findingKind, row.runBy, row.startedAt ?? '', row.endedAt ?? '',
      row.state, row.httpStatus === null ? '' : String(row.httpStatus), row.detail, verifiedText(row.verified), row.verificationNote ?? '', row.verificationSnapshotId ?? ''
    ])
  ];
}

function verifiedText(value: boolean | null): string {
  if (value === null) return 'not applied';
  return value ? 'yes' : 'no';
}
