import { assignGroup, assignUser, direct, entraGroup, entraUser, scimUser, snapshot, team } from './builders';

/**
 * Builds a tenant of `size` users on each side: half assigned directly, half through 100 groups, with every
 * tenth member renamed so that mismatch, missing and orphan paths all run.
 */
export function largeTenant(size: number): ReturnType<typeof snapshot> {
  const users = [];
  const members = [];
  const assignments = [];
  const memberships = [];
  const groups = [];
  const teams = [];
  for (let group = 0; group < 100; group++) {
    groups.push(entraGroup(`g${group}`, `Group ${group}`));
    assignments.push(assignGroup(`g${group}`));
    teams.push(team(`t${group}`, `Group ${group}`, []));
  }
  for (let index = 0; index < size; index++) {
    const upn = `user${index}@corp.example`;
    users.push(entraUser(`u${index}`, upn, { mail: `mail${index}@corp.example` }));
    members.push(scimUser(String(index), index % 10 === 0 ? `mail${index}@corp.example` : upn));
    if (index % 2 === 0) assignments.push(assignUser(`u${index}`));
    else {
      memberships.push(direct(`g${index % 100}`, `u${index}`));
      teams[index % 100]?.members.push({ value: String(index), display: upn });
    }
  }
  return snapshot({ users, groups, assignments, memberships, members, teams });
}
