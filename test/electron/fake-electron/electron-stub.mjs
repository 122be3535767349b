// A stand-in for the `electron` module, so the built main bundle can run under plain Node.
// It records what main asks of Electron in `globalThis.fakeElectron` for the driver to inspect.
import { EventEmitter } from 'node:events';

const state = {
  userData: process.env.FAKE_ELECTRON_USER_DATA,
  windows: [],
  handlers: new Map(),
  sent: [],
  appEvents: new EventEmitter(),
  permissionHandler: null,
  headersHandler: null,
  sandboxEnabled: false
};
globalThis.fakeElectron = state;

class FakeWebContents extends EventEmitter {
  constructor(id) {
    super();
    this.id = id;
    this.mainFrame = { url: '' };
    this.windowOpenHandler = null;
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  getURL() {
    return this.mainFrame.url;
  }
  send(channel, payload) {
    state.sent.push({ channel, payload });
  }
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return state.windows.filter((window) => !window.destroyed);
  }
  constructor(options) {
    super();
    this.options = options;
    this.destroyed = false;
    this.webContents = new FakeWebContents(state.windows.length + 1);
    state.windows.push(this);
    state.appEvents.emit('web-contents-created', {}, this.webContents);
  }
  loadFile(path) {
    this.webContents.mainFrame.url = new URL(`file://${path}`).href;
    return Promise.resolve();
  }
  loadURL(url) {
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  show() {}
  focus() {}
  restore() {}
}

export const app = {
  isPackaged: false,
  enableSandbox: () => {
    state.sandboxEnabled = true;
  },
  requestSingleInstanceLock: () => true,
  getPath: (name) => {
    if (name === 'userData') return state.userData;
    throw new Error(`fake electron: getPath('${name}') is not stubbed`);
  },
  setPath: (name, value) => {
    if (name === 'userData') state.userData = value;
  },
  getVersion: () => '0.0.0-fake',
  getLocale: () => 'de-DE',
  getPreferredSystemLanguages: () => ['de-DE'],
  on: (event, listener) => {
    state.appEvents.on(event, listener);
    return app;
  },
  whenReady: () => Promise.resolve(),
  quit: () => state.appEvents.emit('quit-called')
};

export const ipcMain = {
  handle: (channel, handler) => {
    if (state.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    state.handlers.set(channel, handler);
  }
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler) => {
      state.permissionHandler = handler;
    },
    setPermissionCheckHandler: () => {},
    webRequest: {
      onHeadersReceived: (handler) => {
        state.headersHandler = handler;
      }
    }
  }
};

export const shell = {
  openExternal: (url) => {
    state.appEvents.emit('open-external', url);
    return Promise.resolve();
  }
};

// Dialogs answer as cancelled, so nothing in a start-up test reads or writes a file by accident.
export const dialog = {
  showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
  showSaveDialog: () => Promise.resolve({ canceled: true, filePath: '' })
};

// Encryption is unavailable, as on a Linux desktop without a keyring, so secrets are rejected rather than stored.
export const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString: () => {
    throw new Error('fake electron: safeStorage is unavailable');
  },
  decryptString: () => {
    throw new Error('fake electron: safeStorage is unavailable');
  }
};

export default { app, BrowserWindow, dialog, ipcMain, safeStorage, session, shell };
