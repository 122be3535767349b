import { Workspace } from '../../store';
import type { Command } from '../command';
import { workspaceExists } from '../workspace';
import { formatTable } from '../table';

export const snapshotsCommand: Command = {
  name: 'snapshots',
  summary: 'List the complete snapshots in the workspace, newest first',
  usage: 'roster snapshots [--workspace DIR]',
  options: {},
  async run(context) {
    if (!workspaceExists(context.workspaceDir)) {
      context.stderr(`No Roster workspace in ${context.workspaceDir} yet. Take a snapshot with \`roster fetch\` or \`roster import\`, or check --workspace.`);
      return 0;
    }
    const workspace = await Workspace.open(context.workspaceDir);
    try {
      const snapshots = workspace.list();
      if (snapshots.length === 0) {
        context.stderr(`No snapshots in ${workspace.dir}. Take one with \`roster fetch\` or \`roster import\`.`);
        return 0;
      }
      const rows = snapshots.map((snapshot) => [
        snapshot.id,
        snapshot.createdAt,
        snapshot.origin,
        snapshot.appDisplayName,
        snapshot.sentryOrg,
        String(snapshot.counts.entraUsers),
        String(snapshot.counts.scimUsers),
        String(snapshot.counts.scimGroups),
        String(snapshot.warningCount + snapshot.unavailableCount)
      ]);
      context.stdout(formatTable(['ID', 'CREATED (UTC)', 'ORIGIN', 'APP', 'SENTRY ORG', 'ENTRA USERS', 'SCIM USERS', 'TEAMS', 'NOTES'], rows));
      return 0;
    } finally {
      workspace.close();
    }
  }
};
