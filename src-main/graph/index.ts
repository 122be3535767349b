export { DEFAULT_AUTHORITY_HOST, DEFAULT_GRAPH_URL, DELEGATED_PERMISSIONS, SignInError, createTokenProvider } from './auth';
export type { EntraAuthOptions, EntraCredential, TokenProvider } from './auth';
export { CertificateFileError, loadCertificateFile, parseCertificatePem } from './certificate';
export type { CertificateCredential } from './certificate';
export { readEntraSide } from './entra-capture';
export type { EntraCapture, EntraCaptureOptions } from './entra-capture';
export {
  AmbiguousServicePrincipalError,
  GraphPermissionError,
  GraphResponseError,
  GraphUnauthorizedError,
  ServicePrincipalNotFoundError
} from './errors';
export { GraphClient, MAX_BATCH_SIZE } from './graph-client';
export type { GraphClientOptions, ReadContext } from './graph-client';
export { PROVISIONING_LOG_DAYS } from './provisioning';
export { validateAppRef } from './service-principal';
export type { AppRef } from './service-principal';
export type { SourceProgress } from './source-tracker';
