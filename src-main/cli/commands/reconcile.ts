import { userInfo } from 'node:os';
import { auditSnapshot } from '../../audit';
import { HttpClient } from '../../http/client';
import { createNodeTransport } from '../../http/node-transport';
import { FINDING_KINDS, type FindingKind } from '../../model/finding';
import type { Snapshot, SnapshotId } from '../../model/snapshot';
import type { JournalRun } from '../../store/journal';
import { buildPlan, executePlan, resumeRun, verifyRun, type ReconcilePlan, type ReconcileProgress, type RunResult, type VerificationResult } from '../../reconcile';
import { ScimClient } from '../../scim/client';
import { ScimWriter } from '../../scim/write-client';
import { Workspace } from '../../store';
import { ReconcileJournal } from '../../store/journal';
import { TOOL_VERSION } from '../../version';
import { type Command, type CommandContext, stringOption } from '../command';
import { UsageError } from '../errors';
import { PREVIOUS_OPTION, ROLE_MAP_OPTION, readPreviousSnapshot, readRoleMapping, readSnapshotOption } from '../snapshot-args';
import { formatTable } from '../table';
import { openExistingWorkspace } from '../workspace';

/** Writes are retried only on 429 (and GET, PUT, DELETE on 5xx), so a generous budget costs no duplicates. */
const HTTP_SETTINGS = { timeoutMs: 60_000, retry: { maxRetries: 6, baseDelayMs: 500, maxDelayMs: 60_000 }, concurrency: 1 };

export const reconcileCommand: Command = {
  name: 'reconcile',
  summary: 'Plan or apply SCIM changes in Sentry that fix selected findings, journaled and verified',
  usage: [
    'roster reconcile [--snapshot ID|latest] [--kinds k1,k2] [--finding ID ...] (--plan | --apply [--yes])',
    '                 [--allow-deletes] [--allow-owner-changes] [--recreate-mismatched] [--max-deletes N]',
    '                 [--sentry-url URL] [--role-map FILE] [--previous ID|none]',
    'roster reconcile --resume RUN_ID --sentry-url URL',
    '  --apply sends the plan to Sentry after a confirmation on the terminal (--yes skips it). The SCIM token',
    '  comes from ROSTER_SENTRY_TOKEN. --max-deletes N allows up to N member deletions in this run.'
  ].join('\n'),
  options: {
    snapshot: { type: 'string' },
    kinds: { type: 'string' },
    finding: { type: 'string', multiple: true },
    plan: { type: 'boolean' },
    apply: { type: 'boolean' },
    yes: { type: 'boolean' },
    'allow-deletes': { type: 'boolean' },
    'allow-owner-changes': { type: 'boolean' },
    'recreate-mismatched': { type: 'boolean' },
    'max-deletes': { type: 'string' },
    resume: { type: 'string' },
    'sentry-url': { type: 'string' },
    ...PREVIOUS_OPTION,
    ...ROLE_MAP_OPTION
  },
  async run(context) {
    const resume = stringOption(context, 'resume');
    let mode: 'resume' | 'apply' | 'plan' | null = null;
    if (resume !== undefined) mode = 'resume';
    else if (context.values.apply) mode = 'apply';
    else if (context.values.plan) mode = 'plan';
    if (mode === null) throw new UsageError('choose --plan to print the plan, --apply to send it, or --resume RUN_ID to finish an interrupted run.');
    if (context.values.plan && context.values.apply) throw new UsageError('--plan and --apply exclude each other: print the plan first, then run again with --apply.');
    if (mode !== 'plan') requireSentryAccess(context);

    const workspace = await openExistingWorkspace(context.workspaceDir);
    try {
      if (mode === 'resume') return await resumeCommand(context, workspace, resume as string);
      const { snapshot, plan } = await planFromOptions(context, workspace);
      context.stdout(formatPlan(plan));
      if (mode === 'plan') return 0;
      return await applyCommand(context, workspace, snapshot, plan);
    } finally {
      workspace.close();
    }
  }
};

