/**
 * The import worker: the plan and errors it returns match `importFiles` run in this thread. The entry
 * runs through tsx here, and as the bundled chunk from `npm run build` in the last test.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerImportReader } from '../../src-main/app-services/import-worker';
import { ImportError, importFiles } from '../../src-main/import';
import { IMPORT_TIME, SAMPLES_DIR, SENTRY_URL } from './harness';

const reader = createWorkerImportReader(new URL('./import-worker-bootstrap.mjs', import.meta.url));
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('import worker', () => {
  it('returns the same plan as importFiles', async () => {
    const paths = [join(SAMPLES_DIR, 'graph')];
    const options = { sentryBaseUrl: SENTRY_URL, now: IMPORT_TIME };

    const inWorker = await reader(paths, options);

    expect(inWorker).toEqual(await importFiles(paths, options));
    expect(inWorker.snapshot?.meta.createdAt).toBe('2026-03-02T10:15:00.000Z');
  }, 30_000);

  it('raises the ImportError of a bad file', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'roster-import-worker-')), 'graph');
    folders.push(folder);
    cpSync(join(SAMPLES_DIR, 'graph'), folder, { recursive: true });
    const file = join(folder, 'users.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"accountEnabled": true,\n      "employeeId": "E1001"', '"accountEnabled": true\n      "employeeId": "E1001"'));

    const error = await reader([folder], {}).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).file).toBe(file);
    expect((error as ImportError).location).toBe('line 14, column 7');
    expect((error as ImportError).message).toBe(
      `${file}, line 14, column 7: invalid JSON (Expected ',' or '}' after property value); expected a JSON document as Graph, PowerShell's ConvertTo-Json or Sentry SCIM writes it.`
    );
  }, 30_000);

  it('raises a missing path', async () => {
    const error = await reader(['/no/such/export'], {}).catch((caught: unknown) => caught);

    expect((error as ImportError).message).toBe('/no/such/export: no such file or folder.');
  }, 30_000);

  it('runs as the bundled chunk', async () => {
    // `npm test` builds first (pretest); run `npm run build` before running this file alone.
    const chunks = join(import.meta.dirname, '../../out/main/chunks');
    const name = readdirSync(chunks).find((file) => /^import-worker-entry-[\w-]+\.js$/.test(file));
    expect(name).toBeDefined();

    const plan = await createWorkerImportReader(join(chunks, name ?? ''))([join(SAMPLES_DIR, 'powershell')], {});

    expect(plan.missing).toEqual([]);
    expect(plan.snapshot?.meta.sentryOrg).toBe('contoso');
  }, 30_000);
});
