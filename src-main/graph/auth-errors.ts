import { AuthError } from '@azure/msal-node';
import type { NetworkFailure } from './msal-network';

/** A failed sign-in, with a message that names what to fix. The message contains no token or secret. */
export class SignInError extends Error {
  constructor(
    message: string,
    /** The AADSTS number (e.g. `7000215`) or MSAL error code behind the failure, when known. */
    readonly code: string | null
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

export interface SignInContext {
  tenantId: string;
  clientId: string;
  authorityHost: string;
  credentialKind: 'secret' | 'certificate' | 'deviceCode';
  certificateThumbprint: string | null;
  lastNetworkFailure: NetworkFailure | null;
  /** AADSTS number of the last error response from the sign-in server, for errors MSAL reports without it. */
  lastAadstsCode: string | null;
}

/**
 * Turns an MSAL error into a `SignInError` naming the value at fault and the fix. AADSTS numbers come
 * from Entra's token endpoint (`error_codes`, also quoted in `error_description`).
 */
export function toSignInError(error: unknown, context: SignInContext): SignInError {
  if (error instanceof SignInError) return error;
  const { clientId, tenantId } = context;
  const msalCode = error instanceof AuthError ? error.errorCode : null;
  const metadataFailed = msalCode === 'endpoints_resolution_error' || msalCode === 'invalid_authority_metadata';
  const aadsts = aadstsCode(error) ?? (metadataFailed ? context.lastAadstsCode : null);

  switch (aadsts) {
    case '7000215':
    case '7000222':
      return new SignInError(
        `Sign-in failed: the client secret for client id ${clientId} is invalid or expired. Create a new secret in Entra and set ROSTER_ENTRA_CLIENT_SECRET.`,
        aadsts
      );
    case '700016':
      return new SignInError(
        `Sign-in failed: no application with client id ${clientId} exists in tenant ${tenantId}. Check the client id (--client-id) and that the app registration lives in this tenant.`,
        aadsts
      );
    case '90002':
    case '900023':
    case '90072':
      return new SignInError(
        `Sign-in failed: tenant ${tenantId} was not found at ${context.authorityHost}. Check the tenant id (--tenant) and, for a national cloud, the authority host.`,
        aadsts
      );
    case '700027':
    case '700024':
    case '700023':
      return new SignInError(
        `Sign-in failed: Entra rejected the certificate${context.certificateThumbprint ? ` with SHA-256 thumbprint ${context.certificateThumbprint}` : ''} for client id ${clientId}. Upload this certificate to the app registration (Certificates & secrets) or point ROSTER_ENTRA_CERT_PATH at the certificate registered there.`,
        aadsts
      );
    case '7000218':
      return new SignInError(
        `Sign-in failed: client id ${clientId} does not allow device code sign-in. Turn on "Allow public client flows" in the app registration's Authentication page.`,
        aadsts
      );
    case '65001':
      return new SignInError(
        `Sign-in failed: client id ${clientId} has no admin consent for the requested Graph permissions. Ask an administrator to grant admin consent in the app registration's API permissions page.`,
        aadsts
      );
    case '70011':
      return new SignInError(`Sign-in failed: Entra rejected the requested scope for client id ${clientId}: ${firstLine(error)}`, aadsts);
    default:
      break;
  }

  // MSAL reports a failed device code poll as `post_request_failed` with the OAuth error as its message.
  const pollError = msalCode === 'post_request_failed' && error instanceof AuthError ? error.errorMessage : msalCode;
  if (pollError === 'authorization_declined') {
    return new SignInError('Sign-in failed: the device code sign-in was declined. Run the command again and finish the sign-in in the browser.', pollError);
  }
  if (pollError === 'expired_token' || pollError === 'device_code_expired' || pollError === 'user_timeout_reached') {
    return new SignInError('Sign-in failed: the device code sign-in was not completed in time. Run the command again and finish the sign-in in the browser within 15 minutes.', pollError);
  }

  if (context.lastNetworkFailure) {
    const { host, cause } = context.lastNetworkFailure;
    return new SignInError(
      `Sign-in failed: could not reach ${host} (${cause}). Check the authority host, your network and any proxy settings (HTTPS_PROXY).`,
      msalCode ?? 'network_error'
    );
  }

  if (metadataFailed) {
    return new SignInError(`Sign-in failed: ${context.authorityHost} sent no usable OpenID configuration for tenant ${tenantId}. Check the tenant id and the authority host.`, msalCode);
  }

  return new SignInError(`Sign-in failed for client id ${clientId} in tenant ${tenantId}: ${firstLine(error)}`, aadsts ?? msalCode);
}

function aadstsCode(error: unknown): string | null {
  if (!(error instanceof AuthError)) return null;
  const errorNo = (error as AuthError & { errorNo?: unknown }).errorNo;
  if (typeof errorNo === 'string' && /^\d+$/.test(errorNo)) return errorNo;
  if (typeof errorNo === 'number') return String(errorNo);
  return /AADSTS(\d+)/.exec(error.errorMessage ?? error.message)?.[1] ?? null;
}

/** Extracts the readable part of an MSAL message: Entra's `error_description` without its trace and correlation ids. */
function firstLine(error: unknown): string {
  let text = String(error);
  if (error instanceof AuthError) text = error.errorMessage || error.message;
  else if (error instanceof Error) text = error.message;
  const description = /Description: ([\s\S]*?)(?: - Correlation ID:|$)/.exec(text)?.[1] ?? text;
  return description.split(/\r?\n| Trace ID:/)[0]?.trim() ?? description;
}
