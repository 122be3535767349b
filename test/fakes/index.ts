import { startGraphFake, type GraphFake } from './graph';
import { startScimFake, type ScimFake } from './scim';
import type { Seed } from './seed';
import { createTestTls, type TestTls } from './tls';

export interface Fakes {
  tls: TestTls;
  graph: GraphFake;
  scim: ScimFake;
  close(): Promise<void>;
}

export interface StartFakesOptions {
  /**
   * Moves every provisioning log entry by the same amount so the newest is one hour old. A capture
   * reads only the last 7 days of logs, so a seed written on one date would otherwise lose its logs
   * a week later; `npm run fakes` and `npm run demo` use this, tests keep the seed's own dates.
   */
  shiftLogsToNow?: boolean;
}

/** Starts the fake login, Graph and Sentry SCIM servers on 127.0.0.1, all over HTTPS with one test CA. */
export async function startFakes(seed: Seed, options: StartFakesOptions = {}): Promise<Fakes> {
  const tls = createTestTls();
  const graphSeed = structuredClone(seed.graph);
  if (options.shiftLogsToNow) shiftLogs(graphSeed.provisioningLogs ?? [], Date.now() - 3600_000);
  const graph = await startGraphFake(graphSeed, { tls });
  let scim: ScimFake;
  try {
    scim = await startScimFake(structuredClone(seed.scim), { tls });
  } catch (error) {
    await graph.close();
    throw error;
  }
  return {
    tls,
    graph,
    scim,
    close: async () => {
      await Promise.all([graph.close(), scim.close()]);
    }
  };
}

function shiftLogs(logs: Array<Record<string, unknown>>, newestAt: number): void {
  const times = logs.map((entry) => Date.parse(String(entry.activityDateTime)));
  const newest = Math.max(...times.filter((time) => !Number.isNaN(time)));
  if (!Number.isFinite(newest)) return;

  const offset = newestAt - newest;
  logs.forEach((entry, index) => {
    const time = times[index];
    if (time !== undefined && !Number.isNaN(time)) entry.activityDateTime = new Date(time + offset).toISOString();
  });
}
