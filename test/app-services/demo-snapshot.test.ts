import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSnapshotFile } from '../../src-main/store';
import { buildDemoSnapshot, DEMO_SNAPSHOT_FILE } from '../fakes/build-demo-workspace';

describe('committed demo snapshot', () => {
  it('matches a fresh capture of the seed', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'roster-demo-check-'));
    try {
      const fresh = await buildDemoSnapshot(join(folder, 'demo.sqlite'));
      const committed = await openSnapshotFile(DEMO_SNAPSHOT_FILE);
      // Rebuild with `npx tsx test/fakes/build-demo-workspace.ts` after changing resources/demo/seed.json.
      expect(committed.meta.contentSha256).toBe(fresh.contentSha256);
      expect(committed.meta.origin).toBe('demo');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
