import { useTranslation } from 'react-i18next';
import type { ConnectionSideResult } from '../../../../src-main/ipc/schemas/connections';
import type { ConnectionTest } from '../../stores/connections';
import { ErrorPanel } from '../ErrorPanel';

/** Picks the message for a failure code; an unreachable server without a named host gets the general wording. */
function failureKey(code: string, facts: Record<string, string>): string {
  return code === 'host_unreachable' && (facts.host ?? '') === '' ? 'host_unreachable_unnamed' : code;
}

function SideResult({ side, result }: { side: 'entra' | 'sentry'; result: ConnectionSideResult }) {
  const { t } = useTranslation();
  const title = t(`connections.test.${side}`);

  if (result.ok) {
    return (
      <div className="test-side test-side--ok">
        <h4 className="test-side__title">
          <span className="status-dot status-dot--ok" aria-hidden="true" />
          {title}: {t('connections.test.ok')}
        </h4>
        <dl className="meta-list meta-list--inline">
          {Object.entries(result.summary).map(([key, value]) => (
            <div key={key}>
              <dt>{t(`connections.test.summary.${key}`, { defaultValue: key })}</dt>
              <dd>{String(value)}</dd>
            </div>
          ))}
        </dl>
      </div>
    );
  }

  const facts = Object.fromEntries(Object.entries(result.details).map(([key, value]) => [key, value === null ? '' : String(value)]));
  return (
    <div className="test-side test-side--failed" role="alert">
      <h4 className="test-side__title">
        <span className="status-dot status-dot--failed" aria-hidden="true" />
        {title}: {t('connections.test.failed')}
      </h4>
      <p className="test-side__message">{t(`connections.failures.${failureKey(result.code, facts)}`, facts)}</p>
      <details className="panel__details">
        <summary>{t('errors.details')}</summary>
        <p>
          <code>{result.code}</code>: {result.message}
        </p>
      </details>
    </div>
  );
}

/** Shows the outcome of "Test connection" for both sides of one profile. */
export function TestResult({ test }: { test: ConnectionTest }) {
  const { t } = useTranslation();
  if (test.status === 'running') {
    return (
      <p className="test-running" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('connections.test.running')}
      </p>
    );
  }
  if (test.status === 'error') return <ErrorPanel title={t('connections.test.requestFailed')} error={test.error} />;
  return (
    <div className="test-result" aria-label={t('connections.test.resultLabel')}>
      <SideResult side="entra" result={test.result.entra} />
      <SideResult side="sentry" result={test.result.sentry} />
    </div>
  );
}
