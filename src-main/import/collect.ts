import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { GROUP_SELECT, USER_SELECT } from '../graph/normalize';
import type { EntraAppRoleAssignment, EntraGroup, EntraServicePrincipal, EntraUser, ProvisioningLogEntry, ScimGroup, ScimUser } from '../model/snapshot';
import { addMembers, addObject, addUser } from './add-object';
import { readCsv } from './csv-read';
import { ImportError } from './errors';
import { parseJson, unwrapDocument } from './json-read';
import type { Raw, RawList } from './json-read';
import { memberTargetFromFileName, memberTargetFromLinks } from './member-source';
import type { MemberListTarget } from './member-source';
import { recognize } from './recognize';
import type { ObjectKind } from './recognize';
import { PartialRecords, UniqueRecords } from './records';
import type { Found, Origin } from './records';

export type FileFormat = 'Graph JSON' | 'PowerShell JSON' | 'SCIM JSON' | 'CSV' | 'Capture info';

/** One file's format and object counts, for the summary printed before anything is written. */
export interface FileReport {
  file: string;
  format: FileFormat;
  /** Objects per kind, duplicates included; `groupMember` counts member list entries. */
  counts: Partial<Record<ObjectKind | 'groupMember', number>>;
}

/** The `capture-info.json` the capture script writes next to the exports. */
export interface CaptureInfo {
  tenantId: string | null;
  sentryScimBaseUrl: string | null;
  capturedAt: string | null;
  capturedBy: string | null;
}

export interface MemberList {
  target: MemberListTarget;
  origins: Origin[];
  members: UniqueRecords<'user' | 'group' | 'other'>;
  counts: Array<{ count: number; origin: Origin }>;
}

export interface CountClaim {
  count: number;
  origin: Origin;
}

/** Everything read from the files, deduplicated and checked for contradictions, before assembly. */
export class Collected {
  readonly files: FileReport[] = [];
  readonly captureInfo: Array<Found<CaptureInfo>> = [];
  readonly tenantHints: Array<{ tenantId: string; origin: Origin }> = [];
  readonly servicePrincipals = new UniqueRecords<EntraServicePrincipal>('Service principal');
  readonly assignments = new UniqueRecords<EntraAppRoleAssignment>('App role assignment');
  readonly assignmentResources: Array<{ resourceId: string; origin: Origin }> = [];
  readonly assignmentCounts: CountClaim[] = [];
  readonly users = new PartialRecords<EntraUser>('User', USER_SELECT);
  readonly groups = new PartialRecords<EntraGroup>('Group', GROUP_SELECT);
  readonly memberLists = new Map<string, MemberList>();
  readonly jobs = new UniqueRecords<Raw>('Provisioning job');
  readonly schemas = new UniqueRecords<unknown>('Provisioning schema');
  readonly scope: Array<Found<boolean | null>> = [];
  readonly logs = new UniqueRecords<ProvisioningLogEntry>('Provisioning log entry');
  readonly logServicePrincipals = new Map<string, string | null>();
  readonly scimUsers = new UniqueRecords<ScimUser>('SCIM user');
  readonly scimGroups = new UniqueRecords<ScimGroup>('SCIM group');
  readonly scimTotals: { users: CountClaim[]; groups: CountClaim[] } = { users: [], groups: [] };
  readonly pages = { scimUsers: 0, scimGroups: 0, assignments: 0, users: 0, groups: 0, members: 0, jobs: 0, logs: 0 };
  readonly skipped: string[] = [];
}

/** Expands folders to the .json and .csv files directly inside them, in name order. */
export async function listInputFiles(paths: string[]): Promise<{ files: string[]; skipped: string[] }> {
  const files: string[] = [];
  const skipped: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new ImportError(path, null, 'no such file or folder.');
    }
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const names = (await readdir(path)).sort();
    for (const name of names) {
      const full = join(path, name);
      if (!(await stat(full)).isFile()) continue;
      if (['.json', '.csv', '.txt', '.tsv'].includes(extname(name).toLowerCase())) files.push(full);
      else skipped.push(full);
    }
  }
  return { files, skipped };
}

/** Reads one file into `into`, recognizing its format by its content. */
export async function collectFile(file: string, into: Collected, decode: (bytes: Uint8Array, file: string) => string): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new ImportError(file, null, `cannot be read (${(error as Error).message}).`);
  }
  const text = decode(bytes, file);
  const trimmed = text.trimStart();
  if (trimmed === '') throw new ImportError(file, null, 'the file is empty; expected JSON or CSV exported from Entra or Sentry.');

  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const lists = unwrapDocument(parseJson(text, file), file);
    const report: FileReport = { file, format: lists[0]?.fromPowerShell ? 'PowerShell JSON' : 'Graph JSON', counts: {} };
    if (lists.some((list) => list.envelope === 'scim-list')) report.format = 'SCIM JSON';
    // Only the pages that Graph followed with another page name their group, so one page that
    // does names it for every page saved in the same file.
    const fileTarget = lists.map(memberTargetFromLinks).find((target) => target !== null) ?? memberTargetFromFileName(file);
    for (const list of lists) collectList(list, fileTarget, into, report);
    if (report.counts.captureInfo) report.format = 'Capture info';
    if (report.counts.scimUser || report.counts.scimGroup) report.format = 'SCIM JSON';
    into.files.push(report);
    return;
  }
  collectCsv(text, file, into);
}

