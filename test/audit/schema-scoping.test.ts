import { describe, expect, it } from 'vitest';
import { auditSnapshot, parseProvisioningSchema, rewriteGuestUpn } from '../../src-main/audit';
import { evaluateClause, evaluateScoping } from '../../src-main/audit/scoping';
import type { ScopingClause } from '../../src-main/audit/schema';
import { parseUserValueRule, primaryProxyAddress } from '../../src-main/audit/user-values';
import { assignUser, entraUser, schema, scimUser, snapshot } from './builders';

function clause(operatorName: string, attribute: string, values: string[] = []): ScopingClause {
  return { operator: operatorName.trim().toUpperCase().replace(/\s+/g, '_'), operatorName, attribute, values };
}

describe('parseProvisioningSchema', () => {
  it('reads matching rules, scope and role mapping', () => {
    const scope = { groups: [{ name: 'Staff', clauses: [{ operatorName: 'IS TRUE', sourceOperandName: 'accountEnabled', targetOperand: { values: [] } }] }] };
    const parsed = parseProvisioningSchema(schema({ userSource: { name: 'ToLower', expression: 'ToLower([mail], )', type: 'Function' }, scope, mapRole: true }));

    expect(parsed.users?.matching).toEqual([{ targetAttribute: 'userName', sourceName: 'ToLower', expression: 'ToLower([mail], )', sourceType: 'Function', matchingPriority: 1 }]);
    expect(parsed.users?.flowTypes).toEqual(['Add', 'Update', 'Delete']);
    expect(parsed.users?.scopingGroups).toEqual([{ name: 'Staff', clauses: [{ operator: 'IS_TRUE', operatorName: 'IS TRUE', attribute: 'accountEnabled', values: [] }] }]);
    expect(parsed.groups?.matching[0]?.sourceName).toBe('displayName');
    expect(parsed.groups?.enabled).toBe(true);
    expect(parsed.sentryOrgRole).toEqual({ expression: 'SingleAppRoleAssignment([appRoleAssignments])', sourceName: 'SingleAppRoleAssignment' });
    expect(parsed.warnings).toEqual([]);
  });

  it('rejects values that are not schemas', () => {
    expect(() => parseProvisioningSchema(null)).toThrow('Invalid provisioning schema: expected a synchronizationSchema object, got null.');
    expect(() => parseProvisioningSchema([])).toThrow('got an array');
    expect(() => parseProvisioningSchema({ id: 'x' })).toThrow('"synchronizationRules" is missing or not an array');
  });

  it('warns about odd shapes', () => {
    const parsed = parseProvisioningSchema({
      synchronizationRules: [
        {
          objectMappings: [
            {
              name: 'Users',
              sourceObjectName: 'User',
              scope: { groups: [{ name: 'G', clauses: [{ operatorName: 'STARTS_WITH', sourceOperandName: 'mail', targetOperand: { values: ['a'] } }] }] },
              attributeMappings: []
            }
          ]
        }
      ]
    });
    expect(parsed.groups).toBeNull();
    expect(parsed.warnings).toEqual([
      'Scoping clause "mail STARTS_WITH" in "G" uses an unknown operator; the audit treats it as satisfied.',
      'The schema has no group object mapping.',
      'The user mapping has no matching attribute (matchingPriority > 0); Entra cannot match users.'
    ]);
  });
});

describe('scoping clauses', () => {
  const user = entraUser('u1', 'Ann@corp.example', { mail: 'ann@corp.example', employeeId: '42', accountEnabled: true, givenName: null });

  it.each([
    ['EQUALS', 'userPrincipalName', ['Ann@corp.example'], true],
    ['EQUALS', 'userPrincipalName', ['ann@corp.example'], false],
    ['NOT EQUALS', 'mail', ['bob@corp.example'], true],
    ['ENDS_WITH', 'mail', ['@corp.example'], true],
    ['Includes', 'mail', ['@corp'], true],
    ['Includes', 'mail', ['@CORP'], false],
    ['IS TRUE', 'accountEnabled', [], true],
    ['IS FALSE', 'accountEnabled', [], false],
    ['IS NULL', 'givenName', [], true],
    ['IS NOT NULL', 'givenName', [], false],
    ['NOT EQUALS', 'givenName', ['x'], false],
    ['REGEX MATCH', 'mail', ['^ann@'], true],
    ['NOT REGEX MATCH', 'mail', ['^ann@'], false],
    ['Greater_Than', 'employeeId', ['41'], true],
    ['Greater_Than_OR_EQUALS', 'employeeId', ['43'], false],
    ['&', 'employeeId', ['2'], true],
    ['!&', 'employeeId', ['1'], true]
  ])('%s on %s %j is %s', (operator, attribute, values, expected) => {
    expect(evaluateClause(user, clause(operator, attribute, values))).toBe(expected);
  });

  it('returns null for attributes not captured', () => {
    expect(evaluateClause(user, clause('EQUALS', 'department', ['IT']))).toBeNull();
  });

  it('ANDs clauses and ORs groups', () => {
    const failing = { name: 'A', clauses: [clause('ENDS_WITH', 'mail', ['@corp.example']), clause('EQUALS', 'employeeId', ['7'])] };
    const passing = { name: 'B', clauses: [clause('IS NOT NULL', 'employeeId')] };
    expect(evaluateScoping(user, [failing])).toEqual({ inScope: false, failedClauses: ['A: employeeId EQUALS "7"'], unevaluated: [] });
    expect(evaluateScoping(user, [failing, passing])).toEqual({ inScope: true, failedClauses: [], unevaluated: [] });
  });
});

