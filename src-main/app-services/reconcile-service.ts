/**
 * Reconcile for the desktop app: plans from a workspace snapshot, runs journaled plans as jobs in
 * main, and lets the renderer pause, resume, cancel and later resume unfinished runs.
 *
 * The runs stay in the main process and need no worker: they wait on Sentry one request at a time,
 * so the event loop is idle between requests. Only planning audits a snapshot on the main thread.
 */
import { auditSnapshot } from '../audit';
import { HttpClient } from '../http/client';
import { createNodeTransport, type NodeTransportOptions } from '../http/node-transport';
import type { ParsedRequestOf, ResponseOf } from '../ipc/contract';
import type { IpcLogger } from '../ipc/dispatch';
import type { ReconcileProgressEvent } from '../ipc/schemas/reconcile';
import type { AuditResult } from '../model/audit-result';
import type { Snapshot, SnapshotId } from '../model/snapshot';
import { buildPlan, executePlan, PauseGate, RECONCILE_KINDS, resumeRun, verifyRun, type ReconcilePlan, type ReconcileProgress, type RunResult } from '../reconcile';
import { parseScimBaseUrl } from '../scim/base-url';
import { ScimClient } from '../scim/client';
import { ScimWriter } from '../scim/write-client';
import type { Workspace } from '../store';
import { ReconcileJournal } from '../store/journal';
import { TOOL_VERSION } from '../version';
import { serviceError } from './errors';
import { searchText } from './finding-query';
import { JobRunner } from './jobs';
import type { Emit } from './ports';
import { planDto, runDto, sameScimUrl, type ProfileChoice } from './reconcile-dto';

/** Same budget as `roster reconcile`: writes are retried only on 429 (and GET, PUT, DELETE on 5xx), so retries cost no duplicates. */
const HTTP_SETTINGS = { timeoutMs: 60_000, retry: { maxRetries: 6, baseDelayMs: 500, maxDelayMs: 60_000 }, concurrency: 1 };

/** The SCIM connection of a profile. The token stays in main: it goes into the HTTP client and nowhere else. */
export interface ScimCredentials {
  baseUrl: string;
  token: string;
}

export interface ReconcileServiceOptions {
  workspace: { dir: string; open(): Promise<Workspace> };
  /** Profiles that can send a plan, without secrets. */
  listProfiles(): Promise<ProfileChoice[]>;
  /** Reads the profile's SCIM URL and token from the secret store; raises `missing_secret` or `not_found`. */
  scimCredentials(profileId: string): Promise<ScimCredentials>;
  runBy: string;
  logger: IpcLogger;
  transport?: NodeTransportOptions;
  /** Replaces the HTTP retry budget, e.g. with short delays in tests. */
  retry?: { maxRetries: number; baseDelayMs: number; maxDelayMs: number };
}

type PlanInput = ParsedRequestOf<'reconcile:plan'>;

interface ActiveRun {
  jobId: string;
  pause: PauseGate;
}

export class ReconcileService {
  readonly jobs = new JobRunner();
  private readonly active = new Map<string, ActiveRun>();
  private journal: Promise<ReconcileJournal> | null = null;
  private audits = new Map<string, AuditResult>();
  /** `reconcile:finished` events still being prepared, so `idle` can wait for them too. */
  private readonly finishing = new Set<Promise<void>>();

  constructor(private readonly options: ReconcileServiceOptions) {}

  async plan(input: PlanInput): Promise<ResponseOf<'reconcile:plan'>> {
    const { plan, selected } = await this.buildPlan(input);
    return planDto(plan, selected, await this.options.listProfiles());
  }

  /**
   * Builds the plan again from the same request, checks the threshold and the profile, and starts the
   * run as a job. Returns once the journal contains the run, so its id can be resumed even after a crash.
   */
  async start(input: ParsedRequestOf<'reconcile:start'>, emit: Emit): Promise<ResponseOf<'reconcile:start'>> {
    const { plan } = await this.buildPlan(input);
    if (plan.rejection !== null) {
      throw serviceError('reconcile_rejected', plan.rejection, { count: plan.deletions.count, threshold: plan.deletions.threshold });
    }
    if (plan.operations.length === 0) {
      throw serviceError('reconcile_nothing_to_do', 'The plan has no operations, so there is nothing to send. Select other findings or enable a toggle.', { snapshotId: plan.snapshotId });
    }
    const clients = await this.clientsFor(input.profileId, plan.sentryBaseUrl);
    const journal = await this.openJournal();
    return this.launch(emit, clients, plan.snapshotId, (options) => executePlan(plan, { ...options, journal }));
  }

