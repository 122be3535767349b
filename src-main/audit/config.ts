import type { MatchingRule } from '../model/audit-result';
import type { EntraGroup, Snapshot } from '../model/snapshot';
import { parseProvisioningSchema, type ParsedProvisioningSchema, type ScopingFilterGroup } from './schema';
import { DEFAULT_USER_RULE, parseUserValueRule, USER_VALUE_SOURCES, type UserValueRule } from './user-values';

/** Provisioning job settings the audit reads, with Entra's defaults filled in where the snapshot lacks them. */
export interface AuditConfig {
  userRule: UserValueRule;
  matching: MatchingRule;
  /** Group source for the team's displayName: the group's displayName (default) or its object id. */
  groupSource: 'displayName' | 'objectId';
  groupMappingEnabled: boolean;
  scopingGroups: ScopingFilterGroup[];
  /** True when the user mapping sends `sentryOrgRole`; Entra sends no role otherwise. */
  sentryOrgRoleMapped: boolean;
  /** False when the user mapping's target object actions leave out Update, so Entra sends no disabling PATCH. */
  userUpdateEnabled: boolean;
  syncAll: boolean;
  warnings: string[];
}

/** Parses a what-if or override source, throwing an error that lists the accepted names. */
export function parseSourceOverride(value: string): UserValueRule {
  const rule = parseUserValueRule(value);
  if (!rule) {
    throw new Error(`Unknown matching source "${value}". Use one of: ${USER_VALUE_SOURCES.join(', ')} (optionally as [name] or ToLower([name])).`);
  }
  return rule;
}

function readSchema(raw: unknown, warnings: string[]): ParsedProvisioningSchema | null {
  if (raw === null || raw === undefined) return null;
  try {
    const schema = parseProvisioningSchema(raw);
    warnings.push(...schema.warnings);
    return schema;
  } catch (error) {
    warnings.push(`${(error as Error).message} The audit uses Entra's default mapping for Sentry instead.`);
    return null;
  }
}

function userRuleFromSchema(schema: ParsedProvisioningSchema | null, warnings: string[]): UserValueRule | null {
  const first = schema?.users?.matching[0];
  if (!first) return null;
  if (first.targetAttribute !== 'userName') {
    warnings.push(`The user matching attribute targets "${first.targetAttribute}", which Sentry cannot filter on; Sentry answers such lookups with 400.`);
  }

  const text = first.expression ?? first.sourceName ?? '';
  const rule = parseUserValueRule(text) ?? (first.sourceName ? parseUserValueRule(first.sourceName) : null);
  if (!rule) {
    warnings.push(`The matching source "${text}" is an expression the audit cannot evaluate; it assumes [userPrincipalName]. Re-run with a matching source override to check another attribute.`);
  }
  return rule;
}

function groupSourceFromSchema(schema: ParsedProvisioningSchema | null, warnings: string[]): 'displayName' | 'objectId' {
  const first = schema?.groups?.matching[0];
  if (!first) return 'displayName';
  const name = (first.sourceName ?? first.expression ?? '').replace(/[[\]]/g, '').trim().toLowerCase();
  if (name === 'displayname') return 'displayName';
  if (name === 'objectid') return 'objectId';
  warnings.push(`The group matching source "${first.expression ?? first.sourceName}" is not captured; the audit uses the group's displayName.`);
  return 'displayName';
}

export function resolveConfig(snapshot: Snapshot, override: string | null | undefined): AuditConfig {
  const warnings: string[] = [];
  const entra = snapshot.data.entra;
  const schema = readSchema(entra.provisioningSchema, warnings);

  let userRule: UserValueRule;
  let origin: MatchingRule['origin'];
  if (override) {
    userRule = parseSourceOverride(override);
    origin = 'override';
  } else {
    const fromSchema = userRuleFromSchema(schema, warnings);
    userRule = fromSchema ?? DEFAULT_USER_RULE;
    origin = fromSchema ? 'schema' : 'default';
  }

  const syncAll = entra.provisioningJob?.syncAll === true;
  if (syncAll) {
    // NOTE: the snapshot holds only assigned users and members of assigned groups, so with "sync all"
    // the audit cannot see the tenant's other users. It treats every captured user as in scope,
    // nested-group members included, and orphaned members may belong to users it never saw.
    warnings.push('The provisioning job syncs all users and groups, but the snapshot holds only assigned users and group members; orphaned Sentry members may match tenant users outside the snapshot.');
  }

  const groupMappingEnabled = schema?.groups ? schema.groups.enabled : true;
  if (!groupMappingEnabled) warnings.push('Group provisioning is disabled in the schema, so Entra does not manage Sentry teams; team findings are skipped.');

  return {
    userRule,
    matching: { targetAttribute: 'userName', sourceAttribute: userRule.label.replace(/^\[(.*)\]$/, '$1'), origin },
    groupSource: groupSourceFromSchema(schema, warnings),
    groupMappingEnabled,
    scopingGroups: schema?.users?.scopingGroups ?? [],
    sentryOrgRoleMapped: schema?.sentryOrgRole !== null && schema?.sentryOrgRole !== undefined,
    userUpdateEnabled: schema?.users ? schema.users.flowTypes.some((flow) => flow.toLowerCase() === 'update') : true,
    syncAll,
    warnings
  };
}

export function groupValue(group: EntraGroup, source: AuditConfig['groupSource']): string | null {
  const value = source === 'objectId' ? group.id : group.displayName;
  return value === null || value.trim() === '' ? null : value;
}
