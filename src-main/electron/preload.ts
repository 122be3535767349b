/**
 * The sandboxed preload: exposes `window.roster` and nothing else.
 *
 * Sandboxed preloads cannot load npm modules at run time, so electron-vite bundles the contract
 * (and zod) into this file and builds it as CommonJS (`out/preload/preload.cjs`).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcFailure, isChannel, isEventName, type RosterBridge } from '../ipc/contract';

const bridge: RosterBridge = {
  invoke(channel, payload) {
    // Main checks again, but refusing here keeps arbitrary channel names off the IPC bus entirely.
    if (!isChannel(channel)) {
      return Promise.resolve(ipcFailure('unknown_channel', `Unknown IPC channel: ${String(channel).slice(0, 80)}`));
    }
    return ipcRenderer.invoke(channel, payload);
  },

  on(event, listener) {
    if (!isEventName(event)) {
      throw new Error(`Unknown IPC event: ${String(event).slice(0, 80)}`);
    }
    // The Electron event object is dropped: it exposes `sender`, which the page must not reach.
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  }
};

contextBridge.exposeInMainWorld('roster', bridge);
