import type { DeletionCheck } from './types';

/** Default ceiling on member deletions per run, like Entra's accidental-deletion prevention. */
export const DEFAULT_MAX_DELETES = 20;
/** Default ceiling as a share of the organization's members; the lower of the two ceilings applies. */
export const DEFAULT_MAX_DELETE_SHARE = 0.05;

/** Computes the deletion threshold for `memberCount` members: 20 or 5% of them, whichever is lower, rounded down. */
export function defaultDeleteThreshold(memberCount: number): number {
  return Math.min(DEFAULT_MAX_DELETES, Math.floor(memberCount * DEFAULT_MAX_DELETE_SHARE));
}

/**
 * Compares a plan's deletions with the threshold and explains a rejection. `maxDeletes` replaces the
 * default threshold for one run, as the person confirms with `--max-deletes N`.
 */
export function checkDeletions(count: number, memberCount: number, maxDeletes: number | null): { check: DeletionCheck; rejection: string | null } {
  const threshold = maxDeletes ?? defaultDeleteThreshold(memberCount);
  const check: DeletionCheck = { count, threshold, thresholdSource: maxDeletes === null ? 'default' : 'max-deletes', memberCount };
  if (count <= threshold) return { check, rejection: null };

  const rule =
    maxDeletes === null
      ? `the default threshold of ${threshold} (${DEFAULT_MAX_DELETES} or ${DEFAULT_MAX_DELETE_SHARE * 100}% of ${memberCount} members, whichever is lower)`
      : `the threshold of ${threshold} set with --max-deletes`;
  return {
    check,
    rejection: `Plan rejected: it deletes ${count} members, more than ${rule}. Review the deletions, then rerun with --max-deletes ${count} to allow them for this run.`
  };
}
