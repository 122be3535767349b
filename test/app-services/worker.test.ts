import { describe, expect, it } from 'vitest';
import { createWorkerTaskRunner } from '../../src-main/app-services';
import { TaskError } from '../../src-main/app-services/tasks/types';
import { DEMO_SNAPSHOT_PATH } from './harness';

// The same worker entry the app bundles, run from source through tsx's loader.
const runner = createWorkerTaskRunner({ entry: new URL('./worker-bootstrap.mjs', import.meta.url) });

describe('worker task runner', () => {
  it('verifies and audits in a worker', async () => {
    const { meta } = await runner.run('verifyFile', { path: DEMO_SNAPSHOT_PATH });
    expect(meta.origin).toBe('demo');

    const source = { kind: 'file' as const, path: DEMO_SNAPSHOT_PATH, contentSha256: meta.contentSha256 };
    const { audit, objects } = await runner.run('audit', { source, previous: null });
    expect(audit.findings).toHaveLength(40);
    expect(Object.keys(objects).length).toBeGreaterThan(0);
  }, 60_000);

  it('sends failures as task errors', async () => {
    const error = await runner.run('verifyFile', { path: '/nonexistent/roster.sqlite' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TaskError);
    expect((error as TaskError).failure).toMatchObject({ cancelled: false, code: 'file_unreadable', details: { storeCode: 'not-found' } });
  }, 60_000);

  it('reports a cancel before start', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await runner.run('verifyFile', { path: DEMO_SNAPSHOT_PATH }, { signal: controller.signal }).catch((caught: unknown) => caught);
    expect((error as TaskError).failure.cancelled).toBe(true);
  });
});
