/**
 * The transport-agnostic half of IPC: validation, handler lookup and error mapping.
 *
 * Electron's `ipcMain.handle` and the HTTP test server both call `dispatch`, so the renderer gets the
 * same replies whichever transport carries them. Nothing here imports Electron.
 */
import { z } from 'zod';
import {
  channels,
  events,
  ipcFailure,
  isChannel,
  type Channel,
  type EventName,
  type EventPayloadOf,
  type IpcErrorCode,
  type IpcResult,
  type ParsedRequestOf,
  type ResponseOf
} from './contract';

/** A log sink for handlers. The main process passes its redacting logger. */
export interface IpcLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface HandlerContext {
  logger: IpcLogger;
  /** Sends an event to the renderer after validating the payload against the contract. */
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void;
}

export type Handler<C extends Channel> = (
  input: ParsedRequestOf<C>,
  context: HandlerContext
) => Promise<ResponseOf<C>> | ResponseOf<C>;

export type HandlerTable = { [C in Channel]: Handler<C> };

/** An error a handler throws on purpose. Its code and details reach the renderer unchanged. */
export class IpcHandlerError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly details?: unknown
  ) {
    super(message);
    this.name = 'IpcHandlerError';
  }
}

function describeIssues(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export type Dispatch = (channel: string, payload: unknown) => Promise<IpcResult<unknown>>;

/**
 * Builds the function every transport calls with an untrusted channel name and payload.
 *
 * It rejects unknown channels and invalid payloads, runs the handler, and checks the handler's reply
 * against the contract too, so a handler bug shows up as `invalid_response` instead of bad data on screen.
 */
export function createDispatcher(table: HandlerTable, context: HandlerContext): Dispatch {
  return async (channel, payload) => {
    if (!isChannel(channel)) {
      return ipcFailure('unknown_channel', `Unknown IPC channel: ${String(channel).slice(0, 80)}`);
    }

    const request = channels[channel].request.safeParse(payload);
    if (!request.success) {
      context.logger.warn('ipc request rejected', { channel, issues: describeIssues(request.error) });
      return ipcFailure('invalid_request', `Invalid request for ${channel}`, { issues: describeIssues(request.error) });
    }

    let output: unknown;
    try {
      // The table is keyed by channel, so this handler accepts this channel's parsed request.
      const handler = table[channel] as Handler<Channel>;
      output = await handler(request.data as never, context);
    } catch (error) {
      if (error instanceof IpcHandlerError) {
        context.logger.info('ipc handler returned an error', { channel, code: error.code, message: error.message });
        return ipcFailure(error.code, error.message, error.details);
      }
      context.logger.error('ipc handler failed', { channel, error });
      return ipcFailure('internal', `${channel} failed: ${error instanceof Error ? error.message : String(error)}`);
    }

    const response = channels[channel].response.safeParse(output);
    if (!response.success) {
      context.logger.error('ipc handler returned an invalid response', { channel, issues: describeIssues(response.error) });
      return ipcFailure('invalid_response', `${channel} returned data that does not match the contract`);
    }
    return { ok: true, value: response.data };
  };
}

/**
 * Wraps a transport's raw send function so only contract-valid events leave main.
 *
 * An invalid payload is logged and dropped, because it is a bug in main and the renderer could not use it.
 */
export function createEmitter(
  send: (event: EventName, payload: unknown) => void,
  logger: IpcLogger
): HandlerContext['emit'] {
  return (event, payload) => {
    const parsed = events[event].safeParse(payload);
    if (!parsed.success) {
      logger.error('ipc event dropped: payload does not match the contract', { event, issues: describeIssues(parsed.error) });
      return;
    }
    send(event, parsed.data);
  };
}
