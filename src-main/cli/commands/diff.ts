import { diffSnapshots } from '../../audit';
import { type Command, stringOption } from '../command';
import { UsageError } from '../errors';
import { formatTable } from '../table';
import { openExistingWorkspace } from '../workspace';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Show what changed between two snapshots, matched by stable ids',
  usage: 'roster diff A B [--format table|json]   (A and B: snapshot ids or latest)',
  options: { format: { type: 'string' } },
  async run(context) {
    const [fromRef, toRef] = context.positionals;
    if (!fromRef || !toRef) throw new UsageError('name two snapshots: the older first, e.g. `roster diff 20261201-090000-a1b2c3 latest`.');

    const workspace = await openExistingWorkspace(context.workspaceDir);
    try {
      const from = await workspace.readSnapshot(workspace.resolveId(fromRef));
      const to = await workspace.readSnapshot(workspace.resolveId(toRef));
      const diff = diffSnapshots(from, to);

      if (stringOption(context, 'format') === 'json') {
        context.stdout(JSON.stringify(diff, null, 2));
        return 0;
      }
      if (diff.changes.length === 0) {
        context.stdout(`No changes between ${diff.from} and ${diff.to}.`);
        return 0;
      }
      const rows = diff.changes.map((change) => [
        change.side,
        change.objectType,
        change.displayName ?? change.objectId,
        change.change,
        change.attribute ?? '',
        change.oldValue ?? '',
        change.newValue ?? ''
      ]);
      context.stdout(`${diff.changes.length} changes from ${diff.from} to ${diff.to}:\n\n${formatTable(['SIDE', 'OBJECT', 'NAME', 'CHANGE', 'ATTRIBUTE', 'OLD', 'NEW'], rows)}`);
      return 0;
    } finally {
      workspace.close();
    }
  }
};
