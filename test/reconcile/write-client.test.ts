import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpError } from '../../src-main/http/errors';
import { startScimFake, type ScimFake } from '../fakes/scim';
import { demoSeed, scimClients } from './helpers';

const seed = demoSeed();
let fake: ScimFake;

beforeAll(async () => {
  fake = await startScimFake(structuredClone(seed.scim));
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => {
  fake.faults.reset();
});

function writer() {
  return scimClients(fake, seed.scim.token).writer;
}

describe('ScimWriter', () => {
  it('reads a member and a missing one', async () => {
    const member = await writer().getUser('4106');
    expect(member?.userName).toBe('owen.price@contoso.example');
    expect(member?.sentryOrgRole).toBe('member');
    expect(await writer().getUser('999999')).toBeNull();
    expect(await writer().getGroup('999999')).toBeNull();
  });

  it('finds members ignoring case', async () => {
    const found = await writer().findUserByUserName('OWEN.PRICE@contoso.example');
    expect(found?.id).toBe('4106');
    expect(await writer().findUserByUserName('nobody@contoso.example')).toBeNull();
  });

  it('rejects filter values Sentry cannot parse', async () => {
    await expect(writer().findUserByUserName('a,b@contoso.example')).rejects.toThrow(
      `Cannot look up "a,b@contoso.example" in Sentry: its SCIM filter does not accept commas or double quotes in a value. Check the member in Sentry's UI.`
    );
  });

  it('creates a member and resolves a 409', async () => {
    const created = await writer().createUser('new.person@contoso.example', 'manager');
    expect(created.status).toBe(201);
    expect(created.alreadyExisted).toBe(false);
    expect(fake.state.getMember(Number(created.resource.id))?.role).toBe('manager');

    const again = await writer().createUser('new.person@contoso.example', 'manager');
    expect(again.status).toBe(409);
    expect(again.alreadyExisted).toBe(true);
    expect(again.resource.id).toBe(created.resource.id);
  });

  it('deletes a member once', async () => {
    const member = fake.state.addMember({ email: 'leaving@contoso.example' });
    expect(await writer().deleteUser(String(member.id))).toEqual({ status: 204, outcome: 'deleted' });
    expect(await writer().deleteUser(String(member.id))).toEqual({ status: 404, outcome: 'already_gone' });
  });

  it('changes a role with PUT', async () => {
    const member = fake.state.addMember({ email: 'role.change@contoso.example' });
    const result = await writer().setUserRole(String(member.id), 'billing');
    expect(result.status).toBe(200);
    expect(result.user.sentryOrgRole).toBe('billing');
  });

  it('rejects owner as a role', async () => {
    const member = fake.state.addMember({ email: 'would.be.owner@contoso.example' });
    const attempt = writer().setUserRole(String(member.id), 'owner');
    await expect(attempt).rejects.toBeInstanceOf(HttpError);
    await expect(attempt).rejects.toMatchObject({ status: 400, detail: 'Invalid organization role.' });
  });

  it('creates, fills, renames and empties a team', async () => {
    const team = await writer().createGroup('Release Crew');
    expect(team.status).toBe(201);
    expect(fake.state.getTeam(Number(team.resource.id))?.slug).toBe('release-crew');
    expect((await writer().createGroup('Release Crew')).alreadyExisted).toBe(true);

    expect(await writer().addGroupMembers(team.resource.id, ['4106', '4107'])).toEqual({ status: 204 });
    expect([...(fake.state.getTeam(Number(team.resource.id))?.memberIds ?? [])]).toEqual([4106, 4107]);

    expect(await writer().removeGroupMember(team.resource.id, '4107')).toEqual({ status: 204 });
    expect([...(fake.state.getTeam(Number(team.resource.id))?.memberIds ?? [])]).toEqual([4106]);

    expect(await writer().renameGroup(team.resource.id, 'Release Team')).toEqual({ status: 204 });
    expect(fake.state.getTeam(Number(team.resource.id))?.slug).toBe('release-team');
    expect((await writer().findGroupByName('Release Team'))?.id).toBe(team.resource.id);
  });

  it('reports a rename to a taken slug', async () => {
    await expect(writer().renameGroup('303', 'Engineering')).rejects.toMatchObject({ status: 400, detail: 'slug: The slug "engineering" is already in use.' });
  });
});
