import type { Snapshot } from '../../model/snapshot';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { formatTable } from '../table';
import { openExistingWorkspace } from '../workspace';

export const showCommand: Command = {
  name: 'show',
  summary: 'Summarize one snapshot: where it came from, counts per source, warnings',
  usage: 'roster show ID|latest [--workspace DIR]',
  options: {},
  async run(context) {
    const ref = context.positionals[0];
    if (!ref) throw new UsageError('name the snapshot: an id from `roster snapshots`, or `latest`.');

    const workspace = await openExistingWorkspace(context.workspaceDir);
    try {
      const snapshot = await workspace.readSnapshot(workspace.resolveId(ref));
      context.stdout(describeSnapshot(snapshot));
      return 0;
    } finally {
      workspace.close();
    }
  }
};

/** Formats the summary `roster show` prints, which `roster fetch` prints too. */
export function describeSnapshot({ meta, data }: Snapshot): string {
  const { entra, sentry } = data;
  const assignedUsers = entra.assignments.filter((a) => a.principalType === 'User').length;
  const assignedGroups = entra.assignments.filter((a) => a.principalType === 'Group').length;
  const directEdges = entra.memberships.filter((m) => m.relation === 'direct').length;
  const nestedEdges = entra.memberships.length - directEdges;
  const teamMembers = sentry.groups.reduce((sum, group) => sum + group.members.length, 0);

  const lines = [
    `Snapshot      ${meta.id} (${meta.origin})`,
    `Created       ${meta.createdAt} by ${meta.capturedBy} with Roster ${meta.toolVersion}`,
    `Entra         tenant ${meta.tenantId}, app "${meta.appDisplayName}" (appId ${meta.appId}, service principal ${meta.servicePrincipalId})`,
    `Sentry        org "${meta.sentryOrg}" at ${meta.sentryBaseUrl}`,
    `Population    ${meta.population}`,
    `SHA-256       ${meta.contentSha256}`,
    '',
    'Counts',
    `  Assignments           ${entra.assignments.length} (${assignedUsers} users, ${assignedGroups} groups, ${entra.assignments.length - assignedUsers - assignedGroups} service principals)`,
    `  Entra users           ${entra.users.length} readable, ${entra.deletedUserIds.length} deleted`,
    `  Entra groups          ${entra.groups.length}`,
    `  Group members         ${directEdges} direct, ${nestedEdges} only through nested groups`,
    `  Provisioning job      ${entra.provisioningJob ? `${entra.provisioningJob.statusCode ?? 'unknown status'}${entra.provisioningJob.quarantine ? ', in quarantine' : ''}` : 'not captured'}`,
    `  Provisioning logs     ${entra.provisioningLogs === null ? 'not captured' : `${entra.provisioningLogs.length} entries`}`,
    `  Sentry members        ${sentry.users.length}`,
    `  Sentry teams          ${sentry.groups.length} (${teamMembers} memberships)`,
    '',
    'Sources',
    formatTable(
      ['SOURCE', 'STARTED (UTC)', 'ENDED (UTC)', 'ROWS', 'API TOTAL', 'PAGES', 'RETRIES'],
      meta.sources.map((s) => [s.source, s.startedAt, s.endedAt, String(s.rowsReceived), s.apiTotal === null ? '-' : String(s.apiTotal), String(s.pages), String(s.retries)])
    )
  ];
  if (meta.unavailable.length > 0) {
    lines.push('', 'Not available');
    for (const item of meta.unavailable) lines.push(`  ${item.source}: ${item.reason}`);
  }
  if (meta.warnings.length > 0) {
    lines.push('', 'Warnings');
    for (const warning of meta.warnings) lines.push(`  ${warning}`);
  }
  return lines.join('\n');
}
