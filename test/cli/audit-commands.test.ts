import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/main';
import { FINDING_KINDS } from '../../src-main/model/finding';
import type { SnapshotMeta } from '../../src-main/model/snapshot';
import { captureIntoWorkspace } from '../fakes/capture';
import { startFakes, type Fakes } from '../fakes/index';
import type { Seed } from '../fakes/seed';

const seed = JSON.parse(readFileSync('resources/demo/seed.json', 'utf8')) as Seed;

let fakes: Fakes;
let folder: string;
let workspace: string;
let first: SnapshotMeta;
let second: SnapshotMeta;
const renamedUser = seed.graph.users.find((user) => !user.xDeleted && user.accountEnabled !== false)!;

async function roster(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli([...args, '--workspace', workspace], {
    stdout: (text) => (stdout += `${text}\n`),
    stderr: (text) => (stderr += `${text}\n`),
    env: {}
  });
  return { status, stdout, stderr };
}

beforeAll(async () => {
  fakes = await startFakes(seed);
  folder = mkdtempSync(join(tmpdir(), 'roster-audit-cli-'));
  workspace = join(folder, 'ws');
  first = await captureIntoWorkspace(fakes, seed, workspace);
  fakes.graph.state.setUserPrincipalName(renamedUser.id, `renamed.${renamedUser.userPrincipalName}`);
  // Snapshot ids sort by second; wait so the second capture is newer.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  second = await captureIntoWorkspace(fakes, seed, workspace);
});

afterAll(async () => {
  await fakes.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('roster audit', () => {
  it('prints the findings table and exits 0', async () => {
    const run = await roster('audit', '--snapshot', first.id);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Audit of snapshot ${first.id}: \\d+ findings`));
    expect(run.stdout).toContain('user.missing_in_sentry');
  });

  it('writes the findings JSON contract', async () => {
    const run = await roster('audit', '--snapshot', first.id, '--format', 'json');
    const document = JSON.parse(run.stdout) as { formatVersion: number; snapshot: { id: string; contentSha256: string }; findings: Array<{ kind: string }> };
    expect(document.formatVersion).toBe(1);
    expect(document.snapshot.id).toBe(first.id);
    expect(document.snapshot.contentSha256).toBe(first.contentSha256);
    const kinds = new Set(document.findings.map((finding) => finding.kind));
    // The demo tenant plants every finding kind.
    expect([...FINDING_KINDS].filter((kind) => !kinds.has(kind))).toEqual([]);
  });

  it('exits 3 with --fail-on when findings reach the severity', async () => {
    const run = await roster('audit', '--fail-on', 'high');
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^\d+ findings at severity high or above\.\n$/);
  });

  it('rejects an unknown --fail-on value', async () => {
    const run = await roster('audit', '--fail-on', 'critical');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('roster audit: --fail-on must be high, medium or low, not "critical".');
  });

  it('protects CSV cells and writes the file atomically', async () => {
    const out = join(folder, 'findings.csv');
    const run = await roster('audit', '--format', 'csv', '--out', out);
    expect(run.status).toBe(0);
    expect(readFileSync(out, 'utf8').charCodeAt(0)).toBe(0xfeff);
  });

  it('names an unknown snapshot id', async () => {
    const run = await roster('audit', '--snapshot', '20200101-000000-abcdef');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`roster audit: No snapshot '20200101-000000-abcdef' in workspace ${workspace}. Run \`roster snapshots\` to see the ids, or use 'latest'.\n`);
  });
});

describe('roster diff, whatif and report', () => {
  it('shows a UPN rename as a change of the same user', async () => {
    const run = await roster('diff', first.id, second.id, '--format', 'json');
    const diff = JSON.parse(run.stdout) as { changes: Array<{ objectId: string; change: string; attribute: string | null; oldValue: string | null; newValue: string | null }> };
    const userChanges = diff.changes.filter((change) => change.objectId === renamedUser.id);
    expect(userChanges).toEqual([
      expect.objectContaining({ change: 'changed', attribute: 'userPrincipalName', oldValue: renamedUser.userPrincipalName, newValue: `renamed.${renamedUser.userPrincipalName}` })
    ]);
  });

  it('compares userName sources', async () => {
    const run = await roster('whatif', '--snapshot', first.id);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('userPrincipalName');
    expect(run.stdout).toMatch(/mail \(current\)\s+\d+/);
  });

  it('writes a workbook with the changes sheet', async () => {
    const out = join(folder, 'report.xlsx');
    const run = await roster('report', '--snapshot', second.id, '--compare', first.id, '--out', out, '--lang', 'de');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Wrote ${out.replace(/[.]/g, '\\.')}: \\d+ findings from snapshot ${second.id}, \\d+ changes since ${first.id}\\.\n$`));
    const workbook = XLSX.read(readFileSync(out));
    expect(workbook.SheetNames.length).toBeGreaterThanOrEqual(7);
  });

  it('requires an .xlsx output', async () => {
    const run = await roster('report', '--out', join(folder, 'report.pdf'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--out must name an .xlsx file');
  });
});

describe('command line guards', () => {
  it('does not create a workspace when reading', async () => {
    const missing = join(folder, 'typo-workspace');
    let stderr = '';
    const status = await runCli(['audit', '--workspace', missing], { stdout: () => undefined, stderr: (text) => (stderr += text), env: {} });
    expect(status).toBe(1);
    expect(stderr).toBe(`roster audit: No Roster workspace in ${missing}: check --workspace or ROSTER_WORKSPACE. \`roster fetch\` or \`roster import\` creates one.`);
    expect(existsSync(missing)).toBe(false);
  });

  it('lists nothing for a missing workspace', async () => {
    const missing = join(folder, 'not-yet');
    let stderr = '';
    const status = await runCli(['snapshots', '--workspace', missing], { stdout: () => undefined, stderr: (text) => (stderr += text), env: {} });
    expect(status).toBe(0);
    expect(stderr).toContain(`No Roster workspace in ${missing} yet.`);
    expect(existsSync(missing)).toBe(false);
  });

  it('names an unknown option plainly', async () => {
    const run = await roster('audit', '--colour');
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('roster audit: unknown option --colour. Run `roster audit --help` for its options.');
  });

  it('names an option without its value', async () => {
    const run = await roster('audit', '--format');
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('roster audit: --format needs a value.');
  });

  it('picks JSON from the --out name', async () => {
    const out = join(folder, 'findings.json');
    const run = await roster('audit', '--snapshot', first.id, '--out', out);
    expect(run.status).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { formatVersion: number }).formatVersion).toBe(1);
  });

  it('exits 2 for a malformed client id', async () => {
    let stderr = '';
    const status = await runCli(
      ['fetch', '--workspace', workspace, '--tenant', 'contoso.example', '--client-id', 'not-a-guid', '--app-name', 'Sentry', '--sentry-url', 'https://sentry.io/api/0/organizations/acme/scim/v2'],
      { stdout: () => undefined, stderr: (text) => (stderr += text), env: { ROSTER_SENTRY_TOKEN: 'token', ROSTER_ENTRA_CLIENT_SECRET: 'secret' } }
    );
    expect(status).toBe(2);
    expect(stderr.split('\n')[0]).toBe(`roster fetch: Invalid client id "not-a-guid": use the application (client) id GUID from the app registration's overview page.`);
  });
});
