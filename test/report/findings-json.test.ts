import { describe, expect, it } from 'vitest';
import { FINDING_KINDS } from '../../src-main/model/finding';
import { findingsToJson } from '../../src-main/report';
import { SHA256, auditResult, findings, snapshotMeta } from './fixture';

const input = { snapshot: snapshotMeta(), audit: auditResult(), toolVersion: '0.2.0' };

describe('findingsToJson', () => {
  it('builds the header fields', () => {
    const document = findingsToJson(input);
    expect(document.formatVersion).toBe(1);
    expect(document.tool).toEqual({ name: 'roster', version: '0.2.0' });
    expect(document.language).toBe('en');
    expect(document.snapshot).toEqual({
      id: '20260301-081500-a1b2c3',
      createdAt: '2026-03-01T08:15:00Z',
      tenantId: '11111111-2222-3333-4444-555555555555',
      appId: '66666666-7777-8888-9999-000000000000',
      appDisplayName: 'Sentry',
      servicePrincipalId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      sentryOrg: 'contoso',
      sentryBaseUrl: 'https://sentry.io/api/0/organizations/contoso/scim/v2',
      contentSha256: SHA256
    });
    expect(document.auditedAt).toBe('2026-03-01T08:16:00Z');
    expect(document.matching).toEqual({ targetAttribute: 'userName', sourceAttribute: 'userPrincipalName', origin: 'schema' });
  });

  it('lists top-level keys in contract order', () => {
    expect(Object.keys(findingsToJson(input))).toEqual(['formatVersion', 'tool', 'language', 'snapshot', 'auditedAt', 'matching', 'counts', 'findings']);
  });

  it('counts every severity and kind', () => {
    const { counts } = findingsToJson(input);
    expect(counts.bySeverity).toEqual({ high: 2, medium: 3, low: 1, info: 1 });
    expect(Object.keys(counts.byKind)).toEqual([...FINDING_KINDS]);
    expect(counts.byKind['user.missing_in_sentry']).toBe(1);
    expect(counts.byKind['group.slug_collision']).toBe(1);
    expect(counts.byKind['user.unmatchable']).toBe(0);
    expect(Object.values(counts.byKind).reduce((sum, count) => sum + count, 0)).toBe(7);
  });

  it('copies the findings unchanged', () => {
    expect(findingsToJson(input).findings).toEqual(findings());
  });

  it('shares no objects with the audit', () => {
    const audit = auditResult();
    const document = findingsToJson({ ...input, audit });
    document.findings[0]?.entra.push({ type: 'user', id: 'added', displayName: null });
    expect(audit.findings[0]?.entra).toHaveLength(1);
  });

  it('renders German texts', () => {
    const document = findingsToJson(input, 'de');
    const source = findings()[3];
    expect(document.findings[3]?.id).toBe('f-case-minus');
    expect(document.findings[3]?.recommendedAction).toBe('Kein Handlungsbedarf.');
    expect(document.findings[3]?.explanation).toContain('„Admin@contoso.example“');
    expect(document.findings[3]?.details).toEqual(source?.details);
  });

  it('survives a JSON round trip', () => {
    const document = findingsToJson(input, 'de');
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
    expect(document.language).toBe('de');
  });

  it('rejects an audit of another snapshot', () => {
    const audit = { ...auditResult(), snapshotId: 'other' as ReturnType<typeof auditResult>['snapshotId'] };
    expect(() => findingsToJson({ ...input, audit })).toThrow('The audit result belongs to snapshot other, not to snapshot 20260301-081500-a1b2c3');
  });

  it('rejects counts that disagree with findings', () => {
    const audit = auditResult();
    audit.countsByKind['user.unmatchable'] = 2;
    expect(() => findingsToJson({ ...input, audit })).toThrow('countsByKind["user.unmatchable"] is 2 but 0 findings have that kind');
  });

  it('rejects an unknown language', () => {
    expect(() => findingsToJson(input, 'es' as 'en')).toThrow('Unsupported report language "es"');
  });
});
