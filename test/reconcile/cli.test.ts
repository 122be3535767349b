import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSnapshot } from '../../src-main/audit';
import { buildPlan, executePlan } from '../../src-main/reconcile';
import type { FindingKind } from '../../src-main/model/finding';
import { Workspace } from '../../src-main/store';
import { ReconcileJournal } from '../../src-main/store/journal';
import { runCliProcess, type CliRun } from '../fakes/run-cli';
import { startScimFake, type ScimFake } from '../fakes/scim';
import { createTestTls, type TestTls } from '../fakes/tls';
import { demoSeed, duplicates, scimClients, sentryState, writeSeedSnapshot } from './helpers';

const seed = demoSeed();
const KINDS: FindingKind[] = [
  'user.missing_in_sentry', 'user.role_mismatch', 'user.disabled_in_entra', 'group.missing_in_sentry',
  'group.name_mismatch', 'group.member_missing_in_sentry', 'group.member_extra_in_sentry'
];
const SEED_DUPLICATES = ['tomasz.nowak@contoso.example'];

let tls: TestTls;
let folder: string;
let caFile: string;

interface Setup {
  fake: ScimFake;
  workspace: string;
  snapshotId: string;
}

async function setUp(): Promise<Setup> {
  const fake = await startScimFake(structuredClone(seed.scim), { tls });
  const workspace = mkdtempSync(join(folder, 'ws-'));
  const opened = await Workspace.open(workspace);
  try {
    const snapshot = await writeSeedSnapshot(opened, seed, fake.baseUrl);
    return { fake, workspace, snapshotId: snapshot.meta.id };
  } finally {
    opened.close();
  }
}

function env(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, NODE_EXTRA_CA_CERTS: caFile, ROSTER_SENTRY_TOKEN: seed.scim.token };
}

function applyArgs(setup: Setup, extra: string[] = []): string[] {
  return ['reconcile', '--workspace', setup.workspace, '--snapshot', setup.snapshotId, '--kinds', KINDS.join(','), '--sentry-url', setup.fake.baseUrl, '--apply', '--yes', '--allow-deletes', ...extra];
}

