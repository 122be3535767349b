import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, ipcFailure, type EventName } from '../ipc/contract';
import type { Dispatch } from '../ipc/dispatch';
import { isTrustedSender, type SenderFacts, type TrustedSender } from '../ipc/sender';
import type { Logger } from './log/logger';

function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame === event.sender.mainFrame
  };
}

/**
 * Registers one `ipcMain.handle` per contract channel, each checking the sender before dispatching.
 *
 * `trustedSenders` is read on every call because the window (and so its webContents id) can be
 * recreated, e.g. on macOS after all windows were closed.
 */
export function registerIpcHandlers(dispatch: Dispatch, trustedSenders: () => TrustedSender[], logger: Logger): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      const facts = senderFacts(event);
      if (!isTrustedSender(facts, trustedSenders())) {
        logger.warn('rejected IPC from an untrusted sender', { channel, ...facts });
        return ipcFailure('forbidden_sender', `IPC from ${facts.frameUrl ?? 'a closed frame'} is not allowed`);
      }
      return dispatch(channel, payload);
    });
  }
}

/** Sends an already validated event to every open Roster window. */
export function broadcastEvent(windows: () => BrowserWindow[], event: EventName, payload: unknown): void {
  for (const window of windows()) {
    if (!window.isDestroyed()) {
      window.webContents.send(event, payload);
    }
  }
}
