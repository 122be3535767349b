import { useTranslation } from 'react-i18next';
import type { RunView as RunViewState } from '../../stores/reconcile';
import { useReconcile } from './context';
import { consequenceText, type ReconcileT } from './texts';

function resultLines(t: ReconcileT, run: RunViewState): string[] {
  const end = run.finished;
  if (end === null) return [];
  const count = (state: string) => run.operations.filter((operation) => operation.state === state).length;
  const lines: string[] = [];
  if (end.outcome === 'failed') lines.push(t('result.failed', { message: end.error?.message ?? '' }));
  else if (end.error?.code === 'scim_unauthorized') lines.push(t('result.unauthorized', { left: count('planned') + count('pending') }));
  else if (end.error?.code === 'run_stopped') lines.push(t('result.stopped', { message: end.error.message }));
  else if (end.outcome === 'cancelled') lines.push(t('result.cancelled', { left: count('planned') + count('pending') }));
  else lines.push(t('result.completed', { done: count('done'), skipped: count('skipped'), failed: count('failed') }));

  if (end.error?.code === 'verification_failed') lines.push(t('result.verificationFailed', { message: end.error.message }));
  const verificationId = end.run?.verificationSnapshotId ?? null;
  if (verificationId !== null) {
    lines.push(t('result.verification', { id: verificationId, verified: run.operations.filter((operation) => operation.verified === true).length, applied: count('done') }));
  }
  if (end.outcome === 'completed' && count('failed') > 0) lines.push(t('result.retryFailed'));
  return lines;
}

function verifiedText(t: ReconcileT, verified: boolean | null): string {
  if (verified === null) return t('verified.none');
  return verified ? t('verified.yes') : t('verified.no');
}

/** Shows live progress of a run with pause, resume and cancel, then each operation's result and verification. */
export function RunView({ run }: { run: RunViewState }) {
  const { t } = useTranslation('reconcile');
  const pause = useReconcile((state) => state.pause);
  const resume = useReconcile((state) => state.resume);
  const cancel = useReconcile((state) => state.cancel);
  const running = run.finished === null;

  return (
    <section className="reconcile-run" aria-labelledby="reconcile-run-heading">
      <h3 id="reconcile-run-heading">{t('run.heading', { runId: run.runId })}</h3>
      {running && (
        <>
          <progress max={Math.max(run.total, 1)} value={run.position} aria-label={t('run.progress', { position: run.position, total: run.total })} />
          <p role="status" id="reconcile-run-status">
            {run.verifying
              ? t('run.verifying')
              : run.paused
                ? t('run.paused')
                : run.pauseRequested
                  ? t('run.pausing')
                  : t('run.progress', { position: run.position, total: run.total })}
          </p>
          <div className="reconcile-run__controls">
            {run.pauseRequested ? (
              <button type="button" className="button" onClick={() => void resume()} disabled={run.verifying}>
                {t('run.resume')}
              </button>
            ) : (
              <button type="button" className="button" onClick={() => void pause()} disabled={run.verifying}>
                {t('run.pause')}
              </button>
            )}
            <button type="button" className="button button--danger" onClick={() => void cancel()} disabled={run.verifying}>
              {t('run.cancel')}
            </button>
          </div>
        </>
      )}
      {!running && (
        <div className="panel" role="status" id="reconcile-result">
          {resultLines(t, run).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      <div className="table-scroll reconcile-scroll">
        <table className="table" aria-label={t('run.operationsLabel')} id="reconcile-run-operations">
          <thead>
            <tr>
              <th scope="col">{t('run.columns.seq')}</th>
              <th scope="col">{t('run.columns.request')}</th>
              <th scope="col">{t('run.columns.consequence')}</th>
              <th scope="col">{t('run.columns.state')}</th>
              <th scope="col">{t('run.columns.http')}</th>
              <th scope="col">{t('run.columns.reason')}</th>
              <th scope="col">{t('run.columns.verified')}</th>
            </tr>
          </thead>
          <tbody>
            {run.operations.map((operation) => (
              <tr key={operation.seq} data-state={operation.state}>
                <td className="numeric">{operation.seq}</td>
                <td>
                  <code>
                    {operation.method} {operation.path}
                  </code>
                </td>
                <td>{consequenceText(t, operation)}</td>
                <td>
                  <span className={`badge reconcile-state reconcile-state--${operation.state}`}>
                    {/* A request cut short by a cancel or a closed app is checked against Sentry before a resume sends anything. */}
                    {!running && operation.state === 'pending' ? t('state.interrupted') : t(`state.${operation.state}`)}
                  </span>
                </td>
                <td className="numeric">{operation.httpStatus ?? '–'}</td>
                <td lang="en">{operation.reason ?? operation.responseSummary ?? ''}</td>
                <td title={operation.verificationNote ?? undefined}>{verifiedText(t, operation.verified)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('run.reasonNote')}</p>
    </section>
  );
}
