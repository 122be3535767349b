import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingDetail } from '../../stores/audit';
import { useAudit } from '../../stores/context';
import { ErrorPanel } from '../ErrorPanel';
import { formatDateTime } from '../format';

type SideObject = FindingDetail['entra'][number];

function formatValue(value: string | number | boolean | null, t: (key: string) => string): string {
  if (value === null) return t('finding.empty');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  return String(value);
}

function SideColumn({ side, objects, differing }: { side: 'entra' | 'sentry'; objects: SideObject[]; differing: Set<string> }) {
  const { t } = useTranslation();
  return (
    <section className={`side side--${side}`} aria-label={t(`finding.${side}`)}>
      <h4 className="side__title">{t(`finding.${side}`)}</h4>
      {objects.length === 0 && <p className="muted">{t(`finding.${side}None`)}</p>}
      {objects.map((object) => (
        <dl key={`${object.type}:${object.id}`} className="side__object">
          <div className="side__row">
            <dt>{t('finding.objectType')}</dt>
            <dd>{object.type}</dd>
          </div>
          {Object.entries(object.attributes).map(([name, value]) => {
            const differs = differing.has(name);
            return (
              <div key={name} className={differs ? 'side__row is-different' : 'side__row'} data-differs={differs || undefined}>
                <dt>
                  <code>{name}</code>
                  {differs && <span className="visually-hidden"> ({t('finding.differs')})</span>}
                </dt>
                <dd>{formatValue(value, t)}</dd>
              </div>
            );
          })}
        </dl>
      ))}
    </section>
  );
}

/** Orders attribute names: those both objects carry first, so they line up, then each side's own. */
function attributeRows(entra: SideObject, sentry: SideObject): string[] {
  const entraNames = Object.keys(entra.attributes);
  const sentryNames = Object.keys(sentry.attributes);
  const shared = entraNames.filter((name) => name in sentry.attributes);
  return [...shared, ...entraNames.filter((name) => !shared.includes(name)), ...sentryNames.filter((name) => !shared.includes(name))];
}

/** Renders one Entra object against one Sentry object, attribute by attribute, with the differing rows marked. */
function ComparisonTable({ entra, sentry, differing }: { entra: SideObject; sentry: SideObject; differing: Set<string> }) {
  const { t } = useTranslation();
  const cell = (object: SideObject, name: string) =>
    name in object.attributes ? formatValue(object.attributes[name] ?? null, t) : <span className="muted">—</span>;
  return (
    <table className="table table--compact comparison">
      <caption className="visually-hidden">{t('finding.comparison')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('finding.attribute')}</th>
          <th scope="col" title={entra.type}>
            {t('finding.entra')}
          </th>
          <th scope="col" title={sentry.type}>
            {t('finding.sentry')}
          </th>
        </tr>
      </thead>
      <tbody>
        {attributeRows(entra, sentry).map((name) => {
          const differs = differing.has(name);
          return (
            <tr key={name} className={differs ? 'is-different' : undefined} data-differs={differs || undefined}>
              <th scope="row">
                <code>{name}</code>
                {differs && <span className="visually-hidden"> ({t('finding.differs')})</span>}
              </th>
              <td>{cell(entra, name)}</td>
              <td>{cell(sentry, name)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Shows one finding: both sides next to each other with the differing attributes highlighted, then what it means and what to do. */
export function FindingDetailPane() {
  const { t, i18n } = useTranslation();
  const status = useAudit((state) => state.detailStatus);
  const detail = useAudit((state) => state.detail);
  const error = useAudit((state) => state.detailError);
  const close = useAudit((state) => state.closeDetail);
  const heading = useRef<HTMLHeadingElement>(null);
  const findingId = detail?.finding.id;

  // Moves focus to the pane when a finding opens, so a screen reader reads it and Esc closes it.
  useEffect(() => {
    if (findingId !== undefined) heading.current?.focus();
  }, [findingId]);

  if (status === 'idle') return null;
  const finding = detail?.finding;
  const differing = new Set(detail?.differingAttributes ?? []);

  return (
    <aside
      className="panel finding-detail"
      aria-labelledby="finding-detail-heading"
      aria-busy={status === 'loading'}
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <header className="detail__header">
        <h3 id="finding-detail-heading" ref={heading} tabIndex={-1} className="panel__title">
          {finding === undefined ? t('finding.loading') : t(`kinds.${finding.kind}`)}
        </h3>
        <button type="button" className="button button--small" onClick={close} aria-keyshortcuts="Escape">
          {t('detail.close')}
        </button>
      </header>
      {status === 'error' && error !== null && <ErrorPanel title={t('finding.loadFailed')} error={error} />}
      {finding !== undefined && detail !== null && (
        <>
          <p className="finding-detail__meta">
            <span className={`severity severity--${finding.severity}`}>{t(`severity.${finding.severity}`)}</span> <code>{finding.kind}</code>
          </p>
          {finding.attribute !== null && (
            <p className="attribute-diff">
              <code>{finding.attribute.name}</code>: {t('finding.entraSends')} <mark>{finding.attribute.entraValue ?? t('finding.empty')}</mark>,{' '}
              {t('finding.sentryHolds')} <mark>{finding.attribute.sentryValue ?? t('finding.empty')}</mark>
            </p>
          )}
          {detail.entra.length === 1 && detail.sentry.length === 1 ? (
            <ComparisonTable entra={detail.entra[0]!} sentry={detail.sentry[0]!} differing={differing} />
          ) : (
            <div className="sides">
              <SideColumn side="entra" objects={detail.entra} differing={differing} />
              <SideColumn side="sentry" objects={detail.sentry} differing={differing} />
            </div>
          )}
          <h4 className="detail__subheading">{t('finding.explanation')}</h4>
          <p>{finding.explanation}</p>
          <h4 className="detail__subheading">{t('finding.action')}</h4>
          <p className="finding-detail__action">{finding.recommendedAction}</p>
          {finding.lastProvisioningEvent !== null && (
            <>
              <h4 className="detail__subheading">{t('finding.lastEvent')}</h4>
              <p>
                {formatDateTime(finding.lastProvisioningEvent.activityDateTime, i18n.language)} · {finding.lastProvisioningEvent.provisioningAction} ·{' '}
                {finding.lastProvisioningEvent.status}
                {finding.lastProvisioningEvent.errorCode !== null && <code> {finding.lastProvisioningEvent.errorCode}</code>}
              </p>
            </>
          )}
          <p className="muted small">
            {t('finding.id')} <code>{finding.id}</code>
          </p>
        </>
      )}
    </aside>
  );
}