  async resumeRun(runId: string, profileId: string, emit: Emit): Promise<ResponseOf<'reconcile:resumeRun'>> {
    if (this.active.has(runId)) throw serviceError('reconcile_run_active', `Run ${runId} is still running. Pause or cancel it first.`, { runId });
    const journal = await this.openJournal();
    const run = journal.readRun(runId);
    if (run === null) throw serviceError('not_found', `No reconcile run ${runId} in workspace ${this.options.workspace.dir}. Refresh the list of runs.`, { runId });
    const clients = await this.clientsFor(profileId, run.sentryBaseUrl);
    return this.launch(emit, clients, run.snapshotId, (options) => resumeRun(runId, { ...options, journal }));
  }

  pause(runId: string): ResponseOf<'reconcile:pause'> {
    const run = this.requireActive(runId);
    run.pause.pause();
    this.options.logger.info('reconcile run pause requested', { runId });
    return { paused: true };
  }

  resume(runId: string, emit: Emit): ResponseOf<'reconcile:resume'> {
    const run = this.requireActive(runId);
    const wasPaused = run.pause.paused;
    run.pause.resume();
    if (wasPaused) emit('reconcile:progress', { runId, type: 'resumed', position: 0, total: 0, seq: null, state: null, httpStatus: null, reason: null });
    this.options.logger.info('reconcile run resumed', { runId });
    return { resumed: wasPaused };
  }

  /** Stops the run before its next request; the request in flight finishes or is aborted and checked on resume. */
  cancel(runId: string): ResponseOf<'reconcile:cancel'> {
    const run = this.requireActive(runId);
    this.options.logger.info('reconcile run cancel requested', { runId });
    return { cancelled: this.jobs.cancel(run.jobId) };
  }

  async runs(): Promise<ResponseOf<'reconcile:runs'>> {
    const journal = await this.openJournal();
    // listRuns leaves out the operations, which the run's counts and unfinished flag need.
    const runs = journal
      .listRuns()
      .map((summary) => journal.readRun(summary.id))
      .filter((run) => run !== null)
      .map((run) => runDto(run, this.liveState(run.id)));
    return { runs };
  }

  async run(runId: string): Promise<ResponseOf<'reconcile:run'>> {
    const journal = await this.openJournal();
    const run = journal.readRun(runId);
    if (run === null) throw serviceError('not_found', `No reconcile run ${runId} in workspace ${this.options.workspace.dir}. Refresh the list of runs.`, { runId });
    return runDto(run, this.liveState(runId));
  }

  /** Waits for every run started so far to end and report its end, e.g. before quitting or at the end of a test. */
  async idle(): Promise<void> {
    await this.jobs.idle();
    await Promise.all([...this.finishing]);
  }

  private liveState(runId: string): { active: boolean; paused: boolean } {
    const run = this.active.get(runId);
    return { active: run !== undefined, paused: run?.pause.paused ?? false };
  }

  private requireActive(runId: string): ActiveRun {
    const run = this.active.get(runId);
    if (run) return run;
    throw serviceError('reconcile_run_not_active', `Run ${runId} is not running in this window. Resume it from the list of unfinished runs.`, { runId });
  }

