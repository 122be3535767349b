import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { Language } from '../../src-main/ipc/contract';
import { languageFromLocale } from '../../src-main/ipc/handlers/settings';
import { bridgeTransport, createApiClient, type ApiClient, type Transport } from './api/client';
import { httpTransport } from './api/http-transport';
import { App } from './components/App';
import { RenderErrorBoundary } from './components/RenderErrorBoundary';
import { createI18n } from './i18n';
import { nativeDialogPicker, promptPicker } from './api/file-picker';
import { createAuditStore } from './stores/audit';
import { createAuditViewsStore } from './stores/audit-views';
import { createCaptureStore } from './stores/capture';
import { createConnectionsStore } from './stores/connections';
import { StoresProvider, type Stores } from './stores/context';
import { createDriftStore } from './stores/drift';
import { createExportStore } from './stores/export';
import { createNavigationStore } from './stores/navigation';
import { createSettingsStore } from './stores/settings';
import { createSnapshotDetailStore } from './stores/snapshot-detail';
import { createSnapshotsStore } from './stores/snapshots';
import './styles.css';
import './styles-shell.css';
import './styles-screens.css';
import './styles-audit.css';

/** Picks the Electron bridge when the preload ran, else HTTP to the page's own origin (the browser test harness). */
function chooseTransport(): Transport {
  return window.roster !== undefined ? bridgeTransport(window.roster) : httpTransport(window.location.origin);
}

async function startingLanguage(api: ApiClient): Promise<Language> {
  const result = await api.invoke('settings:getLanguage', {});
  return result.ok ? result.value.language : languageFromLocale(navigator.language);
}

/** Sends a renderer error to the main process log, which redacts and stores it. */
function logError(api: ApiClient, message: string): void {
  void api.invoke('log:write', { level: 'error', scope: 'renderer', message: message.slice(0, 4000) });
}

function forwardUncaughtErrors(api: ApiClient): void {
  window.addEventListener('error', (event) => logError(api, `${event.message} at ${event.filename}:${event.lineno}`));
  window.addEventListener('unhandledrejection', (event) => logError(api, `Unhandled rejection: ${String(event.reason)}`));
}

async function start(): Promise<void> {
  const api = createApiClient(chooseTransport());
  forwardUncaughtErrors(api);

  const language = await startingLanguage(api);
  const i18n = await createI18n(language);
  const settings = createSettingsStore(api, language);
  const snapshots = createSnapshotsStore(api);
  const stores: Stores = {
    navigation: createNavigationStore(),
    snapshots,
    snapshotDetail: createSnapshotDetailStore(api),
    settings,
    connections: createConnectionsStore(api),
    capture: createCaptureStore(api, () => void snapshots.getState().load()),
    audit: createAuditStore(api, () => settings.getState().language),
    auditViews: createAuditViewsStore(api),
    drift: createDriftStore(api),
    export: createExportStore(api),
    filePicker: window.roster !== undefined ? nativeDialogPicker : promptPicker
  };
  api.on('settings:languageChanged', ({ language: changed }) => settings.getState().applyLanguage(changed));
  api.on('snapshots:capture:progress', (event) => stores.capture.getState().applyProgress(event));
  api.on('snapshots:capture:done', (event) => stores.capture.getState().applyDone(event));
  api.on('connections:deviceCode', (event) => stores.connections.getState().showDeviceCode(event.profileId, event.message));
  // Finding texts come translated from main, so a language switch refetches them.
  settings.subscribe((state, previous) => {
    if (state.language !== previous.language) stores.audit.getState().refreshTexts();
  });

  const container = document.getElementById('root');
  if (container === null) throw new Error('index.html has no #root element.');

  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <RenderErrorBoundary onError={(error) => logError(api, `Render failed: ${error.stack ?? error.message}`)}>
          <StoresProvider stores={stores}>
            <App />
          </StoresProvider>
        </RenderErrorBoundary>
      </I18nextProvider>
    </StrictMode>
  );
}

void start();
