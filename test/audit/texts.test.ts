import { describe, expect, it } from 'vitest';
import { describeFinding } from '../../src-main/audit';
import { FINDING_KINDS, type Finding, type FindingKind } from '../../src-main/model/finding';

/** Details as the audit fills them for each kind, so every text branch has its values. */
const DETAILS: Record<FindingKind, Finding['details']> = {
  'user.missing_in_sentry': { user: 'ann@corp.example', matchValue: 'ann@corp.example', sourceAttribute: 'userPrincipalName', valueIsEmail: true, scopeReason: 'assigned directly' },
  'user.orphaned_in_sentry': { sentryUserName: 'dave@corp.example', sentryOrgRole: 'member', reason: 'no_entra_user', user: null, failedClause: null, provisionedByEntra: false, syncAll: false },
  'user.disabled_in_entra': { user: 'eve@corp.example', state: 'disabled', sentryUserName: 'eve@corp.example', linkedByEntra: null },
  'user.matching_attribute_mismatch': { user: 'frank@corp.example', matchValue: 'frank@corp.example', sourceAttribute: 'userPrincipalName', sentryUserName: 'fm@corp.example', secondaryAttribute: 'mail', secondaryValue: 'fm@corp.example' },
  'user.case_only_difference': { user: 'Grace@corp.example', matchValue: 'Grace@corp.example', sentryUserName: 'grace@corp.example' },
  'user.duplicate_in_sentry': { user: 'heidi@corp.example', matchValue: 'heidi@corp.example', sentryUserNames: 'heidi@corp.example, HEIDI@corp.example', count: 2, cause: 'matching' },
  'user.nested_group_only': { user: 'judy@corp.example', nestedIn: 'Engineering', sentryUserName: null },
  'user.unmatchable': { user: 'ken@corp.example', sourceAttribute: 'mail', sentryUserName: null },
  'user.role_mismatch': { user: 'mia@corp.example', sentryUserName: 'mia@corp.example', appRole: 'admin', expectedRole: 'admin', sentryRole: 'member', schemaMapsRole: false, ownerInvolved: false },
  'group.missing_in_sentry': { groupName: 'Data Science', slug: 'data-science', slugProblem: null },
  'group.slug_collision': { slug: 'platform-team', groupNames: 'Platform Team, platform-team!', teamName: null },
  'group.name_mismatch': { groupName: 'Platform Team', teamName: 'platform team', slug: 'platform-team', teamSlug: 'platform-team', previousTeamName: null, cause: 'same_slug' },
  'group.unmanaged_in_sentry': { teamName: 'Legacy', slug: 'legacy', memberCount: 3 },
  'group.member_missing_in_sentry': { groupName: 'Platform', teamName: 'Platform', member: 'bob@corp.example', user: 'bob@corp.example' },
  'group.member_extra_in_sentry': { groupName: 'Platform', teamName: 'Platform', member: 'mallory@corp.example', managedByEntra: false },
  'group.member_list_truncated': { teamName: 'Everyone', memberCount: 10000 }
};

describe('describeFinding', () => {
  it.each(FINDING_KINDS.map((kind) => [kind]))('%s has English and German texts', (kind) => {
    const english = describeFinding({ kind, details: DETAILS[kind] }, 'en');
    const german = describeFinding({ kind, details: DETAILS[kind] }, 'de');

    for (const text of [english.explanation, english.recommendedAction, german.explanation, german.recommendedAction]) {
      expect(text.length).toBeGreaterThan(15);
      // A `?` in place of a value means the text reads a detail the audit does not fill.
      expect(text).not.toMatch(/"\?"|„\?“| \? /);
    }
    expect(german.explanation).not.toBe(english.explanation);
    expect(german.recommendedAction).not.toBe(english.recommendedAction);
  });

  it('renders the values in both languages', () => {
    const details = DETAILS['user.missing_in_sentry'];
    expect(describeFinding({ kind: 'user.missing_in_sentry', details }, 'en').explanation).toBe(
      'No Sentry member has userName "ann@corp.example", so Entra sends POST /Users on its next cycle and Sentry creates a pending invite for that address.'
    );
    expect(describeFinding({ kind: 'user.missing_in_sentry', details }, 'de').explanation).toBe(
      'In Sentry gibt es kein Mitglied mit dem userName „ann@corp.example“. Entra schickt deshalb im nächsten Zyklus POST /Users, und Sentry legt für diese Adresse eine offene Einladung an.'
    );
  });

  it('rejects unknown kinds and languages', () => {
    expect(() => describeFinding({ kind: 'user.gone' as FindingKind, details: {} }, 'en')).toThrow('Unknown finding kind "user.gone"');
    expect(() => describeFinding({ kind: 'user.unmatchable', details: {} }, 'fr' as 'en')).toThrow('Unsupported language "fr"');
  });
});
