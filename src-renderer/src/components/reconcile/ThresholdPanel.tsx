import { useTranslation } from 'react-i18next';
import type { ReconcilePlan } from '../../stores/reconcile';
import { useReconcile } from './context';

/** Shows the deletion threshold and the plan's deletions, with a field that raises the threshold for this run only. */
export function ThresholdPanel({ plan }: { plan: ReconcilePlan }) {
  const { t } = useTranslation('reconcile');
  const maxDeletes = useReconcile((state) => state.options.maxDeletes);
  const setMaxDeletes = useReconcile((state) => state.setMaxDeletes);
  const { deletions } = plan;

  return (
    <section className="reconcile-threshold" aria-labelledby="reconcile-threshold-heading">
      <h3 id="reconcile-threshold-heading">{t('threshold.heading')}</h3>
      <p>{deletions.thresholdSource === 'default' ? t('threshold.default', deletions) : t('threshold.run', deletions)}</p>
      <p>{t('threshold.count', { count: deletions.count })}</p>
      {plan.rejected && (
        <div className="panel panel--error" role="alert" id="reconcile-rejected">
          <p>{t('threshold.rejected', { count: deletions.count, threshold: deletions.threshold })}</p>
          <button type="button" className="button" onClick={() => setMaxDeletes(deletions.count)}>
            {t('threshold.raise', { count: deletions.count })}
          </button>
        </div>
      )}
      <label className="reconcile-threshold__input">
        {t('threshold.input')}{' '}
        <input
          type="number"
          min={0}
          step={1}
          value={maxDeletes ?? deletions.defaultThreshold}
          onChange={(event) => {
            const value = Number.parseInt(event.target.value, 10);
            if (Number.isInteger(value) && value >= 0) setMaxDeletes(value === deletions.defaultThreshold ? null : value);
          }}
        />
      </label>
      <span className="muted"> {t('threshold.inputHint')}</span>
      {maxDeletes !== null && (
        <button type="button" className="button button--quiet button--small" onClick={() => setMaxDeletes(null)}>
          {t('threshold.reset')}
        </button>
      )}
    </section>
  );
}
