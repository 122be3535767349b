import { useTranslation } from 'react-i18next';
import type { OpenedFile } from '../../stores/snapshots';
import { useNavigation, useSnapshots } from '../../stores/context';

function OpenedFileCard({ file }: { file: OpenedFile }) {
  const { t } = useTranslation();
  const openAudit = useNavigation((state) => state.openAudit);
  const snapshotId = file.snapshotId;

  return (
    <article className={`panel opened-file ${file.verified ? 'opened-file--verified' : 'opened-file--failed'}`} aria-label={file.path}>
      <p className={`verdict ${file.verified ? 'verdict--ok' : 'verdict--failed'}`} role="status">
        <span className="verdict__mark" aria-hidden="true">
          {file.verified ? '✓' : '✕'}
        </span>
        {file.verified ? t('opened.verified') : t('opened.notVerified')}
      </p>
      <p className="muted">{file.demo ? t('opened.demoNote') : t('opened.readOnly')}</p>
      <p>
        <code className="opened-file__path">{file.path}</code>
      </p>
      {file.problem !== null && (
        <>
          <p>{t(`opened.problems.${file.problem.storeCode}`, { defaultValue: t('opened.problems.other') })}</p>
          <details className="panel__details">
            <summary>{t('errors.details')}</summary>
            <p>
              <code>{file.problem.storeCode}</code>: {file.problem.message}
            </p>
          </details>
        </>
      )}
      {snapshotId !== null && (
        <button type="button" className="button button--primary" onClick={() => openAudit(snapshotId)}>
          {t('snapshots.audit')}
        </button>
      )}
    </article>
  );
}

/** Snapshot files opened read-only in this session, each with a prominent verdict on its hash. */
export function OpenedFiles() {
  const opened = useSnapshots((state) => state.opened);
  if (opened.length === 0) return null;
  return (
    <div className="opened-files">
      {opened.map((file) => (
        <OpenedFileCard key={file.path} file={file} />
      ))}
    </div>
  );
}
