/**
 * The IPC contract between the main process and the renderer.
 *
 * Main, preload and renderer all import this one module. Each request channel is named `domain:verb`
 * and maps to a zod schema for its request and one for its response. Event channels carry data from
 * main to the renderer (progress, changes) and map to one payload schema. A new feature adds its
 * channels here and its handler to the table in `./handlers`; no transport code changes.
 */
import { z } from 'zod';
import {
  auditSummarySchema,
  driftRequestSchema,
  driftResponseSchema,
  findingDetailSchema,
  findingSchema,
  findingsRequestSchema,
  teamMemberRowSchema,
  teamsRequestSchema,
  whatIfSchema
} from './schemas/audit';
import { captureDoneEventSchema, captureProgressEventSchema, jobIdSchema, openFileResultSchema } from './schemas/capture';
import { connectionProfileSchema, connectionTestResultSchema, deviceCodeEventSchema, saveConnectionRequestSchema } from './schemas/connections';
import { importPreviewIdSchema, importPreviewRequestSchema, importPreviewResultSchema } from './schemas/import';
import {
  reconcileFinishedEventSchema,
  reconcilePlanRequestSchema,
  reconcilePlanSchema,
  reconcileProgressEventSchema,
  reconcileRunSchema,
  reconcileStartRequestSchema,
  runIdRequestSchema
} from './schemas/reconcile';

export const LANGUAGES = ['en', 'de'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

/** Error codes the renderer translates into messages. `details` carries data for the message and must never contain secrets. */
export const IPC_ERROR_CODES = [
  'invalid_request',
  'invalid_response',
  'unknown_channel',
  'forbidden_sender',
  'not_found',
  'workspace_unavailable',
  'transport_failed',
  'internal',
  // Connections, jobs and files (src-main/app-services). `details` names the profile, job or path.
  'secret_store_unavailable',
  'missing_secret',
  'invalid_connection',
  'sign_in_failed',
  'graph_permission_missing',
  'scim_unauthorized',
  'host_unreachable',
  'capture_failed',
  'job_not_found',
  'audit_not_run',
  'file_unreadable',
  'export_failed',
  // Reconcile (src-main/app-services/reconcile-service.ts). `details` names the run, counts or URLs.
  'reconcile_rejected',
  'reconcile_sentry_mismatch',
  'reconcile_nothing_to_do',
  'reconcile_run_active',
  'reconcile_run_not_active',
  // Offline import (src-main/app-services/import-service.ts). `import_file_invalid` details are
  // `{ file, location, problem }`; `import_incomplete` details list the `missing` parts.
  'import_file_invalid',
  'import_sentry_url_invalid',
  'import_incomplete',
  'import_preview_not_found'
] as const;
export const ipcErrorCodeSchema = z.enum(IPC_ERROR_CODES);
export type IpcErrorCode = z.infer<typeof ipcErrorCodeSchema>;

export const ipcErrorSchema = z.object({
  code: ipcErrorCodeSchema,
  message: z.string(),
  details: z.unknown().optional()
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

const emptyRequest = z.strictObject({});

const snapshotOriginSchema = z.enum(['live', 'import', 'demo']);

export const snapshotSummarySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  origin: snapshotOriginSchema,
  tenantId: z.string(),
  appDisplayName: z.string(),
  sentryOrg: z.string(),
  contentSha256: z.string(),
  counts: z.object({
    entraUsers: z.number().int().nonnegative(),
    assignments: z.number().int().nonnegative(),
    groups: z.number().int().nonnegative(),
    scimUsers: z.number().int().nonnegative(),
    scimGroups: z.number().int().nonnegative()
  }),
  warningCount: z.number().int().nonnegative(),
  unavailableCount: z.number().int().nonnegative()
});
export type SnapshotSummaryDto = z.infer<typeof snapshotSummarySchema>;

const sourceRecordSchema = z.object({
  source: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  rowsReceived: z.number().int(),
  apiTotal: z.number().int().nullable(),
  pages: z.number().int(),
  retries: z.number().int()
});

/** One snapshot's full metadata. The rows themselves stay in main until a feature needs them. */
export const snapshotDetailSchema = z.object({
  summary: snapshotSummarySchema,
  capturedBy: z.string(),
  appId: z.string(),
  servicePrincipalId: z.string(),
  sentryBaseUrl: z.string(),
  population: z.string(),
  toolVersion: z.string(),
  sources: z.array(sourceRecordSchema),
  warnings: z.array(z.string()),
  unavailable: z.array(z.object({ source: z.string(), reason: z.string(), missingPermission: z.string().nullable() }))
});
export type SnapshotDetailDto = z.infer<typeof snapshotDetailSchema>;

const logLevelSchema = z.enum(['debug', 'info', 'warn', 'error']);

// In Electron `path` is ignored and a save dialog asks; the HTTP harness passes it. `compareId` adds the Changes sheet.
const exportRequestSchema = z.strictObject({
  snapshotId: z.string().min(1).max(200),
  compareId: z.string().min(1).max(200).optional(),
  language: languageSchema,
  path: z.string().min(1).max(4096).optional()
});
// `written: false` means the save dialog was cancelled: no file, no error.
const exportResultSchema = z.discriminatedUnion('written', [
  z.object({ written: z.literal(false) }),
  z.object({ written: z.literal(true), path: z.string(), bytes: z.number().int().nonnegative(), findingCount: z.number().int().nonnegative() })
]);

function defineChannel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response };
}

