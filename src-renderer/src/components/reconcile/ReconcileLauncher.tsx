import { useTranslation } from 'react-i18next';
import { useAudit } from '../../stores/context';
import { useReconcile } from './context';
import { ReconcileDialog } from './ReconcileDialog';

/**
 * Renders the Audit screen's "Reconcile" button and its dialog. The dialog plans for the finding open in the detail
 * pane, or else for every finding the current filter shows.
 */
export function ReconcileLauncher({ snapshotId }: { snapshotId: string }) {
  const { t } = useTranslation('reconcile');
  const detailId = useAudit((state) => state.detailId);
  const filter = useAudit((state) => state.filter);
  const openDialog = useReconcile((state) => state.openDialog);

  return (
    <>
      <button
        type="button"
        className="button"
        title={t('launchHint')}
        onClick={() => openDialog(detailId !== null ? { snapshotId, findingIds: [detailId], filter: null } : { snapshotId, findingIds: [], filter: { ...filter } })}
      >
        {t('launch')}
      </button>
      <ReconcileDialog />
    </>
  );
}
