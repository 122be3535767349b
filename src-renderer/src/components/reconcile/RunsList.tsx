import { useTranslation } from 'react-i18next';
import { useReconcile } from './context';

/** Runs of this workspace with operations left to send or retry, e.g. after a cancel or a closed app. */
export function RunsList() {
  const { t, i18n } = useTranslation('reconcile');
  const allRuns = useReconcile((state) => state.runs);
  const status = useReconcile((state) => state.runsStatus);
  const current = useReconcile((state) => state.run?.runId ?? null);
  const starting = useReconcile((state) => state.starting);
  const resumeRun = useReconcile((state) => state.resumeRun);
  const showRun = useReconcile((state) => state.showRun);
  const runs = allRuns.filter((run) => run.unfinished || run.active);
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="reconcile-runs" aria-labelledby="reconcile-runs-heading">
      <h3 id="reconcile-runs-heading">{t('runs.heading')}</h3>
      {status === 'loading' && runs.length === 0 && <p className="muted">{t('runs.loading')}</p>}
      {status === 'ready' && runs.length === 0 && <p className="muted">{t('runs.empty')}</p>}
      <ul id="reconcile-runs">
        {runs.map((run) => (
          <li key={run.id}>
            <strong>{run.active ? t('runs.active') : t(`runs.state.${run.state}`)}</strong>{' '}
            <code>{run.id}</code>{' '}
            {t('runs.row', {
              startedAt: format.format(new Date(run.startedAt)),
              runBy: run.runBy,
              snapshotId: run.snapshotId,
              left: run.counts.planned + run.counts.pending,
              failed: run.counts.failed
            })}{' '}
            {!run.active && (
              <button type="button" className="button button--small" disabled={starting} onClick={() => void resumeRun(run.id)}>
                {t('runs.resume')}
              </button>
            )}{' '}
            {current !== run.id && (
              <button type="button" className="button button--quiet button--small" onClick={() => void showRun(run.id)}>
                {t('runs.show')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
