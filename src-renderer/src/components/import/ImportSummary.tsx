import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportMissingDto, ImportSummaryDto } from '../../../../src-main/ipc/schemas/import';
import { formatDateTime } from '../format';

function MissingItem({ item }: { item: ImportMissingDto }) {
  const { t } = useTranslation('import');
  // An importer sentence without a code is shown as the importer wrote it.
  if (item.code === 'other') return <li>{item.text}</li>;
  // Only the user count picks a plural form; the other sentences take no count.
  const values = item.userCount === null ? { group: item.group, groupId: item.groupId } : { count: item.userCount, users: item.users };
  return <li>{t(`missing.${item.code}`, values)}</li>;
}

function SentryUrlForm({ onApply, busy }: { onApply: (url: string) => void; busy: boolean }) {
  const { t } = useTranslation('import');
  const [url, setUrl] = useState('');

  return (
    <form
      className="import-url"
      onSubmit={(event) => {
        event.preventDefault();
        if (url.trim() !== '') onApply(url.trim());
      }}
    >
      <label className="field">
        <span className="field__label">{t('sentryUrl.label')}</span>
        <input type="url" value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://sentry.io/api/0/organizations/…/scim/v2" required />
        <span className="field__hint">{t('sentryUrl.hint')}</span>
      </label>
      <button type="submit" className="button" disabled={busy || url.trim() === ''}>
        {t('sentryUrl.apply')}
      </button>
    </form>
  );
}

/** Shows what a read found: each file's objects, what is missing, warnings and the snapshot to save. */
export function ImportSummary({ summary, busy, onReadAgain }: { summary: ImportSummaryDto; busy: boolean; onReadAgain: (url: string) => void }) {
  const { t, i18n } = useTranslation('import');
  const outline = summary.outline;
  const rows: Array<[string, ReactNode, boolean]> =
    outline === null
      ? []
      : [
          [t('outline.captured'), formatDateTime(outline.createdAt, i18n.language), false],
          [t('outline.tenant'), <code key="tenant">{outline.tenantId}</code>, false],
          [t('outline.app'), t('outline.appValue', { name: outline.appDisplayName, appId: outline.appId }), true],
          [t('outline.assignments'), outline.assignments, false],
          [t('outline.entraUsers'), t('outline.entraUsersValue', { count: outline.entraUsers, deleted: outline.deletedUsers }), false],
          [t('outline.entraGroups'), outline.entraGroups, false],
          [t('outline.members'), t('outline.membersValue', { direct: outline.directMembers, nested: outline.nestedMembers }), false],
          [
            t('outline.provisioning'),
            t('outline.provisioningValue', {
              job: t(outline.provisioningJob ? 'outline.present' : 'outline.absent'),
              schema: t(outline.provisioningSchema ? 'outline.present' : 'outline.absent'),
              logs: outline.provisioningLogs === null ? t('outline.absent') : t('outline.logEntries', { count: outline.provisioningLogs })
            }),
            true
          ],
          [t('outline.sentry'), t('outline.sentryValue', { org: outline.sentryOrg, users: outline.scimUsers, teams: outline.scimGroups }), true]
        ];

  return (
    <div className="import-summary">
      <h3 className="detail__subheading">{t('files.heading', { count: summary.files.length })}</h3>
      <div className="table-scroll">
        <table className="table table--compact import-files">
          <caption className="visually-hidden">{t('files.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('files.name')}</th>
              <th scope="col">{t('files.format')}</th>
              <th scope="col">{t('files.objects')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.files.map((file) => (
              <tr key={file.path ?? file.name}>
                <th scope="row" title={file.path ?? undefined}>
                  <code>{file.name}</code>
                </th>
                <td className="nowrap">{t(`formats.${file.format}`)}</td>
                <td>{file.counts.length === 0 ? t('files.empty') : file.counts.map(({ kind, count }) => t(`kinds.${kind}`, { count })).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {summary.skipped.length > 0 && <p className="muted small">{t('files.skipped', { names: summary.skipped.join(', ') })}</p>}

      {summary.missing.length > 0 && (
        <section className="notice import-missing" aria-labelledby="import-missing-heading">
          <h3 id="import-missing-heading" className="detail__subheading">
            {t('missing.heading')}
          </h3>
          <p>{t('missing.lead')}</p>
          <ul>
            {summary.missing.map((item) => (
              <MissingItem key={item.text} item={item} />
            ))}
          </ul>
          {summary.missing.some((item) => item.code === 'sentryBaseUrl') && <SentryUrlForm onApply={onReadAgain} busy={busy} />}
        </section>
      )}

      {outline !== null && (
        <section aria-labelledby="import-outline-heading">
          <h3 id="import-outline-heading" className="detail__subheading">
            {t('outline.heading')}
          </h3>
          <dl className="meta-grid import-outline">
            {rows.map(([label, value, wide]) => (
              <div key={label} className={wide ? 'meta-grid__wide' : undefined}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      {summary.warnings.length > 0 && (
        <section aria-labelledby="import-warnings-heading">
          <h3 id="import-warnings-heading" className="detail__subheading">
            {t('warnings.heading')}
          </h3>
          <p className="muted small">{t('warnings.source')}</p>
          <ul className="import-warnings">
            {summary.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
