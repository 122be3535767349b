import { countFindings } from './counts';
import { coverSheet } from './cover-sheet';
import { labelsFor } from './labels';
import { remediationSheet } from './remediation-sheet';
import { changesSheet, findingsSheet, signOffSheet, summarySheet, teamsSheet, usersSheet } from './table-sheets';
import type { ReportInput, ReportLanguage } from './types';
import { writeXlsx, type SheetSpec } from './xlsx-file';

/** Rejects inputs whose parts belong to different snapshots, because the evidence would contradict itself. */
function checkConsistency(input: ReportInput): void {
  const { snapshot, audit, compare } = input;
  if (audit.snapshotId !== snapshot.id) {
    throw new Error(`The audit result belongs to snapshot ${audit.snapshotId}, not to snapshot ${snapshot.id}: audit the snapshot you report on.`);
  }
  if (Number.isNaN(input.generatedAt.getTime())) {
    throw new Error('Invalid generatedAt: pass the time the report is generated as a valid Date.');
  }
  if (input.runBy.trim() === '') {
    throw new Error('Missing runBy: pass the operating-system account that generates the report.');
  }

  if (compare) {
    if (compare.snapshot.id === snapshot.id) {
      throw new Error(`The report compares snapshot ${snapshot.id} with itself: choose an earlier snapshot to compare with.`);
    }
    const ids = [compare.diff.from, compare.diff.to];
    if (!ids.includes(compare.snapshot.id) || !ids.includes(snapshot.id)) {
      throw new Error(
        `The diff compares ${compare.diff.from} with ${compare.diff.to}, but the report compares ${compare.snapshot.id} with ${snapshot.id}: diff the two snapshots the report names.`
      );
    }
  }

  const run = input.remediation;
  if (run && run.snapshotId !== snapshot.id && run.verificationSnapshotId !== snapshot.id) {
    throw new Error(
      `Reconcile run ${run.id} worked on snapshot ${run.snapshotId}, not on snapshot ${snapshot.id}: report on that snapshot or on its verification snapshot.`
    );
  }

  countFindings(audit);
}

/**
 * Builds the evidence workbook in English or German: Cover, Summary, Findings, Users, Teams and
 * memberships, Changes (only with `compare`), Remediation (only with `remediation`) and Sign-off. Throws on inconsistent input instead of
 * writing evidence that contradicts itself.
 */
export function buildWorkbook(input: ReportInput, lang: ReportLanguage): Buffer {
  const labels = labelsFor(lang);
  checkConsistency(input);

  const sheets: SheetSpec[] = [
    coverSheet(input, lang),
    summarySheet(input.audit, lang),
    findingsSheet(input.audit, lang),
    usersSheet(input.audit, lang),
    teamsSheet(input.audit, lang)
  ];
  if (input.compare) sheets.push(changesSheet(input.compare.diff, lang));
  if (input.remediation) sheets.push(remediationSheet(input.remediation, lang));
  sheets.push(signOffSheet(input.audit, lang));

  return writeXlsx(sheets, { title: labels.cover.title, author: input.runBy, createdAt: input.generatedAt, truncationNote: labels.truncationNote });
}
