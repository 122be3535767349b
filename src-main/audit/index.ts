export { auditSnapshot, type AuditOptions } from './audit';
export { whatIf, DEFAULT_WHAT_IF_CANDIDATES } from './what-if';
export { diffSnapshots } from './diff';
export { describeFinding } from './describe';
export { parseProvisioningSchema, type ParsedProvisioningSchema, type ParsedObjectMapping, type ScopingClause, type ScopingFilterGroup, type SchemaMatchingRule } from './schema';
export { type RoleMapping, SENTRY_ORG_ROLES } from './roles';
export { USER_VALUE_SOURCES, rewriteGuestUpn } from './user-values';
export { BASE_SEVERITY } from './severity';
