import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotDetailDto } from '../../../../src-main/ipc/contract';
import { useSnapshotDetail } from '../../stores/context';
import { ErrorPanel } from '../ErrorPanel';
import { durationSeconds, formatDateTime } from '../format';

function MetaList({ detail }: { detail: SnapshotDetailDto }) {
  const { t, i18n } = useTranslation();
  const rows: Array<[string, string, boolean]> = [
    [t('detail.fields.capturedAt'), formatDateTime(detail.summary.createdAt, i18n.language), false],
    [t('detail.fields.capturedBy'), detail.capturedBy, false],
    [t('detail.fields.tenantId'), detail.summary.tenantId, true],
    [t('detail.fields.appId'), detail.appId, true],
    [t('detail.fields.servicePrincipalId'), detail.servicePrincipalId, true],
    [t('detail.fields.sentryBaseUrl'), detail.sentryBaseUrl, true],
    [t('detail.fields.population'), detail.population, false],
    [t('detail.fields.toolVersion'), detail.toolVersion, false],
    [t('detail.fields.contentSha256'), detail.summary.contentSha256, true]
  ];
  return (
    <dl className="meta-list">
      {rows.map(([label, value, technical]) => (
        <div key={label} className="meta-list__row">
          <dt>{label}</dt>
          <dd>{technical ? <code>{value}</code> : value}</dd>
        </div>
      ))}
    </dl>
  );
}

function SourcesTable({ detail }: { detail: SnapshotDetailDto }) {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.language);
  return (
    <table className="table table--compact">
      <caption className="detail__subheading">{t('detail.sources')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('detail.sourceColumns.source')}</th>
          <th scope="col">{t('detail.sourceColumns.rows')}</th>
          <th scope="col">{t('detail.sourceColumns.apiTotal')}</th>
          <th scope="col">{t('detail.sourceColumns.pages')}</th>
          <th scope="col">{t('detail.sourceColumns.retries')}</th>
          <th scope="col">{t('detail.sourceColumns.duration')}</th>
        </tr>
      </thead>
      <tbody>
        {detail.sources.map((source) => {
          const seconds = durationSeconds(source.startedAt, source.endedAt, i18n.language);
          return (
            <tr key={source.source}>
              <th scope="row">
                <code>{source.source}</code>
              </th>
              <td>{numbers.format(source.rowsReceived)}</td>
              <td>{source.apiTotal === null ? <span className="muted">{t('detail.apiTotalNone')}</span> : numbers.format(source.apiTotal)}</td>
              <td>{numbers.format(source.pages)}</td>
              <td>{numbers.format(source.retries)}</td>
              <td>{seconds === null ? '' : t('detail.seconds', { value: seconds })}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Problems({ detail }: { detail: SnapshotDetailDto }) {
  const { t } = useTranslation();
  return (
    <>
      <h4 className="detail__subheading">{t('detail.warnings')}</h4>
      {detail.warnings.length === 0 ? (
        <p className="muted">{t('detail.noWarnings')}</p>
      ) : (
        <ul className="detail__list" lang="en">
          {detail.warnings.map((warning, index) => (
            <li key={index}>{warning}</li>
          ))}
        </ul>
      )}

      <h4 className="detail__subheading">{t('detail.unavailable')}</h4>
      {detail.unavailable.length === 0 ? (
        <p className="muted">{t('detail.noUnavailable')}</p>
      ) : (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('detail.unavailableColumns.source')}</th>
              <th scope="col">{t('detail.unavailableColumns.reason')}</th>
              <th scope="col">{t('detail.unavailableColumns.permission')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.unavailable.map((item) => (
              <tr key={item.source}>
                <th scope="row">
                  <code>{item.source}</code>
                </th>
                <td lang="en">{item.reason}</td>
                <td>{item.missingPermission === null ? <span className="muted">{t('detail.permissionUnknown')}</span> : <code>{item.missingPermission}</code>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(detail.warnings.length > 0 || detail.unavailable.length > 0) && <p className="muted small">{t('detail.englishNote')}</p>}
    </>
  );
}

/** Shows the opened snapshot's metadata, sources and problems below the list. */
export function SnapshotDetailPanel() {
  const { t } = useTranslation();
  const selectedId = useSnapshotDetail((state) => state.selectedId);
  const status = useSnapshotDetail((state) => state.status);
  const detail = useSnapshotDetail((state) => state.detail);
  const error = useSnapshotDetail((state) => state.error);
  const open = useSnapshotDetail((state) => state.open);
  const close = useSnapshotDetail((state) => state.close);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Move focus to the panel when it opens, so keyboard and screen-reader users land on the new content.
  useEffect(() => {
    if (selectedId !== null) headingRef.current?.focus();
  }, [selectedId]);

  if (selectedId === null) return null;

  return (
    <section id="snapshot-detail" className="panel detail" aria-labelledby="snapshot-detail-heading" aria-busy={status === 'loading'}>
      <header className="detail__header">
        <h3 id="snapshot-detail-heading" className="panel__title" tabIndex={-1} ref={headingRef}>
          {t('detail.heading', { id: selectedId })}
        </h3>
        <button type="button" className="button" onClick={close}>
          {t('detail.close')}
        </button>
      </header>

      {status === 'loading' && <p role="status">{t('detail.loading')}</p>}
      {status === 'error' && error !== null && <ErrorPanel title={t('detail.loadFailed')} error={error} onRetry={() => void open(selectedId)} />}
      {status === 'ready' && detail !== null && (
        <div className="detail__body">
          <MetaList detail={detail} />
          <div className="detail__side">
            <SourcesTable detail={detail} />
            <Problems detail={detail} />
          </div>
        </div>
      )}
    </section>
  );
}
