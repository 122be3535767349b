import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SnapshotData } from '../../src-main/model/snapshot';
import { canonicalJson, contentSha256, openSnapshotFile } from '../../src-main/store';
import { canonicalSnapshotData } from '../../src-main/store/canonical';
import { hashContent } from '../../src-main/store/content-hash';
import { sampleData } from './fixture';

// The first implementation hashed one string that contained the whole canonical JSON. Every snapshot
// written so far records a hash made that way, so any other implementation must hash the same bytes.
function hashAsOneString(data: SnapshotData): { sha256: string; jsonLength: number } {
  const json = canonicalJson(canonicalSnapshotData(data));
  return { sha256: createHash('sha256').update(json, 'utf8').digest('hex'), jsonLength: json.length };
}

/** Returns the sample with a provisioning schema that has array-index keys, which canonicalJson writes without JSON.stringify. */
function dataWithIndexKeys(): SnapshotData {
  const data = sampleData();
  data.entra.provisioningSchema = { version: 'v2', '10': { b: 1, a: [2, { z: null, '0': 'zero' }] }, '9': -0, directories: [] };
  return data;
}

/** Returns a tenant of `count` users on each side with unicode, nulls, unsorted lists and missing optional fields. */
function generatedData(count: number): SnapshotData {
  const data = sampleData();
  const names = ['Zoë', '山田', 'Ånne', 'O\'Brien', 'Ⅻ "quoted"', 'tab\there', '🚀 rocket'];
  for (let index = count; index > 0; index -= 1) {
    const name = names[index % names.length] as string;
    data.entra.users.push({
      id: `gen-${index}`,
      userPrincipalName: `user${index}@contoso.example`,
      mail: index % 5 === 0 ? null : `User${index}@contoso.example`,
      proxyAddresses: index % 3 === 0 ? [] : [`smtp:b${index}@contoso.example`, `SMTP:a${index}@contoso.example`],
      otherMails: [],
      givenName: name,
      surname: index % 7 === 0 ? null : `${name}-${index}`,
      displayName: `${name} ${index}`,
      accountEnabled: index % 11 === 0 ? null : index % 2 === 0,
      employeeId: index % 4 === 0 ? null : `E-${index}`,
      userType: index % 9 === 0 ? 'Guest' : 'Member',
      onPremisesImmutableId: null
    });
    data.entra.memberships.push({ groupId: `g-${index % 3}`, memberId: `gen-${index}`, memberType: 'user', relation: index % 2 === 0 ? 'direct' : 'nested' });
    data.sentry.users.push({
      id: String(1000 + index),
      userName: `user${index}@contoso.example`,
      emails: [{ value: `user${index}@contoso.example`, primary: true, type: 'work' }],
      active: index % 13 !== 0,
      sentryOrgRole: index % 17 === 0 ? 'owner' : 'member',
      givenName: name,
      familyName: null
    });
  }
  // Optional fields the model allows to be left out entirely.
  delete (data.entra.users[0] as { userType?: unknown }).userType;
  delete (data.sentry.users[0] as { sentryOrgRole?: unknown }).sentryOrgRole;
  return data;
}

describe('hashContent', () => {
  it('keeps the hash of the sample snapshot', () => {
    expect(contentSha256(sampleData())).toBe('896e183abf3516362052c4847b9f728696a32979fe5938cb0b4f9b91551c8a61');
  });

  it('keeps the hash of a schema with index keys', () => {
    expect(contentSha256(dataWithIndexKeys())).toBe('64dc1b08376b98536644310d0b5082fb72c5032e5188a367a0d8dd0517e80e37');
  });

  it('matches hashing one canonical string', () => {
    const cases: Array<[string, SnapshotData]> = [
      ['sample', sampleData()],
      ['index keys', dataWithIndexKeys()],
      ['generated', generatedData(3_000)]
    ];
    for (const [name, data] of cases) {
      expect(hashContent(data), name).toEqual(hashAsOneString(data));
    }
  });

  it('reports the full path of a value it cannot write', () => {
    const data = sampleData();
    (data.entra.provisioningSchema as { directories: Array<{ objects: unknown[] }> }).directories[0]!.objects.push({ name: 'x', weight: Number.NaN });

    expect(() => contentSha256(data)).toThrow('Cannot write NaN at $.entra.provisioningSchema.directories[0].objects[1].weight as canonical JSON');
  });

  it('verifies the committed demo snapshot', async () => {
    const demo = await openSnapshotFile(join(import.meta.dirname, '../../resources/demo/demo-snapshot.sqlite'));

    expect(demo.meta.contentSha256).toBe('f9c99f5b4b28052faaa95b69bdf63f7255e55f4b556b3a11cdef6fa65a5922ae');
  });
});
