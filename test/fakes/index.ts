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

/** Starts the fake login, Graph and Sentry SCIM servers on 127.0.0.1, all over HTTPS with one test CA. */
export async function startFakes(seed: Seed): Promise<Fakes> {
  const tls = createTestTls();
  const graph = await startGraphFake(structuredClone(seed.graph), { tls });
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
