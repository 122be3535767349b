import { useEffect } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useSnapshotDetail, useSnapshots } from '../stores/context';
import { ErrorPanel } from './ErrorPanel';
import { SnapshotDetailPanel } from './SnapshotDetailPanel';
import { SnapshotTable } from './SnapshotTable';

const commandMarkup = { cmd: <code className="command" /> };

/** Shows the workspace's snapshots, with loading, empty and error states. */
export function SnapshotsScreen() {
  const { t } = useTranslation();
  const status = useSnapshots((state) => state.status);
  const snapshots = useSnapshots((state) => state.snapshots);
  const workspaceDir = useSnapshots((state) => state.workspaceDir);
  const incompleteCount = useSnapshots((state) => state.incompleteCount);
  const error = useSnapshots((state) => state.error);
  const load = useSnapshots((state) => state.load);
  const selectedId = useSnapshotDetail((state) => state.selectedId);
  const openDetail = useSnapshotDetail((state) => state.open);

  useEffect(() => {
    void load();
  }, [load]);

  const busy = status === 'loading';

  return (
    <section className="screen" aria-labelledby="snapshots-heading" aria-busy={busy}>
      <header className="screen__header">
        <div>
          <h2 id="snapshots-heading" className="screen__title">
            {t('snapshots.heading')}
            {status === 'ready' && snapshots.length > 0 && (
              <span className="screen__count">{t('snapshots.count', { count: snapshots.length })}</span>
            )}
          </h2>
          <p className="screen__description">{t('snapshots.description')}</p>
        </div>
        <button type="button" className="button" onClick={() => void load()} disabled={busy}>
          {t('snapshots.refresh')}
        </button>
      </header>

      {workspaceDir !== null && (
        <p className="workspace-path">
          <span className="muted">{t('snapshots.workspace')}</span> <code>{workspaceDir}</code>
        </p>
      )}

      {status === 'ready' && incompleteCount > 0 && (
        <p className="notice" role="status">
          <Trans i18nKey="snapshots.incomplete" count={incompleteCount} components={commandMarkup} />
        </p>
      )}

      {(status === 'idle' || busy) && (
        <p className="panel" role="status">
          {t('snapshots.loading')}
        </p>
      )}

      {status === 'error' && error !== null && <ErrorPanel title={t('errors.loadSnapshots')} error={error} onRetry={() => void load()} />}

      {status === 'ready' && snapshots.length === 0 && (
        <section className="panel panel--empty" aria-labelledby="empty-title">
          <h3 id="empty-title" className="panel__title">
            {t('snapshots.emptyTitle')}
          </h3>
          <p>
            <Trans i18nKey="snapshots.emptyBody" components={commandMarkup} />
          </p>
        </section>
      )}

      {status === 'ready' && snapshots.length > 0 && (
        <>
          <SnapshotTable snapshots={snapshots} selectedId={selectedId} onOpen={(id) => void openDetail(id)} />
          <SnapshotDetailPanel />
        </>
      )}
    </section>
  );
}
