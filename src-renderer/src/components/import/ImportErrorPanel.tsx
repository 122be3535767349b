import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../../src-main/ipc/contract';
import { importFileProblemSchema } from '../../../../src-main/ipc/schemas/import';

function detailText(error: IpcError, key: string): string {
  const details = error.details;
  if (typeof details !== 'object' || details === null) return '';
  const value = (details as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
}

/**
 * Translates a place the importer names, such as `line 4` or `line 4, column 7` (or a CSV column name).
 * A JSON path such as `$[1].value[0].principalType` stays as it is.
 */
function useLocationText(): (location: string) => string {
  const { t } = useTranslation('import');
  return (location) => {
    const match = /^line (\d+)(?:, column (.+))?$/.exec(location);
    if (match === null) return location;
    const [, line, column] = match;
    return column === undefined ? t('errors.line', { line }) : t('errors.lineColumn', { line, column });
  };
}

/** Explains a failed read or save in the auditor's language; a bad file is named with its place and the problem. */
export function ImportErrorPanel({ title, error }: { title: string; error: IpcError }) {
  const { t } = useTranslation('import');
  const titleId = useId();
  const locationText = useLocationText();
  const problem = error.code === 'import_file_invalid' ? importFileProblemSchema.safeParse(error.details) : null;

  // Main names the total size of a drop it rejects for being too large.
  const dropTooLarge = typeof error.details === 'object' && error.details !== null && 'totalBytes' in error.details;

  let explanation: string;
  if (problem?.success) explanation = t('errors.fileInvalid', { file: problem.data.file });
  else if (error.code === 'import_sentry_url_invalid') explanation = t('errors.sentryUrlInvalid', { problem: detailText(error, 'problem') });
  else if (error.code === 'import_incomplete') explanation = t('errors.incomplete');
  else if (error.code === 'import_preview_not_found') explanation = t('errors.previewNotFound');
  else if (error.code === 'workspace_unavailable') explanation = t('errors.workspace', { workspaceDir: detailText(error, 'workspaceDir') });
  else if (error.code === 'invalid_request' && dropTooLarge) explanation = t('errors.dropTooLarge');
  else if (detailText(error, 'reason') === 'unreadable_drop') explanation = t('errors.readFailed', { name: detailText(error, 'name') });
  else explanation = t('errors.other');

  return (
    <section className="panel panel--error" role="alert" aria-labelledby={titleId}>
      <h3 id={titleId} className="panel__title">
        {title}
      </h3>
      <p>{explanation}</p>
      {problem?.success && (
        <dl className="meta-list">
          {problem.data.location !== null && (
            <>
              <dt>{t('errors.location')}</dt>
              <dd>
                <code>{locationText(problem.data.location)}</code>
              </dd>
            </>
          )}
          <dt>{t('errors.problem')}</dt>
          <dd>{problem.data.problem}</dd>
        </dl>
      )}
      <details className="panel__details">
        <summary>{t('errors.details')}</summary>
        <p>
          <code>{error.code}</code>: {error.message}
        </p>
      </details>
    </section>
  );
}