export const channels = {
  'app:info': defineChannel(
    emptyRequest,
    z.object({
      name: z.string(),
      version: z.string(),
      platform: z.string(),
      workspaceDir: z.string(),
      logDir: z.string()
    })
  ),
  'snapshots:list': defineChannel(
    emptyRequest,
    z.object({
      workspaceDir: z.string(),
      snapshots: z.array(snapshotSummarySchema),
      // Index rows or files the store cannot list as complete; `roster snapshots` explains each one.
      incompleteCount: z.number().int().nonnegative()
    })
  ),
  // `ref` is a full snapshot id or anything the store's resolveId accepts (a unique prefix, `latest`).
  'snapshots:get': defineChannel(z.strictObject({ ref: z.string().min(1).max(200) }), snapshotDetailSchema),
  'settings:getLanguage': defineChannel(
    emptyRequest,
    z.object({ language: languageSchema, source: z.enum(['saved', 'system']) })
  ),
  'settings:setLanguage': defineChannel(z.strictObject({ language: languageSchema }), z.object({ language: languageSchema })),
  // The renderer forwards its own log lines so there is one log file, redacted in one place.
  'log:write': defineChannel(
    z.strictObject({ level: logLevelSchema, message: z.string().max(4000), scope: z.string().max(60).optional() }),
    z.object({ written: z.boolean() })
  ),
  // First run: an empty workspace suggests the bundled demo snapshot (opened read-only).
  'app:firstRun': defineChannel(emptyRequest, z.object({ workspaceEmpty: z.boolean(), demoAvailable: z.boolean() })),
  'connections:list': defineChannel(emptyRequest, z.object({ profiles: z.array(connectionProfileSchema) })),
  'connections:save': defineChannel(saveConnectionRequestSchema, connectionProfileSchema),
  'connections:delete': defineChannel(z.strictObject({ id: z.string().min(1).max(100) }), z.object({ deleted: z.string() })),
  'connections:test': defineChannel(z.strictObject({ id: z.string().min(1).max(100) }), connectionTestResultSchema),
  'snapshots:capture:start': defineChannel(z.strictObject({ profileId: z.string().min(1).max(100) }), z.object({ jobId: z.string() })),
  'snapshots:capture:cancel': defineChannel(z.strictObject({ jobId: jobIdSchema }), z.object({ cancelled: z.boolean() })),
  // Deletes a workspace snapshot. For a file opened read-only it only closes the file, which stays on disk.
  'snapshots:delete': defineChannel(z.strictObject({ id: z.string().min(1).max(200) }), z.object({ deleted: z.string() })),
  // In Electron the path comes from an open dialog and `path` is ignored; the HTTP harness needs it.
  'snapshots:openFile': defineChannel(z.strictObject({ path: z.string().min(1).max(4096).optional() }), openFileResultSchema),
  'snapshots:openDemo': defineChannel(emptyRequest, openFileResultSchema),
  'audit:run': defineChannel(
    z.strictObject({ snapshotId: z.string().min(1).max(200), previousId: z.string().min(1).max(200).optional() }),
    auditSummarySchema
  ),
  'audit:findings': defineChannel(
    findingsRequestSchema.extend({ language: languageSchema.default('en') }),
    z.object({ total: z.number().int().nonnegative(), rows: z.array(findingSchema) })
  ),
  'audit:finding': defineChannel(
    z.strictObject({ snapshotId: z.string().min(1).max(200), findingId: z.string().min(1).max(400), language: languageSchema.default('en') }),
    findingDetailSchema
  ),
  'audit:teams': defineChannel(teamsRequestSchema, z.object({ total: z.number().int().nonnegative(), rows: z.array(teamMemberRowSchema) })),
  'audit:whatif': defineChannel(z.strictObject({ snapshotId: z.string().min(1).max(200) }), whatIfSchema),
  'drift:compare': defineChannel(driftRequestSchema, driftResponseSchema),
  'export:workbook': defineChannel(exportRequestSchema, exportResultSchema),
  'export:csv': defineChannel(exportRequestSchema, exportResultSchema),
  'export:json': defineChannel(exportRequestSchema, exportResultSchema),
  'reconcile:plan': defineChannel(reconcilePlanRequestSchema, reconcilePlanSchema),
  // The SCIM URL and token come from the profile in main; the renderer never sees the token.
  'reconcile:start': defineChannel(reconcileStartRequestSchema, z.object({ runId: z.string() })),
  'reconcile:pause': defineChannel(runIdRequestSchema, z.object({ paused: z.boolean() })),
  'reconcile:resume': defineChannel(runIdRequestSchema, z.object({ resumed: z.boolean() })),
  'reconcile:cancel': defineChannel(runIdRequestSchema, z.object({ cancelled: z.boolean() })),
  'reconcile:runs': defineChannel(emptyRequest, z.object({ runs: z.array(reconcileRunSchema) })),
  'reconcile:run': defineChannel(runIdRequestSchema, reconcileRunSchema),
  'reconcile:resumeRun': defineChannel(z.strictObject({ runId: z.string().min(1).max(200), profileId: z.string().min(1).max(100) }), z.object({ runId: z.string() })),
  // Offline import: preview reads the files and writes nothing; commit writes the previewed snapshot.
  'import:preview': defineChannel(importPreviewRequestSchema, importPreviewResultSchema),
  'import:commit': defineChannel(z.strictObject({ previewId: importPreviewIdSchema }), z.object({ snapshotId: z.string() })),
  'import:discard': defineChannel(z.strictObject({ previewId: importPreviewIdSchema }), z.object({ discarded: z.boolean() }))
} as const;

