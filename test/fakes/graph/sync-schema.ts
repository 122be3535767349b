/** One clause of a provisioning scoping filter (`filterClause` in the synchronization API). */
export interface ScopingClause {
  operatorName: string;
  sourceOperandName: string;
  targetOperand: { values: string[] };
}

/** A scoping filter (`filter` in the synchronization API): clauses in a group are ANDed, groups are ORed. */
export interface ScopingFilter {
  groups: Array<{ name: string; clauses: ScopingClause[] }>;
  inputFilterGroups?: Array<{ name: string; clauses: ScopingClause[] }>;
  categoryFilterGroups?: Array<{ name: string; clauses: ScopingClause[] }>;
}

export interface SentrySyncSchemaOptions {
  /** Entra user attribute that feeds the SCIM `userName` matching attribute; default `userPrincipalName`. */
  userMatchingSource?: string;
  /** Scoping filter on the user object mapping; default none (`scope: null`). */
  scopingFilter?: ScopingFilter;
  /** Adds the SCIM role mapping `roles[primary eq "True"].value` from `SingleAppRoleAssignment([appRoleAssignments])`. */
  roleMapping?: boolean;
  /**
   * `documented-minimal` maps what Microsoft's Sentry tutorial documents (userName, active; displayName, members).
   * `generic-scim` adds the generic SCIM defaults: name.givenName, name.familyName, work email and externalId.
   */
  fixture?: 'documented-minimal' | 'generic-scim';
  /** `flowTypes` of the user mapping, the portal's target object actions; default `Add, Update, Delete`. */
  userFlowTypes?: string;
  /** Whether group provisioning is on; default true. */
  groupMappingEnabled?: boolean;
}

const USER_TARGET = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP_TARGET = 'urn:ietf:params:scim:schemas:core:2.0:Group';

interface MappingSource {
  type: 'Attribute' | 'Constant' | 'Function';
  name: string;
  expression: string;
  parameters: Array<{ key: string; value: MappingSource }>;
}

function attribute(name: string): MappingSource {
  return { type: 'Attribute', name, expression: `[${name}]`, parameters: [] };
}

function constant(value: string): MappingSource {
  return { type: 'Constant', name: value, expression: `"${value}"`, parameters: [] };
}

function mapping(targetAttributeName: string, source: MappingSource, matchingPriority = 0, flowType = 'Always'): Record<string, unknown> {
  return {
    targetAttributeName,
    source,
    matchingPriority,
    defaultValue: null,
    flowBehavior: 'FlowWhenChanged',
    flowType,
    exportMissingReferences: false
  };
}

/** `active` from `Switch([IsSoftDeleted], , "False", "True", "True", "False")`, the mapping Microsoft's SCIM guides show. */
function activeMapping(): Record<string, unknown> {
  return mapping('active', {
    type: 'Function',
    name: 'Switch',
    expression: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")',
    parameters: [
      { key: 'source', value: attribute('IsSoftDeleted') },
      { key: 'defaultValue', value: { type: 'Constant', name: '', expression: '""', parameters: [] } },
      { key: 'key', value: constant('False') },
      { key: 'value', value: constant('True') },
      { key: 'key', value: constant('True') },
      { key: 'value', value: constant('False') }
    ]
  });
}

/**
 * Builds a synchronization schema for a Sentry provisioning job in Graph's `synchronizationSchema` shape:
 * one outbound rule with a user mapping (matching on `userName`) and a group mapping (matching on `displayName`).
 */
export function sentrySyncSchema(options: SentrySyncSchemaOptions = {}): Record<string, unknown> {
  const matchingSource = options.userMatchingSource ?? 'userPrincipalName';
  const userMappings: Array<Record<string, unknown>> = [mapping('userName', attribute(matchingSource), 1), activeMapping()];

  if (options.fixture === 'generic-scim') {
    userMappings.push(
      mapping('name.givenName', attribute('givenName')),
      mapping('name.familyName', attribute('surname')),
      mapping('emails[type eq "work"].value', attribute('mail')),
      mapping('externalId', attribute('mailNickname'))
    );
  }
  if (options.roleMapping) {
    userMappings.push(
      mapping('roles[primary eq "True"].value', {
        type: 'Function',
        name: 'SingleAppRoleAssignment',
        expression: 'SingleAppRoleAssignment([appRoleAssignments])',
        parameters: [{ key: 'source', value: attribute('appRoleAssignments') }]
      })
    );
  }

  const groupMappings: Array<Record<string, unknown>> = [mapping('displayName', attribute('displayName'), 1), mapping('members', attribute('members'))];
  if (options.fixture === 'generic-scim') groupMappings.push(mapping('externalId', attribute('objectId')));

  return {
    id: 'sentry',
    version: 'Date:2025-01-01T00:00:00Z~User:admin@contoso.example~Version:1',
    synchronizationRules: [
      {
        id: 'sentry-outbound',
        name: 'USER_GROUP_OUTBOUND',
        editable: true,
        priority: 1,
        sourceDirectoryName: 'Azure Active Directory',
        targetDirectoryName: 'Sentry',
        metadata: [],
        objectMappings: [
          {
            name: 'Synchronize Azure Active Directory Users to Sentry',
            enabled: true,
            flowTypes: options.userFlowTypes ?? 'Add, Update, Delete',
            sourceObjectName: 'User',
            targetObjectName: USER_TARGET,
            scope: options.scopingFilter ?? null,
            metadata: [],
            attributeMappings: userMappings
          },
          {
            name: 'Synchronize Azure Active Directory Groups to Sentry',
            enabled: options.groupMappingEnabled ?? true,
            flowTypes: 'Add, Update, Delete',
            sourceObjectName: 'Group',
            targetObjectName: GROUP_TARGET,
            scope: null,
            metadata: [],
            attributeMappings: groupMappings
          }
        ]
      }
    ],
    directories: []
  };
}
