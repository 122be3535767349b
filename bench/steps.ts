import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { auditSnapshot } from '../src-main/audit';
import { type CaptureProgress, type CaptureResult, captureSnapshot } from '../src-main/capture/capture';
import type { AuditResult } from '../src-main/model/audit-result';
import type { Snapshot, SnapshotMeta } from '../src-main/model/snapshot';
import { buildWorkbook, writeFileAtomic } from '../src-main/report';
import { SNAPSHOTS_FOLDER, Workspace } from '../src-main/store';
import { TOOL_VERSION } from '../src-main/version';
import { buildCaptureClients } from './capture-clients';
import { formatMegabytes, formatSeconds } from './format';
import type { FakesReady, StepName } from './protocol';

/** State passed from one step to the next. The captured data is cleared once it is written. */
export interface BenchState {
  fakes: FakesReady;
  workDir: string;
  captured: CaptureResult | null;
  meta: SnapshotMeta | null;
  snapshot: Snapshot | null;
  audit: AuditResult | null;
  /** Warnings for the printed report, such as an unexpected number of findings. */
  notes: string[];
}

/** Runs one step and returns a line of detail about what it did. */
export async function runStep(step: StepName, state: BenchState): Promise<string> {
  switch (step) {
    case 'capture':
      return capture(state);
    case 'write':
      return write(state);
    case 'read':
      return read(state);
    case 'audit':
      return audit(state);
    case 'report':
      return report(state);
  }
}

function required<T>(value: T | null, description: string): T {
  if (value === null) throw new Error(`${description} is missing; the steps must run in the order capture, write, read, audit, report.`);
  return value;
}

/** Captures both sides from the fakes with the clients `roster fetch` builds. */
async function capture(state: BenchState): Promise<string> {
  const { graph, scim } = buildCaptureClients(state.fakes);
  const finished = new Map<string, CaptureProgress>();
  const onProgress = (event: CaptureProgress): void => {
    if (event.state !== 'running') finished.set(event.source, event);
  };
  state.captured = await captureSnapshot({ graph, scim, appRef: { appId: state.fakes.appId }, onProgress });

  let pages = 0;
  let rows = 0;
  let retries = 0;
  for (const source of finished.values()) {
    pages += source.pages;
    rows += source.rows;
    retries += source.retries;
  }
  if (retries > 0) state.notes.push(`capture: the clients retried ${retries} requests, which adds their back-off to the capture time.`);
  return `${finished.size} sources, ${rows} rows in ${pages} pages, ${retries} retries`;
}

/** Opens the workspace and writes the snapshot, as `roster fetch` does after capturing. */
async function write(state: BenchState): Promise<string> {
  const captured = required(state.captured, 'the captured snapshot');
  const workspace = await Workspace.open(join(state.workDir, 'workspace'));
  try {
    state.meta = await workspace.writeSnapshot({
      meta: { ...captured.meta, createdAt: new Date().toISOString(), origin: 'live', toolVersion: TOOL_VERSION, capturedBy: 'bench' },
      data: captured.data
    });
  } finally {
    workspace.close();
  }
  state.captured = null;

  const file = await stat(join(state.workDir, 'workspace', SNAPSHOTS_FOLDER, `${state.meta.id}.sqlite`));
  return `snapshot file ${formatMegabytes(file.size)}`;
}

/** Opens the workspace and reads the snapshot back, as `roster audit` and `roster report` do. */
async function read(state: BenchState): Promise<string> {
  const meta = required(state.meta, 'the written snapshot');
  const workspace = await Workspace.open(join(state.workDir, 'workspace'));
  try {
    state.snapshot = await workspace.readSnapshot(meta.id);
  } finally {
    workspace.close();
  }
  const { entra, sentry } = state.snapshot.data;
  return `${entra.users.length} Entra users, ${sentry.users.length} SCIM members`;
}

async function audit(state: BenchState): Promise<string> {
  const snapshot = required(state.snapshot, 'the snapshot read back');
  state.audit = auditSnapshot(snapshot);

  const found = countByKind(state.audit.findings.map((finding) => finding.kind));
  const planted = state.fakes.expectedFindings;
  const differences: string[] = [];
  for (const kind of new Set([...Object.keys(planted), ...found.keys()])) {
    const foundCount = found.get(kind) ?? 0;
    const plantedCount = planted[kind] ?? 0;
    if (foundCount !== plantedCount) differences.push(`${kind} ${foundCount} found, ${plantedCount} planted`);
  }
  if (differences.length > 0) state.notes.push(`audit findings differ from the generator's planted drift: ${differences.join('; ')}.`);

  const plantedTotal = Object.values(planted).reduce((sum, count) => sum + count, 0);
  return `${state.audit.findings.length} findings (${plantedTotal} planted)`;
}

function countByKind(kinds: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/** Builds the English workbook and writes it, as `roster report` does. */
async function report(state: BenchState): Promise<string> {
  const snapshot = required(state.snapshot, 'the snapshot read back');
  const result = required(state.audit, 'the audit result');

  const begin = performance.now();
  const workbook = buildWorkbook({ snapshot: snapshot.meta, audit: result, compare: null, runBy: 'bench', generatedAt: new Date(), toolVersion: TOOL_VERSION }, 'en');
  const buildMs = performance.now() - begin;
  await writeFileAtomic(join(state.workDir, 'report.xlsx'), workbook);
  const writeMs = performance.now() - begin - buildMs;

  return `build ${formatSeconds(buildMs)}, write ${formatSeconds(writeMs)}, ${formatMegabytes(workbook.length)}`;
}
