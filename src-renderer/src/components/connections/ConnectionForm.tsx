import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGN_IN_METHODS, type ConnectionProfileDto, type SignInMethod } from '../../../../src-main/ipc/schemas/connections';
import type { SaveConnectionRequest } from '../../stores/connections';
import { useConnections } from '../../stores/context';
import { ErrorPanel } from '../ErrorPanel';

interface FormValues {
  name: string;
  tenantId: string;
  clientId: string;
  signInMethod: SignInMethod;
  certificatePath: string;
  appBy: 'name' | 'id';
  app: string;
  sentryScimUrl: string;
  authorityHost: string;
  graphUrl: string;
  clientSecret: string;
  certificatePassphrase: string;
  scimToken: string;
}

function initialValues(profile: ConnectionProfileDto | null): FormValues {
  return {
    name: profile?.name ?? '',
    tenantId: profile?.tenantId ?? '',
    clientId: profile?.clientId ?? '',
    signInMethod: profile?.signInMethod ?? 'clientSecret',
    certificatePath: profile?.certificatePath ?? '',
    appBy: profile?.appId !== null && profile?.appId !== undefined ? 'id' : 'name',
    app: profile?.appId ?? profile?.appName ?? 'Sentry',
    sentryScimUrl: profile?.sentryScimUrl ?? '',
    authorityHost: profile?.authorityHost ?? '',
    graphUrl: profile?.graphUrl ?? '',
    clientSecret: '',
    certificatePassphrase: '',
    scimToken: ''
  };
}

/** Builds the save request. Empty secret fields are left out, which keeps the stored secret. */
function toRequest(values: FormValues, id: string | undefined): SaveConnectionRequest {
  const secrets = {
    ...(values.signInMethod === 'clientSecret' && values.clientSecret !== '' ? { clientSecret: values.clientSecret } : {}),
    ...(values.signInMethod === 'certificate' && values.certificatePassphrase !== '' ? { certificatePassphrase: values.certificatePassphrase } : {}),
    ...(values.scimToken !== '' ? { scimToken: values.scimToken } : {})
  };
  return {
    ...(id === undefined ? {} : { id }),
    name: values.name,
    tenantId: values.tenantId,
    clientId: values.clientId,
    signInMethod: values.signInMethod,
    ...(values.signInMethod === 'certificate' ? { certificatePath: values.certificatePath } : {}),
    ...(values.appBy === 'id' ? { appId: values.app } : { appName: values.app }),
    sentryScimUrl: values.sentryScimUrl,
    ...(values.authorityHost.trim() === '' ? {} : { authorityHost: values.authorityHost }),
    ...(values.graphUrl.trim() === '' ? {} : { graphUrl: values.graphUrl }),
    ...(Object.keys(secrets).length > 0 ? { secrets } : {})
  };
}

function Field({ label, hint, children }: { label: string; hint?: string; children: (id: string) => React.ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children(id)}
      {hint !== undefined && <p className="field__hint">{hint}</p>}
    </div>
  );
}

