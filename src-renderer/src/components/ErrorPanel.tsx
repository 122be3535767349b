import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../src-main/ipc/contract';

/** Returns the string facts an error carries in `details` (workspace folder, path, permission, host). */
export function errorFacts(error: IpcError): Record<string, string> {
  const details = error.details;
  if (typeof details !== 'object' || details === null) return {};
  return Object.fromEntries(Object.entries(details).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/**
 * Shows a failed request: a translated explanation from the error code, the facts from its details,
 * an optional retry button, and the raw message for support.
 */
export function ErrorPanel({ title, error, onRetry }: { title: string; error: IpcError; onRetry?: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const facts = errorFacts(error);

  return (
    <section className="panel panel--error" role="alert" aria-labelledby={titleId}>
      <h3 id={titleId} className="panel__title">
        {title}
      </h3>
      <p>{t(`errors.codes.${error.code}`, { ...facts, defaultValue: t('errors.codes.internal') })}</p>
      {facts.workspaceDir !== undefined && (
        <p>
          <span className="muted">{t('snapshots.workspace')}</span> <code>{facts.workspaceDir}</code>
        </p>
      )}
      {facts.path !== undefined && (
        <p>
          <span className="muted">{t('errors.path')}</span> <code>{facts.path}</code>
        </p>
      )}
      <details className="panel__details">
        <summary>{t('errors.details')}</summary>
        <p>
          <code>{error.code}</code>: {error.message}
        </p>
      </details>
      {onRetry !== undefined && (
        <button type="button" className="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </section>
  );
}
