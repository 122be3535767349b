import { badRequest, notFound } from './errors';
import { type GraphCall, type GraphContext, type GraphResult, rejectUnsupportedOptions, wantsCount } from './graph-context';
import { type FilterRules, matchesFilter, parseFilter, parseSelect, parseTop, project } from './odata';
import type { FakeServicePrincipal } from './state';
import { sentrySyncSchema } from './sync-schema';
import { requirePermissions } from './tokens';

/** Provisioning-log filters are case-sensitive (Microsoft's provisioningObjectSummary list page). */
const PROVISIONING_FILTER: FilterRules = {
  resource: 'provisioningObjectSummary',
  allowed: {
    activityDateTime: ['eq', 'gt', 'ge', 'lt', 'le'],
    'servicePrincipal/id': ['eq'],
    'servicePrincipal/displayName': ['eq'],
    jobId: ['eq', 'contains'],
    cycleId: ['eq', 'contains'],
    changeId: ['eq', 'contains'],
    provisioningAction: ['eq'],
    'provisioningStatusInfo/status': ['eq'],
    'sourceIdentity/id': ['eq', 'contains'],
    'sourceIdentity/displayName': ['eq', 'contains'],
    'targetIdentity/id': ['eq', 'contains'],
    'targetIdentity/displayName': ['eq', 'contains']
  },
  caseSensitive: true
};

/** Drops the seed's hidden `x` fields so only Graph's own job properties are served. */
function publicFields(job: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(job).filter(([key]) => !/^x[A-Z]/.test(key)));
}

/** Routes `servicePrincipals/{id}/synchronization/...`; `rest` starts after `synchronization`. */
export function synchronizationRoute(ctx: GraphContext, call: GraphCall, sp: FakeServicePrincipal, rest: string[]): GraphResult {
  requirePermissions(call.grant, 'Synchronization.Read.All');
  rejectUnsupportedOptions(call, []);
  const jobs = sp.xSynchronizationJobs ?? [];
  const base = `${ctx.graphUrl}/v1.0/$metadata#servicePrincipals('${sp.id}')/synchronization`;

  if (rest.length === 1 && rest[0] === 'secrets') {
    // NOTE: whether Synchronization.Read.All may read secrets is unconfirmed; this fake allows it and never serves SecretToken.
    const value: Array<{ key: string; value: string }> = [];
    if (sp.xBaseAddress !== undefined) value.push({ key: 'BaseAddress', value: sp.xBaseAddress });
    if (sp.xSyncAll !== undefined) value.push({ key: 'SyncAll', value: sp.xSyncAll ? 'true' : 'false' });
    if (sp.xSkipOutOfScopeDeletions !== undefined) value.push({ key: 'SkipOutOfScopeDeletions', value: sp.xSkipOutOfScopeDeletions ? 'True' : 'False' });
    return { status: 200, body: { '@odata.context': `${base}/secrets`, value } };
  }

  if (rest[0] !== 'jobs' || rest.length > 3) throw badRequest(`Resource not found for the segment '${rest.join('/')}'.`, 'BadRequest');
  if (rest.length === 1) {
    return { status: 200, body: { '@odata.context': `${base}/jobs`, value: jobs.map(publicFields) } };
  }

  const jobId = rest[1] ?? '';
  const job = jobs.find((candidate) => candidate.id === jobId);
  if (!job) throw notFound(jobId);
  if (rest.length === 2) return { status: 200, body: { '@odata.context': `${base}/jobs/$entity`, ...publicFields(job) } };
  if (rest[2] !== 'schema') throw badRequest(`Resource not found for the segment '${rest[2]}'.`, 'BadRequest');

  // Every real job has a schema; a seed job without `xSchema` gets the documented Sentry default.
  const schema = job.xSchema ?? sentrySyncSchema();
  return { status: 200, body: { '@odata.context': `${base}/jobs('${jobId}')/schema/$entity`, ...schema } };
}

export function listProvisioningLogs(ctx: GraphContext, call: GraphCall): GraphResult {
  requirePermissions(call.grant, 'AuditLog.Read.All', 'Directory.Read.All');
  rejectUnsupportedOptions(call, ['$filter', '$select', '$top', '$skiptoken', '$count']);
  const select = parseSelect(call.params);
  // NOTE: the reporting API's own $top limit is not documented in the pages read; the directory range 1..999 is used.
  const top = parseTop(call.params);
  const filter = call.params.get('$filter');
  const clauses = filter === null ? [] : parseFilter(filter, PROVISIONING_FILTER);

  const entries = (ctx.state.seed.provisioningLogs ?? [])
    .filter((entry) => clauses.length === 0 || matchesFilter(entry, clauses, true))
    .sort((a, b) => String(b['activityDateTime'] ?? '').localeCompare(String(a['activityDateTime'] ?? '')));
  const body = ctx.pager.page(call.path, call.rawQuery, entries, {
    top,
    context: 'auditLogs/provisioning',
    withCount: wantsCount(call),
    render: (entry) => (select === null ? entry : project(entry, select))
  });
  return { status: 200, body };
}
