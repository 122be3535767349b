import { useTranslation } from 'react-i18next';
import { optionsConfirmed } from '../../stores/reconcile';
import { LoadingPanel } from '../common/StatusPanels';
import { useReconcile } from './context';
import { OptionsPanel } from './OptionsPanel';
import { OperationsTable, PlanNotes, SkippedTable } from './PlanTables';
import { errorText } from './texts';
import { ThresholdPanel } from './ThresholdPanel';

/** Shows the plan step: the requests to send, the skipped items, the options, the threshold and the connection. */
export function PlanView() {
  const { t } = useTranslation('reconcile');
  const selection = useReconcile((state) => state.selection);
  const plan = useReconcile((state) => state.plan);
  const planStatus = useReconcile((state) => state.planStatus);
  const planError = useReconcile((state) => state.planError);
  const profileId = useReconcile((state) => state.profileId);
  const selectProfile = useReconcile((state) => state.selectProfile);
  const starting = useReconcile((state) => state.starting);
  const confirmedAll = useReconcile(optionsConfirmed);
  const start = useReconcile((state) => state.start);

  if (selection === null) return null;
  const scope =
    selection.findingIds.length === 1
      ? t('scope.finding', { id: selection.findingIds[0] })
      : selection.filter !== null
        ? t('scope.filtered', { count: plan?.selectedFindings ?? 0 })
        : t('scope.all', { count: plan?.selectedFindings ?? 0, snapshotId: selection.snapshotId });

  const profiles = plan?.profiles ?? [];
  const chosen = profiles.find((profile) => profile.id === profileId) ?? null;
  const canStart = plan !== null && planStatus === 'ready' && !plan.rejected && plan.operations.length > 0 && chosen !== null && chosen.matches && confirmedAll && !starting;

  return (
    <div className="reconcile-plan">
      <p className="reconcile-scope" id="reconcile-scope">
        {scope}
      </p>
      <OptionsPanel />
      {planStatus === 'loading' && plan === null && <LoadingPanel text={t('plan.loading')} />}
      {planStatus === 'error' && planError !== null && (
        <p className="panel panel--error" role="alert">
          {errorText(t, planError)}
        </p>
      )}
      {plan !== null && (
        <div aria-busy={planStatus === 'loading'}>
          <p className="reconcile-summary" id="reconcile-summary">
            {t('plan.summary', { count: plan.operations.length, url: plan.sentryBaseUrl })}
          </p>
          <ThresholdPanel plan={plan} />
          <OperationsTable plan={plan} />
          <SkippedTable plan={plan} />
          <PlanNotes plan={plan} />
          <div className="reconcile-profile">
            {profiles.some((profile) => profile.matches) ? (
              <label>
                {t('profile.label')}{' '}
                <select value={profileId ?? ''} onChange={(event) => selectProfile(event.target.value)}>
                  {profiles.map((profile) => (
                    <option key={profile.id} value={profile.id} disabled={!profile.matches || !profile.hasScimToken}>
                      {!profile.matches
                        ? t('profile.otherSentry', { name: profile.name, url: profile.sentryScimUrl })
                        : profile.hasScimToken
                          ? profile.name
                          : t('profile.noToken', { name: profile.name })}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <p className="panel panel--error">{t('profile.none', { url: plan.sentryBaseUrl })}</p>
            )}
          </div>
          {!confirmedAll && <p className="reconcile-warning">{t('confirmMissing')}</p>}
          <div className="dialog__actions">
            <button type="button" className="button button--danger" disabled={!canStart} onClick={() => void start()}>
              {t('start', { count: plan.operations.length })}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
