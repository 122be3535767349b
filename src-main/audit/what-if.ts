import type { WhatIfCandidate, WhatIfResult } from '../model/audit-result';
import type { EntraUser, Snapshot } from '../model/snapshot';
import { parseSourceOverride, resolveConfig } from './config';
import { buildPopulation } from './population';
import { SentryMemberIndex } from './sentry-index';
import { userValue, type UserValueRule } from './user-values';

export const DEFAULT_WHAT_IF_CANDIDATES = ['userPrincipalName', 'mail', 'employeeId', 'otherMails', 'primaryProxyAddress'];

function sameRule(a: UserValueRule, b: UserValueRule): boolean {
  return a.attribute === b.attribute && a.transform === b.transform;
}

function ruleName(rule: UserValueRule): string {
  return rule.transform === 'none' ? rule.attribute : rule.label;
}

/**
 * Re-runs user matching with other sources for userName and counts, per source, how many in-scope
 * users Entra would link to an existing member, create, stop on as duplicates or skip, and how many
 * members no user would match. With `previous`, a user whose current value finds nothing but whose
 * value in the previous snapshot found exactly one member counts as linked for the rule in use today,
 * because Entra keeps using the member id it cached.
 */
export function whatIf(snapshot: Snapshot, options: { candidates?: string[]; previous?: Snapshot | null } = {}): WhatIfResult {
  const config = resolveConfig(snapshot, null);
  const population = buildPopulation(snapshot.data, config);
  const index = new SentryMemberIndex(snapshot.data.sentry.users);
  const inScope = [...population.scopes.values()].filter((scope) => scope.status === 'in_scope' && scope.user !== null).map((scope) => scope.user as EntraUser);
  const previousUsers = new Map((options.previous?.data.entra.users ?? []).map((user) => [user.id, user]));

  const rules: UserValueRule[] = [];
  for (const name of options.candidates ?? [...DEFAULT_WHAT_IF_CANDIDATES, config.userRule.label]) {
    const rule = parseSourceOverride(name);
    if (!rules.some((known) => sameRule(known, rule))) rules.push(rule);
  }

  const candidates = rules.map((rule): WhatIfCandidate => {
    const current = sameRule(rule, config.userRule);
    const values = inScope.map((user) => userValue(user, rule));
    const valueCounts = new Map<string, number>();
    for (const value of values) if (value !== null) valueCounts.set(value.toLowerCase(), (valueCounts.get(value.toLowerCase()) ?? 0) + 1);

    const counts = { link: 0, create: 0, duplicate: 0, skip: 0 };
    const matched = new Set<string>();
    inScope.forEach((user, position) => {
      const value = values[position] ?? null;
      if (value === null) {
        counts.skip += 1;
        return;
      }
      let members = index.find(value);
      const previousUser = current ? previousUsers.get(user.id) : undefined;
      if (members.length === 0 && previousUser) {
        const previousValue = userValue(previousUser, rule);
        const previousMembers = previousValue === null ? [] : index.find(previousValue);
        if (previousMembers.length === 1) members = previousMembers;
      }
      for (const member of members) matched.add(member.id);

      if (members.length > 1 || (valueCounts.get(value.toLowerCase()) ?? 0) > 1) counts.duplicate += 1;
      else if (members.length === 1) counts.link += 1;
      else counts.create += 1;
    });

    const orphaned = snapshot.data.sentry.users.filter((member) => !matched.has(member.id)).length;
    return { sourceAttribute: ruleName(rule), ...counts, orphaned, current };
  });

  return { snapshotId: snapshot.meta.id, candidates };
}
