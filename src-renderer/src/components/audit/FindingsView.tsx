import { useTranslation } from 'react-i18next';
import { useAudit } from '../../stores/context';
import { ErrorPanel } from '../ErrorPanel';
import { FilterBar } from './FilterBar';
import { FindingDetailPane } from './FindingDetailPane';
import { FindingsTable } from './FindingsTable';

/** Renders the filter bar, the virtualized findings list and, once a finding is opened, its detail beside the list. */
export function FindingsView() {
  const { t } = useTranslation();
  const total = useAudit((state) => state.total);
  const rowsError = useAudit((state) => state.rowsError);
  const detailOpen = useAudit((state) => state.detailStatus !== 'idle');
  const filter = useAudit((state) => state.filter);
  const snapshotId = useAudit((state) => state.snapshotId);
  const run = useAudit((state) => state.run);
  const filtered = filter.text !== '' || filter.kinds.length > 0 || filter.severities.length > 0;

  return (
    <div className="findings-view">
      <FilterBar />
      {rowsError !== null && <ErrorPanel title={t('findings.loadFailed')} error={rowsError} onRetry={() => snapshotId !== null && void run(snapshotId)} />}
      <div className={detailOpen ? 'findings-split findings-split--open' : 'findings-split'}>
        {total === 0 ? (
          <p className="panel panel--empty">{filtered ? t('findings.noneMatching') : t('findings.none')}</p>
        ) : (
          <FindingsTable />
        )}
        <FindingDetailPane />
      </div>
    </div>
  );
}
