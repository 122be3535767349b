// Runs the built main process (out/main/index.js) against the Electron stub, drives a few IPC calls
// through the handlers it registered, and prints what happened as one JSON line.
import { register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

register('./hooks.mjs', import.meta.url);

const root = process.argv[2];
await import(pathToFileURL(join(root, 'out/main/index.js')).href);

// whenReady resolves at once in the stub, so one macrotask later the window exists.
await new Promise((resolve) => setTimeout(resolve, 50));

const state = globalThis.fakeElectron;
const window = state.windows[0];
const contents = window.webContents;

function trustedEvent() {
  return { sender: contents, senderFrame: contents.mainFrame };
}

const call = (channel, payload, event = trustedEvent()) => state.handlers.get(channel)(event, payload);

const openAttempts = [];
state.appEvents.on('open-external', (url) => openAttempts.push(url));

const permission = await new Promise((resolve) => state.permissionHandler(contents, 'media', resolve));
const popup = contents.windowOpenHandler({ url: 'https://docs.sentry.io/product/accounts/sso/' });
const blockedPopup = contents.windowOpenHandler({ url: 'https://evil.example/' });
let navigationPrevented = false;
contents.emit('will-navigate', { url: 'https://evil.example/', preventDefault: () => (navigationPrevented = true) });

const result = {
  sandboxEnabled: state.sandboxEnabled,
  windowOptions: window.options,
  loadedUrl: contents.mainFrame.url,
  channels: [...state.handlers.keys()].sort(),
  list: await call('snapshots:list', {}),
  language: await call('settings:getLanguage', {}),
  setLanguage: await call('settings:setLanguage', { language: 'en' }),
  sent: state.sent,
  invalid: await call('settings:setLanguage', { language: 'fr' }),
  foreignFrame: await call('app:info', {}, { sender: contents, senderFrame: { url: 'https://evil.example/' } }),
  otherWindow: await call('app:info', {}, { sender: { id: 99, mainFrame: null }, senderFrame: contents.mainFrame }),
  permission,
  popup: popup.action,
  blockedPopup: blockedPopup.action,
  navigationPrevented,
  openAttempts
};

process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
