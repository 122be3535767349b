import { useTranslation } from 'react-i18next';
import type { ReconcilePlan } from '../../stores/reconcile';
import { consequenceText, skippedWhat, skippedWhy } from './texts';

/** Lists each planned SCIM operation with method, path, body and its consequence in Sentry. */
export function OperationsTable({ plan }: { plan: ReconcilePlan }) {
  const { t } = useTranslation('reconcile');
  if (plan.operations.length === 0) return <p className="panel panel--empty">{t('plan.empty')}</p>;

  return (
    <div className="table-scroll reconcile-scroll">
      <table className="table" aria-label={t('plan.operationsLabel')} id="reconcile-operations">
        <thead>
          <tr>
            <th scope="col">{t('plan.columns.seq')}</th>
            <th scope="col">{t('plan.columns.request')}</th>
            <th scope="col">{t('plan.columns.body')}</th>
            <th scope="col">{t('plan.columns.consequence')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.operations.map((operation) => (
            <tr key={operation.seq} className={operation.method === 'DELETE' ? 'reconcile-row--delete' : undefined}>
              <td className="numeric">{operation.seq}</td>
              <td>
                <code>
                  {operation.method} {operation.path}
                </code>
              </td>
              <td>{operation.body === null ? <span className="muted">{t('plan.noBody')}</span> : <pre className="reconcile-body">{operation.body}</pre>}</td>
              <td>{consequenceText(t, operation)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Lists the selected findings, or parts of them, that the plan leaves out, with the option that would include them. */
export function SkippedTable({ plan }: { plan: ReconcilePlan }) {
  const { t } = useTranslation('reconcile');
  if (plan.skipped.length === 0) return null;

  return (
    <details className="reconcile-skipped" open>
      <summary>{t('skipped.heading', { count: plan.skipped.length })}</summary>
      <div className="table-scroll reconcile-scroll">
        <table className="table" id="reconcile-skipped">
          <thead>
            <tr>
              <th scope="col">{t('skipped.columns.what')}</th>
              <th scope="col">{t('skipped.columns.reason')}</th>
              <th scope="col">{t('skipped.columns.enable')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.skipped.map((item, index) => {
              const what = skippedWhat(t, item);
              const why = skippedWhy(t, item);
              return (
                <tr key={`${item.findingId}-${index}`}>
                  <td>{what ?? <span lang="en">{item.description}</span>}</td>
                  <td>
                    {why ?? (
                      <>
                        <span className="muted">{t('skipped.englishNote')}</span> <span lang="en">{item.reason}</span>
                      </>
                    )}
                  </td>
                  <td>{item.toggle === null ? <span className="muted">{t('skipped.noToggle')}</span> : t(`options.${item.toggle}`)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** Lists the two fixes for members whose userName differs, and group members that are not Sentry members yet. */
export function PlanNotes({ plan }: { plan: ReconcilePlan }) {
  const { t } = useTranslation('reconcile');
  if (plan.advice.length === 0 && plan.pendingMembers.length === 0 && plan.otherNotes.length === 0) return null;

  return (
    <section className="reconcile-notes" aria-labelledby="reconcile-advice-heading">
      {plan.advice.length > 0 && <h3 id="reconcile-advice-heading">{t('advice.heading')}</h3>}
      {plan.advice.map((advice) => (
        <div key={advice.findingId} className="reconcile-advice">
          <p>{t('advice.line', { member: advice.memberUserName, entraValue: advice.entraValue })}</p>
          <ol>
            <li>{advice.alternativeSource === null ? t('advice.mappingNoSource', { member: advice.memberUserName }) : t('advice.mapping', { source: advice.alternativeSource })}</li>
            <li>{advice.recreatePlanned ? t('advice.recreatePlanned', advice) : t('advice.recreateOff', advice)}</li>
          </ol>
        </div>
      ))}
      {plan.pendingMembers.map((pending) => (
        <p key={`${pending.team}-${pending.member}`} className="muted">
          {t('pendingMember', pending)}
        </p>
      ))}
      {plan.otherNotes.map((note) => (
        <p key={note} className="muted" lang="en">
          {note}
        </p>
      ))}
    </section>
  );
}
