import type { ProvisioningJob, ProvisioningLogEntry, UnavailableItem } from '../model/snapshot';
import { GraphPermissionError } from './errors';
import type { GraphClient, ReadContext } from './graph-client';
import { toProvisioningJob, toProvisioningLogEntry } from './normalize';
import type { ProgressListener } from './source-tracker';
import { SourceTracker } from './source-tracker';
import type { SourceRecord } from '../model/snapshot';

/** Provisioning logs read back this far; Entra keeps them 7 days on free tenants and 30 on P1/P2. */
export const PROVISIONING_LOG_DAYS = 7;

/** Graph's error code when a tenant without Entra ID P1/P2 requests sign-in or provisioning logs. */
const NON_PREMIUM_CODE = 'Authentication_RequestFromNonPremiumTenantOrB2CTenant';

export interface ProvisioningRead {
  job: ProvisioningJob | null;
  schema: unknown | null;
  logs: ProvisioningLogEntry[] | null;
  sources: SourceRecord[];
  unavailable: UnavailableItem[];
  warnings: string[];
}

/**
 * Reads the provisioning job, its scope setting, its schema and the recent provisioning logs. Each part
 * the token may not read is recorded as unavailable and the rest goes on, because the assignment audit
 * does not depend on them.
 */
export async function readProvisioning(graph: GraphClient, servicePrincipalId: string, options: { now: Date; onProgress?: ProgressListener; signal?: AbortSignal }): Promise<ProvisioningRead> {
  const out: ProvisioningRead = { job: null, schema: null, logs: null, sources: [], unavailable: [], warnings: [] };
  const spPath = `/servicePrincipals/${encodeURIComponent(servicePrincipalId)}`;

  const [jobPart, logs] = await Promise.all([
    readJobAndSchema(graph, spPath, out, options),
    optional(out, 'graph.provisioningLogs', 'AuditLog.Read.All', options, async (context) => {
      const since = new Date(options.now.getTime() - PROVISIONING_LOG_DAYS * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const filter = encodeURIComponent(`servicePrincipal/id eq '${servicePrincipalId}' and activityDateTime gt ${since}`);
      const result = await graph.listAll<Record<string, unknown> & { id: string }>(`/auditLogs/provisioning?$filter=${filter}`, context);
      if (result.duplicateIds.length > 0) {
        out.warnings.push(`Provisioning logs: ${result.duplicateIds.length} entries arrived on more than one page; each was kept once.`);
      }
      return result.items.map(toProvisioningLogEntry).sort((a, b) => a.activityDateTime.localeCompare(b.activityDateTime) || a.id.localeCompare(b.id));
    })
  ]);

  out.job = jobPart.job;
  out.schema = jobPart.schema;
  out.logs = logs;
  return out;
}

async function readJobAndSchema(
  graph: GraphClient,
  spPath: string,
  out: ProvisioningRead,
  options: { onProgress?: ProgressListener; signal?: AbortSignal }
): Promise<{ job: ProvisioningJob | null; schema: unknown | null }> {
  const rawJob = await optional(out, 'graph.provisioningJob', 'Synchronization.Read.All', options, async (context) => {
    const { items } = await graph.listAll<Record<string, unknown> & { id: string }>(`${spPath}/synchronization/jobs`, context);
    if (items.length > 1) {
      out.warnings.push(`The enterprise app has ${items.length} provisioning jobs (${items.map((job) => job.id).join(', ')}); the audit uses the first, ${items[0]?.id}.`);
    }
    return items[0] ?? null;
  });
  if (!rawJob) return { job: null, schema: null };

  const syncAll = await readSyncAll(graph, spPath, out, options.signal);
  const job = toProvisioningJob(rawJob, syncAll);

  const schema = await optional(out, 'graph.provisioningSchema', 'Synchronization.Read.All', options, async (context) => {
    const result = await graph.get<unknown>(`${spPath}/synchronization/jobs/${encodeURIComponent(job.id)}/schema`, context);
    context.tracker?.addPage(1, result.retries);
    return result.body;
  });
  return { job, schema };
}

/**
 * Reads only the `SyncAll` key of `synchronization/secrets` ("sync all users and groups" versus
 * "only assigned ones"). The other keys hold the SCIM endpoint and its token, so they are never kept.
 * NOTE: whether Synchronization.Read.All may read this endpoint is not documented; a 403 or 404 leaves the setting unknown.
 */
async function readSyncAll(graph: GraphClient, spPath: string, out: ProvisioningRead, signal?: AbortSignal): Promise<boolean | null> {
  const context: ReadContext = { source: 'graph.provisioningJob', permission: 'Synchronization.Read.All', what: 'the provisioning scope setting', signal };
  try {
    const result = await graph.get<unknown>(`${spPath}/synchronization/secrets`, context, { acceptStatuses: [404] });
    if (result.status === 404) return null;
    const body = result.body as { value?: unknown } | unknown[] | null;
    const pairs = Array.isArray(body) ? body : Array.isArray((body as { value?: unknown } | null)?.value) ? ((body as { value: unknown[] }).value) : [];
    const entry = pairs.find((pair) => (pair as { key?: unknown } | null)?.key === 'SyncAll') as { value?: unknown } | undefined;
    if (entry === undefined) return null;
    const value = String(entry.value).toLowerCase();
    if (value === 'true') return true;
    if (value === 'false') return false;
    return null;
  } catch (error) {
    if (!(error instanceof GraphPermissionError)) throw error;
    out.unavailable.push({
      source: 'graph.provisioningJob',
      reason: 'not available: Graph denied reading the provisioning scope setting (SyncAll in synchronization/secrets)',
      missingPermission: null
    });
    return null;
  }
}

const OPTIONAL_SOURCE_NAMES = {
  'graph.provisioningJob': 'the provisioning jobs',
  'graph.provisioningSchema': 'the provisioning schema',
  'graph.provisioningLogs': 'the provisioning logs'
} as const;

/** Runs one optional read with its own source record; a 403 becomes an `UnavailableItem` and the read returns null. */
async function optional<T>(
  out: ProvisioningRead,
  source: keyof typeof OPTIONAL_SOURCE_NAMES,
  permission: string,
  options: { onProgress?: ProgressListener; signal?: AbortSignal },
  read: (context: ReadContext) => Promise<T>
): Promise<T | null> {
  const tracker = new SourceTracker(source, options.onProgress);
  const context: ReadContext = { source, permission, what: OPTIONAL_SOURCE_NAMES[source], signal: options.signal, tracker };
  try {
    const value = await read(context);
    out.sources.push(tracker.finish());
    return value;
  } catch (error) {
    if (!(error instanceof GraphPermissionError)) {
      tracker.fail();
      throw error;
    }
    const premiumMissing = error.graphCode === NON_PREMIUM_CODE;
    out.unavailable.push({
      source,
      reason: premiumMissing ? 'not available: the tenant has no Entra ID P1 or P2 licence, which provisioning logs require' : `not available: missing permission ${permission}`,
      missingPermission: premiumMissing ? null : permission
    });
    out.sources.push(tracker.finish('unavailable'));
    return null;
  }
}
