import { randomUUID } from 'node:crypto';

/** Graph's JSON error body: `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`. */
export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

/** A Graph error ready to send: HTTP status, body and extra headers. */
export interface GraphErrorResponse {
  status: number;
  body: GraphErrorBody;
  headers?: Record<string, string>;
}

/** Graph writes `innerError.date` without a zone suffix or fraction, e.g. `2025-01-01T00:00:00`. */
function graphDate(): string {
  return new Date().toISOString().slice(0, 19);
}

export function graphErrorBody(code: string, message: string, clientRequestId: string = randomUUID()): GraphErrorBody {
  return {
    error: {
      code,
      message,
      innerError: { date: graphDate(), 'request-id': randomUUID(), 'client-request-id': clientRequestId }
    }
  };
}

export function graphError(status: number, code: string, message: string, headers?: Record<string, string>): GraphErrorResponse {
  return headers ? { status, body: graphErrorBody(code, message), headers } : { status, body: graphErrorBody(code, message) };
}

/** Thrown inside request handlers to respond with a Graph error. */
export class GraphRequestError extends Error {
  constructor(readonly response: GraphErrorResponse) {
    super(`${response.status} ${response.body.error.code}: ${response.body.error.message}`);
  }
}

export function badRequest(message: string, code = 'Request_BadRequest'): GraphRequestError {
  return new GraphRequestError(graphError(400, code, message));
}

export function unsupportedQuery(message: string): GraphRequestError {
  return new GraphRequestError(graphError(400, 'Request_UnsupportedQuery', message));
}

export function notFound(id: string): GraphRequestError {
  return new GraphRequestError(
    graphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`)
  );
}

export function forbidden(): GraphRequestError {
  return new GraphRequestError(graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'));
}

/** Error codes Graph's error reference lists for these statuses; the fault injector uses them for 5xx bodies. */
export function serverErrorCode(status: number): string {
  if (status === 503) return 'serviceNotAvailable';
  if (status === 504) return 'timeout';
  return 'generalException';
}

/** The OAuth error body of the Entra token endpoint, with the AADSTS code in `error_description`. */
export interface AadstsErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
}

export interface AadstsErrorResponse {
  status: number;
  body: AadstsErrorBody;
}

/** Builds an Entra token-endpoint error; `authorityHost` fills `error_uri` as Entra points it at its own error page. */
export function aadstsError(
  status: number,
  error: string,
  code: number,
  message: string,
  authorityHost: string,
  correlationId: string = randomUUID()
): AadstsErrorResponse {
  const now = new Date();
  const timestamp = now.toISOString().slice(0, 19).replace('T', ' ') + 'Z';
  const traceId = randomUUID();
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `${authorityHost}/error?code=${code}`
    }
  };
}