/**
 * Events from main to the renderer, each with its payload schema.
 *
 * A long-running job follows one pattern: a `domain:start` channel returns a job id, a `domain:cancel`
 * channel takes it, and a `domain:progress` event carries `{ jobId, ... }` until the job ends.
 */
export const events = {
  'settings:languageChanged': z.object({ language: languageSchema }),
  'snapshots:capture:progress': captureProgressEventSchema,
  'snapshots:capture:done': captureDoneEventSchema,
  'connections:deviceCode': deviceCodeEventSchema,
  'reconcile:progress': reconcileProgressEventSchema,
  'reconcile:finished': reconcileFinishedEventSchema
} as const;

export type Channel = keyof typeof channels;
export type EventName = keyof typeof events;
export type RequestOf<C extends Channel> = z.input<(typeof channels)[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<(typeof channels)[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<(typeof channels)[C]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof events)[E]>;

export const CHANNEL_NAMES = Object.keys(channels) as Channel[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

export function ipcFailure(code: IpcErrorCode, message: string, details?: unknown): { ok: false; error: IpcError } {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}

/** Envelope schema for whatever crosses a transport, used by the renderer to check replies. */
export function resultSchemaFor<C extends Channel>(channel: C) {
  return z.union([
    z.object({ ok: z.literal(true), value: channels[channel].response }),
    z.object({ ok: z.literal(false), error: ipcErrorSchema })
  ]);
}

/**
 * The API the preload exposes as `window.roster`.
 *
 * `on` returns a function that removes the listener. Payloads are validated in main before they are sent.
 */
export interface RosterBridge {
  invoke<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
}
