import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkerTaskRunner } from '../../src-main/app-services';

// `npm test` builds first (pretest); run `npm run build` before running this file alone.
const OUT_MAIN = join(import.meta.dirname, '../../out/main');

function workerChunk(): string {
  const name = readdirSync(join(OUT_MAIN, 'chunks')).find((file) => /^worker-entry-[\w-]+\.js$/.test(file));
  if (name === undefined) throw new Error(`No worker-entry chunk in ${OUT_MAIN}/chunks: run npm run build.`);
  return join(OUT_MAIN, 'chunks', name);
}

describe('built main process', () => {
  it('points at the bundled worker chunk', () => {
    const chunk = workerChunk();
    const main = readFileSync(join(OUT_MAIN, 'index.js'), 'utf8');
    expect(main).toContain(`"./chunks/${chunk.split(/[\\/]/).pop()}"`);
  });

  it('resolves the demo snapshot path', () => {
    const main = readFileSync(join(OUT_MAIN, 'index.js'), 'utf8');
    const relative = /join\$?\d*\(import\.meta\.dirname, "([^"]*demo-snapshot\.sqlite)"\)/.exec(main)?.[1];
    expect(relative).toBeDefined();
    expect(existsSync(join(OUT_MAIN, relative ?? ''))).toBe(true);
  });

  it('runs a task in the bundled worker', async () => {
    const runner = createWorkerTaskRunner({ entry: workerChunk() });
    const { meta } = await runner.run('verifyFile', { path: join(import.meta.dirname, '../../resources/demo/demo-snapshot.sqlite') });
    expect(meta.origin).toBe('demo');
    expect(meta.appDisplayName).toBe('Sentry');
  }, 30_000);
});
