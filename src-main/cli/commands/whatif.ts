import { whatIf } from '../../audit';
import { type Command, stringOption } from '../command';
import { PREVIOUS_OPTION, readPreviousSnapshot, readSnapshotOption } from '../snapshot-args';
import { formatTable } from '../table';
import { openExistingWorkspace } from '../workspace';

export const whatifCommand: Command = {
  name: 'whatif',
  summary: 'Compare candidate sources for userName: how many users each would link, create, duplicate or skip',
  usage: 'roster whatif [--snapshot ID|latest] [--candidates mail,userPrincipalName,...] [--format table|json] [--previous ID|none]',
  options: { snapshot: { type: 'string' }, candidates: { type: 'string' }, format: { type: 'string' }, ...PREVIOUS_OPTION },
  async run(context) {
    const candidates = stringOption(context, 'candidates')
      ?.split(',')
      .map((name) => name.trim())
      .filter(Boolean);

    const workspace = await openExistingWorkspace(context.workspaceDir);
    try {
      const snapshot = await readSnapshotOption(context, workspace);
      const previous = await readPreviousSnapshot(context, workspace, snapshot);
      const result = whatIf(snapshot, { candidates, previous });

      if (stringOption(context, 'format') === 'json') {
        context.stdout(JSON.stringify(result, null, 2));
        return 0;
      }
      const rows = result.candidates.map((candidate) => [
        `${candidate.sourceAttribute}${candidate.current ? ' (current)' : ''}`,
        String(candidate.link),
        String(candidate.create),
        String(candidate.duplicate),
        String(candidate.skip),
        String(candidate.orphaned)
      ]);
      context.stdout(`What-if matching for snapshot ${result.snapshotId} (userName from each source):\n\n${formatTable(['SOURCE', 'LINK', 'CREATE', 'DUPLICATE', 'SKIP', 'ORPHANED'], rows)}`);
      return 0;
    } finally {
      workspace.close();
    }
  }
};
