import { remediationRows } from '../reconcile/remediation';
import type { JournalOperationState, JournalRun } from '../store/journal';
import type { ReportLanguage } from './types';
import type { SheetSpec } from './xlsx-file';

interface RemediationLabels {
  sheet: string;
  columns: string[];
  state: Record<JournalOperationState, string>;
  verified: { yes: string; no: string; notApplied: string };
}

const LABELS: Record<ReportLanguage, RemediationLabels> = {
  en: {
    sheet: 'Remediation',
    columns: ['Run', 'Step', 'Operation', 'Consequence', 'Finding', 'Finding kind', 'Run by', 'Started (UTC)', 'Ended (UTC)', 'State', 'HTTP status', 'Detail', 'Verified', 'Verification note', 'Verification snapshot'],
    state: { planned: 'planned', pending: 'sent, result unknown', done: 'done', skipped: 'skipped', failed: 'failed' },
    verified: { yes: 'yes', no: 'no', notApplied: 'not applied' }
  },
  de: {
    sheet: 'Behebung',
    columns: ['Lauf', 'Schritt', 'Vorgang', 'Auswirkung', 'Feststellung', 'Art der Feststellung', 'Ausgeführt von', 'Begonnen (UTC)', 'Beendet (UTC)', 'Status', 'HTTP-Status', 'Einzelheiten', 'Bestätigt', 'Hinweis zur Bestätigung', 'Snapshot der Bestätigung'],
    state: { planned: 'geplant', pending: 'gesendet, Ergebnis unbekannt', done: 'erledigt', skipped: 'übersprungen', failed: 'fehlgeschlagen' },
    verified: { yes: 'ja', no: 'nein', notApplied: 'nicht angewendet' }
  }
};

/** Builds the Remediation sheet: one row per operation of a reconcile run, with its outcome and verification. */
export function remediationSheet(run: JournalRun, lang: ReportLanguage): SheetSpec {
  const labels = LABELS[lang];
  const rows = remediationRows(run).map((row) => [
    row.runId,
    String(row.seq),
    row.operation,
    row.consequence,
    row.findingId,
    row.findingKind,
    row.runBy,
    row.startedAt ?? '',
    row.endedAt ?? '',
    labels.state[row.state as JournalOperationState] ?? row.state,
    row.httpStatus === null ? '' : String(row.httpStatus),
    row.detail,
    verifiedLabel(row.verified, labels),
    row.verificationNote ?? '',
    row.verificationSnapshotId ?? ''
  ]);
  return { name: labels.sheet, rows: [labels.columns, ...rows], rowStyles: { 0: 'header' }, frozenHeaderRow: 0, autoFilter: true };
}

function verifiedLabel(verified: boolean | null, labels: RemediationLabels): string {
  if (verified === null) return labels.verified.notApplied;
  return verified ? labels.verified.yes : labels.verified.no;
}
