import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../src-main/ipc/contract';
import { EXPORT_FORMATS, type ExportFormat } from '../../stores/export';
import { useExport, useFilePicker, useNavigation, useSettings } from '../../stores/context';
import { ScreenHeader } from '../common/ScreenHeader';
import { SnapshotPicker, useSnapshotOptions } from '../common/SnapshotPicker';
import { EmptyPanel } from '../common/StatusPanels';
import { ErrorPanel } from '../ErrorPanel';

const EXTENSIONS: Record<ExportFormat, string> = { workbook: 'xlsx', csv: 'csv', json: 'json' };

function Result() {
  const { t, i18n } = useTranslation();
  const last = useExport((state) => state.last);
  const error = useExport((state) => state.error);
  if (error !== null) return <ErrorPanel title={t('export.failed')} error={error} />;
  if (last === null) return null;
  if (last === 'cancelled') {
    return (
      <p className="notice" role="status">
        {t('export.cancelled')}
      </p>
    );
  }
  const numbers = new Intl.NumberFormat(i18n.language);
  return (
    <p className="notice notice--success" role="status">
      {t('export.written', { format: t(`export.formats.${last.format}.name`), count: last.findingCount, findings: numbers.format(last.findingCount) })}{' '}
      <code>{last.path}</code> ({t('export.bytes', { size: numbers.format(Math.ceil(last.bytes / 1024)) })})
    </p>
  );
}

/** Exports the audit of one snapshot as the Excel evidence workbook, CSV or JSON, in a chosen language. */
export function ExportScreen() {
  const { t } = useTranslation();
  const languageId = useId();
  const options = useSnapshotOptions();
  const snapshotId = useNavigation((state) => state.snapshotId);
  const selectSnapshot = useNavigation((state) => state.selectSnapshot);
  const uiLanguage = useSettings((state) => state.language);
  const running = useExport((state) => state.running);
  const run = useExport((state) => state.run);
  const picker = useFilePicker();
  const [compareId, setCompareId] = useState<string | null>(null);
  const [language, setLanguage] = useState<Language>(uiLanguage);

  function onExport(format: ExportFormat): void {
    if (snapshotId === null) return;
    const suggestion = `roster-${snapshotId.slice(0, 12)}-${language}.${EXTENSIONS[format]}`;
    const path = picker.choose(t('export.pathQuestion'), suggestion);
    if (path === null) return;
    void run({ format, snapshotId, compareId: format === 'workbook' ? compareId : null, language, path });
  }

  return (
    <section className="screen" aria-labelledby="export-heading">
      <ScreenHeader id="export-heading" title={t('export.heading')} description={t('export.description')} />
      {options.length === 0 ? (
        <EmptyPanel id="export-empty" title={t('export.noSnapshotTitle')}>
          <p>{t('audit.noSnapshotBody')}</p>
        </EmptyPanel>
      ) : (
        <>
          <div className="toolbar toolbar--pickers">
            <SnapshotPicker label={t('export.snapshot')} value={snapshotId} onChange={selectSnapshot} options={options} />
            <SnapshotPicker
              label={t('export.compare')}
              value={compareId}
              onChange={setCompareId}
              options={options.filter((option) => option.id !== snapshotId)}
              allowNone={t('export.noCompare')}
            />
            <div className="picker">
              <label htmlFor={languageId} className="field__label">
                {t('export.language')}
              </label>
              <select id={languageId} value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
                {LANGUAGES.map((option) => (
                  <option key={option} value={option}>
                    {t(`language.${option}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="export-cards">
            {EXPORT_FORMATS.map((format) => (
              <article key={format} className="panel export-card" aria-labelledby={`export-${format}`}>
                <h3 id={`export-${format}`} className="panel__title">
                  {t(`export.formats.${format}.title`)}
                </h3>
                <p className="muted">
                  <Trans i18nKey={`export.formats.${format}.body`} components={{ cmd: <code /> }} />
                </p>
                <button
                  type="button"
                  className={format === 'workbook' ? 'button button--primary' : 'button'}
                  disabled={snapshotId === null || running !== null}
                  onClick={() => onExport(format)}
                >
                  {running === format ? t('export.running') : t(`export.formats.${format}.button`)}
                </button>
              </article>
            ))}
          </div>
          {snapshotId === null && <p className="muted">{t('export.pickFirst')}</p>}
          <Result />
        </>
      )}
    </section>
  );
}
