import { auditSnapshot } from '../../audit';
import { SEVERITIES, type Severity, severityRank } from '../../model/finding';
import type { AuditResult } from '../../model/audit-result';
import { findingsToCsv, findingsToJson, writeFileAtomic } from '../../report';
import { TOOL_VERSION } from '../../version';
import { type Command, stringOption } from '../command';
import { EXIT_FINDINGS, UsageError } from '../errors';
import { PREVIOUS_OPTION, ROLE_MAP_OPTION, languageOption, readPreviousSnapshot, readRoleMapping, readSnapshotOption } from '../snapshot-args';
import { formatTable } from '../table';
import { openExistingWorkspace } from '../workspace';

const FAIL_ON = ['high', 'medium', 'low'] as const;

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Audit a snapshot as Entra would provision it and list the findings',
  usage: 'roster audit [--snapshot ID|latest] [--format table|json|csv] [--out FILE] [--lang en|de] [--fail-on high|medium|low] [--previous ID|none] [--role-map FILE]',
  options: {
    snapshot: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
    'fail-on': { type: 'string' },
    ...PREVIOUS_OPTION,
    ...ROLE_MAP_OPTION
  },
  async run(context) {
    const format = stringOption(context, 'format') ?? formatFromFileName(stringOption(context, 'out'));
    if (format !== 'table' && format !== 'json' && format !== 'csv') throw new UsageError(`--format must be table, json or csv, not "${format}".`);
    const failOn = stringOption(context, 'fail-on');
    if (failOn !== undefined && !(FAIL_ON as readonly string[]).includes(failOn)) throw new UsageError(`--fail-on must be high, medium or low, not "${failOn}".`);
    const lang = languageOption(context);
    const roleMapping = readRoleMapping(context);

    const workspace = await openExistingWorkspace(context.workspaceDir);
    let result: AuditResult;
    let output: string;
    try {
      const snapshot = await readSnapshotOption(context, workspace);
      const previous = await readPreviousSnapshot(context, workspace, snapshot);
      result = auditSnapshot(snapshot, { previous, roleMapping });

      if (format === 'json') output = `${JSON.stringify(findingsToJson({ snapshot: snapshot.meta, audit: result, toolVersion: TOOL_VERSION }, lang), null, 2)}\n`;
      else if (format === 'csv') output = findingsToCsv(result, lang);
      else output = `${formatAudit(result)}\n`;
    } finally {
      workspace.close();
    }

    const out = stringOption(context, 'out');
    if (out) {
      await writeFileAtomic(out, output);
      context.stderr(`Wrote ${result.findings.length} findings to ${out}.`);
    } else {
      context.stdout(output.trimEnd());
    }

    if (failOn === undefined) return 0;
    const threshold = severityRank(failOn as Severity);
    const failing = result.findings.filter((finding) => severityRank(finding.severity) <= threshold).length;
    if (failing > 0) context.stderr(`${failing} findings at severity ${failOn} or above.`);
    return failing > 0 ? EXIT_FINDINGS : 0;
  }
};

function formatAudit(result: AuditResult): string {
  const counts = SEVERITIES.map((severity) => `${severity} ${result.countsBySeverity[severity]}`).join(', ');
  const lines = [
    `Audit of snapshot ${result.snapshotId}: ${result.findings.length} findings (${counts}).`,
    `Matching: ${result.matching.sourceAttribute} -> ${result.matching.targetAttribute} (${result.matching.origin}).`,
    `Population: ${result.population.inScopeUsers} users in scope, ${result.population.assignedGroups} assigned groups; Sentry has ${result.population.sentryMembers} members and ${result.population.sentryTeams} teams.`
  ];
  if (result.findings.length === 0) return [...lines, '', 'No findings: Entra and Sentry agree.'].join('\n');

  const sorted = [...result.findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.kind.localeCompare(b.kind));
  const rows = sorted.map((finding) => [
    finding.severity,
    finding.kind,
    finding.entra.map((ref) => ref.userPrincipalName ?? ref.displayName ?? ref.id).join(', ') || '-',
    finding.sentry.map((ref) => ref.userName ?? ref.displayName ?? ref.id).join(', ') || '-',
    finding.attribute ? `${finding.attribute.name}: ${finding.attribute.entraValue ?? '(none)'} / ${finding.attribute.sentryValue ?? '(none)'}` : ''
  ]);
  return [...lines, '', formatTable(['SEVERITY', 'KIND', 'ENTRA', 'SENTRY', 'ATTRIBUTE (ENTRA / SENTRY)'], rows)].join('\n');
}

/** Without --format, `--out x.json` or `--out x.csv` picks that format; anything else gets the table. */
function formatFromFileName(out: string | undefined): string {
  const extension = out?.toLowerCase().match(/\.(json|csv)$/)?.[1];
  return extension ?? 'table';
}
