import type { ScimUser } from '../model/snapshot';
import type { ScimWriter } from '../scim/write-client';
import type { ExpectedMember, PlannedOperation } from './types';

/** Outcome of one operation; `httpStatus` is null when nothing was sent or no response arrived. */
export interface StepOutcome {
  state: 'done' | 'skipped' | 'failed';
  reason: string | null;
  httpStatus: number | null;
  responseSummary: string | null;
  /** Id of the member or team created or found, for later operations and the journal. */
  resultId: string | null;
}

/** Either the outcome, known from reading Sentry, or the request to send after the journal marks it pending. */
export type StepDecision = { outcome: StepOutcome } | { send: () => Promise<StepOutcome> };

const done = (reason: string | null, resultId: string | null = null, httpStatus: number | null = null, responseSummary: string | null = null): StepDecision => ({
  outcome: { state: 'done', reason, httpStatus, responseSummary, resultId }
});
const skipped = (reason: string): StepDecision => ({ outcome: { state: 'skipped', reason, httpStatus: null, responseSummary: null, resultId: null } });
const sent = (httpStatus: number, responseSummary: string, resultId: string | null = null): StepOutcome => ({ state: 'done', reason: null, httpStatus, responseSummary, resultId });

/**
 * Reads the target again and decides: already in the planned state (done), changed since the snapshot
 * (skipped, so stale data never deletes or changes the wrong object), or still as planned (send).
 * A resumed operation that was pending at a crash goes through the same check, which is what keeps a
 * second run from repeating a request Sentry already applied.
 */
export async function decideStep(operation: PlannedOperation, writer: ScimWriter, teamId: string | null, signal: AbortSignal | undefined): Promise<StepDecision> {
  switch (operation.kind) {
    case 'user.create': {
      const existing = await writer.findUserByUserName(operation.userName, signal);
      if (existing) return done(`${existing.userName} is already a member (id ${existing.id}); nothing sent.`, existing.id);
      return {
        send: async () => {
          const created = await writer.createUser(operation.userName, operation.role, signal);
          const summary = created.alreadyExisted ? `409, and the filter found member ${created.resource.id}` : `created member ${created.resource.id}`;
          return sent(created.status, summary, created.resource.id);
        }
      };
    }

    case 'user.delete': {
      const current = await writer.getUser(operation.member.id, signal);
      if (current === null) return done(`Member ${operation.member.id} is already gone; nothing sent.`);
      const stale = memberChanged(operation.member, current);
      if (stale) return skipped(`${stale}; nothing deleted.`);
      return {
        send: async () => {
          const result = await writer.deleteUser(operation.member.id, signal);
          return sent(result.status, result.outcome === 'already_gone' ? 'member was already gone' : `deleted member ${operation.member.id}`);
        }
      };
    }

    case 'user.set_role': {
      const current = await writer.getUser(operation.member.id, signal);
      if (current === null) return skipped(`Member ${operation.member.id} (${operation.member.userName}) no longer exists.`);
      if (current.userName !== operation.member.userName) return skipped(`Member ${operation.member.id} is now ${current.userName}, not ${operation.member.userName}.`);
      const currentRole = current.sentryOrgRole?.toLowerCase() ?? null;
      if (currentRole === operation.role) return done(`${current.userName} already has role ${operation.role}; nothing sent.`);
      const stale = memberChanged(operation.member, current);
      if (stale) return skipped(`${stale}; role left unchanged.`);
      return {
        send: async () => {
          const result = await writer.setUserRole(operation.member.id, operation.role, signal);
          const newRole = result.user.sentryOrgRole?.toLowerCase() ?? null;
          if (newRole !== operation.role) {
            return { state: 'failed', reason: `Sentry answered ${result.status} but the role is ${newRole ?? 'not shown'}, not ${operation.role}.`, httpStatus: result.status, responseSummary: `role ${newRole}`, resultId: null };
          }
          return sent(result.status, `role is now ${newRole}`);
        }
      };
    }

    case 'team.create': {
      const existing = await writer.findGroupByName(operation.displayName, signal);
      if (existing && existing.displayName === operation.displayName) return done(`Team "${existing.displayName}" already exists (id ${existing.id}); nothing sent.`, existing.id);
      if (existing) return skipped(`Team "${existing.displayName}" (id ${existing.id}) already holds the slug of "${operation.displayName}".`);
      return {
        send: async () => {
          const created = await writer.createGroup(operation.displayName, signal);
          const summary = created.alreadyExisted ? `409, and the filter found team ${created.resource.id}` : `created team ${created.resource.id}`;
          return sent(created.status, summary, created.resource.id);
        }
      };
    }

    case 'team.add_member':
    case 'team.remove_member':
      return decideMembership(operation, writer, teamId, signal);

    case 'team.rename': {
      const team = await writer.getGroup(teamId as string, signal);
      if (team === null) return skipped(`Team ${teamId} ("${operation.team.displayName}") no longer exists.`);
      if (team.displayName === operation.displayName) return done(`Team ${teamId} is already named "${operation.displayName}"; nothing sent.`);
      if (team.displayName !== operation.team.displayName) return skipped(`Team ${teamId} is now named "${team.displayName}", not "${operation.team.displayName}".`);
      return {
        send: async () => sent((await writer.renameGroup(teamId as string, operation.displayName, signal)).status, `renamed to "${operation.displayName}"`)
      };
    }
  }
}

async function decideMembership(operation: Extract<PlannedOperation, { kind: 'team.add_member' | 'team.remove_member' }>, writer: ScimWriter, teamId: string | null, signal: AbortSignal | undefined): Promise<StepDecision> {
  const id = teamId as string;
  const team = await writer.getGroup(id, signal);
  if (team === null) return skipped(`Team ${id} ("${operation.team.displayName}") no longer exists.`);
  if (team.displayName !== operation.team.displayName) return skipped(`Team ${id} is now named "${team.displayName}", not "${operation.team.displayName}".`);

  const onTeam = team.members.some((member) => member.value === operation.member.id);
  const adding = operation.kind === 'team.add_member';
  if (adding && onTeam) return done(`${operation.member.userName} is already on team "${team.displayName}"; nothing sent.`);
  if (!adding && !onTeam) return done(`${operation.member.userName} is no longer on team "${team.displayName}"; nothing sent.`);

  const current = await writer.getUser(operation.member.id, signal);
  if (current === null) {
    return adding ? skipped(`Member ${operation.member.id} (${operation.member.userName}) no longer exists.`) : done(`Member ${operation.member.id} no longer exists; nothing sent.`);
  }
  if (current.userName !== operation.member.userName) return skipped(`Member ${operation.member.id} is now ${current.userName}, not ${operation.member.userName}.`);

  return {
    send: async () => {
      const result = adding ? await writer.addGroupMembers(id, [operation.member.id], signal) : await writer.removeGroupMember(id, operation.member.id, signal);
      return sent(result.status, `${adding ? 'added' : 'removed'} member ${operation.member.id}`);
    }
  };
}

/** Explains how the member differs from the snapshot, or returns null when userName and role still match. */
function memberChanged(expected: ExpectedMember, current: ScimUser): string | null {
  if (current.userName !== expected.userName) return `Member ${expected.id} is now ${current.userName}, not ${expected.userName}`;
  const role = current.sentryOrgRole?.toLowerCase() ?? null;
  if (expected.role !== null && role !== expected.role) return `The role of ${expected.userName} changed from ${expected.role} to ${role ?? 'none'} since the snapshot`;
  return null;
}
