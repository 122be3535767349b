import { parseCsv } from './csv';
import type { CsvTable } from './csv';
import { ImportError } from './errors';
import type { Raw, RawItem } from './json-read';
import { memberTargetFromFileName, namesMemberList } from './member-source';
import type { MemberListTarget } from './member-source';

/**
 * Column headers accepted for each Graph property, compared without case, spaces or punctuation. The
 * first name of each list is what the Entra admin center writes in "Download users", which names the
 * object id `objectId`. The others are what Graph, PowerShell's Export-Csv or a hand-made sheet use.
 * NOTE: Microsoft documents the columns of "Download users" but not those of "Download members", so
 * the member columns (`id`, `objectType`) are assumed.
 */
const COLUMNS: Record<string, string[]> = {
  id: ['objectid', 'id'],
  userPrincipalName: ['userprincipalname'],
  displayName: ['displayname', 'name'],
  givenName: ['givenname', 'firstname'],
  surname: ['surname', 'lastname'],
  mail: ['mail', 'email'],
  accountEnabled: ['accountenabled'],
  userType: ['usertype'],
  employeeId: ['employeeid'],
  onPremisesImmutableId: ['onpremisesimmutableid'],
  proxyAddresses: ['proxyaddresses'],
  otherMails: ['othermails', 'alternateemailaddress'],
  groupId: ['groupid'],
  objectType: ['objecttype', 'odatatype', 'membertype']
};

const MULTI_VALUED = new Set(['proxyAddresses', 'otherMails']);

// Excel turns True and False into its own booleans and saves them in the sheet's language, e.g.
// WAHR and FALSCH from a German Excel.
const TRUE_WORDS = new Set(['true', 'yes', 'wahr', 'vrai']);
const FALSE_WORDS = new Set(['false', 'no', 'falsch', 'faux']);

const OBJECT_TYPES: Record<string, string> = {
  user: '#microsoft.graph.user',
  '#microsoft.graph.user': '#microsoft.graph.user',
  group: '#microsoft.graph.group',
  '#microsoft.graph.group': '#microsoft.graph.group'
};

/** A CSV of users, or of group members (one list per group). */
export type CsvContent =
  | { kind: 'users'; items: RawItem[]; columns: string[] }
  | { kind: 'members'; lists: Array<{ target: MemberListTarget; items: RawItem[] }>; columns: string[] };

/**
 * Reads an Entra admin center CSV download (users, or the members of a group) into Graph-shaped objects
 * that contain only the columns the file has. A `groupId` or `objectType` column, or "members" in the
 * file name, marks a member list. Its group comes from the `groupId` column or the file name.
 */
export function readCsv(text: string, file: string): CsvContent {
  const table = parseCsv(text, file);
  const columns = mapColumns(table, file);
  const present = [...columns.keys()];
  const isMemberList = columns.has('groupId') || columns.has('objectType') || namesMemberList(file);

  if (!columns.has('id')) {
    throw new ImportError(file, `line ${table.headerLine}`, `expected a column "objectId" or "id" with each ${isMemberList ? 'member' : 'user'}'s object id; the header has ${table.header.map((name) => `"${name}"`).join(', ')}.`);
  }
  if (!isMemberList && !columns.has('userPrincipalName')) {
    throw new ImportError(file, `line ${table.headerLine}`, 'expected a column "userPrincipalName" in a users download; the header lacks it.');
  }

  const items = table.rows.map((row): RawItem & { groupId: string | null } => {
    const raw: Raw = {};
    let groupId: string | null = null;
    for (const [property, index] of columns) {
      const cell = (row.cells[index] as string).trim();
      const where = `line ${row.line}, column "${table.header[index]}"`;
      if (property === 'groupId') groupId = cell === '' ? null : cell.toLowerCase();
      else if (property === 'objectType') raw['@odata.type'] = OBJECT_TYPES[cell.toLowerCase()] ?? `#microsoft.graph.${cell.charAt(0).toLowerCase()}${cell.slice(1)}`;
      else raw[property] = cellValue(property, cell, file, where);
    }
    if (typeof raw.id !== 'string' || raw.id === '') throw new ImportError(file, `line ${row.line}`, 'expected an object id in the id column, found an empty cell.');
    if (isMemberList && !('@odata.type' in raw)) raw['@odata.type'] = typeof raw.userPrincipalName === 'string' ? '#microsoft.graph.user' : '#microsoft.graph.group';
    return { raw, path: `line ${row.line}`, groupId };
  });

  if (!isMemberList) return { kind: 'users', items: items.map(({ raw, path }) => ({ raw, path })), columns: present };
  return { kind: 'members', lists: groupMembers(items, file, table), columns: present };
}

function mapColumns(table: CsvTable, file: string): Map<string, number> {
  const columns = new Map<string, number>();
  table.header.forEach((name, index) => {
    const key = name.toLowerCase().replace(/[^a-z0-9#.]/g, '').replace(/^#?microsoftgraph/, '');
    const property = Object.keys(COLUMNS).find((candidate) => COLUMNS[candidate]?.includes(key));
    if (property === undefined) return;
    if (columns.has(property)) {
      throw new ImportError(file, `line ${table.headerLine}`, `the columns "${table.header[columns.get(property) as number]}" and "${name}" both contain ${property}; expected one.`);
    }
    columns.set(property, index);
  });
  return columns;
}

function cellValue(property: string, cell: string, file: string, where: string): unknown {
  if (cell === 'System.Object[]' || cell === 'System.String[]') {
    throw new ImportError(file, where, 'PowerShell wrote the type name instead of the values. Join lists with -join ";" before Export-Csv, or export JSON with ConvertTo-Json -Depth 10.');
  }
  if (MULTI_VALUED.has(property)) return cell === '' ? [] : cell.split(/\s*;\s*/).filter((value) => value !== '');
  if (property === 'accountEnabled') {
    const lower = cell.toLowerCase();
    if (TRUE_WORDS.has(lower)) return true;
    if (FALSE_WORDS.has(lower)) return false;
    if (lower === '') return null;
    throw new ImportError(file, where, `expected True or False, found "${cell}".`);
  }
  return cell === '' ? null : cell;
}

function groupMembers(items: Array<RawItem & { groupId: string | null }>, file: string, table: CsvTable): Array<{ target: MemberListTarget; items: RawItem[] }> {
  const fromName = memberTargetFromFileName(file);
  const lists = new Map<string, { target: MemberListTarget; items: RawItem[] }>();
  for (const item of items) {
    const groupId = item.groupId ?? fromName?.groupId;
    if (groupId === undefined) {
      throw new ImportError(file, item.path, 'this member list names no group. Add a "groupId" column, or put the group\'s object id in the file name, e.g. group-members.<group id>.csv.');
    }
    const relation = fromName?.relation ?? 'direct';
    const key = `${groupId} ${relation}`;
    if (!lists.has(key)) lists.set(key, { target: { groupId, relation }, items: [] });
    lists.get(key)?.items.push({ raw: item.raw, path: item.path });
  }
  // An empty download still records that the group has no members.
  if (items.length === 0 && fromName !== null) lists.set(fromName.groupId, { target: fromName, items: [] });
  if (items.length === 0 && fromName === null) {
    throw new ImportError(file, `line ${table.headerLine}`, 'this member list is empty and names no group. Put the group\'s object id in the file name, e.g. group-members.<group id>.csv.');
  }
  return [...lists.values()];
}
