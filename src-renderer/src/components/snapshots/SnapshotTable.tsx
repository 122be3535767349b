import { useTranslation } from 'react-i18next';
import type { SnapshotSummaryDto } from '../../../../src-main/ipc/contract';
import { formatDateTime } from '../format';

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

function shortTenantId(tenantId: string): string {
  const firstGroup = tenantId.split('-')[0] ?? tenantId;
  return firstGroup.length < tenantId.length ? `${firstGroup}…` : tenantId;
}

type CountKey = 'entraUsers' | 'assignments' | 'groups' | 'sentryMembers' | 'sentryTeams';

function CountList({ counts }: { counts: Array<[CountKey, number]> }) {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.language);
  return (
    <ul className="count-list">
      {counts.map(([key, count]) => (
        <li key={key}>{t(`snapshots.${key}`, { count, formatted: numbers.format(count) })}</li>
      ))}
    </ul>
  );
}

/**
 * Renders the snapshot list as a table. A workspace contains tens of snapshots, not thousands, so every row
 * renders without virtualization.
 */
export function SnapshotTable({
  snapshots,
  selectedId,
  onOpen,
  onAudit,
  onDelete
}: {
  snapshots: SnapshotSummaryDto[];
  selectedId: string | null;
  onOpen: (id: string) => void;
  onAudit: (id: string) => void;
  onDelete: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();

  return (
    <div className="table-scroll">
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
            <tr key={snapshot.id} className={snapshot.id === selectedId ? 'is-selected' : undefined}>
              <th scope="row">
                <time dateTime={snapshot.createdAt}>{formatDateTime(snapshot.createdAt, i18n.language)}</time>
              </th>
              <td>
                <button
                  type="button"
                  className="link-button snapshot-id"
                  aria-label={t('snapshots.openDetails', { id: snapshot.id })}
                  aria-expanded={snapshot.id === selectedId}
                  aria-controls="snapshot-detail"
                  onClick={() => onOpen(snapshot.id)}
                >
                  {snapshot.id}
                </button>
                <div className="row-actions">
                  <button type="button" className="button button--small button--primary" onClick={() => onAudit(snapshot.id)}>
                    {t('snapshots.audit')}
                  </button>
                  <button
                    type="button"
                    className="button button--small button--quiet-danger"
                    aria-label={t('snapshots.deleteLabel', { id: snapshot.id })}
                    onClick={() => onDelete(snapshot.id)}
                  >
                    {t('snapshots.delete')}
                  </button>
                </div>
              </td>
              <td>
                <span className={`badge badge--${snapshot.origin}`}>{t(`snapshots.origin.${snapshot.origin}`)}</span>
              </td>
              <td>
                <div>{snapshot.appDisplayName}</div>
                <span className="muted small">{t('snapshots.tenant')}</span>{' '}
                {/* The first GUID group tells tenants apart; the full id is in the tooltip and the details. */}
                <code className="tenant-id" title={snapshot.tenantId}>
                  {shortTenantId(snapshot.tenantId)}
                </code>
              </td>
              <td>{snapshot.sentryOrg}</td>
              <td className="small">
                <CountList
                  counts={[
                    ['entraUsers', snapshot.counts.entraUsers],
                    ['assignments', snapshot.counts.assignments],
                    ['groups', snapshot.counts.groups]
                  ]}
                />
              </td>
              <td className="small">
                <CountList
                  counts={[
                    ['sentryMembers', snapshot.counts.scimUsers],
                    ['sentryTeams', snapshot.counts.scimGroups]
                  ]}
                />
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
