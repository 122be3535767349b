/**
 * Fake Entra login server and fake Microsoft Graph v1.0 server for tests, both HTTPS on 127.0.0.1.
 *
 * Choices a client must know:
 * - Token scopes may name Graph as `https://graph.microsoft.com/` or as this fake's `graphUrl`; both are accepted.
 * - Access tokens are opaque random strings; Graph maps them back to the client and its permissions
 *   (application permissions from `seed.clients[].permissions`, delegated ones from `approveDeviceCode`).
 * - To keep msal-node away from login.microsoftonline.com, configure it with `knownAuthorities: [authorityHost]`
 *   (or `cloudDiscoveryMetadata`); instance discovery is otherwise always sent to Microsoft's host.
 *   The authority is `${authorityHost}/${seed.tenantId}`.
 * - A seed job without `xSchema` serves `sentrySyncSchema()` at `.../jobs/{id}/schema`.
 * - The token endpoint takes client_credentials (secret in the form or HTTP Basic, or a certificate assertion),
 *   device_code (the RFC 8628 URN or msal-node's short `device_code`) and refresh_token grants.
 * - Group members and assignments must name seed users or groups (service principals only as assignment principals);
 *   the seed is checked at start-up.
 *
 * Additions to the interface the brief sketched: `batchItemThrottle`, `expireTokens`, `declineDeviceCode`, `expireDeviceCode`.
 */
import { createTestTls, type TestTls } from '../tls';
import type { FaultInjector } from '../faults';
import type { BatchItemThrottle } from './batch';
import { DeviceCodeStore, type SignedInUser } from './device-codes';
import { createGraphFaults, graphHandler } from './graph-server';
import { type RecordedRequest, startHttpsServer } from './https-server';
import { createLoginFaults, createSigningKey, loginHandler } from './login-server';
import { Pager } from './paging';
import { type GraphFakeSeed, GraphState } from './state';
import { TokenStore } from './tokens';

export type { GraphFakeSeed, FakeServicePrincipal } from './state';
export type { RecordedRequest } from './https-server';
export type { SignedInUser } from './device-codes';
export { GraphState } from './state';
export { sentrySyncSchema, type SentrySyncSchemaOptions, type ScopingFilter } from './sync-schema';
export { MAX_BATCH_REQUESTS, type BatchItemThrottle } from './batch';

export interface GraphFake {
  /** Graph root, e.g. `https://127.0.0.1:PORT`; the API is under `/v1.0`. */
  graphUrl: string;
  /** Login server root; tenant paths (`/{tenantId}/oauth2/v2.0/token`, ...) sit below it. */
  authorityHost: string;
  /** Fault switches for every Graph request, `$batch` included. */
  faults: FaultInjector;
  /** Fault switches for every login server request. */
  loginFaults: FaultInjector;
  /** Fault switch for items inside `$batch`: the next `remaining` items get 429. */
  batchItemThrottle: BatchItemThrottle;
  /** The live directory; tests may change it between requests. */
  state: GraphState;
  /** Every request in arrival order, without bodies or credentials. */
  requests: RecordedRequest[];
  /** Sets the default page size of paged lists (100 unless set). */
  setPageSize(size: number): void;
  /** Runs `mutate` once, right after page `pageNumber` (1-based) of a path matching `pathPattern` is built. */
  afterPage(pathPattern: RegExp, pageNumber: number, mutate: () => void): void;
  /** A person finishing the device-code sign-in and consenting to `permissions` (delegated Graph permissions). */
  approveDeviceCode(userCode: string, permissions: string[], user?: SignedInUser): void;
  /** A person declining the device-code sign-in; the next poll gets `authorization_declined`. */
  declineDeviceCode(userCode: string): void;
  /** Lets a device code run out; the next poll gets `expired_token`. */
  expireDeviceCode(userCode: string): void;
  /** Expires every issued access token, so Graph returns 401 until the client signs in again. */
  expireTokens(): void;
  close(): Promise<void>;
}

const DEFAULT_SIGNED_IN_USER: SignedInUser = {
  id: '0a0d1700-0000-4000-8000-000000000001',
  userPrincipalName: 'auditor@contoso.example',
  displayName: 'Test Auditor'
};

export async function startGraphFake(seed: GraphFakeSeed, options: { tls?: TestTls } = {}): Promise<GraphFake> {
  const tls = options.tls ?? createTestTls();
  const state = new GraphState(seed);
  const tokens = new TokenStore();
  const deviceCodes = new DeviceCodeStore();
  const requests: RecordedRequest[] = [];
  const urls = { graph: '', login: '' };
  const batchItemThrottle: BatchItemThrottle = { remaining: 0, retryAfterSeconds: null };

  const loginFaults = createLoginFaults(() => urls.login);
  const login = await startHttpsServer(
    tls,
    loginHandler({
      state,
      tokens,
      deviceCodes,
      faults: loginFaults,
      log: requests,
      authorityHost: () => urls.login,
      graphUrl: () => urls.graph,
      signingKey: createSigningKey()
    })
  );
  urls.login = login.url;

  const faults = createGraphFaults();
  // The Graph URL (and so the pager's link base) is known only once the server listens.
  const ctx = { state, pager: new Pager(''), graphUrl: '' };
  const graph = await startHttpsServer(
    tls,
    graphHandler({ ctx, tokens, faults, log: requests, batchItemThrottle, batchRandom: { seed: 20_250_101 }, authorityHost: () => urls.login })
  );
  urls.graph = graph.url;
  ctx.graphUrl = graph.url;
  ctx.pager = new Pager(graph.url);

  return {
    graphUrl: graph.url,
    authorityHost: login.url,
    faults,
    loginFaults,
    batchItemThrottle,
    state,
    requests,
    setPageSize: (size) => ctx.pager.setPageSize(size),
    afterPage: (pattern, pageNumber, mutate) => ctx.pager.afterPage(pattern, pageNumber, mutate),
    approveDeviceCode(userCode, permissions, user = DEFAULT_SIGNED_IN_USER) {
      const entry = deviceCodes.byUser(userCode);
      entry.status = 'approved';
      entry.permissions = [...permissions];
      entry.user = user;
    },
    declineDeviceCode(userCode) {
      deviceCodes.byUser(userCode).status = 'declined';
    },
    expireDeviceCode(userCode) {
      deviceCodes.byUser(userCode).expiresAt = 0;
    },
    expireTokens: () => tokens.expireAll(),
    async close() {
      await Promise.all([graph.close(), login.close()]);
    }
  };
}
