import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../src-main/ipc/contract';

/** Returns the workspace folder a store error names in its details, or null. */
function workspaceDirOf(error: IpcError): string | null {
  const details = error.details;
  if (typeof details === 'object' && details !== null && 'workspaceDir' in details && typeof details.workspaceDir === 'string') {
    return details.workspaceDir;
  }
  return null;
}

/** Shows a failed request: a translated explanation from the error code, a retry button, and the raw message. */
export function ErrorPanel({ title, error, onRetry }: { title: string; error: IpcError; onRetry: () => void }) {
  const { t } = useTranslation();
  const workspaceDir = workspaceDirOf(error);

  return (
    <section className="panel panel--error" role="alert" aria-labelledby="error-title">
      <h3 id="error-title" className="panel__title">
        {title}
      </h3>
      <p>{t(`errors.codes.${error.code}`)}</p>
      {workspaceDir !== null && (
        <p>
          <span className="muted">{t('snapshots.workspace')}</span> <code>{workspaceDir}</code>
        </p>
      )}
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