/** Creates or edits a connection profile. Secrets go in password fields and are never shown again. */
export function ConnectionForm({ profile }: { profile: ConnectionProfileDto | null }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => initialValues(profile));
  const save = useConnections((state) => state.save);
  const edit = useConnections((state) => state.edit);
  const saving = useConnections((state) => state.saving);
  const saveError = useConnections((state) => state.saveError);

  const update = (changes: Partial<FormValues>) => setValues((current) => ({ ...current, ...changes }));
  const text = (key: keyof FormValues) => ({
    value: values[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => update({ [key]: event.target.value })
  });
  const secretHint = (stored: boolean | undefined) => (stored === true ? t('connections.form.secretStored') : undefined);
  const secretPlaceholder = (stored: boolean | undefined) => (stored === true ? t('connections.form.keepSecret') : '');

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    void save(toRequest(values, profile?.id));
  }

  return (
    <form className="panel form" aria-labelledby="connection-form-title" onSubmit={onSubmit}>
      <h3 id="connection-form-title" className="panel__title">
        {profile === null ? t('connections.form.newTitle') : t('connections.form.editTitle', { name: profile.name })}
      </h3>
      <Field label={t('connections.fields.name')}>{(id) => <input id={id} required maxLength={100} {...text('name')} />}</Field>

      <fieldset className="form__group">
        <legend>{t('connections.form.entra')}</legend>
        <Field label={t('connections.fields.tenantId')} hint={t('connections.form.tenantHint')}>
          {(id) => <input id={id} required spellCheck={false} {...text('tenantId')} />}
        </Field>
        <Field label={t('connections.fields.clientId')}>{(id) => <input id={id} required spellCheck={false} {...text('clientId')} />}</Field>
        <fieldset className="form__choices">
          <legend className="field__label">{t('connections.fields.signInMethod')}</legend>
          {SIGN_IN_METHODS.map((method) => (
            <label key={method} className="choice">
              <input type="radio" name="signInMethod" checked={values.signInMethod === method} onChange={() => update({ signInMethod: method })} />
              {t(`connections.signIn.${method}`)}
            </label>
          ))}
        </fieldset>
        {values.signInMethod === 'clientSecret' && (
          <Field label={t('connections.fields.clientSecret')} hint={secretHint(profile?.hasSecret.clientSecret)}>
            {(id) => <input id={id} type="password" autoComplete="off" placeholder={secretPlaceholder(profile?.hasSecret.clientSecret)} {...text('clientSecret')} />}
          </Field>
        )}
        {values.signInMethod === 'certificate' && (
          <>
            <Field label={t('connections.fields.certificatePath')} hint={t('connections.form.certificateHint')}>
              {(id) => <input id={id} required spellCheck={false} {...text('certificatePath')} />}
            </Field>
            <Field label={t('connections.fields.certificatePassphrase')} hint={secretHint(profile?.hasSecret.certificatePassphrase)}>
              {(id) => (
                <input id={id} type="password" autoComplete="off" placeholder={secretPlaceholder(profile?.hasSecret.certificatePassphrase)} {...text('certificatePassphrase')} />
              )}
            </Field>
          </>
        )}
        {values.signInMethod === 'deviceCode' && <p className="field__hint">{t('connections.form.deviceCodeHint')}</p>}
        <fieldset className="form__choices">
          <legend className="field__label">{t('connections.fields.appBy')}</legend>
          {(['name', 'id'] as const).map((choice) => (
            <label key={choice} className="choice">
              <input type="radio" name="appBy" checked={values.appBy === choice} onChange={() => update({ appBy: choice })} />
              {t(`connections.form.appBy.${choice}`)}
            </label>
          ))}
        </fieldset>
        <Field label={values.appBy === 'id' ? t('connections.fields.appId') : t('connections.fields.appName')}>
          {(id) => <input id={id} required spellCheck={false} {...text('app')} />}
        </Field>
        <details className="form__advanced">
          <summary>{t('connections.form.nationalClouds')}</summary>
          <Field label={t('connections.fields.authorityHost')} hint={t('connections.form.defaultHint')}>
            {(id) => <input id={id} spellCheck={false} {...text('authorityHost')} />}
          </Field>
          <Field label={t('connections.fields.graphUrl')} hint={t('connections.form.defaultHint')}>
            {(id) => <input id={id} spellCheck={false} {...text('graphUrl')} />}
          </Field>
        </details>
      </fieldset>

      <fieldset className="form__group">
        <legend>{t('connections.form.sentry')}</legend>
        <Field label={t('connections.fields.sentryScimUrl')} hint={t('connections.form.scimHint')}>
          {(id) => <input id={id} required type="url" spellCheck={false} {...text('sentryScimUrl')} />}
        </Field>
        <Field label={t('connections.fields.scimToken')} hint={secretHint(profile?.hasSecret.scimToken)}>
          {(id) => <input id={id} type="password" autoComplete="off" placeholder={secretPlaceholder(profile?.hasSecret.scimToken)} {...text('scimToken')} />}
        </Field>
      </fieldset>

      {saveError !== null && <ErrorPanel title={t('connections.form.saveFailed')} error={saveError} />}

      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('connections.form.saving') : t('connections.form.save')}
        </button>
        <button type="button" className="button" onClick={() => edit(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
