/**
 * The renderer's API client: typed calls over a swappable transport.
 *
 * In Electron the transport is the preload's `window.roster` bridge. In a plain browser (the Playwright
 * harness) it is HTTP to a local server running the same handler table. Components and stores only
 * ever see `ApiClient`.
 */
import {
  events,
  ipcFailure,
  resultSchemaFor,
  type Channel,
  type EventName,
  type EventPayloadOf,
  type IpcResult,
  type RequestOf,
  type ResponseOf,
  type RosterBridge
} from '../../../src-main/ipc/contract';

export interface Transport {
  invoke(channel: Channel, payload: unknown): Promise<unknown>;
  /** Calls `listener` with each raw payload of `event` and returns a function that unsubscribes. */
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

export interface ApiClient {
  invoke<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
}

export function bridgeTransport(bridge: RosterBridge): Transport {
  return {
    invoke: (channel, payload) => bridge.invoke(channel, payload as never),
    subscribe: (event, listener) => bridge.on(event, listener)
  };
}

/**
 * Builds the client. Replies are checked against the contract here as well, because a test transport
 * or a future main-process bug must not put malformed data into the stores.
 */
export function createApiClient(transport: Transport): ApiClient {
  return {
    async invoke(channel, payload) {
      let raw: unknown;
      try {
        raw = await transport.invoke(channel, payload);
      } catch (error) {
        return ipcFailure('transport_failed', `${channel} could not reach the main process: ${error instanceof Error ? error.message : String(error)}`);
      }

      const parsed = resultSchemaFor(channel).safeParse(raw);
      if (!parsed.success) {
        return ipcFailure('invalid_response', `${channel} returned data that does not match the contract`);
      }
      return parsed.data as IpcResult<ResponseOf<typeof channel>>;
    },

    on(event, listener) {
      return transport.subscribe(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayloadOf<typeof event>);
      });
    }
  };
}