/** Deterministic pseudo-random numbers, so a failing kill point can be replayed. */
function randomSequence(seedValue: number): () => number {
  let state = seedValue;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Runs the command and kills it with SIGKILL a moment after operation `killAt` starts. */
function runAndKill(args: string[], killAt: number, delayMs: number): Promise<CliRun> {
  let killed = false;
  let seen = '';
  return runCliProcess(args, env(), {
    onStderr: (chunk, kill) => {
      seen += chunk;
      if (killed || !new RegExp(`^\\[${killAt}/\\d+\\] started`, 'm').test(seen)) return;
      killed = true;
      setTimeout(() => kill('SIGKILL'), delayMs);
    }
  });
}

/**
 * Runs the command and kills it with SIGKILL from inside the fake, right after Sentry applied its
 * `killAt`-th change and before the response reaches the command, so the journal then contains a pending operation.
 */
function runAndKillAfterWrite(args: string[], fake: ScimFake, killAt: number): Promise<CliRun> {
  let killChild: ((signal: NodeJS.Signals) => void) | null = null;
  let writes = 0;
  const state = fake.state as unknown as Record<string, (...parameters: unknown[]) => unknown>;
  for (const name of ['addMember', 'removeMember', 'updateMember', 'addTeam', 'updateTeam', 'addTeamMember', 'removeTeamMember']) {
    const original = state[name]!.bind(fake.state);
    state[name] = (...parameters: unknown[]) => {
      const result = original(...parameters);
      writes++;
      if (writes === killAt) killChild?.('SIGKILL');
      return result;
    };
  }
  return runCliProcess(args, env(), { onStderr: (_chunk, kill) => (killChild = kill) });
}

beforeAll(() => {
  tls = createTestTls();
  folder = mkdtempSync(join(tmpdir(), 'roster-reconcile-cli-'));
  caFile = join(folder, 'ca.pem');
  writeFileSync(caFile, tls.caPem);
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('roster reconcile', () => {
  it('prints the plan and rejects one over the threshold', async () => {
    const setup = await setUp();
    try {
      const planned = await runCliProcess(['reconcile', '--workspace', setup.workspace, '--snapshot', setup.snapshotId, '--plan', '--allow-deletes'], env());
      expect(planned.status).toBe(0);
      expect(planned.stdout).toContain(`Reconcile plan for snapshot ${setup.snapshotId} (${setup.fake.baseUrl}): `);
      expect(planned.stdout).toContain('DELETE /Users/4106');
      expect(planned.stdout).toContain('Plan rejected: it deletes 8 members, more than the default threshold of 7');

      const applied = await runCliProcess(['reconcile', '--workspace', setup.workspace, '--snapshot', setup.snapshotId, '--apply', '--yes', '--allow-deletes', '--sentry-url', setup.fake.baseUrl], env());
      expect(applied.status).toBe(1);
      expect(applied.stderr.trim()).toBe(
        'roster reconcile: Plan rejected: it deletes 8 members, more than the default threshold of 7 (20 or 5% of 149 members, whichever is lower). Review the deletions, then rerun with --max-deletes 8 to allow them for this run.'
      );
      expect(setup.fake.requests).toEqual([]);

      const unconfirmed = await runCliProcess(['reconcile', '--workspace', setup.workspace, '--snapshot', setup.snapshotId, '--kinds', 'user.role_mismatch', '--apply', '--sentry-url', setup.fake.baseUrl], env());
      expect(unconfirmed.status).toBe(1);
      expect(unconfirmed.stderr.trim()).toBe('roster reconcile: not applied: the plan was not confirmed. Answer y on the terminal, or pass --yes for scripted runs.');

      const opened = await Workspace.open(setup.workspace);
      const snapshot = await opened.readSnapshot(opened.resolveId(setup.snapshotId));
      opened.close();
      const chloe = auditSnapshot(snapshot).findings.find((finding) => finding.kind === 'user.role_mismatch' && finding.sentry[0]?.id === '4120');
      const single = await runCliProcess(['reconcile', '--workspace', setup.workspace, '--snapshot', setup.snapshotId, '--finding', chloe!.id, '--plan'], env());
      expect(single.status).toBe(0);
      expect(single.stdout).toContain(`Reconcile plan for snapshot ${setup.snapshotId} (${setup.fake.baseUrl}): 1 operations, 0 member deletions (threshold 7).`);
      expect(single.stdout).toContain('PUT /Users/4120');

      const badKind = await runCliProcess(['reconcile', '--workspace', setup.workspace, '--kinds', 'user.gone', '--plan'], env());
      expect(badKind.status).toBe(2);
      expect(badKind.stderr).toContain('roster reconcile: --kinds has unknown finding kinds: user.gone.');
    } finally {
      await setup.fake.close();
    }
  });

  it('resumes a run killed after Sentry applied a write', async () => {
    const setup = await setUp();
    try {
      const killed = await runAndKillAfterWrite(applyArgs(setup), setup.fake, 9);
      expect(killed.status).toBe(128);
      const runId = /^Run (run-\S+) started/m.exec(killed.stderr)?.[1] as string;
      const journal = await ReconcileJournal.open(setup.workspace);
      const pending = journal.readRun(runId)?.operations.filter((operation) => operation.state === 'pending') ?? [];
      expect(pending).toHaveLength(1);
      const writesBefore = setup.fake.requests.filter((request) => request.method !== 'GET').length;

      const finished = await runCliProcess(['reconcile', '--workspace', setup.workspace, '--resume', runId, '--sentry-url', setup.fake.baseUrl], env());
      expect(finished.status, finished.stderr).toBe(0);
      expect(finished.stderr).toContain(`[${pending[0]!.seq}/`);
      const resumed = journal.readRun(runId)?.operations.find((operation) => operation.seq === pending[0]!.seq);
      expect(resumed?.state).toBe('done');
      expect(resumed?.reason).toMatch(/nothing sent\.$/);
      expect(duplicates(setup.fake)).toEqual(SEED_DUPLICATES);
      // The resume re-sends nothing for the pending operation: only the operations after it write.
      const remaining = (journal.readRun(runId)?.operations ?? []).filter((operation) => operation.seq > pending[0]!.seq && operation.httpStatus !== null).length;
      expect(setup.fake.requests.filter((request) => request.method !== 'GET').length - writesBefore).toBe(remaining);
    } finally {
      await setup.fake.close();
    }
  });

  it('ends as planned after SIGKILLs and resumes', async () => {
    // The uninterrupted run on its own fake gives the Sentry state every interrupted run must reach.
    const reference = await setUp();
    const referenceWorkspace = await Workspace.open(reference.workspace);
    try {
      const snapshot = await referenceWorkspace.readSnapshot(referenceWorkspace.resolveId(reference.snapshotId));
      const plan = buildPlan(snapshot, auditSnapshot(snapshot), { kinds: KINDS }, { allowDeletes: true });
      const result = await executePlan(plan, { writer: scimClients(reference.fake, seed.scim.token, tls.caPem).writer, journal: await ReconcileJournal.open(reference.workspace), runBy: 'reference' });
      expect(result.failed).toBe(0);
    } finally {
      referenceWorkspace.close();
      await reference.fake.close();
    }
    const expected = sentryState(reference.fake);

    const random = randomSequence(20_261_204);
    for (let round = 1; round <= 3; round++) {
      const setup = await setUp();
      try {
        setup.fake.faults.set({ latencyMs: 25 });
        const killPoints: string[] = [];
        const first = Math.floor(random() * 20) + 1;
        const firstDelay = Math.floor(random() * 60);
        killPoints.push(`${first}+${firstDelay}ms`);
        const killed = await runAndKill(applyArgs(setup), first, firstDelay);
        const runId = /^Run (run-\S+) started with (\d+) operations\.$/m.exec(killed.stderr)?.[1];
        expect(runId, `round ${round}: ${killed.stderr}`).toBeDefined();
        expect(killed.status, `round ${round} kill points ${killPoints.join(', ')}`).toBe(128);

        const resumeArgs = ['reconcile', '--workspace', setup.workspace, '--resume', runId as string, '--sentry-url', setup.fake.baseUrl];
        const second = Math.floor(random() * 8) + 1;
        const secondDelay = Math.floor(random() * 60);
        killPoints.push(`${second}+${secondDelay}ms`);
        await runAndKill(resumeArgs, second, secondDelay);

        const finished = await runCliProcess(resumeArgs, env());
        expect(finished.status, `round ${round} kill points ${killPoints.join(', ')}: ${finished.stderr}`).toBe(0);
        expect(sentryState(setup.fake), `round ${round} kill points ${killPoints.join(', ')}`).toEqual(expected);
        expect(duplicates(setup.fake)).toEqual(SEED_DUPLICATES);

        const journal = await ReconcileJournal.open(setup.workspace);
        const run = journal.readRun(runId as string);
        expect(run?.state).toBe('completed');
        expect(run?.operations.filter((operation) => operation.state !== 'done')).toEqual([]);
        expect(run?.operations.every((operation) => operation.verified === true)).toBe(true);
        expect(run?.verificationSnapshotId).toMatch(/^\d{8}-\d{6}-[0-9a-f]{6}$/);
        expect(finished.stdout).toContain(`Reconcile run ${runId} (completed)`);
      } finally {
        await setup.fake.close();
      }
    }
  }, 240_000);
});
