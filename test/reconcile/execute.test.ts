import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditSnapshot } from '../../src-main/audit';
import type { Snapshot } from '../../src-main/model/snapshot';
import { buildPlan, executePlan, PauseGate, remediationRows, resumeRun, verifyRun, type PlanOptions, type PlanSelection } from '../../src-main/reconcile';
import { Workspace } from '../../src-main/store';
import { ReconcileJournal } from '../../src-main/store/journal';
import { startScimFake, type ScimFake } from '../fakes/scim';
import { demoSeed, duplicates, scimClients, writeSeedSnapshot } from './helpers';

const seed = demoSeed();
/** The demo seed contains one person twice on purpose (a user.duplicate_in_sentry finding); reconcile must add no others. */
const SEED_DUPLICATES = ['tomasz.nowak@contoso.example'];
let fake: ScimFake;
let folder: string;
let workspace: Workspace;
let journal: ReconcileJournal;
let snapshot: Snapshot;

beforeEach(async () => {
  fake = await startScimFake(structuredClone(seed.scim));
  folder = mkdtempSync(join(tmpdir(), 'roster-reconcile-'));
  workspace = await Workspace.open(folder);
  journal = await ReconcileJournal.open(folder);
  snapshot = await writeSeedSnapshot(workspace, seed, fake.baseUrl);
});

afterEach(async () => {
  workspace.close();
  await fake.close();
  rmSync(folder, { recursive: true, force: true });
});

function plan(selection: PlanSelection, options: PlanOptions = {}) {
  return buildPlan(snapshot, auditSnapshot(snapshot), selection, options);
}

function run(planned: ReturnType<typeof plan>, extra: { signal?: AbortSignal; pause?: PauseGate } = {}) {
  return executePlan(planned, { writer: scimClients(fake, seed.scim.token).writer, journal, runBy: 'auditor', ...extra });
}

