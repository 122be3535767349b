import type { EntraUser } from '../model/snapshot';

/**
 * Entra user attributes the audit can read from a snapshot, by the name Entra's attribute mappings
 * use. `primaryProxyAddress` is Roster's name for the `SMTP:` entry of `proxyAddresses` (Entra has no
 * such attribute, but an expression can produce it), and `otherMails` stands for its first entry
 * because a single-valued target such as userName receives one value.
 */
export const USER_VALUE_SOURCES = [
  'userPrincipalName',
  'originalUserPrincipalName',
  'mail',
  'employeeId',
  'otherMails',
  'primaryProxyAddress',
  'objectId',
  'displayName',
  'givenName',
  'surname',
  'onPremisesImmutableId'
] as const;

export type UserValueSource = (typeof USER_VALUE_SOURCES)[number];

/** A source for userName: an attribute and an optional case transform from `ToLower`/`ToUpper`. */
export interface UserValueRule {
  attribute: UserValueSource;
  transform: 'none' | 'lower' | 'upper';
  /** The rule as Entra's mapping editor shows it, e.g. `[mail]` or `ToLower([mail])`. */
  label: string;
}

const SOURCE_BY_LOWER_NAME = new Map<string, UserValueSource>(USER_VALUE_SOURCES.map((name) => [name.toLowerCase(), name]));

/** Resolves an attribute name case-insensitively, or returns null when the snapshot does not hold it. */
export function findUserValueSource(name: string): UserValueSource | null {
  return SOURCE_BY_LOWER_NAME.get(name.trim().toLowerCase()) ?? null;
}

/** Parses a matching source given by name (`mail`) or as a simple expression (`[mail]`, `ToLower([mail])`). */
export function parseUserValueRule(text: string): UserValueRule | null {
  const trimmed = text.trim();
  const plain = /^\[?\s*([A-Za-z][\w.]*)\s*\]?$/.exec(trimmed);
  if (plain?.[1]) {
    const attribute = findUserValueSource(plain[1]);
    return attribute ? { attribute, transform: 'none', label: `[${attribute}]` } : null;
  }

  // ToLower/ToUpper take an optional culture argument, which does not change ASCII e-mail addresses.
  const cased = /^(ToLower|ToUpper)\(\s*\[\s*([A-Za-z][\w.]*)\s*\]\s*(?:,\s*(?:"[^"]*")?\s*)?\)$/i.exec(trimmed);
  if (cased?.[1] && cased[2]) {
    const attribute = findUserValueSource(cased[2]);
    if (!attribute) return null;
    const transform = cased[1].toLowerCase() === 'tolower' ? 'lower' : 'upper';
    return { attribute, transform, label: `${transform === 'lower' ? 'ToLower' : 'ToUpper'}([${attribute}])` };
  }
  return null;
}

export const DEFAULT_USER_RULE: UserValueRule = { attribute: 'userPrincipalName', transform: 'none', label: '[userPrincipalName]' };

/**
 * Rewrites a B2B guest UPN the way Entra's provisioning service does when userPrincipalName is the
 * source: `alias_theirdomain.com#EXT#@tenant.onmicrosoft.com` becomes `alias@theirdomain.com`.
 * The last `_` before `#EXT#` separates alias and domain, because domains cannot contain `_`.
 */
export function rewriteGuestUpn(upn: string): string {
  if (!upn.includes('#')) return upn;
  const marker = upn.search(/#EXT#/i);
  if (marker < 0) return upn;
  const local = upn.slice(0, marker);
  const split = local.lastIndexOf('_');
  if (split <= 0 || split === local.length - 1) return upn;
  return `${local.slice(0, split)}@${local.slice(split + 1)}`;
}

export function stripSmtpPrefix(address: string): string {
  // Same as replacing /^smtp:/i, without running a regular expression for every proxy address.
  return address.length >= 5 && address.slice(0, 5).toLowerCase() === 'smtp:' ? address.slice(5) : address;
}

export function primaryProxyAddress(user: EntraUser): string | null {
  const primary = user.proxyAddresses.find((address) => address.startsWith('SMTP:'));
  return primary ? stripSmtpPrefix(primary) : null;
}

function readRaw(user: EntraUser, attribute: UserValueSource): string | null {
  switch (attribute) {
    case 'userPrincipalName':
      return user.userPrincipalName === null ? null : rewriteGuestUpn(user.userPrincipalName);
    case 'originalUserPrincipalName':
      return user.userPrincipalName;
    case 'otherMails':
      return user.otherMails[0] ?? null;
    case 'primaryProxyAddress':
      return primaryProxyAddress(user);
    case 'objectId':
      return user.id;
    default:
      return user[attribute];
  }
}

/** Computes the value Entra sends for the rule, or null when the source is empty (Entra then skips the user). */
export function userValue(user: EntraUser, rule: UserValueRule): string | null {
  const raw = readRaw(user, rule.attribute);
  if (raw === null || raw.trim() === '') return null;
  if (rule.transform === 'lower') return raw.toLowerCase();
  if (rule.transform === 'upper') return raw.toUpperCase();
  return raw;
}

/** Lists of lookup keys and the attribute each came from, kept in step by index and reused between users. */
export interface SecondaryKeyList {
  keys: string[];
  attributes: string[];
}

function addKey(list: SecondaryKeyList, value: string | null, attribute: string): void {
  const key = value?.trim().toLowerCase();
  if (!key || list.keys.includes(key)) return;
  list.keys.push(key);
  list.attributes.push(attribute);
}

/**
 * Replaces the contents of `list` with the other addresses and ids of the same person, trimmed and
 * lower-cased, each once, with the attribute it came from. The audit uses them to recognize a Sentry
 * member whose userName differs from the matching value. Filling one list per audit run instead of
 * returning new arrays saves two allocations per user at 100,000 users.
 */
export function collectSecondaryKeys(user: EntraUser, list: SecondaryKeyList): void {
  list.keys.length = 0;
  list.attributes.length = 0;
  const upn = user.userPrincipalName;
  addKey(list, upn, 'userPrincipalName');
  if (upn?.includes('#')) addKey(list, rewriteGuestUpn(upn), 'userPrincipalName');
  addKey(list, user.mail, 'mail');
  for (const address of user.proxyAddresses) addKey(list, stripSmtpPrefix(address), 'proxyAddresses');
  for (const address of user.otherMails) addKey(list, address, 'otherMails');
  addKey(list, user.employeeId, 'employeeId');
}

export function looksLikeEmail(value: string): boolean {
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value);
}
