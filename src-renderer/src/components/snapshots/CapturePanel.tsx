import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureProgressEvent } from '../../../../src-main/ipc/schemas/capture';
import { useCapture, useConnections, useNavigation } from '../../stores/context';
import { ErrorPanel } from '../ErrorPanel';

function ProgressTable({ sources }: { sources: CaptureProgressEvent[] }) {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.language);
  return (
    <table className="table table--compact capture-progress">
      <caption className="visually-hidden">{t('capture.progressCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('capture.columns.source')}</th>
          <th scope="col">{t('capture.columns.state')}</th>
          <th scope="col" className="numeric">
            {t('capture.columns.pages')}
          </th>
          <th scope="col" className="numeric">
            {t('capture.columns.rows')}
          </th>
          <th scope="col" className="numeric">
            {t('capture.columns.retries')}
          </th>
        </tr>
      </thead>
      <tbody>
        {sources.map((source) => (
          <tr key={source.source} data-source={source.source}>
            <th scope="row">
              <code>{source.source}</code>
            </th>
            <td>
              <span className={`badge badge--state-${source.state}`}>{t(`capture.state.${source.state}`)}</span>
            </td>
            <td className="numeric">{numbers.format(source.pages)}</td>
            <td className="numeric">
              {source.apiTotal === null
                ? numbers.format(source.rows)
                : t('capture.rowsOfTotal', { rows: numbers.format(source.rows), total: numbers.format(source.apiTotal) })}
            </td>
            <td className="numeric">{numbers.format(source.retries)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Outcome() {
  const { t } = useTranslation();
  const last = useCapture((state) => state.last);
  const openAudit = useNavigation((state) => state.openAudit);
  if (last === null) return null;
  if (last.outcome === 'failed') return <ErrorPanel title={t('capture.failed')} error={last.error} />;
  if (last.outcome === 'cancelled') {
    return (
      <p className="notice" role="status">
        {t('capture.cancelled')}
      </p>
    );
  }
  return (
    <p className="notice notice--success" role="status">
      {t('capture.completed', { id: last.snapshotId })}{' '}
      <button type="button" className="button button--small button--primary" onClick={() => openAudit(last.snapshotId)}>
        {t('snapshots.audit')}
      </button>
    </p>
  );
}

/** Takes a snapshot through a connection profile, with live progress per source and a cancel button. */
export function CapturePanel() {
  const { t } = useTranslation();
  const selectId = useId();
  const profiles = useConnections((state) => state.profiles);
  const profilesStatus = useConnections((state) => state.status);
  const loadProfiles = useConnections((state) => state.load);
  const go = useNavigation((state) => state.go);
  const jobId = useCapture((state) => state.jobId);
  const starting = useCapture((state) => state.starting);
  const cancelling = useCapture((state) => state.cancelling);
  const sources = useCapture((state) => state.sources);
  const startError = useCapture((state) => state.startError);
  const start = useCapture((state) => state.start);
  const cancel = useCapture((state) => state.cancel);
  const [chosen, setChosen] = useState('');

  useEffect(() => {
    if (profilesStatus === 'idle') void loadProfiles();
  }, [profilesStatus, loadProfiles]);

  const profileId = chosen !== '' ? chosen : (profiles[0]?.id ?? '');
  const running = jobId !== null || starting;

  return (
    <section className="panel capture" aria-labelledby="capture-title">
      <h3 id="capture-title" className="panel__title">
        {t('capture.title')}
      </h3>
      {profilesStatus === 'ready' && profiles.length === 0 ? (
        <p>
          {t('capture.noProfiles')}{' '}
          <button type="button" className="button button--small" onClick={() => go('connections')}>
            {t('capture.toConnections')}
          </button>
        </p>
      ) : (
        <div className="toolbar">
          <label htmlFor={selectId}>{t('capture.profile')}</label>
          <select id={selectId} value={profileId} onChange={(event) => setChosen(event.target.value)} disabled={running}>
            {profiles.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profile.name}
              </option>
            ))}
          </select>
          {running ? (
            <button type="button" className="button button--danger" onClick={() => void cancel()} disabled={cancelling || jobId === null}>
              {cancelling ? t('capture.cancelling') : t('capture.cancel')}
            </button>
          ) : (
            <button type="button" className="button button--primary" onClick={() => void start(profileId)} disabled={profileId === ''}>
              {t('capture.start')}
            </button>
          )}
          {running && (
            <span className="muted" role="status">
              <span className="spinner" aria-hidden="true" />
              {t('capture.running')}
            </span>
          )}
        </div>
      )}
      {startError !== null && <ErrorPanel title={t('capture.startFailed')} error={startError} />}
      {sources.length > 0 && <ProgressTable sources={sources} />}
      <Outcome />
    </section>
  );
}
