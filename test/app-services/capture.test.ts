import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureDoneEvent, CaptureProgressEvent } from '../../src-main/ipc/schemas/capture';
import { startServiceHarness, type ServiceHarness } from './harness';

let harness: ServiceHarness;
let profileId: string;

beforeAll(async () => {
  harness = await startServiceHarness();
  profileId = (await harness.call('connections:save', harness.profileInput())).id;
}, 30_000);

afterAll(async () => {
  await harness?.close();
});

function doneEvent(jobId: string): Promise<CaptureDoneEvent> {
  return harness
    .waitForEvent((event) => event.event === 'snapshots:capture:done' && (event.payload as CaptureDoneEvent).jobId === jobId, 60_000)
    .then((event) => event.payload as CaptureDoneEvent);
}

function progressOf(jobId: string): CaptureProgressEvent[] {
  return harness.events
    .filter((event) => event.event === 'snapshots:capture:progress')
    .map((event) => event.payload as CaptureProgressEvent)
    .filter((event) => event.jobId === jobId);
}

describe('snapshots:capture', () => {
  it('captures with progress per source', async () => {
    const { jobId } = await harness.call('snapshots:capture:start', { profileId });
    const done = await doneEvent(jobId);
    expect(done.outcome).toBe('completed');
    if (done.outcome !== 'completed') return;

    const list = await harness.call('snapshots:list', {});
    expect(list.snapshots.map((snapshot) => snapshot.id)).toEqual([done.snapshotId]);
    expect(list.snapshots[0]?.counts.scimUsers).toBe(harness.seed.scim.users.length);

    const progress = progressOf(jobId);
    const finished = new Map(progress.filter((event) => event.state !== 'running').map((event) => [event.source, event]));
    expect(finished.get('scim.users')).toMatchObject({ state: 'done', rows: harness.seed.scim.users.length });
    expect(finished.get('graph.servicePrincipal')).toMatchObject({ state: 'done', rows: 1 });
    expect(progress.some((event) => event.state === 'running')).toBe(true);
  }, 60_000);

  it('writes nothing when cancelled', async () => {
    const before = (await harness.call('snapshots:list', {})).snapshots.length;
    const filesBefore = await readdir(join(harness.workspaceDir, 'snapshots'));
    harness.fakes.graph.faults.set({ latencyMs: 300 });
    harness.fakes.scim.faults.set({ latencyMs: 300 });
    try {
      const { jobId } = await harness.call('snapshots:capture:start', { profileId });
      await harness.waitForEvent((event) => event.event === 'snapshots:capture:progress' && (event.payload as CaptureProgressEvent).jobId === jobId);
      expect(await harness.call('snapshots:capture:cancel', { jobId })).toEqual({ cancelled: true });

      expect(await doneEvent(jobId)).toEqual({ jobId, outcome: 'cancelled' });
      const again = await harness.invoke('snapshots:capture:cancel', { jobId });
      expect(again.ok ? null : again.error.code).toBe('job_not_found');
    } finally {
      harness.fakes.graph.faults.reset();
      harness.fakes.scim.faults.reset();
    }
    expect((await harness.call('snapshots:list', {})).snapshots.length).toBe(before);
    expect(await readdir(join(harness.workspaceDir, 'snapshots'))).toEqual(filesBefore);
  }, 60_000);

  it('ends with the sign-in error code', async () => {
    const saved = await harness.call('connections:save', harness.profileInput({ name: 'Wrong', secrets: { clientSecret: 'wrong-secret-value', scimToken: harness.seed.scim.token } }));
    const { jobId } = await harness.call('snapshots:capture:start', { profileId: saved.id });
    const done = await doneEvent(jobId);
    expect(done.outcome).toBe('failed');
    if (done.outcome !== 'failed') return;
    expect(done.error.code).toBe('sign_in_failed');
    expect(done.error.details).toMatchObject({ reason: 'wrong_secret', clientId: saved.clientId });
  }, 60_000);

  it('rejects a start without a SCIM token', async () => {
    const saved = await harness.call('connections:save', harness.profileInput({ name: 'No token', secrets: { clientSecret: 'x' } }));
    const result = await harness.invoke('snapshots:capture:start', { profileId: saved.id });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('missing_secret');
    expect(result.error.message).toBe('Connection "No token" has no SCIM token. Enter it in Connections (Sentry: Settings > Auth > SCIM Information) and save.');
  });

  it('rejects an unknown profile', async () => {
    const result = await harness.invoke('snapshots:capture:start', { profileId: 'nope' });
    expect(result.ok ? null : result.error.code).toBe('not_found');
  });
});
