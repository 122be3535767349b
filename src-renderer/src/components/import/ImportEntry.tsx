import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSnapshots } from '../../stores/context';
import { createImportStore, type ImportStore } from '../../stores/import';
import { importApiClient } from './api';
import { ImportDialog } from './ImportDialog';

/**
 * Renders the "Import files" button of the Snapshots screen, which opens the import dialog. A file dragged
 * anywhere onto the window opens it too while the screen is shown. A saved snapshot reloads the list.
 */
export function ImportEntry() {
  const { t } = useTranslation('import');
  const load = useSnapshots((state) => state.load);
  const [store] = useState<ImportStore>(() => createImportStore(importApiClient(), () => void load()));
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (open) return;
    // Opens the dialog as soon as files are dragged in, so they can be dropped onto its drop zone.
    const onDragEnter = (event: DragEvent): void => {
      if (event.dataTransfer?.types.includes('Files')) setOpen(true);
    };
    // Without this, a file dropped beside the drop zone would make the browser open it.
    const onDragOver = (event: DragEvent): void => event.preventDefault();
    const onDrop = (event: DragEvent): void => event.preventDefault();
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [open]);

  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('open')}
      </button>
      {open && <ImportDialog store={store} onClose={() => setOpen(false)} />}
    </>
  );
}
