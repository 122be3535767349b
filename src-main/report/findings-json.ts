import type { AuditResult } from '../model/audit-result';
import type { Finding } from '../model/finding';
import type { SnapshotMeta } from '../model/snapshot';
import { countFindings } from './counts';
import { findingText } from './finding-text';
import { assertReportLanguage, type FindingsDocument, type ReportLanguage } from './types';

/** Copies a finding so the document never shares arrays or objects with the caller's audit result. */
function copyFinding(finding: Finding, lang: ReportLanguage): Finding {
  const text = findingText(finding, lang);
  return {
    id: finding.id,
    kind: finding.kind,
    severity: finding.severity,
    entra: finding.entra.map((ref) => ({ ...ref })),
    sentry: finding.sentry.map((ref) => ({ ...ref })),
    attribute: finding.attribute === null ? null : { ...finding.attribute },
    details: { ...finding.details },
    explanation: text.explanation,
    recommendedAction: text.recommendedAction,
    lastProvisioningEvent: finding.lastProvisioningEvent === null ? null : { ...finding.lastProvisioningEvent }
  };
}

/**
 * Builds the findings document that `roster audit --format json` prints (docs/findings-json.md).
 * `lang` selects the language of each finding's explanation and recommended action and
 * defaults to English.
 */
export function findingsToJson(
  input: { snapshot: SnapshotMeta; audit: AuditResult; toolVersion: string },
  lang: ReportLanguage = 'en'
): FindingsDocument {
  const { snapshot, audit, toolVersion } = input;
  assertReportLanguage(lang);
  if (audit.snapshotId !== snapshot.id) {
    throw new Error(`The audit result belongs to snapshot ${audit.snapshotId}, not to snapshot ${snapshot.id}: audit the snapshot you export.`);
  }

  return {
    formatVersion: 1,
    tool: { name: 'roster', version: toolVersion },
    language: lang,
    snapshot: {
      id: snapshot.id,
      createdAt: snapshot.createdAt,
      tenantId: snapshot.tenantId,
      appId: snapshot.appId,
      appDisplayName: snapshot.appDisplayName,
      servicePrincipalId: snapshot.servicePrincipalId,
      sentryOrg: snapshot.sentryOrg,
      sentryBaseUrl: snapshot.sentryBaseUrl,
      contentSha256: snapshot.contentSha256
    },
    auditedAt: audit.auditedAt,
    matching: { ...audit.matching },
    counts: countFindings(audit),
    findings: audit.findings.map((finding) => copyFinding(finding, lang))
  };
}
