/**
 * Reads the parts of Graph's `synchronizationSchema` that decide what Entra sends to Sentry: the
 * matching attribute of users and groups, the scoping filters, which object mappings are enabled and
 * whether `sentryOrgRole` is mapped. Unknown or odd shapes become warnings, not exceptions, unless the
 * input is not a schema at all.
 */

export interface SchemaMatchingRule {
  targetAttribute: string;
  /** `source.name` for Attribute sources; the function name for Function sources. */
  sourceName: string | null;
  /** `source.expression`, e.g. `[userPrincipalName]` or `ToLower([mail])`. */
  expression: string | null;
  sourceType: string | null;
  matchingPriority: number;
}

export interface ScopingClause {
  /** Operator normalized to upper case with underscores, e.g. `REGEX_MATCH`, `&`. */
  operator: string;
  /** The operator exactly as the schema spells it, for messages. */
  operatorName: string;
  attribute: string;
  values: string[];
}

export interface ScopingFilterGroup {
  name: string;
  clauses: ScopingClause[];
}

export interface ParsedObjectMapping {
  name: string;
  enabled: boolean;
  /** Target object actions, e.g. `['Add', 'Update', 'Delete']`. */
  flowTypes: string[];
  /** Mappings with `matchingPriority > 0`, in ascending priority. */
  matching: SchemaMatchingRule[];
  /** Scoping filter groups: clauses in a group are ANDed, groups are ORed. Empty means no filter. */
  scopingGroups: ScopingFilterGroup[];
  targetAttributes: string[];
}

export interface ParsedProvisioningSchema {
  users: ParsedObjectMapping | null;
  groups: ParsedObjectMapping | null;
  /** The mapping whose target is `sentryOrgRole`, when the user mapping has one. */
  sentryOrgRole: { expression: string | null; sourceName: string | null } | null;
  warnings: string[];
}

export const SCOPING_OPERATORS = [
  'EQUALS',
  'NOT_EQUALS',
  'ENDS_WITH',
  'INCLUDES',
  'IS_TRUE',
  'IS_FALSE',
  'IS_NULL',
  'IS_NOT_NULL',
  'REGEX_MATCH',
  'NOT_REGEX_MATCH',
  'GREATER_THAN',
  'GREATER_THAN_OR_EQUALS',
  '&',
  '!&'
] as const;

const KNOWN_OPERATORS = new Set<string>(SCOPING_OPERATORS);

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Normalizes portal spellings (`REGEX MATCH`, `Greater_Than`) and API spellings (`REGEX_MATCH`) to one form. */
export function normalizeOperator(name: string): string {
  return name.trim().toUpperCase().replace(/\s+/g, '_');
}

function parseScope(scope: unknown, mappingName: string, warnings: string[]): ScopingFilterGroup[] {
  if (scope === null || scope === undefined) return [];
  if (!isObject(scope)) {
    warnings.push(`Scoping filter of "${mappingName}" is not an object; the audit ignores it.`);
    return [];
  }
  if (list(scope.inputFilterGroups).length > 0 || list(scope.categoryFilterGroups).length > 0) {
    warnings.push(`"${mappingName}" uses inputFilterGroups or categoryFilterGroups, which the audit does not evaluate.`);
  }

  return list(scope.groups).map((rawGroup, groupIndex) => {
    const group = isObject(rawGroup) ? rawGroup : {};
    const name = text(group.name) ?? `group ${groupIndex + 1}`;
    const clauses: ScopingClause[] = [];
    for (const rawClause of list(group.clauses)) {
      if (!isObject(rawClause)) continue;
      const operatorName = text(rawClause.operatorName) ?? '';
      const attribute = text(rawClause.sourceOperandName) ?? '';
      const operand = isObject(rawClause.targetOperand) ? rawClause.targetOperand : {};
      const values = list(operand.values).filter((value): value is string => typeof value === 'string');
      const operator = normalizeOperator(operatorName);
      if (!KNOWN_OPERATORS.has(operator)) {
        warnings.push(`Scoping clause "${attribute} ${operatorName}" in "${name}" uses an unknown operator; the audit treats it as satisfied.`);
      }
      clauses.push({ operator, operatorName, attribute, values });
    }
    return { name, clauses };
  });
}

