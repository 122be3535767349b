import { describePopulation } from '../capture/population';
import { formatUtc, yesNo } from './format';
import { labelsFor } from './labels';
import type { ReportInput, ReportLanguage } from './types';
import type { RowStyle, SheetSpec } from './xlsx-file';

/** Collects rows and their styles in order, so sections can be appended one after another. */
class RowCollector {
  readonly rows: string[][] = [];
  readonly rowStyles: Record<number, RowStyle> = {};

  add(row: string[], style?: RowStyle): void {
    if (style) this.rowStyles[this.rows.length] = style;
    this.rows.push(row);
  }

  section(heading: string): void {
    if (this.rows.length > 0) this.add([]);
    this.add([heading], 'title');
  }
}

/** Builds the evidence header: what was audited, from which data, who ran it and when. */
export function coverSheet(input: ReportInput, lang: ReportLanguage): SheetSpec {
  const labels = labelsFor(lang);
  const text = labels.cover;
  const { snapshot, audit } = input;
  const out = new RowCollector();

  out.add([text.title], 'title');

  out.section(text.sectionTenant);
  out.add([text.tenantId, snapshot.tenantId]);
  out.add([text.appDisplayName, snapshot.appDisplayName]);
  out.add([text.appId, snapshot.appId]);
  out.add([text.servicePrincipalId, snapshot.servicePrincipalId]);
  out.add([text.sentryOrg, snapshot.sentryOrg]);
  out.add([text.sentryBaseUrl, snapshot.sentryBaseUrl]);

  out.section(text.sectionPopulation);
  out.add([text.populationDefinition, populationText(input, lang)]);
  out.add([text.inScopeUsers, String(audit.population.inScopeUsers)]);
  out.add([text.assignedGroups, String(audit.population.assignedGroups)]);
  out.add([text.sentryMembers, String(audit.population.sentryMembers)]);
  out.add([text.sentryTeams, String(audit.population.sentryTeams)]);
  const rule = text.matchingRuleText
    .replace('{target}', audit.matching.targetAttribute)
    .replace('{source}', audit.matching.sourceAttribute)
    .replace('{origin}', labels.matchingOrigin[audit.matching.origin]);
  out.add([text.matchingRule, rule]);

  out.section(text.sectionSnapshot);
  out.add([text.snapshotId, snapshot.id]);
  out.add([text.snapshotCreatedAt, formatUtc(snapshot.createdAt, 'snapshot.createdAt')]);
  out.add([text.snapshotOrigin, labels.snapshotOrigin[snapshot.origin]]);
  out.add([text.capturedBy, snapshot.capturedBy]);
  out.add([text.captureToolVersion, snapshot.toolVersion]);
  out.add([text.contentSha256, snapshot.contentSha256]);
  out.add([text.auditedAt, formatUtc(audit.auditedAt, 'audit.auditedAt')]);

  out.section(text.sectionReport);
  out.add([text.generatedAt, formatUtc(input.generatedAt, 'generatedAt')]);
  out.add([text.generatedBy, input.runBy]);
  out.add([text.reportToolVersion, input.toolVersion]);
  out.add([text.language, text.languageName]);

  if (input.compare) {
    out.section(text.sectionCompare);
    out.add([text.compareSnapshotId, input.compare.snapshot.id]);
    out.add([text.compareCreatedAt, formatUtc(input.compare.snapshot.createdAt, 'compare.snapshot.createdAt')]);
    out.add([text.compareSha256, input.compare.snapshot.contentSha256]);
    out.add([text.changeCount, String(input.compare.diff.changes.length)]);
  }

  out.section(text.sectionSources);
  out.add(text.sourceHeader, 'header');
  for (const source of snapshot.sources) {
    const field = `snapshot.sources[${source.source}]`;
    out.add([
      source.source,
      formatUtc(source.startedAt, `${field}.startedAt`),
      formatUtc(source.endedAt, `${field}.endedAt`),
      String(source.rowsReceived),
      source.apiTotal === null ? text.notAnnounced : String(source.apiTotal),
      source.apiTotal === null ? '' : yesNo(source.rowsReceived === source.apiTotal, lang),
      String(source.pages),
      String(source.retries)
    ]);
  }

  out.section(text.sectionUnavailable);
  if (snapshot.unavailable.length === 0) {
    out.add([labels.none]);
  } else {
    out.add(text.unavailableHeader, 'header');
    for (const item of snapshot.unavailable) out.add([item.source, item.reason, item.missingPermission ?? '']);
  }

  out.section(text.sectionWarnings);
  const auditWarnings = audit.warnings ?? [];
  if (snapshot.warnings.length === 0 && auditWarnings.length === 0) out.add([labels.none]);
  for (const warning of snapshot.warnings) out.add([text.warningFromCapture, warning]);
  for (const warning of auditWarnings) out.add([text.warningFromAudit, warning]);

  // The evidence header must print with each label beside its value, so it is scaled to the page width.
  return { name: labels.sheets.cover, rows: out.rows, rowStyles: out.rowStyles, fitToPageWidth: true };
}

/**
 * Returns the population sentence. English reports quote the snapshot's own text; German reports build the
 * same statement from the snapshot's facts, because the stored sentence is English.
 */
function populationText(input: ReportInput, lang: ReportLanguage): string {
  const { snapshot, audit } = input;
  if (lang === 'en') return snapshot.population;

  const sentence = describePopulation(
    { appDisplayName: snapshot.appDisplayName, appId: snapshot.appId, assignedGroupCount: audit.population.assignedGroups, sentryOrg: snapshot.sentryOrg },
    'de'
  );
  return snapshot.origin === 'import' ? `${sentence} (aus exportierten Dateien importiert)` : sentence;
}
