export { ScimClient, ScimShortfallError, SENTRY_TEAM_MEMBER_CAP, explainScimError } from './client';
export type { ScimClientOptions, ScimListOptions, ScimPageProgress } from './client';
export { parseScimBaseUrl } from './base-url';
export { sentrySlug, slugProblem, MAX_SLUG_LENGTH, MAX_TEAM_NAME_LENGTH } from './slug';
