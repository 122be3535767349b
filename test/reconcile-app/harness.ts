/**
 * The reconcile handlers against the fake SCIM server: a temporary workspace with the demo seed's
 * snapshot (with the fake's URL), four connection profiles and a dispatcher that records every event.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReconcileService, type ScimCredentials } from '../../src-main/app-services/reconcile-service';
import type { ProfileChoice } from '../../src-main/app-services/reconcile-dto';
import type { EventName, EventPayloadOf } from '../../src-main/ipc/contract';
import { createDispatcher, createEmitter, type Dispatch, type IpcLogger } from '../../src-main/ipc/dispatch';
import { createHandlerTable } from '../../src-main/ipc/handlers';
import { createJsonSettingsStore } from '../../src-main/ipc/settings-file';
import type { Snapshot } from '../../src-main/model/snapshot';
import { Workspace } from '../../src-main/store';
import { startScimFake, type ScimFake } from '../fakes/scim';
import { demoSeed, writeSeedSnapshot } from '../reconcile/helpers';

export const MATCHING_PROFILE = 'contoso';
export const OTHER_PROFILE = 'northwind';
export const NO_TOKEN_PROFILE = 'contoso-without-token';
/** Points at the fake with a token it rejects (HTTP 401). */
export const WRONG_TOKEN_PROFILE = 'contoso-revoked-token';

export interface RecordedEvent {
  event: EventName;
  payload: unknown;
}

export interface ReconcileHarness {
  fake: ScimFake;
  token: string;
  dir: string;
  workspace: Workspace;
  snapshot: Snapshot;
  service: ReconcileService;
  dispatch: Dispatch;
  events: RecordedEvent[];
  logLines: string[];
  /** Calls a channel and returns its value, failing the test with the error when the call fails. */
  call<T = unknown>(channel: string, payload: unknown): Promise<T>;
  eventsOf<E extends EventName>(event: E): Array<EventPayloadOf<E>>;
  close(): Promise<void>;
}

export async function startReconcileHarness(options: { latencyMs?: number } = {}): Promise<ReconcileHarness> {
  const seed = demoSeed();
  const fake = await startScimFake(structuredClone(seed.scim));
  if (options.latencyMs !== undefined) fake.faults.set({ latencyMs: options.latencyMs });
  const dir = await mkdtemp(join(tmpdir(), 'roster-reconcile-app-'));
  const workspaceDir = join(dir, 'workspace');
  const workspace = await Workspace.open(workspaceDir);
  const snapshot = await writeSeedSnapshot(workspace, seed, fake.baseUrl);

  const logLines: string[] = [];
  const record = (level: string) => (message: string, fields?: Record<string, unknown>) => logLines.push(`${level} ${message} ${JSON.stringify(fields ?? {}, (_key, value: unknown) => (value instanceof Error ? value.message : value))}`);
  const logger: IpcLogger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };

  const profiles: ProfileChoice[] = [
    { id: MATCHING_PROFILE, name: 'Contoso Sentry', sentryScimUrl: `${fake.baseUrl}/`, hasScimToken: true },
    { id: OTHER_PROFILE, name: 'Northwind Sentry', sentryScimUrl: 'https://sentry.io/api/0/organizations/northwind/scim/v2', hasScimToken: true },
    { id: NO_TOKEN_PROFILE, name: 'Contoso without token', sentryScimUrl: fake.baseUrl, hasScimToken: false },
    { id: WRONG_TOKEN_PROFILE, name: 'Contoso with a revoked token', sentryScimUrl: fake.baseUrl, hasScimToken: true }
  ];
  const credentials = async (profileId: string): Promise<ScimCredentials> => {
    const profile = profiles.find((candidate) => candidate.id === profileId);
    if (!profile) throw new Error(`test harness has no profile ${profileId}`);
    return { baseUrl: profile.sentryScimUrl, token: profileId === WRONG_TOKEN_PROFILE ? 'revoked-token' : seed.scim.token };
  };

  const service = new ReconcileService({
    workspace: { dir: workspaceDir, open: async () => workspace },
    listProfiles: async () => profiles,
    scimCredentials: credentials,
    runBy: 'auditor',
    logger,
    retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 50 }
  });

  const table = createHandlerTable({
    appInfo: () => ({ name: 'Roster', version: '0.0.0-test', platform: process.platform, workspaceDir, logDir: dir }),
    workspace: { dir: workspaceDir, open: async () => workspace },
    settings: createJsonSettingsStore(join(dir, 'settings.json'), (message) => logLines.push(`warn ${message}`)),
    systemLocale: () => 'en-US',
    reconcile: service
  });
  const events: RecordedEvent[] = [];
  const emit = createEmitter((event, payload) => events.push({ event, payload }), logger);
  const dispatch = createDispatcher(table, { logger, emit });

  return {
    fake,
    token: seed.scim.token,
    dir,
    workspace,
    snapshot,
    service,
    dispatch,
    events,
    logLines,
    async call<T>(channel: string, payload: unknown): Promise<T> {
      const result = await dispatch(channel, payload);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
    eventsOf<E extends EventName>(event: E) {
      return events.filter((entry) => entry.event === event).map((entry) => entry.payload as EventPayloadOf<E>);
    },
    async close() {
      await service.idle();
      workspace.close();
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    }
  };
}