function writes(): string[] {
  return fake.requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.path} ${request.status}`);
}

function member(email: string) {
  return fake.state.findMembersByEmail(email)[0];
}

describe('reconcile operations', () => {
  it('applies every operation kind and verifies it', async () => {
    const planned = plan({}, { allowDeletes: true, recreateMismatched: true, maxDeletes: 12 });
    const result = await run(planned);

    expect(result.state).toBe('completed');
    expect(result.failed).toBe(0);
    expect(result.operations.map((operation) => operation.state)).toEqual(planned.operations.map(() => 'done'));

    expect(member('grace.liu@contoso.example')?.role).toBe('member');
    expect(member('priya.raman@contoso.example')?.pending).toBe(true);
    expect(fake.state.getMember(4110)).toBeUndefined();
    expect(fake.state.getMember(4106)).toBeUndefined();
    expect(fake.state.getMember(4101)?.role).toBe('owner');
    expect(fake.state.getMember(4120)?.role).toBe('billing');
    expect(fake.state.getMember(4105)?.role).toBe('admin');
    expect(fake.state.getMember(4102)?.role).toBe('owner');
    expect(fake.state.getTeam(303)?.name).toBe('Mobile Developers');
    expect(fake.state.getTeam(301)?.memberIds.has(4115)).toBe(true);
    expect(fake.state.getTeam(301)?.memberIds.has(4128)).toBe(false);
    expect(fake.state.getMember(4128)).toBeUndefined();
    expect([...(fake.state.findTeamBySlug('data-platform')?.memberIds ?? [])]).toEqual([4216, 4217, 4218, 4219, 4220, 4221, 4222]);
    expect(fake.state.findTeamBySlug('security-champions')?.memberIds.size).toBe(5);
    expect(duplicates(fake)).toEqual(SEED_DUPLICATES);

    const membershipChanges = writes().filter((line) => line.startsWith('PATCH /api/0/organizations/contoso/scim/v2/Groups/301') || line.startsWith('PATCH /api/0/organizations/contoso/scim/v2/Groups/305'));
    expect(membershipChanges).toEqual([
      'PATCH /api/0/organizations/contoso/scim/v2/Groups/301 204',
      'PATCH /api/0/organizations/contoso/scim/v2/Groups/305 204',
      'PATCH /api/0/organizations/contoso/scim/v2/Groups/301 204',
      'PATCH /api/0/organizations/contoso/scim/v2/Groups/301 204',
      'PATCH /api/0/organizations/contoso/scim/v2/Groups/305 204'
    ]);
    const removeOperation = planned.operations.find((operation) => operation.kind === 'team.remove_member');
    expect(removeOperation?.body).toEqual({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'Remove', path: 'members', value: [{ value: '4128' }] }] });

    const { reader } = scimClients(fake, seed.scim.token);
    const verification = await verifyRun(result.runId, { scim: reader, workspace, journal, snapshot, runBy: 'auditor', toolVersion: 'test' });
    expect(verification.operations.filter((operation) => operation.verified !== true)).toEqual([]);
    const stored = await workspace.readSnapshot(verification.snapshotId);
    expect(stored.meta.warnings[0]).toBe(`The Entra side was copied from snapshot ${snapshot.meta.id}; only Sentry was read again, to verify reconcile run ${result.runId}.`);
    expect(stored.meta.origin).toBe('live');
    expect(stored.data.entra).toEqual(snapshot.data.entra);
    // The 94-character address stays missing: the plan skipped it because Sentry limits userName to 75 characters.
    expect(verification.audit.countsByKind['user.missing_in_sentry']).toBe(1);
    expect(verification.audit.countsByKind['group.missing_in_sentry']).toBeUndefined();
    expect(verification.audit.countsByKind['user.role_mismatch']).toBe(1);

    const rows = remediationRows(journal.readRun(result.runId)!);
    const deleteRow = rows.find((row) => row.operation === 'DELETE /Users/4106');
    expect(deleteRow).toMatchObject({ state: 'done', httpStatus: 204, runBy: 'auditor', findingKind: 'user.disabled_in_entra', verified: true, verificationSnapshotId: verification.snapshotId });
    const addRow = rows.find((row) => row.consequence === 'Sentry adds umar.conti@contoso.example to the new team "Data Platform".');
    expect(addRow?.operation).toBe(`PATCH /Groups/${fake.state.findTeamBySlug('data-platform')?.id}`);
  });

  it('sends nothing when the plan runs twice', async () => {
    const planned = plan({}, { allowDeletes: true, maxDeletes: 12 });
    await run(planned);
    const sentBefore = writes().length;

    const again = await run(planned);
    expect(again.failed).toBe(0);
    expect(writes()).toHaveLength(sentBefore);
    expect(again.operations.every((operation) => operation.state === 'done' || operation.state === 'skipped')).toBe(true);
    const create = again.operations.find((operation) => (operation.body as { userName?: string } | null)?.userName === 'grace.liu@contoso.example');
    expect(create?.reason).toBe(`grace.liu@contoso.example is already a member (id ${member('grace.liu@contoso.example')?.id}); nothing sent.`);
    expect(again.operations.find((operation) => operation.path === '/Users/4106')?.reason).toBe('Member 4106 is already gone; nothing sent.');
  });

  it('skips members changed after the snapshot', async () => {
    fake.state.updateMember(4106, { role: 'admin' });
    fake.state.updateMember(4107, { email: 'someone.else@contoso.example' });
    fake.state.updateMember(4120, { role: 'manager' });
    fake.state.updateTeam(303, { name: 'Mobile Apps', slug: 'mobile-apps' });
    const planned = plan({ kinds: ['user.disabled_in_entra', 'user.role_mismatch', 'group.name_mismatch'] }, { allowDeletes: true });
    const result = await run(planned);

    const reasons = new Map(result.operations.map((operation) => [operation.path, `${operation.state}: ${operation.reason}`]));
    expect(reasons.get('/Users/4106')).toBe('skipped: The role of owen.price@contoso.example changed from member to admin since the snapshot; nothing deleted.');
    expect(reasons.get('/Users/4107')).toBe('skipped: Member 4107 is now someone.else@contoso.example, not peter.hall@contoso.example; nothing deleted.');
    expect(reasons.get('/Users/4120')).toBe('skipped: The role of chloe.martin@contoso.example changed from member to manager since the snapshot; role left unchanged.');
    expect(reasons.get('/Groups/303')).toBe('skipped: Team 303 is now named "Mobile Apps", not "Mobile developers".');
    expect(fake.state.getMember(4106)).toBeDefined();
    expect(fake.state.getMember(4107)).toBeDefined();
    expect(writes().filter((line) => /Users\/41(06|07|20) /.test(line) || line.includes('Groups/303'))).toEqual([]);
    expect(result.failed).toBe(0);
  });

  it('retries a burst of 429s without duplicates', async () => {
    fake.faults.set({ tooManyRequests: { remaining: 6, retryAfterSeconds: 0 } });
    const planned = plan({ kinds: ['user.missing_in_sentry', 'group.missing_in_sentry', 'group.member_missing_in_sentry'] });
    const result = await run(planned);

    expect(fake.faults.injected.tooManyRequests).toBe(6);
    expect(result.failed).toBe(0);
    expect(result.operations.map((operation) => operation.state)).toEqual(planned.operations.map(() => 'done'));
    expect(duplicates(fake)).toEqual(SEED_DUPLICATES);
    expect(writes().filter((line) => line.startsWith('POST') && line.endsWith(' 201'))).toHaveLength(7);
    expect(fake.requests.filter((request) => request.status === 429)).toHaveLength(6);
  });

  it('treats a 409 on create as done', async () => {
    fake.afterPage(/Users\?filter=userName%20eq%20%22grace\.liu/, 1, () => fake.state.addMember({ email: 'grace.liu@contoso.example', pending: true }));
    fake.afterPage(/Groups\?filter=displayName%20eq%20%22data-platform/, 1, () => fake.state.addTeam('Data Platform'));
    const planned = plan({ kinds: ['user.missing_in_sentry', 'group.missing_in_sentry'] });
    const result = await run(planned);

    const grace = result.operations.find((operation) => (operation.body as { userName?: string } | null)?.userName === 'grace.liu@contoso.example');
    expect(grace).toMatchObject({ state: 'done', httpStatus: 409, resultId: String(member('grace.liu@contoso.example')?.id) });
    expect(grace?.responseSummary).toBe(`409, and the filter found member ${member('grace.liu@contoso.example')?.id}`);
    const team = result.operations.find((operation) => operation.kind === 'team.create' && operation.httpStatus === 409);
    expect(team?.resultId).toBe(String(fake.state.findTeamBySlug('data-platform')?.id));
    expect(fake.state.findTeamBySlug('data-platform')?.memberIds.size).toBe(7);
    expect(fake.state.findMembersByEmail('grace.liu@contoso.example')).toHaveLength(1);
    expect(result.failed).toBe(0);
  });

  it('cancels while paused and resumes', async () => {
    const planned = plan({ kinds: ['user.missing_in_sentry'] });
    const gate = new PauseGate();
    const controller = new AbortController();
    const seen: string[] = [];
    const running = executePlan(planned, {
      writer: scimClients(fake, seed.scim.token).writer, journal, runBy: 'auditor', signal: controller.signal, pause: gate,
      onProgress: (event) => {
        seen.push(event.type);
        if (event.type === 'finished' && event.position === 2) gate.pause();
        if (event.type === 'paused') controller.abort();
      }
    });
    const cancelled = await running;
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.operations.map((operation) => operation.state)).toEqual(['done', 'done', 'planned', 'planned', 'planned']);
    expect(seen.slice(-1)).toEqual(['paused']);
    expect(journal.readRun(cancelled.runId)?.state).toBe('cancelled');

    const resumed = await resumeRun(cancelled.runId, { writer: scimClients(fake, seed.scim.token).writer, journal, runBy: 'second auditor' });
    expect(resumed.state).toBe('completed');
    expect(resumed.operations.map((operation) => operation.runBy)).toEqual(['auditor', 'auditor', 'second auditor', 'second auditor', 'second auditor']);
    expect(writes().filter((line) => line.startsWith('POST /api/0/organizations/contoso/scim/v2/Users'))).toHaveLength(5);
  });
});

describe('reconcile guards', () => {
  it('rejects a plan over the deletion threshold', async () => {
    const planned = plan({}, { allowDeletes: true });
    expect(planned.deletions).toEqual({ count: 8, threshold: 7, thresholdSource: 'default', memberCount: 149 });
    expect(planned.rejection).toBe(
      'Plan rejected: it deletes 8 members, more than the default threshold of 7 (20 or 5% of 149 members, whichever is lower). Review the deletions, then rerun with --max-deletes 8 to allow them for this run.'
    );
    await expect(run(planned)).rejects.toThrow(planned.rejection!);
    expect(fake.requests).toEqual([]);

    const raised = plan({}, { allowDeletes: true, maxDeletes: 7 });
    expect(raised.rejection).toBe('Plan rejected: it deletes 8 members, more than the threshold of 7 set with --max-deletes. Review the deletions, then rerun with --max-deletes 8 to allow them for this run.');
    expect(plan({}, { allowDeletes: true, maxDeletes: 8 }).rejection).toBeNull();
  });

  it('lists blocked deletions with their toggle', () => {
    const planned = plan({ kinds: ['user.orphaned_in_sentry', 'user.matching_attribute_mismatch'] }, {});
    expect(planned.operations).toEqual([]);
    const owner = planned.skipped.find((item) => item.description === 'delete member sentry-admin@contoso.example');
    expect(owner).toMatchObject({ reason: 'Deleting members is off.', toggle: '--allow-deletes' });
    const recreate = planned.skipped.find((item) => item.findingKind === 'user.matching_attribute_mismatch');
    expect(recreate).toMatchObject({ toggle: '--recreate-mismatched', reason: "Sentry's userName cannot be changed, and recreating members is off." });
    expect(planned.advice.map((advice) => advice.alternativeSource)).toEqual(['primaryProxyAddress', 'userPrincipalName']);
    expect(planned.advice[0]?.whatIf?.sourceAttribute).toBe('primaryProxyAddress');
    expect(planned.advice[1]?.whatIf).toEqual({ sourceAttribute: 'userPrincipalName', link: 136, create: 7, duplicate: 1, skip: 0, orphaned: 11, current: false });

    const withDeletes = plan({ kinds: ['user.orphaned_in_sentry'] }, { allowDeletes: true });
    expect(withDeletes.skipped).toEqual([
      {
        findingId: owner?.findingId, findingKind: 'user.orphaned_in_sentry', description: 'delete member sentry-admin@contoso.example',
        reason: 'sentry-admin@contoso.example is an owner, and changes to owners are off.', toggle: '--allow-owner-changes'
      }
    ]);
  });

  it('never removes the last owner', async () => {
    const oneOwner: Snapshot = structuredClone(snapshot);
    const other = oneOwner.data.sentry.users.find((user) => user.id === '4102')!;
    other.sentryOrgRole = 'admin';
    const planned = buildPlan(oneOwner, auditSnapshot(oneOwner), { kinds: ['user.orphaned_in_sentry'] }, { allowDeletes: true, allowOwnerChanges: true });
    expect(planned.skipped.map((item) => `${item.description}: ${item.reason} (${item.toggle})`)).toEqual([
      'delete member sentry-admin@contoso.example: sentry-admin@contoso.example is the last owner of the organization, and Roster never removes the last owner. (null)'
    ]);
    expect(planned.operations.some((operation) => operation.path === '/Users/4101')).toBe(false);
  });

  it('records Sentry refusing the last owner as failed', async () => {
    fake.state.updateMember(4102, { role: 'admin' });
    const planned = plan({ kinds: ['user.orphaned_in_sentry'] }, { allowDeletes: true, allowOwnerChanges: true });
    const withoutStale = { ...planned, operations: planned.operations.filter((operation) => operation.path === '/Users/4101') };
    const result = await run(withoutStale);

    expect(result.failed).toBe(1);
    expect(result.operations.find((operation) => operation.path === '/Users/4101')).toMatchObject({
      state: 'failed',
      httpStatus: 403,
      responseSummary: 'You cannot remove the only remaining owner of the organization.'
    });
    expect(fake.state.getMember(4101)?.role).toBe('owner');
  });

  it('skips owner role changes and owner creation', () => {
    const planned = plan({ kinds: ['user.role_mismatch'] });
    expect(planned.skipped).toEqual([
      expect.objectContaining({
        description: 'change role of mira.kovacs@contoso.example to admin',
        reason: "Sentry leaves an owner's role unchanged when SCIM sets it (PUT returns 200 and changes nothing). Change it in Sentry.",
        toggle: null
      })
    ]);
  });

  it('rejects another Sentry URL', async () => {
    const other = await startScimFake(structuredClone(seed.scim));
    try {
      const planned = plan({ kinds: ['user.role_mismatch'] });
      const attempt = executePlan(planned, { writer: scimClients(other, seed.scim.token).writer, journal, runBy: 'auditor' });
      await expect(attempt).rejects.toThrow(`The plan was made for Sentry SCIM at ${fake.baseUrl}, but the SCIM URL given is ${other.baseUrl}. Pass the same --sentry-url as the snapshot's.`);
      expect(other.requests).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('stops at a rejected token', async () => {
    const planned = plan({ kinds: ['user.missing_in_sentry'] });
    const result = await executePlan(planned, { writer: scimClients(fake, 'not-the-token').writer, journal, runBy: 'auditor' });

    expect(result.state).toBe('cancelled');
    expect(result.stoppedBecause).toBe(`Sentry rejected the SCIM token (HTTP 401) at operation ${planned.operations[0]!.seq}, so the run stopped there.`);
    expect(result.operations.map((operation) => operation.state)).toEqual(['failed', ...planned.operations.slice(1).map(() => 'planned')]);
    expect(fake.requests.map((request) => request.status)).toEqual([401]);
  });

  it('names an unknown finding id', () => {
    expect(() => plan({ findingIds: ['user.missing_in_sentry:0000'] })).toThrow(
      `Finding "user.missing_in_sentry:0000" is not in the audit of snapshot ${snapshot.meta.id}. Run \`roster audit --snapshot ${snapshot.meta.id} --format json\` to list the finding ids.`
    );
  });
});
