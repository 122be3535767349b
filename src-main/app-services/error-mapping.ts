/**
 * Maps the domain's errors (sign-in, Graph, SCIM, network) onto the codes the renderer translates.
 * Messages are the domain's own English texts, which name the value at fault; none contains a secret.
 */
import { CaptureCancelledError } from '../capture/capture';
import { SignInError } from '../graph/auth-errors';
import { CertificateFileError } from '../graph/certificate';
import { AmbiguousServicePrincipalError, GraphPermissionError, ServicePrincipalNotFoundError } from '../graph/errors';
import { HttpError, NetworkError, TimeoutError } from '../http/errors';
import type { ConnectionTestFailure } from '../ipc/schemas/connections';

export interface MappedFailure {
  code: ConnectionTestFailure;
  message: string;
  details: Record<string, string | number | null>;
}

/** AADSTS numbers for a client secret that is wrong or expired. */
const WRONG_SECRET_CODES = new Set(['7000215', '7000222']);

function findCause<T>(error: unknown, type: abstract new (...args: never[]) => T): T | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof type) return current;
    current = current.cause;
  }
  return null;
}

/** Classifies an error from a connection test or a capture; `clientId` names the app registration in messages. */
export function mapDomainError(error: unknown, clientId: string): MappedFailure {
  if (error instanceof SignInError) {
    if (error.code !== null && WRONG_SECRET_CODES.has(error.code)) {
      return {
        code: 'wrong_secret',
        message: `The client secret for client id ${clientId} is invalid or expired. Create a new secret in Entra (App registrations > Certificates & secrets) and enter it in Connections.`,
        details: { clientId, aadsts: error.code }
      };
    }
    if (error.code === 'network_error' || /could not reach/.test(error.message)) {
      return { code: 'host_unreachable', message: error.message, details: { clientId, service: 'Entra sign-in' } };
    }
    return { code: 'sign_in_failed', message: error.message, details: { clientId, signInCode: error.code } };
  }
  if (error instanceof CertificateFileError) return { code: 'invalid_settings', message: error.message, details: { clientId, field: 'certificatePath' } };
  if (error instanceof GraphPermissionError) {
    return { code: 'graph_permission_missing', message: error.message, details: { clientId, permission: error.permission, source: error.source } };
  }
  if (error instanceof ServicePrincipalNotFoundError || error instanceof AmbiguousServicePrincipalError) {
    return { code: 'app_not_found', message: error.message, details: { clientId } };
  }

  // SCIM errors arrive wrapped by `explainScimError`, which keeps the HttpError as the cause.
  const http = findCause(error, HttpError);
  if (http && http.service === 'Sentry SCIM') {
    const message = error instanceof Error ? error.message : http.message;
    if (http.status === 401) return { code: 'scim_unauthorized', message, details: { status: 401, url: http.url } };
    if (http.status === 403 || http.status === 404) return { code: 'scim_not_enabled', message, details: { status: http.status, url: http.url } };
  }

  const network = findCause(error, NetworkError);
  if (network) return { code: 'host_unreachable', message: network.message, details: { service: network.service, host: hostOf(network.url) } };
  const timeout = findCause(error, TimeoutError);
  if (timeout) return { code: 'timeout', message: timeout.message, details: { service: timeout.service, host: hostOf(timeout.url) } };

  return { code: 'unexpected', message: error instanceof Error ? error.message : String(error), details: {} };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function isCancellation(error: unknown): boolean {
  return error instanceof CaptureCancelledError;
}