describe('user values', () => {
  it('rewrites B2B guest UPNs', () => {
    expect(rewriteGuestUpn('first_last_partner.example#EXT#@corp.onmicrosoft.com')).toBe('first_last@partner.example');
    expect(rewriteGuestUpn('ann@corp.example')).toBe('ann@corp.example');
  });

  it('parses names and simple expressions', () => {
    expect(parseUserValueRule('mail')).toEqual({ attribute: 'mail', transform: 'none', label: '[mail]' });
    expect(parseUserValueRule('[UserPrincipalName]')).toEqual({ attribute: 'userPrincipalName', transform: 'none', label: '[userPrincipalName]' });
    expect(parseUserValueRule('ToLower([mail], )')).toEqual({ attribute: 'mail', transform: 'lower', label: 'ToLower([mail])' });
    expect(parseUserValueRule('ToUpper([mail], "en-US")')).toEqual({ attribute: 'mail', transform: 'upper', label: 'ToUpper([mail])' });
    expect(parseUserValueRule('Join("@", [a], [b])')).toBeNull();
  });

  it('reads the primary proxy address', () => {
    expect(primaryProxyAddress(entraUser('u', 'a@x.example', { proxyAddresses: ['smtp:old@x.example', 'SMTP:Main@x.example'] }))).toBe('Main@x.example');
  });
});

describe('audit with odd schemas', () => {
  it('falls back to the default on an unreadable schema', () => {
    const result = auditSnapshot(snapshot({ provisioningSchema: 'not a schema' }));
    expect(result.matching).toEqual({ targetAttribute: 'userName', sourceAttribute: 'userPrincipalName', origin: 'default' });
    expect(result.warnings).toEqual([
      "Invalid provisioning schema: expected a synchronizationSchema object, got string. Capture the job schema again or remove it from the snapshot. The audit uses Entra's default mapping for Sentry instead."
    ]);
  });

  it('keeps users in scope when a clause cannot be evaluated', () => {
    const scope = { groups: [{ name: 'IT', clauses: [{ operatorName: 'EQUALS', sourceOperandName: 'department', targetOperand: { values: ['IT'] } }] }] };
    const result = auditSnapshot(
      snapshot({ provisioningSchema: schema({ scope }), users: [entraUser('u1', 'ann@corp.example')], assignments: [assignUser('u1')], members: [scimUser('1', 'ann@corp.example')] })
    );
    expect(result.findings).toEqual([]);
    expect(result.users[0]?.inScope).toBe(true);
    expect(result.warnings).toEqual([
      'Scoping clause "IT: department EQUALS "IT"" tests an attribute the snapshot does not hold or an unknown operator; the audit treated it as satisfied.'
    ]);
  });

  it('warns about an expression it cannot evaluate', () => {
    const result = auditSnapshot(snapshot({ provisioningSchema: schema({ userSource: { name: 'Join', expression: 'Join("@", [mailNickname], "corp.example")', type: 'Function' } }) }));
    expect(result.matching.origin).toBe('default');
    expect(result.warnings?.[0]).toBe(
      'The matching source "Join("@", [mailNickname], "corp.example")" is an expression the audit cannot evaluate; it assumes [userPrincipalName]. Re-run with a matching source override to check another attribute.'
    );
  });
});

describe('audit with incomplete captures', () => {
  it('warns about an assigned group it cannot read', () => {
    const result = auditSnapshot(snapshot({ assignments: [{ id: 'as-g9', appRoleId: 'r', principalId: 'g9', principalType: 'Group', principalDisplayName: 'Hidden', createdDateTime: null }] }));
    expect(result.population.assignedGroups).toBe(0);
    expect(result.warnings).toEqual(['Assigned group g9 is missing from the snapshot, so its team is not audited. Capture the snapshot again with read access to that group.']);
  });
});
