import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkerTaskRunner } from '../../src-main/app-services';
import { TaskError } from '../../src-main/app-services/tasks/types';
import { startFakes } from '../fakes/index';
import { DEMO_SNAPSHOT_PATH, loadDemoSeed } from './harness';

// The same worker entry the app bundles, run from source through tsx's loader.
const runner = createWorkerTaskRunner({ entry: new URL('./worker-bootstrap.mjs', import.meta.url) });

describe('worker task runner', () => {
  it('verifies and audits in a worker', async () => {
    const { meta } = await runner.run('verifyFile', { path: DEMO_SNAPSHOT_PATH });
    expect(meta.origin).toBe('demo');

    const source = { kind: 'file' as const, path: DEMO_SNAPSHOT_PATH, contentSha256: meta.contentSha256 };
    const { audit, objects } = await runner.run('audit', { source, previous: null });
    expect(audit.findings).toHaveLength(41);
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

describe('capture in a worker', () => {
  it('stops on cancel and writes nothing', async () => {
    const seed = loadDemoSeed();
    const fakes = await startFakes(seed);
    const dir = await mkdtemp(join(tmpdir(), 'roster-worker-capture-'));
    fakes.graph.faults.set({ latencyMs: 300 });
    try {
      const client = seed.graph.clients[0];
      const app = seed.graph.servicePrincipals[0];
      const settings = {
        tenant: seed.graph.tenantId,
        clientId: client?.clientId ?? '',
        appRef: { appId: app?.appId ?? '' },
        sentryUrl: fakes.scim.baseUrl,
        sentryToken: seed.scim.token,
        credential: { kind: 'secret' as const, clientSecret: client?.clientSecret ?? '' },
        authorityHost: fakes.graph.authorityHost,
        graphUrl: fakes.graph.graphUrl
      };
      const controller = new AbortController();
      const sources: string[] = [];
      const running = runner.run(
        'capture',
        { settings, transport: { extraCaPem: fakes.tls.caPem }, workspaceDir: join(dir, 'workspace'), capturedBy: 'test', toolVersion: 'test' },
        {
          signal: controller.signal,
          onProgress: (progress) => {
            if (progress.type === 'capture') sources.push(progress.progress.source);
            controller.abort();
          }
        }
      );

      const error = await running.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TaskError);
      expect((error as TaskError).failure.cancelled).toBe(true);
      expect(sources.length).toBeGreaterThan(0);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await fakes.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
