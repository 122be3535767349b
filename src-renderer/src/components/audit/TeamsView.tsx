import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEAM_PAGE_SIZE, type TeamStatus } from '../../stores/audit-views';
import { useAuditViews } from '../../stores/context';
import { LoadingPanel } from '../common/StatusPanels';
import { ErrorPanel } from '../ErrorPanel';

const STATUSES: TeamStatus[] = ['missing_in_sentry', 'extra_in_sentry', 'in_both'];

/** Team memberships on both sides, member drift first, with a status filter and a text search. */
export function TeamsView({ snapshotId }: { snapshotId: string }) {
  const { t, i18n } = useTranslation();
  const searchId = useId();
  const status = useAuditViews((state) => state.teamsStatus);
  const rows = useAuditViews((state) => state.teams);
  const total = useAuditViews((state) => state.teamsTotal);
  const offset = useAuditViews((state) => state.teamsOffset);
  const statuses = useAuditViews((state) => state.teamStatuses);
  const error = useAuditViews((state) => state.teamsError);
  const load = useAuditViews((state) => state.loadTeams);
  const [text, setText] = useState('');
  const numbers = new Intl.NumberFormat(i18n.language);

  useEffect(() => {
    void load(snapshotId);
  }, [snapshotId, load]);

  useEffect(() => {
    const timer = window.setTimeout(() => void load(snapshotId, { text }), 250);
    return () => window.clearTimeout(timer);
  }, [text, snapshotId, load]);

  function toggle(value: TeamStatus): void {
    const next = statuses.includes(value) ? statuses.filter((entry) => entry !== value) : [...statuses, value];
    void load(snapshotId, { statuses: next });
  }

  return (
    <div className="teams-view">
      <div className="filter-bar">
        <label htmlFor={searchId} className="visually-hidden">
          {t('teams.search')}
        </label>
        <input id={searchId} type="search" placeholder={t('teams.search')} value={text} onChange={(event) => setText(event.target.value)} />
        <div role="group" aria-label={t('teams.statusLabel')} className="chip-group">
          {STATUSES.map((value) => (
            <button key={value} type="button" className={`chip chip--${value}`} aria-pressed={statuses.includes(value)} onClick={() => toggle(value)}>
              {t(`teams.status.${value}`)}
            </button>
          ))}
        </div>
        <p className="filter-bar__count" role="status">
          {status === 'ready' && t('teams.count', { count: total, formatted: numbers.format(total) })}
        </p>
      </div>
      {status === 'loading' && rows.length === 0 && <LoadingPanel text={t('teams.loading')} />}
      {error !== null && <ErrorPanel title={t('teams.loadFailed')} error={error} onRetry={() => void load(snapshotId)} />}
      {status === 'ready' && rows.length === 0 && <p className="panel panel--empty">{t('teams.empty')}</p>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="table table--compact">
            <caption className="visually-hidden">{t('teams.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('teams.columns.group')}</th>
                <th scope="col">{t('teams.columns.team')}</th>
                <th scope="col">{t('teams.columns.member')}</th>
                <th scope="col">{t('teams.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={`${row.groupId ?? row.teamId ?? ''}:${row.member}:${index}`}>
                  <td>{row.groupName ?? <span className="muted">{t('teams.noGroup')}</span>}</td>
                  <td>
                    {row.teamName ?? <span className="muted">{t('teams.noTeam')}</span>}
                    {row.slug !== null && <code className="muted small"> {row.slug}</code>}
                  </td>
                  <td>{row.member}</td>
                  <td>
                    <span className={`badge badge--${row.status}`}>{t(`teams.status.${row.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > TEAM_PAGE_SIZE && (
        <div className="pager">
          <button type="button" className="button button--small" disabled={offset === 0} onClick={() => void load(snapshotId, { offset: offset - TEAM_PAGE_SIZE })}>
            {t('common.previous')}
          </button>
          <span>{t('common.range', { from: numbers.format(offset + 1), to: numbers.format(Math.min(offset + TEAM_PAGE_SIZE, total)), total: numbers.format(total) })}</span>
          <button
            type="button"
            className="button button--small"
            disabled={offset + TEAM_PAGE_SIZE >= total}
            onClick={() => void load(snapshotId, { offset: offset + TEAM_PAGE_SIZE })}
          >
            {t('common.next')}
          </button>
        </div>
      )}
    </div>
  );
}
