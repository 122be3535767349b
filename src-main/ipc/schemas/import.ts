/**
 * Contract schemas for building a snapshot from files an administrator exported (offline import).
 *
 * An import runs in two steps, so nothing is written before the auditor has read the summary:
 * `import:preview` reads the files and keeps the result in main under a preview id, and
 * `import:commit` writes that result as a snapshot.
 */
import { z } from 'zod';

/** Longest path accepted from a request; paths only arrive from the HTTP test harness. */
const MAX_PATH_LENGTH = 4096;
/** Most files or folders one import reads. An export of one tenant has about twenty. */
export const MAX_IMPORT_FILES = 500;
/**
 * Largest dropped file, in bytes before base64. Provisioning logs are the largest export, and 64 MiB
 * is enough for several hundred thousand entries. Larger exports can still be picked with the file dialog.
 */
export const MAX_DROPPED_FILE_BYTES = 64 * 1024 * 1024;
/** Largest drop in all, in bytes, because main keeps every dropped file in memory while it writes them to disk. */
export const MAX_DROPPED_TOTAL_BYTES = 256 * 1024 * 1024;

export const importPreviewIdSchema = z.string().min(1).max(100);

/** A file dropped onto the window, sent as its bytes because main must not read paths the page names. */
const droppedFileSchema = z.strictObject({
  /** The file's own name without folders; recognition reads group ids from names such as `group-members.<id>.json`. */
  name: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[/\\\0]/.test(name) && name !== '.' && name !== '..', 'a file name without folders'),
  contentBase64: z
    .string()
    .max(Math.ceil(MAX_DROPPED_FILE_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64')
});

/**
 * Where the files come from.
 * - `pick`: main shows the open dialog for files or for one folder. `paths` is read only where no
 *   dialog exists (the HTTP test harness) and ignored in Electron.
 * - `dropped`: the bytes of files dropped onto the window.
 * - `again`: the files of an earlier preview, read again, e.g. after the auditor entered the SCIM URL.
 */
export const importSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('pick'),
    pick: z.enum(['files', 'folder']),
    paths: z.array(z.string().min(1).max(MAX_PATH_LENGTH)).min(1).max(MAX_IMPORT_FILES).optional()
  }),
  z.strictObject({ kind: z.literal('dropped'), files: z.array(droppedFileSchema).min(1).max(MAX_IMPORT_FILES) }),
  z.strictObject({ kind: z.literal('again'), previewId: importPreviewIdSchema })
]);
export type ImportSource = z.infer<typeof importSourceSchema>;

export const importPreviewRequestSchema = z.strictObject({
  source: importSourceSchema,
  /** Sentry's SCIM base URL, for exports without the capture script's capture-info.json. */
  sentryBaseUrl: z.string().trim().min(1).max(2000).optional()
});

/** Object kinds the importer recognizes, as `src-main/import/recognize.ts` names them, plus member list entries. */
export const importObjectKindSchema = z.enum([
  'captureInfo',
  'organization',
  'servicePrincipal',
  'appRoleAssignment',
  'user',
  'group',
  'groupMember',
  'otherDirectoryObject',
  'provisioningJob',
  'provisioningSchema',
  'provisioningScope',
  'provisioningLog',
  'scimUser',
  'scimGroup'
]);
export type ImportObjectKind = z.infer<typeof importObjectKindSchema>;

export const importFileSchema = z.object({
  /** The file name, which is what the auditor dropped or picked. */
  name: z.string(),
  /** The full path for picked files; null for dropped files, whose bytes main read from the request. */
  path: z.string().nullable(),
  format: z.enum(['Graph JSON', 'PowerShell JSON', 'SCIM JSON', 'CSV', 'Capture info']),
  counts: z.array(z.object({ kind: importObjectKindSchema, count: z.number().int().nonnegative() }))
});
export type ImportFileDto = z.infer<typeof importFileSchema>;

/**
 * Parts an audit needs that no file holds. The renderer translates `code`; `text` is the importer's
 * English sentence, shown as is for `other`.
 */
export const importMissingCodeSchema = z.enum([
  'servicePrincipal',
  'assignments',
  'tenant',
  'sentryBaseUrl',
  'sentryUsers',
  'sentryTeams',
  'group',
  'groupMembers',
  'groupTransitiveMembers',
  'userDetails',
  'other'
]);
export type ImportMissingCode = z.infer<typeof importMissingCodeSchema>;

export const importMissingSchema = z.object({
  code: importMissingCodeSchema,
  /** The group's name and id as the importer labels it, e.g. `'Engineering' (96e0…)`; for the group codes. */
  group: z.string().nullable(),
  groupId: z.string().nullable(),
  /** Number of users, and the first five ids, for `userDetails`. */
  userCount: z.number().int().nonnegative().nullable(),
  users: z.string().nullable(),
  text: z.string()
});
export type ImportMissingDto = z.infer<typeof importMissingSchema>;

/** The snapshot an import would write, in counts; null while parts are missing. */
export const importOutlineSchema = z.object({
  createdAt: z.string(),
  tenantId: z.string(),
  appDisplayName: z.string(),
  appId: z.string(),
  servicePrincipalId: z.string(),
  sentryOrg: z.string(),
  sentryBaseUrl: z.string(),
  assignments: z.number().int().nonnegative(),
  entraUsers: z.number().int().nonnegative(),
  deletedUsers: z.number().int().nonnegative(),
  entraGroups: z.number().int().nonnegative(),
  directMembers: z.number().int().nonnegative(),
  nestedMembers: z.number().int().nonnegative(),
  provisioningJob: z.boolean(),
  provisioningSchema: z.boolean(),
  /** Null when no provisioning log file was imported, which differs from an empty log. */
  provisioningLogs: z.number().int().nonnegative().nullable(),
  scimUsers: z.number().int().nonnegative(),
  scimGroups: z.number().int().nonnegative()
});
export type ImportOutlineDto = z.infer<typeof importOutlineSchema>;

export const importSummarySchema = z.object({
  files: z.array(importFileSchema),
  /** Names of files in picked folders that are not .json, .csv, .tsv or .txt, so were not read. */
  skipped: z.array(z.string()),
  missing: z.array(importMissingSchema),
  /** The importer's warnings, in English, as they are stored in the snapshot. */
  warnings: z.array(z.string()),
  outline: importOutlineSchema.nullable()
});
export type ImportSummaryDto = z.infer<typeof importSummarySchema>;

/** `cancelled: true` means the open dialog was closed without a choice: nothing was read. */
export const importPreviewResultSchema = z.discriminatedUnion('cancelled', [
  z.object({ cancelled: z.literal(true) }),
  z.object({ cancelled: z.literal(false), previewId: importPreviewIdSchema, summary: importSummarySchema })
]);
export type ImportPreviewResult = z.infer<typeof importPreviewResultSchema>;

/** Details of the `import_file_invalid` error: which file, where in it, and what the importer expected. */
export const importFileProblemSchema = z.object({
  file: z.string(),
  /** A line (`line 4`) or JSON path (`$.value[2].id`), or null when the problem concerns the whole file. */
  location: z.string().nullable(),
  problem: z.string()
});
export type ImportFileProblem = z.infer<typeof importFileProblemSchema>;
