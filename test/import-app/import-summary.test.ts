/**
 * Classifying the importer's missing-part sentences. The samples cover most codes through the handler
 * tests; these are the sentences no sample set produces, written as `assemble-entra.ts` words them.
 */
import { describe, expect, it } from 'vitest';
import { classifyMissing } from '../../src-main/app-services/import-summary';

describe('classifyMissing', () => {
  it('reads the assigned group itself', () => {
    const text = "The assigned group 'Engineering' (96e0a000-0000-4000-8000-000000000001) itself: export GET /groups/96e0a000-0000-4000-8000-000000000001 into groups.json.";

    expect(classifyMissing(text)).toEqual({
      code: 'group',
      group: "'Engineering' (96e0a000-0000-4000-8000-000000000001)",
      groupId: '96e0a000-0000-4000-8000-000000000001',
      userCount: null,
      users: null,
      text
    });
  });

  it('reads transitive members of an unnamed group', () => {
    const text =
      'The transitive members of assigned group 96e0a000-0000-4000-8000-000000000001, which contains nested groups: export GET /groups/96e0a000-0000-4000-8000-000000000001/transitiveMembers as group-transitive-members.96e0a000-0000-4000-8000-000000000001.json.';

    expect(classifyMissing(text)).toEqual({
      code: 'groupTransitiveMembers',
      group: '96e0a000-0000-4000-8000-000000000001',
      groupId: '96e0a000-0000-4000-8000-000000000001',
      userCount: null,
      users: null,
      text
    });
  });

  it('reads the user count and ids', () => {
    const text =
      'The userPrincipalName and accountEnabled of 7 user(s) (u1, u2, u3, u4, u5, ...): export them with GET /users/{id}?$select=id,userPrincipalName,accountEnabled,mail,... into users.json.';

    expect(classifyMissing(text)).toEqual({ code: 'userDetails', group: null, groupId: null, userCount: 7, users: 'u1, u2, u3, u4, u5, ...', text });
  });

  it('keeps an unknown sentence as other', () => {
    const text = 'The moon: export it into moon.json.';

    expect(classifyMissing(text)).toEqual({ code: 'other', group: null, groupId: null, userCount: null, users: null, text });
  });
});
