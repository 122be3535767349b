import { basename } from 'node:path';
import type { ImportPlan } from './index';
import { KIND_LABELS, OBJECT_KINDS } from './recognize';

/** Formats the text shown before an import writes anything: each file's objects, then the snapshot's parts. */
export function formatImportSummary(plan: ImportPlan): string {
  const lines = [`Recognized ${plan.files.length} file(s):`];
  const width = Math.max(...plan.files.map((file) => basename(file.file).length), 4);
  for (const file of plan.files) {
    const parts = OBJECT_KINDS.filter((kind) => (file.counts[kind] ?? 0) > 0).map((kind) => plural(file.counts[kind] ?? 0, ...KIND_LABELS[kind]));
    if ((file.counts.groupMember ?? 0) > 0) parts.unshift(plural(file.counts.groupMember ?? 0, 'group member entry', 'group member entries'));
    lines.push(`  ${basename(file.file).padEnd(width)}  ${file.format.padEnd(15)}  ${parts.join(', ') || 'an empty list'}`);
  }
  for (const file of plan.skipped) lines.push(`  ${basename(file).padEnd(width)}  skipped: not .json or .csv`);

  const snapshot = plan.snapshot;
  if (snapshot !== null) {
    const { meta, data } = snapshot;
    const directEdges = data.entra.memberships.filter((edge) => edge.relation === 'direct').length;
    lines.push(
      '',
      'Snapshot to write:',
      `  Tenant              ${meta.tenantId}`,
      `  Enterprise app      '${meta.appDisplayName}' (appId ${meta.appId}, service principal ${meta.servicePrincipalId})`,
      `  Assignments         ${data.entra.assignments.length}`,
      `  Entra users         ${data.entra.users.length} (${data.entra.deletedUserIds.length} recorded as deleted)`,
      `  Entra groups        ${data.entra.groups.length}`,
      `  Group members       ${directEdges} direct, ${data.entra.memberships.length - directEdges} only through nested groups`,
      `  Provisioning        job ${data.entra.provisioningJob ? 'present' : 'not imported'}, schema ${data.entra.provisioningSchema ? 'present' : 'not imported'}, logs ${data.entra.provisioningLogs === null ? 'not imported' : data.entra.provisioningLogs.length}`,
      `  Sentry              org '${meta.sentryOrg}': ${data.sentry.users.length} members, ${data.sentry.groups.length} teams`
    );
  }
  if (plan.missing.length > 0) {
    lines.push('', 'Missing for an audit (no snapshot can be written until these are exported):');
    for (const item of plan.missing) lines.push(`  - ${item}`);
  }
  if (plan.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const warning of plan.warnings) lines.push(`  - ${warning}`);
  }
  return lines.join('\n');
}

function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
