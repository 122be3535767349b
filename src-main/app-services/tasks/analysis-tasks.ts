import { auditSnapshot, diffSnapshots, whatIf } from '../../audit';
import type { AuditResult } from '../../model/audit-result';
import type { Snapshot } from '../../model/snapshot';
import { openSnapshotFile } from '../../store';
import { readSnapshot } from './read-snapshot';
import type { ObjectView, TaskInputs, TaskOutputs } from './types';

export async function runAuditTask(input: TaskInputs['audit']): Promise<TaskOutputs['audit']> {
  const snapshot = await readSnapshot(input.source);
  const previous = input.previous === null ? null : await readSnapshot(input.previous);
  const audit = auditSnapshot(snapshot, { previous });
  return { audit, meta: snapshot.meta, objects: collectObjects(snapshot, audit) };
}

export async function runWhatIfTask(input: TaskInputs['whatIf']): Promise<TaskOutputs['whatIf']> {
  return whatIf(await readSnapshot(input.source));
}

export async function runDiffTask(input: TaskInputs['diff']): Promise<TaskOutputs['diff']> {
  const [from, to] = await Promise.all([readSnapshot(input.from), readSnapshot(input.to)]);
  return diffSnapshots(from, to);
}

export async function runVerifyFileTask(input: TaskInputs['verifyFile']): Promise<TaskOutputs['verifyFile']> {
  return { meta: (await openSnapshotFile(input.path)).meta };
}

/** Key of an object in `ObjectView` maps: the side's object type and its id. */
export function objectKey(type: string, id: string): string {
  return `${type}:${id}`;
}

/**
 * Copies the full captured objects that findings refer to, so main can show a finding's two sides
 * without keeping the whole snapshot. Team member lists are left out and counted instead.
 */
function collectObjects(snapshot: Snapshot, audit: AuditResult): Record<string, ObjectView> {
  const referenced = new Set<string>();
  for (const finding of audit.findings) {
    for (const ref of finding.entra) referenced.add(objectKey(ref.type === 'user' ? 'entraUser' : 'entraGroup', ref.id));
    for (const ref of finding.sentry) referenced.add(objectKey(ref.type === 'user' ? 'sentryMember' : 'sentryTeam', ref.id));
  }

  const objects: Record<string, ObjectView> = {};
  const add = (type: string, id: string, attributes: ObjectView['attributes']): void => {
    const key = objectKey(type, id);
    if (referenced.has(key)) objects[key] = { type, id, attributes };
  };

  const { entra, sentry } = snapshot.data;
  for (const user of entra.users) {
    add('entraUser', user.id, {
      userPrincipalName: user.userPrincipalName,
      mail: user.mail,
      displayName: user.displayName,
      givenName: user.givenName,
      surname: user.surname,
      accountEnabled: user.accountEnabled,
      userType: user.userType,
      employeeId: user.employeeId,
      otherMails: user.otherMails.join(', '),
      proxyAddresses: user.proxyAddresses.join(', ')
    });
  }
  for (const group of entra.groups) {
    add('entraGroup', group.id, { displayName: group.displayName, securityEnabled: group.securityEnabled, mailEnabled: group.mailEnabled, groupTypes: group.groupTypes.join(', ') });
  }
  for (const user of sentry.users) {
    add('sentryMember', user.id, {
      userName: user.userName,
      mail: user.emails.find((email) => email.primary)?.value ?? user.emails[0]?.value ?? null,
      givenName: user.givenName,
      surname: user.familyName,
      active: user.active,
      sentryOrgRole: user.sentryOrgRole
    });
  }
  for (const team of sentry.groups) {
    add('sentryTeam', team.id, { displayName: team.displayName, memberCount: team.members.length, membersTruncated: team.membersTruncated });
  }
  return objects;
}
