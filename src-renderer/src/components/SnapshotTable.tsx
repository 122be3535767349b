import { useTranslation } from 'react-i18next';
import type { SnapshotSummaryDto } from '../../../src-main/ipc/contract';

function formatCapturedAt(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // dateStyle and timeStyle cannot be combined with timeZoneName, so the parts are listed one by one.
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short'
  }).format(date);
}

function WarningsCell({ snapshot }: { snapshot: SnapshotSummaryDto }) {
  const { t } = useTranslation();
  if (snapshot.warningCount === 0 && snapshot.unavailableCount === 0) {
    return <span className="muted">{t('snapshots.noWarnings')}</span>;
  }
  return (
    <ul className="plain-list">
      {snapshot.warningCount > 0 && <li className="badge badge--warning">{t('snapshots.warningCount', { count: snapshot.warningCount })}</li>}
      {snapshot.unavailableCount > 0 && (
        <li className="badge badge--warning">{t('snapshots.unavailableCount', { count: snapshot.unavailableCount })}</li>
      )}
    </ul>
  );
}

/**
 * The snapshot list as a table. A workspace holds tens of snapshots, not thousands, so every row
 * renders without virtualization.
 */
export function SnapshotTable({ snapshots }: { snapshots: SnapshotSummaryDto[] }) {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.language);

  return (
    <div className="table-scroll" tabIndex={0} aria-label={t('snapshots.tableCaption')}>
      <table className="table">
        <caption className="visually-hidden">{t('snapshots.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('snapshots.columns.captured')}</th>
            <th scope="col">{t('snapshots.columns.id')}</th>
            <th scope="col">{t('snapshots.columns.origin')}</th>
            <th scope="col">{t('snapshots.columns.entraApp')}</th>
            <th scope="col">{t('snapshots.columns.sentryOrg')}</th>
            <th scope="col">{t('snapshots.columns.entraCounts')}</th>
            <th scope="col">{t('snapshots.columns.sentryCounts')}</th>
            <th scope="col">{t('snapshots.columns.warnings')}</th>
          </tr>
        </thead>
        <tbody>
          {snapshots.map((snapshot) => (
            <tr key={snapshot.id}>
              <th scope="row" className="nowrap">
                <time dateTime={snapshot.createdAt}>{formatCapturedAt(snapshot.createdAt, i18n.language)}</time>
              </th>
              <td>
                <code className="snapshot-id">{snapshot.id}</code>
              </td>
              <td>
                <span className={`badge badge--${snapshot.origin}`}>{t(`snapshots.origin.${snapshot.origin}`)}</span>
              </td>
              <td>
                <div>{snapshot.appDisplayName}</div>
                <div className="muted small">{t('snapshots.tenant', { tenantId: snapshot.tenantId })}</div>
              </td>
              <td>{snapshot.sentryOrg}</td>
              <td className="small">
                {t('snapshots.entraCounts', {
                  users: numbers.format(snapshot.counts.entraUsers),
                  assignments: numbers.format(snapshot.counts.assignments),
                  groups: numbers.format(snapshot.counts.groups)
                })}
              </td>
              <td className="small">
                {t('snapshots.sentryCounts', {
                  members: numbers.format(snapshot.counts.scimUsers),
                  teams: numbers.format(snapshot.counts.scimGroups)
                })}
              </td>
              <td>
                <WarningsCell snapshot={snapshot} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
