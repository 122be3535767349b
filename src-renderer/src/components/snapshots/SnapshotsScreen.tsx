import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useFilePicker, useNavigation, useSnapshotDetail, useSnapshots } from '../../stores/context';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ScreenHeader } from '../common/ScreenHeader';
import { EmptyPanel, LoadingPanel } from '../common/StatusPanels';
import { ErrorPanel } from '../ErrorPanel';
import { ImportEntry } from '../import/ImportEntry';
import { CapturePanel } from './CapturePanel';
import { OpenedFiles } from './OpenedFiles';
import { SnapshotDetailPanel } from './SnapshotDetailPanel';
import { SnapshotTable } from './SnapshotTable';

const commandMarkup = { cmd: <code className="command" /> };

function DemoOffer() {
  const { t } = useTranslation();
  const openDemo = useSnapshots((state) => state.openDemo);
  const busy = useSnapshots((state) => state.busy);
  const openAudit = useNavigation((state) => state.openAudit);

  async function onOpen(): Promise<void> {
    const file = await openDemo();
    if (file?.snapshotId != null) openAudit(file.snapshotId);
  }

  return (
    <EmptyPanel id="demo-title" title={t('firstRun.title')}>
      <p className="panel__lead">{t('firstRun.body')}</p>
      <button type="button" className="button button--primary button--large" onClick={() => void onOpen()} disabled={busy}>
        {t('firstRun.openDemo')}
      </button>
      <p className="muted small">{t('firstRun.orCapture')}</p>
    </EmptyPanel>
  );
}

/** Takes, lists, opens and deletes snapshots, and opens snapshot files read-only. */
export function SnapshotsScreen() {
  const { t } = useTranslation();
  const status = useSnapshots((state) => state.status);
  const snapshots = useSnapshots((state) => state.snapshots);
  const workspaceDir = useSnapshots((state) => state.workspaceDir);
  const incompleteCount = useSnapshots((state) => state.incompleteCount);
  const error = useSnapshots((state) => state.error);
  const actionError = useSnapshots((state) => state.actionError);
  // Once the demo is open, its card replaces the offer.
  const offerDemo = useSnapshots((state) => state.offerDemo && !state.opened.some((file) => file.demo));
  const busy = useSnapshots((state) => state.busy);
  const checkingFirstRun = useSnapshots((state) => state.checkingFirstRun);
  const load = useSnapshots((state) => state.load);
  const remove = useSnapshots((state) => state.remove);
  const openFile = useSnapshots((state) => state.openFile);
  const selectedId = useSnapshotDetail((state) => state.selectedId);
  const openDetail = useSnapshotDetail((state) => state.open);
  const closeDetail = useSnapshotDetail((state) => state.close);
  const openAudit = useNavigation((state) => state.openAudit);
  const chosenId = useNavigation((state) => state.snapshotId);
  const selectSnapshot = useNavigation((state) => state.selectSnapshot);
  const picker = useFilePicker();
  const [deleting, setDeleting] = useState<string | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  function onOpenFile(): void {
    const path = picker.choose(t('opened.pathQuestion'), '');
    if (path !== null) void openFile(path);
  }

  async function onConfirmDelete(id: string): Promise<void> {
    setDeleting(null);
    if (!(await remove(id))) return;
    if (selectedId === id) closeDetail();
    // The other screens must not keep working on a snapshot that no longer exists.
    if (chosenId === id) selectSnapshot(null);
  }

  const loading = status === 'idle' || status === 'loading';

  return (
    <section className="screen" aria-labelledby="snapshots-heading" aria-busy={loading}>
      <ScreenHeader
        id="snapshots-heading"
        title={
          <>
            {t('snapshots.heading')}
            {status === 'ready' && snapshots.length > 0 && <span className="screen__count">{t('snapshots.count', { count: snapshots.length })}</span>}
          </>
        }
        description={t('snapshots.description')}
      >
        <button type="button" className="button" onClick={onOpenFile} disabled={busy}>
          {t('opened.openFile')}
        </button>
        <ImportEntry />
        <button type="button" className="button" onClick={() => void load()} disabled={loading}>
          {t('snapshots.refresh')}
        </button>
      </ScreenHeader>

      {workspaceDir !== null && (
        <p className="workspace-path">
          <span className="muted">{t('snapshots.workspace')}</span> <code>{workspaceDir}</code>
        </p>
      )}

      <OpenedFiles />
      {actionError !== null && <ErrorPanel title={t('snapshots.actionFailed')} error={actionError} />}
      {status === 'ready' && offerDemo && <DemoOffer />}
      <CapturePanel />

      {status === 'ready' && incompleteCount > 0 && (
        <p className="notice" role="status">
          <Trans i18nKey="snapshots.incomplete" count={incompleteCount} components={commandMarkup} />
        </p>
      )}
      {loading && <LoadingPanel text={t('snapshots.loading')} />}
      {status === 'error' && error !== null && <ErrorPanel title={t('errors.loadSnapshots')} error={error} onRetry={() => void load()} />}
      {status === 'ready' && snapshots.length === 0 && !offerDemo && !checkingFirstRun && (
        <EmptyPanel id="empty-title" title={t('snapshots.emptyTitle')}>
          <p>
            <Trans i18nKey="snapshots.emptyBody" components={commandMarkup} />
          </p>
        </EmptyPanel>
      )}
      {status === 'ready' && snapshots.length > 0 && (
        <>
          <SnapshotTable
            snapshots={snapshots}
            selectedId={selectedId}
            onOpen={(id) => void openDetail(id)}
            onAudit={openAudit}
            onDelete={setDeleting}
          />
          <SnapshotDetailPanel />
        </>
      )}
      {deleting !== null && (
        <ConfirmDialog
          title={t('snapshots.confirmDelete.title')}
          body={t('snapshots.confirmDelete.body', { id: deleting })}
          confirmLabel={t('snapshots.delete')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => void onConfirmDelete(deleting)}
        />
      )}
    </section>
  );
}
