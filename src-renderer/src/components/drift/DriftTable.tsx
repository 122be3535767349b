import { useTranslation } from 'react-i18next';
import type { DriftRow } from '../../stores/drift';

/** Renders one page of changes between two snapshots. */
export function DriftTable({ rows }: { rows: DriftRow[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption className="visually-hidden">{t('drift.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('drift.columns.change')}</th>
            <th scope="col">{t('drift.columns.side')}</th>
            <th scope="col">{t('drift.columns.object')}</th>
            <th scope="col">{t('drift.columns.name')}</th>
            <th scope="col">{t('drift.columns.attribute')}</th>
            <th scope="col">{t('drift.columns.before')}</th>
            <th scope="col">{t('drift.columns.after')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={`${row.side}:${row.objectType}:${row.objectId}:${row.attribute ?? ''}:${index}`}>
              <td>
                <span className={`badge badge--change-${row.change}`}>{t(`drift.change.${row.change}`)}</span>
              </td>
              <td>{t(`drift.side.${row.side}`)}</td>
              <td>{t(`drift.objectType.${row.objectType}`)}</td>
              <td>
                {row.displayName ?? <span className="muted">—</span>}
                <div>
                  <code className="muted small">{row.objectId}</code>
                </div>
              </td>
              <td>{row.attribute === null ? <span className="muted">—</span> : <code>{row.attribute}</code>}</td>
              <td className="value-cell">{row.oldValue ?? <span className="muted">—</span>}</td>
              <td className="value-cell">{row.newValue ?? <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
