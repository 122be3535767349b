export { HttpClient, parseRetryAfter } from './client';
export { HttpError, InsecureUrlError, InvalidResponseError, NetworkError, RequestCancelledError, TimeoutError, redactUrl } from './errors';
export { createNodeTransport } from './node-transport';
export type { NodeTransportOptions } from './node-transport';
export { assertAllowedUrl, isLoopbackHost } from './url-policy';
export type * from './types';
