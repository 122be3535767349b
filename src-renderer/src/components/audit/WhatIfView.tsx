import { useEffect } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useAuditViews } from '../../stores/context';
import { LoadingPanel } from '../common/StatusPanels';
import { ErrorPanel } from '../ErrorPanel';

const OUTCOMES = ['link', 'create', 'duplicate', 'skip', 'orphaned'] as const;

/** Compares candidate sources for userName: how many users each would link, create, duplicate or skip. */
export function WhatIfView({ snapshotId }: { snapshotId: string }) {
  const { t, i18n } = useTranslation();
  const status = useAuditViews((state) => state.whatIfStatus);
  const whatIf = useAuditViews((state) => state.whatIf);
  const error = useAuditViews((state) => state.whatIfError);
  const load = useAuditViews((state) => state.loadWhatIf);
  const numbers = new Intl.NumberFormat(i18n.language);

  useEffect(() => {
    void load(snapshotId);
  }, [snapshotId, load]);

  if (status === 'loading' || status === 'idle') return <LoadingPanel text={t('whatIf.loading')} />;
  if (error !== null) return <ErrorPanel title={t('whatIf.loadFailed')} error={error} onRetry={() => void load(snapshotId)} />;
  if (whatIf === null) return null;

  return (
    <div className="whatif-view">
      <p className="screen__description">{t('whatIf.description')}</p>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{t('whatIf.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <Trans i18nKey="whatIf.columns.source" components={{ field: <code className="field-term" /> }} />
              </th>
              {OUTCOMES.map((outcome) => (
                <th key={outcome} scope="col" className="numeric" title={t(`whatIf.hints.${outcome}`)}>
                  {t(`whatIf.columns.${outcome}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {whatIf.candidates.map((candidate) => (
              <tr key={candidate.sourceAttribute} className={candidate.current ? 'is-current' : undefined}>
                <th scope="row">
                  <code>{candidate.sourceAttribute}</code>
                  {candidate.current && <span className="badge badge--current">{t('whatIf.current')}</span>}
                </th>
                {OUTCOMES.map((outcome) => (
                  <td key={outcome} className="numeric">
                    {numbers.format(candidate[outcome])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="legend">
        {OUTCOMES.map((outcome) => (
          <li key={outcome}>
            <strong>{t(`whatIf.columns.${outcome}`)}</strong>: {t(`whatIf.hints.${outcome}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