function parseMatchingRule(raw: JsonObject): SchemaMatchingRule {
  const source = isObject(raw.source) ? raw.source : {};
  return {
    targetAttribute: text(raw.targetAttributeName) ?? '',
    sourceName: text(source.name),
    expression: text(source.expression),
    sourceType: text(source.type),
    matchingPriority: typeof raw.matchingPriority === 'number' ? raw.matchingPriority : 0
  };
}

function parseObjectMapping(raw: JsonObject, warnings: string[]): ParsedObjectMapping {
  const name = text(raw.name) ?? '(unnamed mapping)';
  const attributeMappings = list(raw.attributeMappings).filter(isObject).map(parseMatchingRule);
  const matching = attributeMappings.filter((rule) => rule.matchingPriority > 0).sort((a, b) => a.matchingPriority - b.matchingPriority);
  const flowTypes = (text(raw.flowTypes) ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

  return {
    name,
    enabled: raw.enabled !== false,
    flowTypes,
    matching,
    scopingGroups: parseScope(raw.scope, name, warnings),
    targetAttributes: attributeMappings.map((rule) => rule.targetAttribute)
  };
}

/**
 * Parses a captured provisioning schema. Throws when the value is not a schema object at all, so the
 * caller can report the capture as unreadable. Anything else that looks odd ends up in `warnings`.
 */
export function parseProvisioningSchema(raw: unknown): ParsedProvisioningSchema {
  if (!isObject(raw)) {
    const kind = raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw;
    throw new Error(`Invalid provisioning schema: expected a synchronizationSchema object, got ${kind}. Capture the job schema again or remove it from the snapshot.`);
  }
  if (!Array.isArray(raw.synchronizationRules)) {
    throw new Error('Invalid provisioning schema: "synchronizationRules" is missing or not an array. Capture GET .../synchronization/jobs/{jobId}/schema again.');
  }

  const warnings: string[] = [];
  const userMappings: JsonObject[] = [];
  const groupMappings: JsonObject[] = [];
  for (const rule of raw.synchronizationRules) {
    if (!isObject(rule)) continue;
    for (const mapping of list(rule.objectMappings)) {
      if (!isObject(mapping)) continue;
      const sourceObject = (text(mapping.sourceObjectName) ?? '').toLowerCase();
      if (sourceObject === 'user') userMappings.push(mapping);
      else if (sourceObject === 'group') groupMappings.push(mapping);
    }
  }

  // Several mappings per object type are unusual; the enabled one is the one Entra runs.
  const pick = (mappings: JsonObject[], kind: string): ParsedObjectMapping | null => {
    if (mappings.length === 0) {
      warnings.push(`The schema has no ${kind} object mapping.`);
      return null;
    }
    if (mappings.length > 1) warnings.push(`The schema has ${mappings.length} ${kind} object mappings; the audit reads the first enabled one.`);
    const chosen = mappings.find((mapping) => mapping.enabled !== false) ?? mappings[0];
    return chosen ? parseObjectMapping(chosen, warnings) : null;
  };
  const users = pick(userMappings, 'user');
  const groups = pick(groupMappings, 'group');

  if (users && users.matching.length === 0) warnings.push('The user mapping has no matching attribute (matchingPriority > 0); Entra cannot match users.');
  if (users && users.matching.length > 1) {
    warnings.push(`The user mapping has ${users.matching.length} matching attributes; the audit evaluates only the first (${users.matching[0]?.targetAttribute}).`);
  }

  let sentryOrgRole: ParsedProvisioningSchema['sentryOrgRole'] = null;
  const userRaw = userMappings.find((mapping) => mapping.enabled !== false) ?? userMappings[0];
  for (const mapping of list(userRaw?.attributeMappings).filter(isObject)) {
    const rule = parseMatchingRule(mapping);
    if (rule.targetAttribute.toLowerCase().endsWith('sentryorgrole')) sentryOrgRole = { expression: rule.expression, sourceName: rule.sourceName };
  }

  return { users, groups, sentryOrgRole, warnings };
}