function collectCsv(text: string, file: string, into: Collected): void {
  const content = readCsv(text, file);
  const report: FileReport = { file, format: 'CSV', counts: {} };
  if (content.kind === 'users') {
    into.pages.users++;
    for (const item of content.items) addUser(item, { file, path: item.path }, into, report);
  } else {
    for (const list of content.lists) addMembers(list.target, list.items, null, { file, path: 'rows' }, into, report);
  }
  into.files.push(report);
}

function collectList(list: RawList, fileTarget: MemberListTarget | null, into: Collected, report: FileReport): void {
  if (list.envelope === 'scim-list') {
    collectScimList(list, into, report);
    return;
  }

  const target = memberTargetFromLinks(list) ?? (list.items.every((item) => isDirectoryObject(item.raw)) ? fileTarget : null);
  if (target !== null) {
    addMembers(target, list.items, list.count, { file: list.file, path: list.path }, into, report);
    return;
  }
  if (list.context !== null && /#directoryObjects(\(|$)/.test(list.context)) {
    throw new ImportError(list.file, list.path, 'this page of directory objects looks like a group\'s member list but names no group. Put the group\'s object id in the file name, e.g. group-members.<group id>.json.');
  }
  if (list.items.length === 0) {
    collectEmptyList(list, into);
    return;
  }

  if (list.count !== null && list.items.every((item) => recognize(item.raw) === 'appRoleAssignment')) {
    into.assignmentCounts.push({ count: list.count, origin: { file: list.file, path: list.path } });
  }
  const kinds = new Set<ObjectKind>();
  for (const item of list.items) kinds.add(addObject(item, list.file, into, report));
  if (kinds.has('appRoleAssignment')) into.pages.assignments++;
  if (kinds.has('provisioningLog')) into.pages.logs++;
  if (kinds.has('provisioningJob')) into.pages.jobs++;
  if (kinds.has('scimUser')) into.pages.scimUsers++;
  if (kinds.has('scimGroup')) into.pages.scimGroups++;
  if (kinds.has('user')) into.pages.users++;
  if (kinds.has('group')) into.pages.groups++;
}

/**
 * Records an empty list. Its kind comes from Graph's `@odata.context` where the page has one, else from
 * the file name as the capture script writes it, because an empty PowerShell array names no kind.
 */
function collectEmptyList(list: RawList, into: Collected): void {
  const hint = `${list.context ?? ''} ${basename(list.file)}`;
  const origin = { file: list.file, path: list.path };
  if (/appRoleAssignedTo|app-role-assignments/i.test(hint)) {
    into.pages.assignments++;
    if (list.count !== null) into.assignmentCounts.push({ count: list.count, origin });
  } else if (/auditLogs\/provisioning|provisioning-logs/i.test(hint)) {
    into.pages.logs++;
  } else if (/synchronization\/jobs|provisioning-jobs/i.test(hint)) {
    into.pages.jobs++;
  } else if (/#users\b|(^|\s)users\.json$/i.test(hint)) {
    into.pages.users++;
  } else if (/#groups\b|(^|\s)groups\.json$/i.test(hint)) {
    into.pages.groups++;
  } else {
    throw new ImportError(list.file, list.path, 'the list is empty and neither its @odata.context nor its file name tells what it lists. Name empty exports as the capture script does: app-role-assignments.json, users.json, groups.json, provisioning-jobs.json, provisioning-logs.json or group-members.<group id>.json.');
  }
}

function isDirectoryObject(raw: Raw): boolean {
  const kind = recognize(raw);
  return kind === 'user' || kind === 'group' || kind === 'otherDirectoryObject';
}

function collectScimList(list: RawList, into: Collected, report: FileReport): void {
  const kinds = new Set(list.items.map((item) => recognize(item.raw)));
  let kind: 'scimUser' | 'scimGroup';
  if (kinds.size === 0) {
    const name = list.file.toLowerCase();
    if (/team|group/.test(name)) kind = 'scimGroup';
    else if (/user|member/.test(name)) kind = 'scimUser';
    else throw new ImportError(list.file, list.path, 'the SCIM ListResponse is empty, so its kind (users or groups) is unknown. Name the file sentry-users.json or sentry-teams.json.');
  } else if (kinds.size === 1 && (kinds.has('scimUser') || kinds.has('scimGroup'))) {
    kind = kinds.has('scimUser') ? 'scimUser' : 'scimGroup';
  } else {
    throw new ImportError(list.file, list.path, 'expected a SCIM ListResponse of only /Users or only /Groups resources; this one mixes kinds or contains other objects.');
  }

  const origin = { file: list.file, path: list.path };
  if (kind === 'scimUser') {
    into.pages.scimUsers++;
    into.scimTotals.users.push({ count: list.totalResults ?? 0, origin });
  } else {
    into.pages.scimGroups++;
    into.scimTotals.groups.push({ count: list.totalResults ?? 0, origin });
  }
  for (const item of list.items) addObject(item, list.file, into, report);
}
