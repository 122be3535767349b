import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startFakes } from './index';
import type { Seed } from './seed';

/**
 * `npm run fakes -- [--seed FILE]`: serves a seed from the fake login, Graph and SCIM servers until
 * Ctrl+C, and prints the URLs and the command that captures a snapshot from them.
 */
const { values } = parseArgs({ options: { seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  process.stdout.write('Usage: npm run fakes -- [--seed FILE]   (default seed: resources/demo/seed.json)\n');
  process.exit(0);
}

const seedPath = resolve(values.seed ?? 'resources/demo/seed.json');
let seed: Seed;
try {
  seed = JSON.parse(readFileSync(seedPath, 'utf8')) as Seed;
} catch (error) {
  process.stderr.write(`fakes: cannot read the seed ${seedPath}: ${(error as Error).message}\n`);
  process.exit(1);
}

const fakes = await startFakes(seed, { shiftLogsToNow: true });
const folder = mkdtempSync(join(tmpdir(), 'roster-fakes-'));
const caFile = join(folder, 'ca.pem');
writeFileSync(caFile, fakes.tls.caPem);

const client = seed.graph.clients[0];
const app = seed.graph.servicePrincipals[0];
process.stdout.write(
  [
    `Seed           ${seedPath}`,
    `Fake login     ${fakes.graph.authorityHost}`,
    `Fake Graph     ${fakes.graph.graphUrl}`,
    `Fake SCIM      ${fakes.scim.baseUrl}`,
    `Test CA        ${caFile}`,
    '',
    'Capture a snapshot from them in another terminal:',
    `  export NODE_EXTRA_CA_CERTS=${caFile}`,
    client?.clientSecret ? `  export ROSTER_ENTRA_CLIENT_SECRET='${client.clientSecret}'` : '',
    `  export ROSTER_SENTRY_TOKEN='${seed.scim.token}'`,
    `  npm run roster -- fetch --tenant ${seed.graph.tenantId} --client-id ${client?.clientId ?? '<client id>'} --app-id ${app?.appId ?? '<app id>'} \\`,
    `    --authority-host ${fakes.graph.authorityHost} --graph-url ${fakes.graph.graphUrl} --sentry-url ${fakes.scim.baseUrl}`,
    '',
    'Press Ctrl+C to stop.',
    ''
  ]
    .filter((line, index, all) => line !== '' || all[index - 1] !== '')
    .join('\n')
);

const stop = async (): Promise<void> => {
  await fakes.close();
  rmSync(folder, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
