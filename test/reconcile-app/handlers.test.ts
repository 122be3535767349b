import { afterEach, describe, expect, it } from 'vitest';
import { auditSnapshot } from '../../src-main/audit';
import type { ResponseOf } from '../../src-main/ipc/contract';
import { MATCHING_PROFILE, NO_TOKEN_PROFILE, OTHER_PROFILE, startReconcileHarness, WRONG_TOKEN_PROFILE, type ReconcileHarness } from './harness';

type Plan = ResponseOf<'reconcile:plan'>;
type Run = ResponseOf<'reconcile:run'>;

let harness: ReconcileHarness | null = null;

afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function open(options: { latencyMs?: number } = {}): Promise<ReconcileHarness> {
  harness = await startReconcileHarness(options);
  return harness;
}

function writes(h: ReconcileHarness): string[] {
  return h.fake.requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.path}`);
}

async function finished(h: ReconcileHarness, runId: string, count = 1) {
  await expect.poll(() => h.eventsOf('reconcile:finished').filter((event) => event.runId === runId).length, { timeout: 20_000 }).toBe(count);
  return h.eventsOf('reconcile:finished').filter((event) => event.runId === runId).at(-1)!;
}

/** Reads the id of the demo's one team rename finding from a plan of that kind. */
async function renameFindingId(h: ReconcileHarness): Promise<string> {
  const plan = await h.call<Plan>('reconcile:plan', { snapshotId: h.snapshot.meta.id, filter: { kinds: ['group.name_mismatch'] } });
  return plan.operations[0]!.findingId;
}

const ROLE_FINDING = 'user.role_mismatch:1f3a0135f523464c';
const ORPHAN_FINDING = 'user.orphaned_in_sentry:ceef36c78e73f648';

describe('reconcile:plan', () => {
  it('lists operations, skipped items and the threshold', async () => {
    const h = await open();
    const plan = await h.call<Plan>('reconcile:plan', { snapshotId: h.snapshot.meta.id });

    expect(plan.operations).toHaveLength(27);
    expect(plan.operations[0]).toMatchObject({
      seq: 1,
      kind: 'user.create',
      method: 'POST',
      path: '/Users',
      params: { userName: 'grace.liu@contoso.example', role: 'member' }
    });
    expect(JSON.parse(plan.operations[0]!.body!)).toMatchObject({ userName: 'grace.liu@contoso.example' });
    expect(plan.operations[12]).toMatchObject({ kind: 'team.add_member', path: '/Groups/{team:6}', params: { userName: 'umar.conti@contoso.example', team: 'Data Platform', newTeam: '6' } });
    expect(plan.operations.filter((operation) => operation.kind === 'user.delete')).toEqual([]);

    const deletes = plan.skipped.filter((item) => item.toggle === 'allowDeletes');
    expect(deletes).toHaveLength(9);
    expect(deletes[0]).toMatchObject({ action: 'deleteMember', cause: 'deletesOff', params: { userName: 'owen.price@contoso.example' } });
    expect(plan.skipped.find((item) => item.cause === 'userNameTooLong')?.params).toMatchObject({ maxLength: '75', length: '82' });
    expect(plan.skipped.find((item) => item.findingId === ROLE_FINDING)).toMatchObject({ action: 'changeRole', cause: 'ownerRoleUnchangeable', toggle: null });
    expect(plan.skipped.filter((item) => item.cause === 'other')).toEqual([]);

    expect(plan.deletions).toEqual({ count: 0, threshold: 7, thresholdSource: 'default', defaultThreshold: 7, memberCount: 149 });
    expect(plan.rejected).toBe(false);
    expect(plan.pendingMembers).toEqual([{ member: 'anna-katharina.von-wittelsbach-hohenzollern@clinical-research.emea.contoso.example', team: 'Data Platform' }]);
    expect(plan.profiles.map((profile) => [profile.id, profile.matches])).toEqual([
      [MATCHING_PROFILE, true],
      [OTHER_PROFILE, false],
      [NO_TOKEN_PROFILE, true],
      [WRONG_TOKEN_PROFILE, true]
    ]);
    expect(JSON.stringify(plan)).not.toContain(h.token);
  });

  it('rejects deletions over the threshold', async () => {
    const h = await open();
    const plan = await h.call<Plan>('reconcile:plan', { snapshotId: h.snapshot.meta.id, options: { allowDeletes: true } });

    expect(plan.rejected).toBe(true);
    expect(plan.deletions).toMatchObject({ count: 8, threshold: 7, thresholdSource: 'default' });
    expect(plan.skipped.find((item) => item.params.userName === 'sentry-admin@contoso.example')).toMatchObject({ cause: 'ownerChangesOff', toggle: 'allowOwnerChanges' });

    const start = await h.dispatch('reconcile:start', { snapshotId: h.snapshot.meta.id, options: { allowDeletes: true }, profileId: MATCHING_PROFILE });
    expect(start).toEqual({
      ok: false,
      error: {
        code: 'reconcile_rejected',
        message:
          'Plan rejected: it deletes 8 members, more than the default threshold of 7 (20 or 5% of 149 members, whichever is lower). Review the deletions, then rerun with --max-deletes 8 to allow them for this run.',
        details: { count: 8, threshold: 7 }
      }
    });
    expect(writes(h)).toEqual([]);

    const raised = await h.call<Plan>('reconcile:plan', { snapshotId: h.snapshot.meta.id, options: { allowDeletes: true, maxDeletes: 8 } });
    expect(raised.rejected).toBe(false);
    expect(raised.deletions).toMatchObject({ count: 8, threshold: 8, thresholdSource: 'run', defaultThreshold: 7 });
  });

  it('plans the findings a filter shows', async () => {
    const h = await open();
    const plan = await h.call<Plan>('reconcile:plan', { snapshotId: h.snapshot.meta.id, filter: { kinds: ['group.name_mismatch'] } });

    expect(plan.selectedFindings).toBe(1);
    expect(plan.operations.map((operation) => `${operation.method} ${operation.path}`)).toEqual(['PATCH /Groups/303']);
    expect(plan.operations[0]!.params).toEqual({ from: 'Mobile developers', to: 'Mobile Developers', fromSlug: 'mobile-developers', toSlug: 'mobile-developers' });

    const none = await h.dispatch('reconcile:plan', { snapshotId: h.snapshot.meta.id, filter: { text: 'no such person' } });
    expect(none.ok ? null : none.error.code).toBe('reconcile_nothing_to_do');
  });

  it('skips a finding it cannot fix', async () => {
    const h = await open();
    const duplicate = auditSnapshot(h.snapshot).findings.find((finding) => finding.kind === 'user.duplicate_in_sentry')!;
    const plan = await h.call<Plan>('reconcile:plan', { snapshotId: h.snapshot.meta.id, findingIds: [duplicate.id] });

    expect(plan.operations).toEqual([]);
    expect(plan.skipped).toEqual([
      {
        findingId: duplicate.id,
        findingKind: 'user.duplicate_in_sentry',
        action: 'fixFinding',
        cause: 'noScimFix',
        params: {},
        toggle: null,
        description: 'user.duplicate_in_sentry',
        reason: "Roster has no SCIM fix for user.duplicate_in_sentry; follow the finding's recommended action."
      }
    ]);
  });

  it('rejects unknown snapshots and findings', async () => {
    const h = await open();
    const snapshot = await h.dispatch('reconcile:plan', { snapshotId: 'missing' });
    expect(snapshot.ok ? null : snapshot.error.code).toBe('not_found');
    const finding = await h.dispatch('reconcile:plan', { snapshotId: h.snapshot.meta.id, findingIds: ['user.missing_in_sentry:0000'] });
    expect(finding.ok ? null : finding.error.message).toBe(
      `Finding user.missing_in_sentry:0000 is not in the audit of snapshot ${h.snapshot.meta.id}. Run the audit again and select the findings anew.`
    );
  });
});

describe('reconcile:start', () => {
  it('runs, reports progress and verifies', async () => {
    const h = await open();
    const rename = await renameFindingId(h);
    const { runId } = await h.call<{ runId: string }>('reconcile:start', {
      snapshotId: h.snapshot.meta.id,
      findingIds: [ORPHAN_FINDING, rename],
      options: { allowDeletes: true },
      profileId: MATCHING_PROFILE
    });
    expect(runId).toMatch(/^run-/);

    const end = await finished(h, runId);
    expect(end.outcome).toBe('completed');
    expect(end.error).toBeNull();
    const run = end.run!;
    expect(run.state).toBe('completed');
    expect(run.active).toBe(false);
    expect(run.unfinished).toBe(false);
    expect(run.operations.map((operation) => [operation.seq, operation.kind, operation.method, operation.path, operation.state, operation.httpStatus, operation.verified])).toEqual([
      [1, 'team.rename', 'PATCH', '/Groups/303', 'done', 204, true],
      [2, 'user.delete', 'DELETE', '/Users/4114', 'done', 204, true]
    ]);
    expect(run.verificationSnapshotId).not.toBeNull();
    expect(h.workspace.list().some((summary) => summary.id === run.verificationSnapshotId)).toBe(true);
    expect(h.fake.state.getMember(4114)).toBeUndefined();

    const progress = h.eventsOf('reconcile:progress').filter((event) => event.runId === runId);
    expect(progress.map((event) => `${event.type}:${event.seq ?? '-'}:${event.state ?? '-'}:${event.httpStatus ?? '-'}`)).toEqual([
      'run:-:-:-',
      'started:1:pending:-',
      'finished:1:done:204',
      'started:2:pending:-',
      'finished:2:done:204',
      'verifying:-:-:-'
    ]);
    expect(JSON.stringify(h.events)).not.toContain(h.token);
    expect(h.logLines.join('\n')).not.toContain(h.token);
  });

  it('rejects a profile of another Sentry', async () => {
    const h = await open();
    const other = await h.dispatch('reconcile:start', { snapshotId: h.snapshot.meta.id, findingIds: [await renameFindingId(h)], profileId: OTHER_PROFILE });
    expect(other.ok ? null : other.error).toEqual({
      code: 'reconcile_sentry_mismatch',
      message: `The connection's SCIM URL https://sentry.io/api/0/organizations/northwind/scim/v2 is not the one the snapshot was taken from, ${h.fake.baseUrl}. Choose the connection of that Sentry organization.`,
      details: { profileUrl: 'https://sentry.io/api/0/organizations/northwind/scim/v2', snapshotUrl: h.fake.baseUrl, profileId: OTHER_PROFILE }
    });
    expect(writes(h)).toEqual([]);
  });

  it('stops when Sentry rejects the token', async () => {
    const h = await open();
    const { runId } = await h.call<{ runId: string }>('reconcile:start', { snapshotId: h.snapshot.meta.id, profileId: WRONG_TOKEN_PROFILE });

    const end = await finished(h, runId);
    expect(end.outcome).toBe('cancelled');
    expect(end.error).toEqual({ code: 'scim_unauthorized', message: 'Sentry rejected the SCIM token (HTTP 401) at operation 1, so the run stopped there.' });
    expect(end.run!.counts).toEqual({ planned: 26, pending: 0, done: 0, skipped: 0, failed: 1 });
    expect(end.run!.unfinished).toBe(true);
    expect(end.run!.operations[0]!.httpStatus).toBe(401);
    expect(JSON.stringify(h.events)).not.toContain('revoked-token');
  });

  it('rejects a plan with nothing to send', async () => {
    const h = await open();
    const result = await h.dispatch('reconcile:start', { snapshotId: h.snapshot.meta.id, findingIds: [ORPHAN_FINDING], profileId: MATCHING_PROFILE });
    expect(result.ok ? null : result.error.code).toBe('reconcile_nothing_to_do');
  });
});

