import { useTranslation } from 'react-i18next';
import { FINDING_KINDS, SEVERITIES, type FindingKind } from '../../../../src-main/model/finding';
import type { AuditSummary as Summary } from '../../stores/audit';
import { useAudit } from '../../stores/context';
import { formatDateTime } from '../format';

/** Counts per severity and per kind. Choosing a count filters the findings list to it. */
export function AuditSummary({ summary }: { summary: Summary }) {
  const { t, i18n } = useTranslation();
  const filter = useAudit((state) => state.filter);
  const setFilter = useAudit((state) => state.setFilter);
  const numbers = new Intl.NumberFormat(i18n.language);
  const kinds = FINDING_KINDS.filter((kind) => (summary.countsByKind[kind] ?? 0) > 0);

  function chooseKind(kind: FindingKind): void {
    setFilter({ kinds: filter.kinds.length === 1 && filter.kinds[0] === kind ? [] : [kind] });
  }

  return (
    <section className="audit-summary" aria-label={t('audit.summaryLabel')}>
      <div className="severity-cards">
        <div className="stat">
          <span className="stat__value">{numbers.format(summary.findingCount)}</span>
          <span className="stat__label">{t('audit.findings', { count: summary.findingCount })}</span>
        </div>
        {SEVERITIES.map((severity) => (
          <button
            key={severity}
            type="button"
            className={`stat stat--button stat--${severity}`}
            aria-pressed={filter.severities.length === 1 && filter.severities[0] === severity}
            onClick={() => setFilter({ severities: filter.severities.length === 1 && filter.severities[0] === severity ? [] : [severity] })}
          >
            <span className="stat__value">{numbers.format(summary.countsBySeverity[severity])}</span>
            <span className="stat__label">{t(`severity.${severity}`)}</span>
          </button>
        ))}
      </div>
      {kinds.length > 0 && (
        <ul className="kind-counts" aria-label={t('audit.byKind')}>
          {kinds.map((kind) => (
            <li key={kind}>
              <button type="button" className="kind-count" aria-pressed={filter.kinds.includes(kind)} onClick={() => chooseKind(kind)}>
                <span>{t(`kinds.${kind}`)}</span>
                <span className="kind-count__value">{numbers.format(summary.countsByKind[kind] ?? 0)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">
        {t('audit.matchingRule', {
          target: summary.matching.targetAttribute,
          source: summary.matching.sourceAttribute,
          origin: t(`audit.matchingOrigin.${summary.matching.origin}`)
        })}{' '}
        · {t('audit.population', { users: numbers.format(summary.population.inScopeUsers), members: numbers.format(summary.population.sentryMembers) })} ·{' '}
        {t('audit.auditedAt', { time: formatDateTime(summary.auditedAt, i18n.language) })}
      </p>
      {summary.warnings.length > 0 && (
        <ul className="notice notice--list" aria-label={t('audit.warnings')}>
          {summary.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
