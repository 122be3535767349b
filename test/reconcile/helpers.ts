import { readFileSync } from 'node:fs';
import { HttpClient } from '../../src-main/http/client';
import { createNodeTransport } from '../../src-main/http/node-transport';
import type { Snapshot } from '../../src-main/model/snapshot';
import { ScimClient } from '../../src-main/scim/client';
import { ScimWriter } from '../../src-main/scim/write-client';
import { Workspace } from '../../src-main/store';
import type { ScimFake } from '../fakes/scim';
import type { Seed } from '../fakes/seed';
import { snapshotFromSeed } from '../fakes/seeds/seed-snapshot';

/** The demo's group and team whose members exceed Sentry's 10,000-member cap on a team's SCIM member list. */
const STORE_ASSOCIATES = 'Store Associates';

export const TEST_RETRY = { maxRetries: 8, baseDelayMs: 5, maxDelayMs: 50 };

/**
 * Reads the demo seed without its Store Associates group, team and their 10,050 people. Their 10,050
 * Sentry members would raise the default deletion threshold to the flat 20, and these tests need the
 * demo's 8 planned deletions to exceed the threshold of 7 that 5% of the other 149 members gives.
 */
export function demoSeed(): Seed {
  const seed = JSON.parse(readFileSync('resources/demo/seed.json', 'utf8')) as Seed;
  const group = seed.graph.groups.find((candidate) => candidate.displayName === STORE_ASSOCIATES);
  const team = seed.scim.groups.find((candidate) => candidate.displayName === STORE_ASSOCIATES);
  if (!group || !team) throw new Error(`resources/demo/seed.json has no "${STORE_ASSOCIATES}" group and team; regenerate it with npx tsx test/fakes/seeds/write-demo.ts.`);

  const associateIds = new Set(group.xMembers);
  const memberIds = new Set(team.xMembers);
  seed.graph.users = seed.graph.users.filter((user) => !associateIds.has(user.id));
  seed.graph.groups = seed.graph.groups.filter((candidate) => candidate !== group);
  for (const servicePrincipal of seed.graph.servicePrincipals) {
    servicePrincipal.xAssignments = servicePrincipal.xAssignments.filter((assignment) => assignment.principalId !== group.id);
  }
  seed.scim.users = seed.scim.users.filter((member) => !memberIds.has(member.id));
  seed.scim.groups = seed.scim.groups.filter((candidate) => candidate !== team);
  return seed;
}

/** Stores the seed's snapshot in the workspace with the fake's URL as the Sentry base URL, as a capture of the fake would. */
export async function writeSeedSnapshot(workspace: Workspace, seed: Seed, baseUrl: string): Promise<Snapshot> {
  const built = snapshotFromSeed(seed, new Date());
  const { id: _id, contentSha256: _hash, ...meta } = built.meta;
  const data = { ...built.data, sentry: { ...built.data.sentry, baseUrl } };
  const written = await workspace.writeSnapshot({ meta: { ...meta, sentryBaseUrl: baseUrl, origin: 'live' }, data });
  return { meta: written, data };
}

export function scimClients(fake: ScimFake, token: string, extraCaPem?: string): { writer: ScimWriter; reader: ScimClient; http: HttpClient } {
  const transport = createNodeTransport(extraCaPem === undefined ? {} : { extraCaPem });
  const http = new HttpClient({ transport, service: 'Sentry SCIM', timeoutMs: 10_000, retry: TEST_RETRY, concurrency: 2 });
  return { writer: new ScimWriter({ baseUrl: fake.baseUrl, token, http }), reader: new ScimClient({ baseUrl: fake.baseUrl, token, http }), http };
}

/** Sentry's members and teams reduced to what a reconcile decides, without ids, sorted for comparison. */
export function sentryState(fake: ScimFake): { members: string[]; teams: string[] } {
  const members = fake.state.listMembers().map((member) => `${member.email.toLowerCase()}|${member.role}`).sort();
  const emailById = new Map(fake.state.listMembers().map((member) => [member.id, member.email.toLowerCase()]));
  const teams = fake.state
    .listTeams()
    .map((team) => `${team.name}|${team.slug}|${[...team.memberIds].map((id) => emailById.get(id) ?? `?${id}`).sort().join(',')}`)
    .sort();
  return { members, teams };
}

/** Counts members per lower-cased e-mail and memberships per team, to prove nothing was created twice. */
export function duplicates(fake: ScimFake): string[] {
  const seen = new Map<string, number>();
  for (const member of fake.state.listMembers()) seen.set(member.email.toLowerCase(), (seen.get(member.email.toLowerCase()) ?? 0) + 1);
  const teamSlugs = new Map<string, number>();
  for (const team of fake.state.listTeams()) teamSlugs.set(team.slug, (teamSlugs.get(team.slug) ?? 0) + 1);
  return [...seen, ...teamSlugs].filter(([, count]) => count > 1).map(([key]) => key);
}
