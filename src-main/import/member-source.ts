import { basename } from 'node:path';
import type { RawList } from './json-read';

export type MemberRelation = 'direct' | 'transitive';

/** The group a member list belongs to, and whether it lists direct or transitive members. */
export interface MemberListTarget {
  groupId: string;
  relation: MemberRelation;
}

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const GRAPH_MEMBERS_PATH = new RegExp(`groups(?:/|\\(')(${GUID})(?:'\\))?/(members|transitiveMembers)`, 'i');
const NAME_GUID = new RegExp(GUID);

/**
 * Finds the group of a Graph member page from its `@odata.context` or `@odata.nextLink`, when either
 * names `/groups/{id}/members` or `/groups/{id}/transitiveMembers`. Graph's own context for these pages
 * is `$metadata#directoryObjects`, so in practice only pages followed by another page carry the id.
 */
export function memberTargetFromLinks(list: RawList): MemberListTarget | null {
  for (const link of [list.context, list.nextLink]) {
    const match = link === null ? null : GRAPH_MEMBERS_PATH.exec(decodeURIComponent(link));
    if (match) return { groupId: (match[1] as string).toLowerCase(), relation: match[2]?.toLowerCase() === 'transitivemembers' ? 'transitive' : 'direct' };
  }
  return null;
}

/**
 * Finds the group of a member list from its file name: the name contains "members" and the group's
 * object id, e.g. `group-members.<id>.json`, and "transitive" for transitive members. This is how the
 * capture script names them, because PowerShell and CSV exports carry no group id of their own.
 */
export function memberTargetFromFileName(file: string): MemberListTarget | null {
  const name = basename(file);
  if (!/members/i.test(name)) return null;
  const id = NAME_GUID.exec(name);
  if (!id) return null;
  return { groupId: id[0].toLowerCase(), relation: /transitive/i.test(name) ? 'transitive' : 'direct' };
}

/** Returns true when a file name marks a member list, with or without a group id. */
export function namesMemberList(file: string): boolean {
  return /members/i.test(basename(file));
}
