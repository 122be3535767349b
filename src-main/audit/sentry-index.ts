import type { ScimUser } from '../model/snapshot';

/**
 * Sentry members by lower-cased address, as Sentry's `userName eq` filter finds them: the member's
 * e-mail (userName) or any address Sentry holds for it (`emails[].value`), compared case-insensitively.
 */
export class SentryMemberIndex {
  private readonly byAddress = new Map<string, ScimUser[]>();
  readonly byId = new Map<string, ScimUser>();

  constructor(members: ScimUser[]) {
    for (const member of members) {
      this.byId.set(member.id, member);
      const addresses = new Set([member.userName, ...member.emails.map((email) => email.value)].map((value) => value.trim().toLowerCase()));
      for (const address of addresses) {
        if (address === '') continue;
        const list = this.byAddress.get(address);
        if (list) list.push(member);
        else this.byAddress.set(address, [member]);
      }
    }
  }

  /** Returns the members Sentry's filter `userName eq "value"` would return. */
  find(value: string): ScimUser[] {
    return this.byAddress.get(value.trim().toLowerCase()) ?? [];
  }
}

/** How a member was found for a value: by userName exactly, by userName in another case, or by a secondary address. */
export function matchKind(value: string, member: ScimUser): 'exact' | 'case-insensitive' | 'secondary address' {
  if (member.userName === value) return 'exact';
  if (member.userName.toLowerCase() === value.toLowerCase()) return 'case-insensitive';
  return 'secondary address';
}
