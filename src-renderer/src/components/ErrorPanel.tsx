import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../src-main/ipc/contract';

/** A failed request: a translated explanation from the error code, a retry button, and the raw message. */
export function ErrorPanel({ title, error, onRetry }: { title: string; error: IpcError; onRetry: () => void }) {
  const { t } = useTranslation();

  return (
    <section className="panel panel--error" role="alert" aria-labelledby="error-title">
      <h3 id="error-title" className="panel__title">
        {title}
      </h3>
      <p>{t(`errors.codes.${error.code}`)}</p>
      <details className="panel__details">
        <summary>{t('errors.details')}</summary>
        <p>
          <code>{error.code}</code>: {error.message}
        </p>
      </details>
      <button type="button" className="button" onClick={onRetry}>
        {t('errors.retry')}
      </button>
    </section>
  );
}
