/**
 * Checks a connection profile before it is saved, so a typo fails in the form and not halfway into a capture.
 * Each error names the field, the value and the fix; secret values never appear in a message.
 */
import { DEFAULT_AUTHORITY_HOST, DEFAULT_GRAPH_URL } from '../capture/clients';
import type { ParsedRequestOf } from '../ipc/contract';
import { parseScimBaseUrl } from '../scim/base-url';
import { serviceError } from './errors';
import type { StoredProfile } from './profile-store';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export type ProfileFields = Omit<StoredProfile, 'id' | 'createdAt' | 'updatedAt'>;

function invalid(field: string, value: string, message: string): never {
  throw serviceError('invalid_connection', message, { field, value });
}

function httpsRoot(field: string, value: string | undefined, fallback: string): string {
  const text = value === undefined || value === '' ? fallback : value;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    invalid(field, text, `Invalid ${field} "${text}": enter an https:// URL such as ${fallback}.`);
  }
  if (url.protocol !== 'https:') invalid(field, text, `Invalid ${field} "${text}": Roster connects only over https://, e.g. ${fallback}.`);
  return text.replace(/\/+$/, '');
}

/** Returns the profile fields with defaults filled in, or raises `invalid_connection` naming the field. */
export function validateProfile(input: ParsedRequestOf<'connections:save'>): ProfileFields {
  if (!GUID.test(input.tenantId) && !DOMAIN.test(input.tenantId)) {
    invalid('tenantId', input.tenantId, `Invalid tenant id "${input.tenantId}": use the directory (tenant) id GUID or a verified domain such as contoso.onmicrosoft.com.`);
  }
  if (!GUID.test(input.clientId)) {
    invalid('clientId', input.clientId, `Invalid client id "${input.clientId}": use the application (client) id GUID from the app registration's overview page.`);
  }

  const appId = input.appId === '' ? undefined : input.appId;
  const appName = input.appName === '' ? undefined : input.appName;
  if ((appId === undefined) === (appName === undefined)) {
    invalid('appId', appId ?? appName ?? '', 'Name the Sentry enterprise app with exactly one of app id or app name.');
  }
  if (appId !== undefined && !GUID.test(appId)) {
    invalid('appId', appId, `Invalid app id "${appId}": use the enterprise app's application id GUID from Entra > Enterprise applications.`);
  }

  const certificatePath = input.certificatePath === '' ? undefined : input.certificatePath;
  if (input.signInMethod === 'certificate' && certificatePath === undefined) {
    invalid('certificatePath', '', 'The certificate sign-in needs the path of a PEM file with the certificate and its private key.');
  }

  try {
    parseScimBaseUrl(input.sentryScimUrl);
  } catch (error) {
    invalid('sentryScimUrl', input.sentryScimUrl, (error as Error).message);
  }

  return {
    name: input.name,
    tenantId: input.tenantId,
    clientId: input.clientId,
    signInMethod: input.signInMethod,
    certificatePath: input.signInMethod === 'certificate' ? (certificatePath ?? null) : null,
    appId: appId ?? null,
    appName: appName ?? null,
    authorityHost: httpsRoot('authorityHost', input.authorityHost, DEFAULT_AUTHORITY_HOST),
    graphUrl: httpsRoot('graphUrl', input.graphUrl, DEFAULT_GRAPH_URL),
    sentryScimUrl: input.sentryScimUrl.replace(/\/+$/, '')
  };
}
