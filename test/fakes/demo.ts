import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../../src-main/cli/main';
import { startFakes } from './index';
import { runCliProcess } from './run-cli';
import type { Seed } from './seed';

/**
 * `npm run demo`: serves the bundled demo tenant from the fake servers, captures it with the real
 * `roster fetch` into a workspace (default ./.roster-workspace), prints the audit, and stops the fakes.
 */
const { values } = parseArgs({ options: { workspace: { type: 'string' }, seed: { type: 'string' } } });
const workspace = resolve(values.workspace ?? process.env.ROSTER_WORKSPACE ?? '.roster-workspace');
const seed = JSON.parse(readFileSync(resolve(values.seed ?? 'resources/demo/seed.json'), 'utf8')) as Seed;

const fakes = await startFakes(seed, { shiftLogsToNow: true });
const folder = mkdtempSync(join(tmpdir(), 'roster-demo-'));
const caFile = join(folder, 'ca.pem');
writeFileSync(caFile, fakes.tls.caPem);

try {
  const client = seed.graph.clients[0];
  const app = seed.graph.servicePrincipals[0];
  if (!client?.clientSecret || !app) throw new Error('the demo seed needs a client with a secret and a service principal');

  process.stderr.write(`Capturing the demo tenant from the fake servers into ${workspace}...\n`);
  const fetched = await runCliProcess(
    ['fetch', '--workspace', workspace, '--tenant', seed.graph.tenantId, '--client-id', client.clientId, '--app-id', app.appId,
      '--authority-host', fakes.graph.authorityHost, '--graph-url', fakes.graph.graphUrl, '--sentry-url', fakes.scim.baseUrl],
    { ...process.env, NODE_EXTRA_CA_CERTS: caFile, ROSTER_ENTRA_CLIENT_SECRET: client.clientSecret, ROSTER_SENTRY_TOKEN: seed.scim.token }
  );
  process.stderr.write(fetched.stderr);
  if (fetched.status !== 0) throw new Error(`roster fetch failed with exit status ${fetched.status}`);
  process.stdout.write(fetched.stdout);

  process.stdout.write('\n');
  await runCli(['audit', '--workspace', workspace], {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
    env: process.env
  });
  process.stdout.write(`\nNext: npm run roster -- report --workspace ${workspace} --out demo.xlsx\n`);
} catch (error) {
  process.stderr.write(`demo: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await fakes.close();
  rmSync(folder, { recursive: true, force: true });
}
