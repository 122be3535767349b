import type { JournalRun } from '../store/journal';
import type { AuditResult, MatchingRule, SnapshotDiff } from '../model/audit-result';
import type { Finding, FindingKind, Severity } from '../model/finding';
import type { SnapshotMeta } from '../model/snapshot';

export type ReportLanguage = 'en' | 'de';

export const REPORT_LANGUAGES: readonly ReportLanguage[] = ['en', 'de'];

export interface ReportInput {
  snapshot: SnapshotMeta;
  audit: AuditResult;
  /** The earlier snapshot and its diff to `snapshot`, for the Changes sheet. */
  compare?: { snapshot: SnapshotMeta; diff: SnapshotDiff } | null;
  /** Operating-system account that generated the report. */
  runBy: string;
  generatedAt: Date;
  toolVersion: string;
  /** A reconcile run on this snapshot (or verified by it), for the Remediation sheet. */
  remediation?: JournalRun | null;
}

/** Finding counts, with every severity and every kind present (zero when no finding has it). */
export interface FindingCounts {
  bySeverity: Record<Severity, number>;
  byKind: Record<FindingKind, number>;
}

/**
 * The stable JSON contract printed by `roster audit --format json` and documented in
 * docs/findings-json.md. Within formatVersion 1 fields are only ever added.
 */
export interface FindingsDocument {
  formatVersion: 1;
  tool: { name: 'roster'; version: string };
  /** Language of each finding's `explanation` and `recommendedAction`. */
  language: ReportLanguage;
  snapshot: {
    id: string;
    createdAt: string;
    tenantId: string;
    appId: string;
    appDisplayName: string;
    servicePrincipalId: string;
    sentryOrg: string;
    sentryBaseUrl: string;
    contentSha256: string;
  };
  auditedAt: string;
  matching: MatchingRule;
  counts: FindingCounts;
  findings: Finding[];
}

/** Rejects anything but `en` or `de`, because the CLI and the UI pass the language through from user input. */
export function assertReportLanguage(lang: string): asserts lang is ReportLanguage {
  if (!(REPORT_LANGUAGES as readonly string[]).includes(lang)) {
    throw new Error(`Unsupported report language ${JSON.stringify(lang)}: use "en" or "de".`);
  }
}
