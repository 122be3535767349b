import type { ScimUser } from '../model/snapshot';

/**
 * Sentry members by lower-cased address, as Sentry's `userName eq` filter finds them: the member's
 * e-mail (userName) or any address Sentry holds for it (`emails[].value`), compared case-insensitively.
 * NOTE: Sentry's filter also matches every address of the member's linked Sentry account, which SCIM
 * does not return, so the audit can report a user as missing whom Entra would in fact link.
 */
const NOTHING: ScimUser[] = [];

/** Returns the form in which the index stores an address: trimmed and lower-cased. */
export function memberKey(value: string): string {
  return value.trim().toLowerCase();
}

export class SentryMemberIndex {
  private readonly byAddress = new Map<string, ScimUser[]>();
  readonly byId = new Map<string, ScimUser>();
  /**
   * Whether some stored address lacks an `@`. In most organizations none does, and then a key
   * without one (an employee id, say) cannot be found, so `findNormalized` skips the map lookup.
   */
  private hasAddressWithoutAt = false;

  constructor(members: ScimUser[]) {
    for (const member of members) {
      this.byId.set(member.id, member);
      const userName = memberKey(member.userName);
      this.add(userName, member);
      for (const email of member.emails) {
        const address = memberKey(email.value);
        if (address !== userName) this.add(address, member);
      }
    }
  }

  private add(address: string, member: ScimUser): void {
    if (address === '') return;
    if (!address.includes('@')) this.hasAddressWithoutAt = true;
    const list = this.byAddress.get(address);
    if (!list) this.byAddress.set(address, [member]);
    else if (!list.includes(member)) list.push(member);
  }

  /** Returns the members Sentry's filter `userName eq "value"` would return. */
  find(value: string): ScimUser[] {
    return this.findNormalized(memberKey(value));
  }

  /** Same as `find` for a value that `memberKey` has already normalized. */
  findNormalized(key: string): ScimUser[] {
    if (!this.hasAddressWithoutAt && !key.includes('@')) return NOTHING;
    return this.byAddress.get(key) ?? NOTHING;
  }
}

/** Classifies how a value found a member: by userName exactly, by userName in another case, or by a secondary address. */
export function matchKind(value: string, member: ScimUser): 'exact' | 'case-insensitive' | 'secondary address' {
  if (member.userName === value) return 'exact';
  if (member.userName.toLowerCase() === value.toLowerCase()) return 'case-insensitive';
  return 'secondary address';
}
