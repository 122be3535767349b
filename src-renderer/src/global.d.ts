import type { RosterBridge } from '../../src-main/ipc/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; missing when the renderer runs in a plain browser. */
    roster?: RosterBridge;
  }
}

export {};