  private async buildPlan(input: PlanInput): Promise<{ plan: ReconcilePlan; selected: number }> {
    const snapshot = await this.readSnapshot(input.snapshotId);
    const audit = this.auditOf(snapshot);
    let findingIds = input.findingIds;
    if (findingIds.length === 0 && input.filter) findingIds = filteredIds(audit, input.filter);
    if (input.findingIds.length === 0 && input.filter && findingIds.length === 0) {
      throw serviceError('reconcile_nothing_to_do', 'No finding that reconcile can fix matches the filter, so there is nothing to plan. Clear or change the filter.', { snapshotId: input.snapshotId });
    }
    const known = new Set(audit.findings.map((finding) => finding.id));
    const unknown = findingIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw serviceError('not_found', `Finding ${unknown[0]} is not in the audit of snapshot ${input.snapshotId}. Run the audit again and select the findings anew.`, {
        findingId: unknown[0],
        snapshotId: input.snapshotId
      });
    }
    const plan = buildPlan(snapshot, audit, { findingIds }, input.options);
    return { plan, selected: findingIds.length > 0 ? findingIds.length : audit.findings.filter((finding) => RECONCILE_KINDS.includes(finding.kind)).length };
  }

  private async readSnapshot(id: string): Promise<Snapshot> {
    const workspace = await this.options.workspace.open();
    if (!workspace.list().some((summary) => summary.id === id)) {
      throw serviceError('not_found', `No snapshot ${id} in workspace ${this.options.workspace.dir}. Reconcile works from workspace snapshots only; take or import a snapshot first.`, {
        snapshotId: id
      });
    }
    return workspace.readSnapshot(id as SnapshotId);
  }

  /** Audits a snapshot once; snapshots never change, so the result stays valid. */
  private auditOf(snapshot: Snapshot): AuditResult {
    let audit = this.audits.get(snapshot.meta.id);
    if (audit === undefined) {
      // NOTE: this runs on the main thread; for the 100,000-finding tenants of the audit benchmark it blocks main for seconds.
      audit = auditSnapshot(snapshot);
      this.audits.clear();
      this.audits.set(snapshot.meta.id, audit);
    }
    return audit;
  }

  private openJournal(): Promise<ReconcileJournal> {
    this.journal ??= this.options.workspace.open().then((workspace) => ReconcileJournal.open(workspace.dir));
    return this.journal;
  }

  private async clientsFor(profileId: string, plannedUrl: string): Promise<{ writer: ScimWriter; reader: ScimClient }> {
    const credentials = await this.options.scimCredentials(profileId);
    if (!sameScimUrl(credentials.baseUrl, plannedUrl)) {
      throw serviceError(
        'reconcile_sentry_mismatch',
        `The connection's SCIM URL ${credentials.baseUrl} is not the one the snapshot was taken from, ${plannedUrl}. Choose the connection of that Sentry organization.`,
        { profileUrl: credentials.baseUrl, snapshotUrl: plannedUrl, profileId }
      );
    }
    const http = new HttpClient({
      transport: createNodeTransport(this.options.transport ?? {}),
      service: 'Sentry SCIM',
      ...HTTP_SETTINGS,
      ...(this.options.retry ? { retry: this.options.retry } : {})
    });
    // The writer compares its URL with the plan's, so it gets the snapshot's spelling of the same URL.
    const baseUrl = parseScimBaseUrl(plannedUrl).url;
    return { writer: new ScimWriter({ baseUrl, token: credentials.token, http }), reader: new ScimClient({ baseUrl, token: credentials.token, http }) };
  }

  /**
   * Runs `work` as a job and resolves with the run id from its first progress event. A run that fails
   * before the journal contains it rejects the request instead, so the renderer sees the error.
   */
  private launch(
    emit: Emit,
    clients: { writer: ScimWriter; reader: ScimClient },
    snapshotId: string,
    work: (options: { writer: ScimWriter; runBy: string; signal: AbortSignal; pause: PauseGate; onProgress: (event: ReconcileProgress) => void }) => Promise<RunResult>
  ): Promise<{ runId: string }> {
    const pause = new PauseGate();
    const { logger, runBy } = this.options;

    return new Promise((resolve, reject) => {
      let runId: string | null = null;
      const onProgress = (event: ReconcileProgress): void => {
        if (event.type === 'run') {
          runId = event.runId;
          this.active.set(runId, { jobId, pause });
          logger.info(event.resumed ? 'reconcile run resumed' : 'reconcile run started', { runId, total: event.total, snapshotId });
          resolve({ runId });
        }
        emit('reconcile:progress', progressEvent(event));
      };

      const jobId = this.jobs.start(
        async ({ signal }) => {
          const result = await work({ writer: clients.writer, runBy, signal, pause, onProgress });
          if (result.state !== 'completed') return { result, verifyError: null };
          return { result, verifyError: await this.verify(result, clients.reader, emit) };
        },
        (_jobId, end) => {
          if (runId === null) {
            const error = end.outcome === 'failed' ? end.error : new Error('The run stopped before it started.');
            logger.error('reconcile run could not start', { snapshotId, error });
            reject(error);
            return;
          }
          this.active.delete(runId);
          const finishing = this.finish(runId, end, emit).finally(() => this.finishing.delete(finishing));
          this.finishing.add(finishing);
        }
      );
    });
  }

  private async verify(result: RunResult, reader: ScimClient, emit: Emit): Promise<Error | null> {
    emit('reconcile:progress', { runId: result.runId, type: 'verifying', position: result.operations.length, total: result.operations.length, seq: null, state: null, httpStatus: null, reason: null });
    try {
      const workspace = await this.options.workspace.open();
      const journal = await this.openJournal();
      const snapshot = await workspace.readSnapshot(result.plan.snapshotId);
      await verifyRun(result.runId, { scim: reader, workspace, journal, snapshot, runBy: this.options.runBy, toolVersion: TOOL_VERSION });
      return null;
    } catch (error) {
      this.options.logger.error('reconcile verification failed', { runId: result.runId, error });
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  private async finish(runId: string, end: Parameters<Parameters<JobRunner['start']>[1]>[1], emit: Emit): Promise<void> {
    let run: ResponseOf<'reconcile:run'> | null = null;
    try {
      run = await this.run(runId);
    } catch (error) {
      this.options.logger.error('reconcile run could not be read after it ended', { runId, error });
    }

    if (end.outcome === 'failed') {
      const message = end.error instanceof Error ? end.error.message : String(end.error);
      this.options.logger.error('reconcile run failed', { runId, error: end.error });
      emit('reconcile:finished', { runId, outcome: 'failed', run, error: { code: 'run_failed', message } });
      return;
    }
    const value = end.outcome === 'completed' ? (end.value as { result: RunResult; verifyError: Error | null }) : null;
    const outcome = value?.result.state ?? 'cancelled';
    let error = value?.verifyError ? { code: 'verification_failed', message: value.verifyError.message } : null;
    const stopped = value?.result.stoppedBecause ?? null;
    if (stopped !== null) error = { code: /\bHTTP 401\b/.test(stopped) ? 'scim_unauthorized' : 'run_stopped', message: stopped };
    this.options.logger.info('reconcile run ended', { runId, outcome, failed: value?.result.failed ?? null });
    emit('reconcile:finished', { runId, outcome, run, error });
  }
}

function progressEvent(event: ReconcileProgress): ReconcileProgressEvent {
  const base = { runId: event.runId, type: event.type, seq: null, state: null, httpStatus: null, reason: null };
  switch (event.type) {
    case 'run':
      return { ...base, position: 0, total: event.total };
    case 'started':
      return { ...base, position: event.position, total: event.total, seq: event.operation.seq, state: 'pending' };
    case 'finished':
      return { ...base, position: event.position, total: event.total, seq: event.operation.seq, state: event.outcome.state, httpStatus: event.outcome.httpStatus, reason: event.outcome.reason };
    case 'paused':
      return { ...base, position: event.position, total: event.total };
  }
}

/**
 * Selects the ids of the findings the Audit screen's filter shows, matched as its findings list matches them,
 * limited to the kinds the plan can fix so other kinds do not fill the skipped list.
 */
function filteredIds(audit: AuditResult, filter: NonNullable<PlanInput['filter']>): string[] {
  const text = filter.text.trim().toLowerCase();
  return audit.findings
    .filter((finding) => RECONCILE_KINDS.includes(finding.kind))
    .filter((finding) => filter.kinds.length === 0 || filter.kinds.includes(finding.kind))
    .filter((finding) => filter.severities.length === 0 || filter.severities.includes(finding.severity))
    .filter((finding) => text === '' || searchText(finding).includes(text))
    .map((finding) => finding.id);
}

/** Builds the credentials port from the connection service, which reads the token from the secret store. */
export function scimCredentialsFromConnections(connections: {
  settingsFor(id: string): Promise<{ settings: { sentryUrl: string; sentryToken: string } }>;
}): (profileId: string) => Promise<ScimCredentials> {
  return async (profileId) => {
    const { settings } = await connections.settingsFor(profileId);
    return { baseUrl: settings.sentryUrl, token: settings.sentryToken };
  };
}

/** Builds the profile list port from the connection service's list, which reports only whether a token is stored. */
export function profileChoicesFromConnections(connections: {
  list(): Promise<{ profiles: Array<{ id: string; name: string; sentryScimUrl: string; hasSecret: { scimToken: boolean } }> }>;
}): () => Promise<ProfileChoice[]> {
  return async () => (await connections.list()).profiles.map((profile) => ({ id: profile.id, name: profile.name, sentryScimUrl: profile.sentryScimUrl, hasScimToken: profile.hasSecret.scimToken }));
}
