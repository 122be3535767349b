import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SnapshotData } from '../../src-main/model/snapshot';
import { canonicalJson, contentSha256 } from '../../src-main/store';
import { sampleData } from './fixture';

/** Reverses every array the hash sorts, at every level, leaving the raw provisioning schema alone. */
function reverseLists(data: SnapshotData): SnapshotData {
  const copy = structuredClone(data);
  const { entra, sentry } = copy;
  entra.servicePrincipal.appRoles.reverse();
  entra.servicePrincipal.appRoles.forEach((role) => role.allowedMemberTypes.reverse());
  entra.assignments.reverse();
  entra.users.reverse();
  entra.users.forEach((user) => {
    user.proxyAddresses.reverse();
    user.otherMails.reverse();
  });
  entra.deletedUserIds.reverse();
  entra.groups.reverse();
  entra.groups.forEach((group) => group.groupTypes.reverse());
  entra.memberships.reverse();
  entra.provisioningLogs?.push({ ...entra.provisioningLogs[0]!, id: 'log-0' });
  entra.provisioningLogs?.reverse();
  sentry.users.reverse();
  sentry.users.forEach((user) => user.emails.reverse());
  sentry.groups.reverse();
  sentry.groups.forEach((group) => group.members.reverse());
  return copy;
}

describe('canonicalJson', () => {
  it('sorts keys and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 'é', y: -0 } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"y":0,"z":"é"}}');
  });

  it('orders keys by code unit', () => {
    expect(canonicalJson({ a: 1, B: 2, 'é': 3, _: 4 })).toBe('{"B":2,"_":4,"a":1,"é":3}');
  });

  it('orders array-index keys by code unit', () => {
    expect(canonicalJson({ a: 1, '10': 2, '9': 3, $ref: 4 })).toBe('{"$ref":4,"10":2,"9":3,"a":1}');
  });

  it('keeps a __proto__ key', () => {
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":2}}'))).toBe('{"__proto__":{"x":2},"b":1}');
  });

  it('sorts nested objects inside arrays', () => {
    expect(canonicalJson([{ b: 1, a: 2 }, [{ d: null, c: 'é' }]])).toBe('[{"a":2,"b":1},[{"c":"é","d":null}]]');
  });

  it('drops undefined properties like JSON', () => {
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
  });

  it('uses toJSON like JSON', () => {
    expect(canonicalJson({ at: new Date('2026-01-01T00:00:00Z') })).toBe('{"at":"2026-01-01T00:00:00.000Z"}');
  });

  it('rejects non-finite numbers with the path', () => {
    expect(() => canonicalJson({ list: [1, Number.NaN] })).toThrow('Cannot write NaN at $.list[1] as canonical JSON');
  });

  it('rejects bigint with the path', () => {
    expect(() => canonicalJson({ n: 1n })).toThrow('Cannot write a bigint at $.n as canonical JSON');
  });
});

describe('contentSha256', () => {
  it('hashes the sorted canonical form', () => {
    const data: SnapshotData = {
      entra: {
        tenantId: 't',
        servicePrincipal: { id: 'sp', appId: 'a', displayName: 'S', appRoleAssignmentRequired: null, appRoles: [] },
        assignments: [],
        users: [],
        deletedUserIds: ['b', 'a'],
        groups: [],
        memberships: [],
        provisioningJob: null,
        provisioningSchema: null,
        provisioningLogs: null
      },
      sentry: { baseUrl: 'https://s', orgSlug: 'o', users: [], groups: [] }
    };
    const expectedText =
      '{"entra":{"assignments":[],"deletedUserIds":["a","b"],"groups":[],"memberships":[],"provisioningJob":null,"provisioningLogs":null,' +
      '"provisioningSchema":null,"servicePrincipal":{"appId":"a","appRoleAssignmentRequired":null,"appRoles":[],"displayName":"S","id":"sp"},' +
      '"tenantId":"t","users":[]},"sentry":{"baseUrl":"https://s","groups":[],"orgSlug":"o","users":[]}}';

    expect(contentSha256(data)).toBe(createHash('sha256').update(expectedText, 'utf8').digest('hex'));
  });

  it('ignores the order of every list', () => {
    const data = sampleData();
    data.entra.provisioningLogs?.push({ ...data.entra.provisioningLogs[0]!, id: 'log-0' });
    const reversed = reverseLists(sampleData());

    expect(reversed.entra.users[0]?.id).toBe('u-1');
    expect(contentSha256(reversed)).toBe(contentSha256(data));
  });

  it('changes when one value changes', () => {
    const changed = sampleData();
    changed.sentry.users[0]!.emails[1]!.primary = true;

    expect(contentSha256(changed)).not.toBe(contentSha256(sampleData()));
  });

  it('keeps the order inside the provisioning schema', () => {
    const changed = sampleData();
    (changed.entra.provisioningSchema as { directories: unknown[] }).directories.push({ name: 'second' });
    const swapped = structuredClone(changed);
    (swapped.entra.provisioningSchema as { directories: unknown[] }).directories.reverse();

    expect(contentSha256(swapped)).not.toBe(contentSha256(changed));
  });

  it('tells membership edges apart by relation', () => {
    const nested = sampleData();
    nested.entra.memberships[0]!.relation = 'nested';

    expect(contentSha256(nested)).not.toBe(contentSha256(sampleData()));
  });
});