async function planFromOptions(context: CommandContext, workspace: Workspace): Promise<{ snapshot: Snapshot; plan: ReconcilePlan }> {
  const kinds = readKinds(context);
  const findingIds = Array.isArray(context.values.finding) ? context.values.finding : [];
  const maxDeletes = readMaxDeletes(context);
  const roleMapping = readRoleMapping(context);

  const snapshot = await readSnapshotOption(context, workspace);
  const previous = await readPreviousSnapshot(context, workspace, snapshot);
  const audit = auditSnapshot(snapshot, { previous, roleMapping });
  try {
    const plan = buildPlan(snapshot, audit, { kinds, findingIds }, {
      allowDeletes: Boolean(context.values['allow-deletes']),
      allowOwnerChanges: Boolean(context.values['allow-owner-changes']),
      recreateMismatched: Boolean(context.values['recreate-mismatched']),
      maxDeletes
    });
    return { snapshot, plan };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function applyCommand(context: CommandContext, workspace: Workspace, snapshot: Snapshot, plan: ReconcilePlan): Promise<number> {
  if (plan.rejection !== null) throw new Error(plan.rejection);
  if (plan.operations.length === 0) {
    context.stderr('Nothing to apply: the plan has no operations.');
    return 0;
  }
  const clients = buildClients(context, plan.sentryBaseUrl);
  if (!context.values.yes) {
    const question = `Send ${plan.operations.length} SCIM operations (${plan.deletions.count} member deletions) to Sentry org ${clients.writer.org}?`;
    if (!(await context.confirm(question))) throw new Error('not applied: the plan was not confirmed. Answer y on the terminal, or pass --yes for scripted runs.');
  }

  const journal = await ReconcileJournal.open(workspace.dir);
  const result = await withInterrupt((signal) => executePlan(plan, { writer: clients.writer, journal, runBy: userInfo().username, signal, onProgress: progressPrinter(context) }));
  return finishRun(context, workspace, journal, clients.reader, snapshot, result);
}

async function resumeCommand(context: CommandContext, workspace: Workspace, runId: string): Promise<number> {
  const journal = await ReconcileJournal.open(workspace.dir);
  const run = journal.readRun(runId);
  if (run === null) throw new UsageError(`no reconcile run '${runId}' in workspace ${workspace.dir}. Use the run id printed when the run started.`);
  const snapshot = await workspace.readSnapshot(run.snapshotId as SnapshotId);
  const clients = buildClients(context, run.sentryBaseUrl);

  const result = await withInterrupt((signal) => resumeRun(runId, { writer: clients.writer, journal, runBy: userInfo().username, signal, onProgress: progressPrinter(context) }));
  return finishRun(context, workspace, journal, clients.reader, snapshot, result);
}

async function finishRun(context: CommandContext, workspace: Workspace, journal: ReconcileJournal, reader: ScimClient, snapshot: Snapshot, result: RunResult): Promise<number> {
  let verification: VerificationResult | null = null;
  if (result.state === 'completed') {
    context.stderr('Reading Sentry again to verify...');
    verification = await verifyRun(result.runId, { scim: reader, workspace, journal, snapshot, runBy: userInfo().username, toolVersion: TOOL_VERSION });
  }
  const run = journal.readRun(result.runId);
  if (run === null) throw new Error(`reconcile run ${result.runId} is missing from workspace ${workspace.dir} after it ran.`);
  context.stdout(formatRun(run, verification));

  if (result.stoppedBecause !== null) {
    context.stderr(`${result.stoppedBecause} Set ROSTER_SENTRY_TOKEN to the current SCIM token, then finish the run with: roster reconcile --resume ${result.runId} --sentry-url ${run.sentryBaseUrl}`);
    return 1;
  }
  if (result.state === 'cancelled') {
    context.stderr(`Run ${result.runId} was cancelled. Finish it with: roster reconcile --resume ${result.runId} --sentry-url ${run.sentryBaseUrl}`);
    return 1;
  }
  if (result.failed > 0) context.stderr(`${result.failed} operations failed. Fix the cause, then retry them with: roster reconcile --resume ${result.runId} --sentry-url ${run.sentryBaseUrl}`);
  return result.failed > 0 ? 1 : 0;
}

/** Checks before any planning that the flags and token a change needs are there, so a mistake costs no wait. */
function requireSentryAccess(context: CommandContext): void {
  if (!stringOption(context, 'sentry-url')) {
    throw new UsageError('--sentry-url is required to change Sentry: the SCIM Base URL the snapshot was taken from (`roster show ID` prints it).');
  }
  if (!context.env.ROSTER_SENTRY_TOKEN) {
    throw new UsageError('ROSTER_SENTRY_TOKEN is not set: export the SCIM "Auth Token" from Sentry, Settings > Auth > SCIM Information.');
  }
}

function buildClients(context: CommandContext, plannedUrl: string): { writer: ScimWriter; reader: ScimClient } {
  const sentryUrl = stringOption(context, 'sentry-url');
  if (!sentryUrl) throw new UsageError(`--sentry-url is required to change Sentry: the SCIM Base URL the snapshot was taken from, ${plannedUrl}.`);
  const token = context.env.ROSTER_SENTRY_TOKEN;
  if (!token) throw new UsageError('ROSTER_SENTRY_TOKEN is not set: export the SCIM "Auth Token" from Sentry, Settings > Auth > SCIM Information.');

  const http = new HttpClient({ transport: createNodeTransport(), service: 'Sentry SCIM', ...HTTP_SETTINGS });
  return { writer: new ScimWriter({ baseUrl: sentryUrl, token, http }), reader: new ScimClient({ baseUrl: sentryUrl, token, http }) };
}

/**
 * Ctrl+C cancels between requests; the journal keeps the run so it can be resumed. The handler stays
 * until the run ends, because a terminal's SIGINT reaches npm, tsx and Roster at once and a second
 * one must not end the process while the journal is being written.
 */
async function withInterrupt<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onInterrupt = (): void => controller.abort();
  process.on('SIGINT', onInterrupt);
  try {
    return await work(controller.signal);
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}

function progressPrinter(context: CommandContext): (event: ReconcileProgress) => void {
  return (event) => {
    if (event.type === 'run') {
      context.stderr(`Run ${event.runId} ${event.resumed ? 'resumed' : 'started'} with ${event.total} operations.`);
      return;
    }
    const step = `[${event.position}/${event.total}]`;
    if (event.type === 'started') context.stderr(`${step} started: ${event.operation.method} ${event.operation.path} (${event.operation.kind})`);
    else if (event.type === 'finished') {
      const status = event.outcome.httpStatus === null ? '' : ` HTTP ${event.outcome.httpStatus}`;
      context.stderr(`${step} ${event.outcome.state}${status}${event.outcome.reason ? `: ${event.outcome.reason}` : ''}`);
    } else context.stderr(`${step} paused`);
  };
}

function readKinds(context: CommandContext): FindingKind[] {
  const raw = stringOption(context, 'kinds');
  if (raw === undefined) return [];
  const kinds = raw.split(',').map((kind) => kind.trim()).filter((kind) => kind !== '');
  const unknown = kinds.filter((kind) => !(FINDING_KINDS as readonly string[]).includes(kind));
  if (unknown.length > 0) throw new UsageError(`--kinds has unknown finding kinds: ${unknown.join(', ')}. Use names such as user.missing_in_sentry,group.name_mismatch.`);
  return kinds as FindingKind[];
}

function readMaxDeletes(context: CommandContext): number | null {
  const raw = stringOption(context, 'max-deletes');
  if (raw === undefined) return null;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--max-deletes must be a whole number of member deletions, 0 or more, not "${raw}".`);
  return Number(raw);
}

function formatPlan(plan: ReconcilePlan): string {
  const options = Object.entries(plan.options).filter(([, value]) => value !== false && value !== null).map(([name, value]) => (value === true ? name : `${name}=${value}`));
  const lines = [
    `Reconcile plan for snapshot ${plan.snapshotId} (${plan.sentryBaseUrl}): ${plan.operations.length} operations, ${plan.deletions.count} member deletions (threshold ${plan.deletions.threshold}).`,
    `Options: ${options.length > 0 ? options.join(', ') : 'none (no deletions, no owner changes, no recreations)'}.`
  ];
  if (plan.operations.length > 0) {
    const rows = plan.operations.map((operation) => [String(operation.seq), `${operation.method} ${operation.path}`, operation.body === null ? '' : JSON.stringify(operation.body), operation.consequence, operation.findingId]);
    lines.push('', formatTable(['#', 'REQUEST', 'BODY', 'CONSEQUENCE', 'FINDING'], rows));
  }
  if (plan.skipped.length > 0) {
    const rows = plan.skipped.map((item) => [item.description, item.reason, item.toggle ?? '-', item.findingId]);
    lines.push('', 'Skipped:', formatTable(['WHAT', 'REASON', 'ENABLE WITH', 'FINDING'], rows));
  }
  for (const advice of plan.advice) {
    const counts = advice.whatIf ? ` What-if with ${advice.whatIf.sourceAttribute}: link ${advice.whatIf.link}, create ${advice.whatIf.create}, duplicate ${advice.whatIf.duplicate}, skip ${advice.whatIf.skip}, orphaned ${advice.whatIf.orphaned}.` : '';
    lines.push('', `${advice.memberUserName} does not match "${advice.entraValue}" (${advice.findingId}); Sentry cannot rename it. Choices:`, `  1. ${advice.changeMapping}${counts}`, `  2. ${advice.recreate}${advice.recreatePlanned ? ' (planned above)' : ' (enable with --recreate-mismatched)'}`);
  }
  for (const note of plan.notes) lines.push(`Note: ${note}`);
  if (plan.rejection !== null) lines.push('', plan.rejection);
  return lines.join('\n');
}

function formatRun(run: JournalRun, verification: VerificationResult | null): string {
  const rows = run.operations.map((operation) => [
    String(operation.seq),
    `${operation.method} ${operation.path}`,
    operation.state,
    operation.httpStatus === null ? '-' : String(operation.httpStatus),
    verifiedText(operation.verified),
    operation.reason ?? operation.responseSummary ?? ''
  ]);
  const lines = [`Reconcile run ${run.id} (${run.state}), run by ${run.runBy}, from snapshot ${run.snapshotId}.`, '', formatTable(['#', 'REQUEST', 'STATE', 'HTTP', 'VERIFIED', 'DETAIL'], rows)];
  if (verification) {
    const verified = verification.operations.filter((operation) => operation.verified === true).length;
    lines.push('', `Verification snapshot ${verification.snapshotId}: ${verified} of ${verification.operations.length} operations verified; the audit now reports ${verification.audit.findings.length} findings.`);
  }
  return lines.join('\n');
}

function verifiedText(value: boolean | null): string {
  if (value === null) return '-';
  return value ? 'yes' : 'no';
}
