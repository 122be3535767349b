import { userInfo } from 'node:os';
import { CaptureCancelledError, captureSnapshot } from '../../capture/capture';
import type { CaptureProgress } from '../../capture/capture';
import { createCaptureClients, DEFAULT_AUTHORITY_HOST, DEFAULT_GRAPH_URL } from '../../capture/clients';
import type { CaptureSettings } from '../../capture/clients';
import type { EntraCredential } from '../../graph/auth';
import { createNodeTransport } from '../../http/node-transport';
import type { HttpLogger } from '../../http/types';
import { Workspace } from '../../store';
import { TOOL_VERSION } from '../../version';
import { type Command, type CommandContext, stringOption } from '../command';
import { UsageError } from '../errors';
import { describeSnapshot } from './show';

export const fetchCommand: Command = {
  name: 'fetch',
  summary: 'Capture Entra (Microsoft Graph) and Sentry (SCIM) into a new snapshot',
  usage: [
    'roster fetch --tenant TENANT --client-id GUID (--app-id GUID | --app-name NAME) --sentry-url URL',
    '             [--device-code] [--authority-host URL] [--graph-url URL] [--workspace DIR]',
    '  Secrets come from the environment: ROSTER_ENTRA_CLIENT_SECRET or ROSTER_ENTRA_CERT_PATH (a PEM with',
    '  certificate and private key), and ROSTER_SENTRY_TOKEN. --device-code signs in as a person instead.'
  ].join('\n'),
  options: {
    tenant: { type: 'string' },
    'client-id': { type: 'string' },
    'app-id': { type: 'string' },
    'app-name': { type: 'string' },
    'sentry-url': { type: 'string' },
    'authority-host': { type: 'string' },
    'graph-url': { type: 'string' },
    'device-code': { type: 'boolean' }
  },
  async run(context) {
    const settings = readSettings(context);
    const transport = createNodeTransport();
    const logger = verboseLogger(context);

    // Building the clients sends nothing, so anything it rejects is a mistake in the flags (a malformed
    // GUID, URL or host) and gets the usage exit status.
    let clients: ReturnType<typeof createCaptureClients>;
    try {
      clients = createCaptureClients(settings, { transport, logger });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const { graph, scim } = clients;

    // Ctrl+C cancels the capture or the write before its rename, so nothing is written. The handler
    // stays for the whole command: a terminal sends SIGINT to npm, tsx and Roster at once, and a
    // second signal must not fall through to Node's default exit in the middle of the write.
    const controller = new AbortController();
    const onInterrupt = (): void => controller.abort();
    process.on('SIGINT', onInterrupt);

    const startedAt = new Date();
    const progress = progressPrinter(context);
    try {
      context.stderr(`Capturing tenant ${settings.tenant} and Sentry org ${scim.org}...`);
      const captured = await captureSnapshot({ graph, scim, appRef: settings.appRef, onProgress: progress, signal: controller.signal });

      const workspace = await Workspace.open(context.workspaceDir);
      try {
        const meta = await workspace.writeSnapshot({
          meta: { ...captured.meta, createdAt: startedAt.toISOString(), origin: 'live', toolVersion: TOOL_VERSION, capturedBy: userInfo().username },
          data: captured.data,
          signal: controller.signal
        });
        context.stderr(`Snapshot written to ${workspace.dir}.`);
        context.stdout(meta.id);
        context.stdout(describeSnapshot({ meta, data: captured.data }));
        return 0;
      } finally {
        workspace.close();
      }
    } catch (error) {
      if (error instanceof CaptureCancelledError || controller.signal.aborted) {
        throw new Error('capture cancelled; no snapshot was written.', { cause: error });
      }
      throw error;
    } finally {
      process.removeListener('SIGINT', onInterrupt);
    }
  }
};

function readSettings(context: CommandContext): CaptureSettings {
  const tenant = stringOption(context, 'tenant');
  const clientId = stringOption(context, 'client-id');
  const appId = stringOption(context, 'app-id');
  const appName = stringOption(context, 'app-name');
  const sentryUrl = stringOption(context, 'sentry-url');
  if (!tenant) throw new UsageError('--tenant is required: the directory (tenant) id or a verified domain.');
  if (!clientId) throw new UsageError('--client-id is required: the application (client) id of the app registration Roster signs in with.');
  if (!sentryUrl) throw new UsageError('--sentry-url is required: the SCIM Base URL from Sentry, Settings > Auth > SCIM Information.');
  if (Boolean(appId) === Boolean(appName)) throw new UsageError('name the Sentry enterprise app with exactly one of --app-id GUID or --app-name NAME.');

  const sentryToken = context.env.ROSTER_SENTRY_TOKEN;
  if (!sentryToken) throw new UsageError('ROSTER_SENTRY_TOKEN is not set: export the SCIM "Auth Token" from Sentry, Settings > Auth > SCIM Information.');

  return {
    tenant,
    clientId,
    appRef: appId ? { appId } : { displayName: appName as string },
    sentryUrl,
    sentryToken,
    credential: readCredential(context),
    authorityHost: stringOption(context, 'authority-host') ?? DEFAULT_AUTHORITY_HOST,
    graphUrl: stringOption(context, 'graph-url') ?? DEFAULT_GRAPH_URL
  };
}

/** Picks the sign-in: device code when asked, else a secret or a certificate, never both. */
function readCredential(context: CommandContext): EntraCredential {
  const secret = context.env.ROSTER_ENTRA_CLIENT_SECRET;
  const certificatePath = context.env.ROSTER_ENTRA_CERT_PATH;

  if (context.values['device-code']) {
    return { kind: 'deviceCode', onDeviceCode: (message) => context.stderr(message) };
  }
  if (secret && certificatePath) {
    throw new UsageError('both ROSTER_ENTRA_CLIENT_SECRET and ROSTER_ENTRA_CERT_PATH are set: unset one of them so Roster knows which credential to use.');
  }
  if (secret) return { kind: 'secret', clientSecret: secret };
  if (certificatePath) return { kind: 'certificate', certificatePath };
  throw new UsageError('no Entra credential: set ROSTER_ENTRA_CLIENT_SECRET or ROSTER_ENTRA_CERT_PATH, or pass --device-code to sign in as a person.');
}

/** With ROSTER_DEBUG set, logs each request (method, path, status; never headers or bodies) to stderr. */
function verboseLogger(context: CommandContext): HttpLogger | undefined {
  if (!context.env.ROSTER_DEBUG) return undefined;
  return {
    debug: (message, fields) => context.stderr(`debug ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`),
    warn: (message, fields) => context.stderr(`warn ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`)
  };
}

/** Prints one line per source when it ends, and retries as they happen, to stderr. */
function progressPrinter(context: CommandContext): (event: CaptureProgress) => void {
  const retriesSeen = new Map<string, number>();
  return (event) => {
    const previousRetries = retriesSeen.get(event.source) ?? 0;
    if (event.retries > previousRetries) {
      retriesSeen.set(event.source, event.retries);
      context.stderr(`  ${event.source}: retrying (${event.retries} so far)`);
    }
    if (event.state === 'running') return;

    const total = event.apiTotal === null ? '' : ` of ${event.apiTotal}`;
    context.stderr(`  ${event.source}: ${event.state}, ${event.rows}${total} rows in ${event.pages} pages`);
  };
}
