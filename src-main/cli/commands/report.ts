import { userInfo } from 'node:os';
import { auditSnapshot, diffSnapshots } from '../../audit';
import { buildWorkbook, writeFileAtomic } from '../../report';
import { ReconcileJournal } from '../../store/journal';
import { TOOL_VERSION } from '../../version';
import { type Command, stringOption } from '../command';
import { UsageError } from '../errors';
import { PREVIOUS_OPTION, ROLE_MAP_OPTION, languageOption, readPreviousSnapshot, readRoleMapping, readSnapshotOption } from '../snapshot-args';
import { openExistingWorkspace } from '../workspace';

export const reportCommand: Command = {
  name: 'report',
  summary: 'Write the Excel evidence workbook for a snapshot, optionally with changes since another one',
  usage: 'roster report [--snapshot ID|latest] [--compare ID] [--reconcile-run RUN_ID] --out FILE.xlsx [--lang en|de] [--previous ID|none] [--role-map FILE]',
  options: { snapshot: { type: 'string' }, compare: { type: 'string' }, 'reconcile-run': { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, ...PREVIOUS_OPTION, ...ROLE_MAP_OPTION },
  async run(context) {
    const out = stringOption(context, 'out');
    if (!out) throw new UsageError('--out FILE.xlsx is required.');
    if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError(`--out must name an .xlsx file, not "${out}".`);
    const lang = languageOption(context);
    const roleMapping = readRoleMapping(context);

    const workspace = await openExistingWorkspace(context.workspaceDir);
    try {
      const snapshot = await readSnapshotOption(context, workspace);
      const previous = await readPreviousSnapshot(context, workspace, snapshot);
      const audit = auditSnapshot(snapshot, { previous, roleMapping });

      const compareRef = stringOption(context, 'compare');
      const compareSnapshot = compareRef ? await workspace.readSnapshot(workspace.resolveId(compareRef)) : null;
      const compare = compareSnapshot ? { snapshot: compareSnapshot.meta, diff: diffSnapshots(compareSnapshot, snapshot) } : null;

      const remediation = await readReconcileRun(context.workspaceDir, stringOption(context, 'reconcile-run'));
      const workbook = buildWorkbook({ snapshot: snapshot.meta, audit, compare, remediation, runBy: userInfo().username, generatedAt: new Date(), toolVersion: TOOL_VERSION }, lang);
      await writeFileAtomic(out, workbook);
      context.stdout(`Wrote ${out}: ${audit.findings.length} findings from snapshot ${snapshot.meta.id}${compare ? `, ${compare.diff.changes.length} changes since ${compare.snapshot.id}` : ''}.`);
      return 0;
    } finally {
      workspace.close();
    }
  }
};

async function readReconcileRun(workspaceDir: string, runId: string | undefined) {
  if (!runId) return null;
  const journal = await ReconcileJournal.open(workspaceDir);
  const run = journal.readRun(runId);
  if (!run) throw new UsageError(`no reconcile run "${runId}" in workspace ${workspaceDir}. The run id is printed when \`roster reconcile --apply\` starts.`);
  return run;
}
