/**
 * Child process of the benchmark: generates a tenant, serves it from the fake login, Graph and SCIM
 * servers, and sends their addresses to the parent over IPC. It runs apart from the client so that
 * the capture's memory figures are the client's own. It stops on SIGTERM or when the parent goes away.
 */
import { parseArgs } from 'node:util';
import { startFakes } from '../test/fakes/index';
import { expectedFindingCounts, generateTenant } from './generate-tenant';
import type { ChildFailure, FakesReady } from './protocol';

/** Graph's largest page, which the Graph client requests with `$top`. The fake also uses it for lists requested without `$top`. */
const GRAPH_PAGE_SIZE = 999;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { users: { type: 'string' }, seed: { type: 'string' } } });
  const users = Number(values.users);
  const seedNumber = Number(values.seed ?? '1');

  const started = performance.now();
  const seed = generateTenant({ users, seed: seedNumber });
  const generateMs = performance.now() - started;

  // The generator dates its provisioning logs in a fixed week; shift them so the 7-day capture window keeps them.
  const fakes = await startFakes(seed, { shiftLogsToNow: true });
  fakes.graph.setPageSize(GRAPH_PAGE_SIZE);

  const client = seed.graph.clients[0];
  const app = seed.graph.servicePrincipals[0];
  if (!client?.clientSecret || !app) throw new Error('the generated seed has no client with a secret or no service principal.');

  const ready: FakesReady = {
    type: 'ready',
    users,
    generateMs,
    caPem: fakes.tls.caPem,
    authorityHost: fakes.graph.authorityHost,
    graphUrl: fakes.graph.graphUrl,
    scimBaseUrl: fakes.scim.baseUrl,
    tenantId: seed.graph.tenantId,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    appId: app.appId,
    scimToken: seed.scim.token,
    expectedFindings: expectedFindingCounts(users)
  };
  process.send?.(ready);

  const stop = (): void => {
    void fakes.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('disconnect', stop);
}

main().catch((error: unknown) => {
  const failure: ChildFailure = { type: 'error', message: `fakes: ${error instanceof Error ? error.stack ?? error.message : String(error)}` };
  process.send?.(failure);
  process.exitCode = 1;
  process.disconnect?.();
});