describe('reconcile run control', () => {
  it('pauses and resumes between operations', async () => {
    const h = await open({ latencyMs: 40 });
    const { runId } = await h.call<{ runId: string }>('reconcile:start', { snapshotId: h.snapshot.meta.id, profileId: MATCHING_PROFILE });
    expect(await h.call('reconcile:pause', { runId })).toEqual({ paused: true });

    await expect.poll(() => h.eventsOf('reconcile:progress').some((event) => event.type === 'paused'), { timeout: 10_000 }).toBe(true);
    const paused = h.eventsOf('reconcile:progress').find((event) => event.type === 'paused')!;
    const sentWhilePaused = writes(h).length;
    const listed = await h.call<{ runs: Run[] }>('reconcile:runs', {});
    expect(listed.runs.map((run) => [run.id, run.state, run.active, run.paused])).toEqual([[runId, 'running', true, true]]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(writes(h).length).toBe(sentWhilePaused);
    expect(paused.position).toBeLessThan(27);

    expect(await h.call('reconcile:resume', { runId })).toEqual({ resumed: true });
    const end = await finished(h, runId);
    expect(end.outcome).toBe('completed');
    expect(end.run!.counts).toEqual({ planned: 0, pending: 0, done: 27, skipped: 0, failed: 0 });
    expect(end.run!.operations.every((operation) => operation.verified === true)).toBe(true);
    expect(h.eventsOf('reconcile:progress').filter((event) => event.type === 'resumed')).toHaveLength(1);

    const late = await h.dispatch('reconcile:pause', { runId });
    expect(late.ok ? null : late.error.code).toBe('reconcile_run_not_active');
  });

  it('cancels, lists the run as unfinished and resumes it', async () => {
    const h = await open({ latencyMs: 30 });
    const { runId } = await h.call<{ runId: string }>('reconcile:start', { snapshotId: h.snapshot.meta.id, profileId: MATCHING_PROFILE });
    await expect.poll(() => h.eventsOf('reconcile:progress').filter((event) => event.type === 'finished').length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(await h.call('reconcile:cancel', { runId })).toEqual({ cancelled: true });

    const cancelled = await finished(h, runId);
    expect(cancelled.outcome).toBe('cancelled');
    expect(cancelled.run!.state).toBe('cancelled');
    expect(cancelled.run!.unfinished).toBe(true);
    expect(cancelled.run!.verificationSnapshotId).toBeNull();
    const left = cancelled.run!.counts.planned + cancelled.run!.counts.pending;
    expect(left).toBeGreaterThan(0);

    const listed = await h.call<{ runs: Run[] }>('reconcile:runs', {});
    expect(listed.runs.map((run) => [run.id, run.state, run.active, run.unfinished])).toEqual([[runId, 'cancelled', false, true]]);

    const resumedAgain = await h.call<{ runId: string }>('reconcile:resumeRun', { runId, profileId: MATCHING_PROFILE });
    expect(resumedAgain).toEqual({ runId });
    const end = await finished(h, runId, 2);
    expect(end.outcome).toBe('completed');
    expect(end.run!.counts).toEqual({ planned: 0, pending: 0, done: 27, skipped: 0, failed: 0 });
    expect(end.run!.verificationSnapshotId).not.toBeNull();
    expect(h.eventsOf('reconcile:progress').filter((event) => event.type === 'run').length).toBe(2);
    // Each team is created once, although the cancel may have cut a request short.
    expect(h.fake.state.listTeams().filter((team) => team.slug === 'data-platform')).toHaveLength(1);
  });

  it('rejects resuming a run that is still running', async () => {
    const h = await open({ latencyMs: 30 });
    const { runId } = await h.call<{ runId: string }>('reconcile:start', { snapshotId: h.snapshot.meta.id, profileId: MATCHING_PROFILE });
    const again = await h.dispatch('reconcile:resumeRun', { runId, profileId: MATCHING_PROFILE });
    expect(again.ok ? null : again.error.code).toBe('reconcile_run_active');
    await h.call('reconcile:cancel', { runId });
    await finished(h, runId);
  });
});
