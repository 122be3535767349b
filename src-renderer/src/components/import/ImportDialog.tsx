import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useFilePicker } from '../../stores/context';
import type { DroppedFile, ImportStore } from '../../stores/import';
import { readDrop } from './dropped-files';
import { ImportErrorPanel } from './ImportErrorPanel';
import { ImportSummary } from './ImportSummary';
import './import.css';

/**
 * Shows the import view as a modal dialog: drop or choose exported files, read the summary, then save
 * the snapshot or discard the files. Nothing is written before Save.
 */
export function ImportDialog({ store, onClose }: { store: ImportStore; onClose: () => void }) {
  const { t } = useTranslation('import');
  const dialog = useRef<HTMLDialogElement>(null);
  const picker = useFilePicker();
  const status = useStore(store, (state) => state.status);
  const summary = useStore(store, (state) => state.summary);
  const error = useStore(store, (state) => state.error);
  const savedId = useStore(store, (state) => state.savedId);
  const failedStep = useStore(store, (state) => state.failedStep);
  const [dragging, setDragging] = useState(false);
  const busy = status === 'reading' || status === 'saving';

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);

  function choose(pick: 'files' | 'folder'): void {
    // Electron's picker returns undefined, and main shows its own dialog; the browser harness asks for paths.
    const answer = picker.choose(t('pathQuestion'), '');
    if (answer === null) return;
    const paths = answer?.split(';').map((path) => path.trim()).filter((path) => path !== '');
    void store.getState().pick(pick, paths);
  }

  async function onDrop(event: DragEvent<HTMLElement>): Promise<void> {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    const { files, unreadable } = await readDrop(event.dataTransfer);
    if (unreadable.length > 0) {
      store.getState().failDrop(unreadable.join(', '));
      return;
    }
    if (files.length > 0) await store.getState().drop(files satisfies DroppedFile[]);
  }

  // Closing discards an unsaved preview, so main removes dropped files, and resets the view for next time.
  function close(): void {
    void store.getState().discard();
    onClose();
  }


  return (
    <dialog ref={dialog} className="dialog import-dialog" aria-labelledby="import-title" aria-busy={busy} onClose={close}>
      <h2 id="import-title" className="dialog__title">
        {t('title')}
      </h2>
      <p className="muted">{t('intro')}</p>

      <section
        className={`import-drop${dragging ? ' import-drop--active' : ''}`}
        aria-label={t('dropZone')}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => void onDrop(event)}
      >
        <p className="import-drop__text">{dragging ? t('dropHere') : t('dropZone')}</p>
        <div className="import-drop__actions">
          <button type="button" className="button" onClick={() => choose('files')} disabled={busy}>
            {t('chooseFiles')}
          </button>
          <button type="button" className="button" onClick={() => choose('folder')} disabled={busy}>
            {t('chooseFolder')}
          </button>
        </div>
      </section>

      {busy && (
        <p className="import-status" role="status">
          <span className="spinner" aria-hidden="true" /> {status === 'reading' ? t('reading') : t('saving')}
        </p>
      )}
      {status === 'saved' && savedId !== null && (
        <p className="notice notice--success" role="status">
          {t('saved', { id: savedId })}
        </p>
      )}
      {error !== null && <ImportErrorPanel title={failedStep === 'save' ? t('errors.saveTitle') : t('errors.title')} error={error} />}
      {summary !== null && <ImportSummary summary={summary} busy={busy} onReadAgain={(url) => void store.getState().readAgain(url)} />}

      <div className="dialog__actions">
        {summary !== null && (
          <button type="button" className="button" onClick={() => void store.getState().discard()} disabled={busy}>
            {t('discard')}
          </button>
        )}
        <button type="button" className="button" onClick={close}>
          {t('close')}
        </button>
        {summary !== null && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void store.getState().save()}
            disabled={busy || summary.outline === null}
            title={summary.outline === null ? t('saveBlocked') : undefined}
          >
            {t('save')}
          </button>
        )}
      </div>
    </dialog>
  );
}
