/**
 * Sentry's team slug rule: Django's `slugify` applied to the SCIM `displayName`.
 *
 * Django (django/utils/text.py) decomposes to NFKD and drops non-ASCII, lower-cases, deletes every
 * character that is not a word character, whitespace or hyphen, folds runs of whitespace and hyphens
 * into one `-`, and strips `-` and `_` from both ends. Python's `\s` also matches the ASCII
 * separators \x1c-\x1f, which JavaScript's does not, so they are listed explicitly.
 */
// The control characters below are Python's \s separators, matched on purpose.
/* eslint-disable no-control-regex */
export function sentrySlug(displayName: string): string {
  const ascii = displayName.normalize('NFKD').replace(/[^\x00-\x7f]/g, '');
  const kept = ascii.toLowerCase().replace(/[^\w\s\x1c-\x1f-]/g, '');
  return kept.replace(/[-\s\x1c-\x1f]+/g, '-').replace(/^[-_]+|[-_]+$/g, '');
}
/* eslint-enable no-control-regex */

export const MAX_SLUG_LENGTH = 50;
export const MAX_TEAM_NAME_LENGTH = 64;

/** Why Sentry would refuse a slug, or null when it is valid (`^(?![0-9]+$)[a-z0-9_\-]+$`, at most 50 characters). */
export function slugProblem(slug: string): 'empty' | 'numeric' | 'too_long' | 'invalid' | null {
  if (slug.length === 0) return 'empty';
  if (slug.length > MAX_SLUG_LENGTH) return 'too_long';
  if (/^[0-9]+$/.test(slug)) return 'numeric';
  if (!/^[a-z0-9_-]+$/.test(slug)) return 'invalid';
  return null;
}
