import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSha256, loadSqlJs, openSnapshotFile } from '../../src-main/store';
import { runCliProcess } from '../fakes/run-cli';
import { runInProcess } from './helpers';
import { SAMPLES } from './parity-seed';

let folder: string;
let workspace: string;
let exported: string;
let snapshotId: string;
let fileHash: string;

const env = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: process.env.HOME });

/** Changes the exported file with SQL, as someone editing it with a SQLite tool would, and saves it under `name`. */
async function tamper(name: string, sql: string): Promise<string> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(readFileSync(exported));
  try {
    db.run(sql);
    const path = join(folder, name);
    writeFileSync(path, db.export());
    return path;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'roster-snapshot-file-'));
  workspace = join(folder, 'workspace');
  exported = join(folder, 'sentry-audit.roster.sqlite');

  const imported = await runCliProcess(['import', fileURLToPath(new URL('powershell/', SAMPLES)), '--workspace', workspace], env());
  expect(imported.stderr).toBe(`Snapshot written to ${workspace}.\n`);
  expect(imported.status).toBe(0);
  snapshotId = imported.stdout.trim().split('\n').at(-1)?.replace('Snapshot ', '') ?? '';
  expect(snapshotId).toMatch(/^20250108-074512-[0-9a-f]{6}$/);

  const run = await runCliProcess(['export-snapshot', snapshotId, '--out', exported, '--workspace', workspace], env());
  expect(run.stderr).toBe(`Snapshot ${snapshotId} exported to ${exported}.\n`);
  expect(run.status).toBe(0);
  fileHash = createHash('sha256').update(readFileSync(exported)).digest('hex');
  const content = (await openSnapshotFile(exported)).meta.contentSha256;
  expect(run.stdout).toBe(`File SHA-256     ${fileHash}\nContent SHA-256  ${content}\nCheck it with: roster verify ${exported} --sha256 ${fileHash}\n`);
}, 60_000);

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('export-snapshot and verify', () => {
  it('exported file is the workspace file', () => {
    const stored = readFileSync(join(workspace, 'snapshots', `${snapshotId}.sqlite`));
    expect(readFileSync(exported).equals(stored)).toBe(true);
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('verify prints the manifest and verified', async () => {
    const run = await runCliProcess(['verify', exported, '--sha256', fileHash], env());
    const snapshot = await openSnapshotFile(exported);

    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`File            ${exported}\nSnapshot      ${snapshotId} (import)\n`);
    expect(run.stdout).toContain(`Entra         tenant 3c9f1a52-6d0e-4b7a-9e21-5f8d2c4b7a10, app "Sentry" (appId 8f1e2d3c-4b5a-4697-a8b9-0c1d2e3f4a02, service principal 5e0b7c1d-2a3f-4e5d-8c6b-1a2b3c4d5e01)\n`);
    expect(run.stdout).toContain('Sentry        org "contoso" at https://sentry.io/api/0/organizations/contoso/scim/v2\n');
    expect(run.stdout).toContain(`File SHA-256    ${fileHash} (matches --sha256)\n`);
    expect(run.stdout.endsWith(`verified: content SHA-256 ${snapshot.meta.contentSha256} and metadata hash match what the file records\n`)).toBe(true);
  });

  it('changed user fails with both content hashes', async () => {
    const original = await openSnapshotFile(exported);
    const path = await tamper('changed-user.sqlite', "UPDATE entra_user SET user_principal_name = 'mallory@contoso.example' WHERE id = '0a1d0000-0000-4000-8000-000000000003'");
    const changed = structuredClone(original.data);
    const user = changed.entra.users.find((candidate) => candidate.id === '0a1d0000-0000-4000-8000-000000000003');
    if (user) user.userPrincipalName = 'mallory@contoso.example';

    const run = await runCliProcess(['verify', path], env());

    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`roster verify: ${path} failed verification: content hash differs: expected ${original.meta.contentSha256}, got ${contentSha256(changed)}. The file was changed after Roster wrote it; do not use it.\n`);
  });

  it('changed tenant fails the metadata hash', async () => {
    const path = await tamper('changed-tenant.sqlite', "UPDATE snapshot_meta SET tenant_id = '11111111-2222-4333-8444-555555555555'");

    const run = await runInProcess(['verify', path]);

    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^roster verify: ${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} failed verification: metadata hash differs: expected [0-9a-f]{64}, got [0-9a-f]{64}\\. The file was changed after Roster wrote it; do not use it\\.$`));
  });

  it('wrong --sha256 names both hashes', async () => {
    const wrong = 'a'.repeat(64);

    const run = await runInProcess(['verify', exported, '--sha256', wrong]);

    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`roster verify: ${exported} failed verification: file hash differs: expected ${wrong}, got ${fileHash}. The file is not the one that was sent; do not use it.`);
  });

  it('truncated file is named, never verified', async () => {
    const path = join(folder, 'truncated.sqlite');
    const bytes = readFileSync(exported);
    writeFileSync(path, bytes.subarray(0, bytes.length - 4096));

    const run = await runInProcess(['verify', path]);

    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`roster verify: ${path} is truncated: its header describes ${bytes.length} bytes, but the file has ${bytes.length - 4096}. The copy or download was incomplete. Copy the file again from its source or restore it from a backup.`);
  });

  it('export never replaces a file', async () => {
    const run = await runInProcess(['export-snapshot', snapshotId, '--out', exported, '--workspace', workspace]);

    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`roster export-snapshot: ${exported} already exists, and an export never replaces a file. Choose another name or delete it first.`);
  });

  it('dry run writes nothing', async () => {
    const target = join(folder, 'dry');
    const run = await runInProcess(['import', fileURLToPath(new URL('graph/', SAMPLES)), '--sentry-url', 'https://sentry.io/api/0/organizations/contoso/scim/v2', '--dry-run', '--workspace', target]);

    expect(run.status).toBe(0);
    expect(run.stderr).toBe('Dry run: nothing was written.');
    expect(run.stdout.startsWith('Recognized 14 file(s):\n  app-role-assignments.json  ')).toBe(true);
    expect(existsSync(target)).toBe(false);
  });
});
