import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionProfileDto } from '../../../../src-main/ipc/schemas/connections';
import { useConnections } from '../../stores/context';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { TestResult } from './TestResult';

function SecretState({ label, stored }: { label: string; stored: boolean }) {
  const { t } = useTranslation();
  return (
    <div>
      <dt>{label}</dt>
      <dd className={stored ? undefined : 'muted'}>{stored ? t('connections.secret.stored') : t('connections.secret.missing')}</dd>
    </div>
  );
}

/** Shows one connection profile: its settings, whether its secrets are stored, and its actions. */
export function ConnectionCard({ profile }: { profile: ConnectionProfileDto }) {
  const { t } = useTranslation();
  const test = useConnections((state) => state.tests[profile.id]);
  const deviceCode = useConnections((state) => state.deviceCodes[profile.id]);
  const runTest = useConnections((state) => state.test);
  const edit = useConnections((state) => state.edit);
  const remove = useConnections((state) => state.remove);
  const [confirming, setConfirming] = useState(false);
  const headingId = `connection-${profile.id}`;

  return (
    <article className="panel connection" aria-labelledby={headingId}>
      <header className="connection__header">
        <h3 id={headingId} className="panel__title">
          {profile.name}
        </h3>
        <div className="connection__actions">
          <button type="button" className="button button--primary" onClick={() => void runTest(profile.id)} disabled={test?.status === 'running'}>
            {t('connections.testButton')}
          </button>
          <button type="button" className="button" onClick={() => edit(profile.id)}>
            {t('connections.edit')}
          </button>
          <button type="button" className="button button--quiet-danger" onClick={() => setConfirming(true)}>
            {t('connections.delete')}
          </button>
        </div>
      </header>
      <dl className="meta-grid">
        <div>
          <dt>{t('connections.fields.tenantId')}</dt>
          <dd>
            <code>{profile.tenantId}</code>
          </dd>
        </div>
        <div>
          <dt>{t('connections.fields.clientId')}</dt>
          <dd>
            <code>{profile.clientId}</code>
          </dd>
        </div>
        <div>
          <dt>{t('connections.fields.signInMethod')}</dt>
          <dd>{t(`connections.signIn.${profile.signInMethod}`)}</dd>
        </div>
        <div>
          <dt>{profile.appId !== null ? t('connections.fields.appId') : t('connections.fields.appName')}</dt>
          <dd>{profile.appId ?? profile.appName}</dd>
        </div>
        <div className="meta-grid__wide">
          <dt>{t('connections.fields.sentryScimUrl')}</dt>
          <dd>
            <code>{profile.sentryScimUrl}</code>
          </dd>
        </div>
        {profile.signInMethod === 'clientSecret' && <SecretState label={t('connections.fields.clientSecret')} stored={profile.hasSecret.clientSecret} />}
        {profile.signInMethod === 'certificate' && (
          <SecretState label={t('connections.fields.certificatePassphrase')} stored={profile.hasSecret.certificatePassphrase} />
        )}
        <SecretState label={t('connections.fields.scimToken')} stored={profile.hasSecret.scimToken} />
      </dl>
      {deviceCode !== undefined && (
        <p className="notice" role="status">
          {deviceCode}
        </p>
      )}
      {test !== undefined && <TestResult test={test} />}
      {confirming && (
        <ConfirmDialog
          title={t('connections.confirmDelete.title', { name: profile.name })}
          body={t('connections.confirmDelete.body')}
          confirmLabel={t('connections.delete')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void remove(profile.id);
          }}
        />
      )}
    </article>
  );
}
