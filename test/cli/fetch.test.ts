import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../src-main/store';
import { startFakes, type Fakes } from '../fakes/index';
import { runCliProcess } from '../fakes/run-cli';
import type { Seed } from '../fakes/seed';

const seed = JSON.parse(readFileSync('resources/demo/seed.json', 'utf8')) as Seed;
const client = seed.graph.clients[0]!;
const app = seed.graph.servicePrincipals[0]!;

let fakes: Fakes;
let folder: string;
let caFile: string;
let workspace: string;

function fetchArgs(extra: string[] = []): string[] {
  return [
    'fetch', '--workspace', workspace, '--tenant', seed.graph.tenantId, '--client-id', client.clientId, '--app-id', app.appId,
    '--authority-host', fakes.graph.authorityHost, '--graph-url', fakes.graph.graphUrl, '--sentry-url', fakes.scim.baseUrl, ...extra
  ];
}

function env(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, NODE_EXTRA_CA_CERTS: caFile, ROSTER_ENTRA_CLIENT_SECRET: client.clientSecret, ROSTER_SENTRY_TOKEN: seed.scim.token, ...overrides };
}

function snapshotFiles(): string[] {
  const dir = join(workspace, 'snapshots');
  return existsSync(dir) ? readdirSync(dir) : [];
}

beforeAll(async () => {
  fakes = await startFakes(seed);
  folder = mkdtempSync(join(tmpdir(), 'roster-cli-'));
  caFile = join(folder, 'ca.pem');
  writeFileSync(caFile, fakes.tls.caPem);
});

afterAll(async () => {
  await fakes.close();
  rmSync(folder, { recursive: true, force: true });
});

beforeEach(() => {
  workspace = mkdtempSync(join(folder, 'ws-'));
  fakes.graph.faults.reset();
  fakes.graph.loginFaults.reset();
  fakes.scim.faults.reset();
});

describe('roster fetch', () => {
  it('captures the demo seed with the right counts', async () => {
    const run = await runCliProcess(fetchArgs(), env());
    expect(run.stderr).not.toContain(client.clientSecret!);
    expect(run.status).toBe(0);

    const id = run.stdout.split('\n')[0]!;
    expect(id).toMatch(/^\d{8}-\d{6}-[0-9a-f]{6}$/);

    const assignments = app.xAssignments.length;
    const assignedUsers = app.xAssignments.filter((a) => a.principalType === 'User').length;
    const assignedGroups = app.xAssignments.filter((a) => a.principalType === 'Group').length;
    // Sentry's SCIM API returns at most 10,000 members of a team, so the Store Associates team counts 10,000.
    const teamMemberships = seed.scim.groups.reduce((sum, group) => sum + Math.min(group.xMembers.length, 10_000), 0);
    expect(run.stdout).toContain(`Assignments           ${assignments} (${assignedUsers} users, ${assignedGroups} groups, `);
    expect(run.stdout).toContain(`Sentry members        ${seed.scim.users.length}\n`);
    expect(run.stdout).toContain(`Sentry teams          ${seed.scim.groups.length} (${teamMemberships} memberships)`);

    const shown = await runCliProcess(['show', 'latest', '--workspace', workspace], env());
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain(`Snapshot      ${id} (live)`);
    expect(shown.stdout).toContain(`Sentry members        ${seed.scim.users.length}\n`);

    const listed = await runCliProcess(['snapshots', '--workspace', workspace], env());
    expect(listed.stdout.split('\n')[2]).toContain(id);
  });

  it('rejects a wrong client secret and writes nothing', async () => {
    const run = await runCliProcess(fetchArgs(), env({ ROSTER_ENTRA_CLIENT_SECRET: 'not-the-secret' }));
    expect(run.status).toBe(1);
    const reasons = run.stderr.split('\n').filter((line) => line.startsWith('roster fetch:'));
    expect(reasons).toEqual([
      `roster fetch: Sign-in failed: the client secret for client id ${client.clientId} is invalid or expired. Create a new secret in Entra and set ROSTER_ENTRA_CLIENT_SECRET.`
    ]);
    expect(run.stderr).not.toContain('not-the-secret');
    expect(snapshotFiles()).toEqual([]);
  });

  it('reports an unreachable Sentry and writes nothing', async () => {
    const run = await runCliProcess(fetchArgs().map((arg) => (arg === fakes.scim.baseUrl ? 'https://127.0.0.1:1/api/0/organizations/contoso/scim/v2' : arg)), env());
    expect(run.status).toBe(1);
    // Users and Groups are read at once, so either may be the first to give up after its retries.
    expect(run.stderr).toMatch(/roster fetch: Sentry SCIM could not be reached for GET https:\/\/127\.0\.0\.1:1\/api\/0\/organizations\/contoso\/scim\/v2\/(Users|Groups)\?…: /);
    expect(snapshotFiles()).toEqual([]);
  }, 120_000);

  it('reports a SCIM server error after retries and writes nothing', async () => {
    fakes.scim.faults.set({ serverError: { remaining: 1000, status: 500, retryAfterSeconds: 0 } });
    const run = await runCliProcess(fetchArgs(), env());
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/roster fetch: Sentry SCIM returned 500 for GET https:\/\/127\.0\.0\.1:\d+\/api\/0\/organizations\/contoso\/scim\/v2\/(Users|Groups)/);
    expect(snapshotFiles()).toEqual([]);
  });

  it('rejects a wrong SCIM token and writes nothing', async () => {
    const run = await runCliProcess(fetchArgs(), env({ ROSTER_SENTRY_TOKEN: 'wrong-token' }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Sentry SCIM rejected the token (HTTP 401: Invalid token). Copy the current "Auth Token" from Sentry');
    expect(snapshotFiles()).toEqual([]);
  });

  it('names a missing token before any request', async () => {
    const run = await runCliProcess(fetchArgs(), env({ ROSTER_SENTRY_TOKEN: undefined }));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('roster fetch: ROSTER_SENTRY_TOKEN is not set');
  });

  it('requires exactly one app reference', async () => {
    const run = await runCliProcess([...fetchArgs(), '--app-name', 'Sentry'], env());
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('name the Sentry enterprise app with exactly one of --app-id GUID or --app-name NAME.');
  });

  it('leaves no snapshot when interrupted', async () => {
    fakes.scim.faults.set({ latencyMs: 400 });
    let interrupted = false;
    const run = await runCliProcess(fetchArgs(), env(), {
      onStderr: (chunk, kill) => {
        if (interrupted || !chunk.includes('Capturing tenant')) return;
        interrupted = true;
        setTimeout(() => kill('SIGINT'), 300);
      }
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('capture cancelled; no snapshot was written.');
    expect(snapshotFiles()).toEqual([]);
    const opened = await Workspace.open(workspace);
    expect(opened.list()).toEqual([]);
    opened.close();
  });
});
