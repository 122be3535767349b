import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINDING_KINDS } from '../../src-main/model/finding';
import { DEMO_SNAPSHOT_PATH, startServiceHarness, type ServiceHarness } from './harness';

let harness: ServiceHarness;
let demoId: string;

beforeAll(async () => {
  harness = await startServiceHarness();
  const opened = await harness.call('snapshots:openDemo', {});
  if (!opened.opened || opened.snapshotId === null) throw new Error('the demo snapshot did not open');
  demoId = opened.snapshotId;
  await harness.call('audit:run', { snapshotId: demoId });
}, 30_000);

afterAll(async () => {
  await harness?.close();
});

describe('demo snapshot', () => {
  it('opens verified without credentials', async () => {
    const opened = await harness.call('snapshots:openDemo', {});
    expect(opened).toEqual({ opened: true, path: DEMO_SNAPSHOT_PATH, verified: true, snapshotId: demoId, problem: null });
  });

  it('offers the demo on an empty workspace', async () => {
    expect(await harness.call('app:firstRun', {})).toEqual({ workspaceEmpty: true, demoAvailable: true });
  });

  it('shows every finding kind', async () => {
    const summary = await harness.call('audit:run', { snapshotId: demoId });
    const missing = FINDING_KINDS.filter((kind) => !summary.countsByKind[kind]);
    expect(missing).toEqual([]);
  });
});

describe('audit:run', () => {
  it('returns counts, rule and population', async () => {
    const summary = await harness.call('audit:run', { snapshotId: demoId });
    expect(summary.findingCount).toBe(41);
    expect(summary.countsBySeverity).toEqual({ high: 22, medium: 14, low: 1, info: 4 });
    expect(summary.countsByKind['user.orphaned_in_sentry']).toBe(6);
    expect(summary.matching).toEqual({ targetAttribute: 'userName', sourceAttribute: 'mail', origin: 'schema' });
    expect(summary.population).toEqual({ inScopeUsers: 10194, assignedGroups: 11, sentryMembers: 10199, sentryTeams: 10 });
  });

  it('rejects an unknown snapshot', async () => {
    const result = await harness.invoke('audit:run', { snapshotId: '20990101-000000-abcdef' });
    expect(result.ok ? null : result.error.code).toBe('not_found');
  });
});

describe('audit:findings', () => {
  it('pages in severity order', async () => {
    const first = await harness.call('audit:findings', { snapshotId: demoId, offset: 0, limit: 3 });
    expect(first.total).toBe(41);
    expect(first.rows.map((row) => row.id)).toEqual([
      'group.member_extra_in_sentry:3b1bf9491a514946',
      'group.member_extra_in_sentry:481e4c57a823562b',
      'group.member_extra_in_sentry:a5acb52da576213a'
    ]);
    const last = await harness.call('audit:findings', { snapshotId: demoId, offset: 39, limit: 10 });
    expect(last.rows.map((row) => row.id)).toEqual(['user.case_only_difference:0e1d8b58b7af14ff', 'user.case_only_difference:ecbb14688d60cb80']);
  });

  it('filters by kind and severity', async () => {
    const page = await harness.call('audit:findings', {
      snapshotId: demoId,
      offset: 0,
      limit: 100,
      filter: { kinds: ['user.missing_in_sentry'], severities: ['medium'], text: '' }
    });
    expect(page.total).toBe(4);
    expect(page.rows.map((row) => row.entra[0]?.userPrincipalName)).toEqual([
      'sven.olsen@contoso.example',
      'amara.nwosu@contoso.example',
      'keiko.sato@contoso.example',
      'marcus.webb_fabrikam.example#EXT#@contoso.example'
    ]);
  });

  it('filters by text across sides', async () => {
    const page = await harness.call('audit:findings', { snapshotId: demoId, offset: 0, limit: 100, filter: { kinds: [], severities: [], text: 'P.RAMAN' } });
    expect(page.rows.map((row) => row.id)).toEqual(['user.matching_attribute_mismatch:2683db7f3419c5c3']);
  });

  it('sorts by Sentry name descending', async () => {
    const page = await harness.call('audit:findings', {
      snapshotId: demoId,
      offset: 0,
      limit: 3,
      sort: { column: 'sentry', direction: 'desc' },
      filter: { kinds: ['user.orphaned_in_sentry'], severities: [], text: '' }
    });
    expect(page.rows.map((row) => row.sentry[0]?.userName)).toEqual(['sofia.reyes@northwind.example', 'sentry-admin@contoso.example', 'leo.fischer@contoso.example']);
  });

  it('renders texts in German', async () => {
    const english = await harness.call('audit:findings', { snapshotId: demoId, offset: 0, limit: 1, language: 'en' });
    const german = await harness.call('audit:findings', { snapshotId: demoId, offset: 0, limit: 1, language: 'de' });
    expect(german.rows[0]?.id).toBe(english.rows[0]?.id);
    expect(german.rows[0]?.explanation).not.toBe(english.rows[0]?.explanation);
    expect(german.rows[0]?.explanation.length).toBeGreaterThan(0);
  });

  it('needs audit:run first', async () => {
    const result = await harness.invoke('audit:findings', { snapshotId: '20990101-000000-abcdef', offset: 0, limit: 10 });
    expect(result.ok ? null : result.error.code).toBe('audit_not_run');
  });

  it('rejects a page over 1000 rows', async () => {
    const result = await harness.invoke('audit:findings', { snapshotId: demoId, offset: 0, limit: 5000 });
    expect(result.ok ? null : result.error.code).toBe('invalid_request');
  });
});

describe('audit:finding', () => {
  it('shows both sides and the differences', async () => {
    const detail = await harness.call('audit:finding', { snapshotId: demoId, findingId: 'user.matching_attribute_mismatch:2683db7f3419c5c3' });
    expect(detail.finding.kind).toBe('user.matching_attribute_mismatch');
    expect(detail.entra).toHaveLength(1);
    expect(detail.sentry).toHaveLength(1);
    expect(detail.entra[0]?.type).toBe('entraUser');
    expect(detail.entra[0]?.attributes.userPrincipalName).toBe('priya.raman@contoso.example');
    expect(detail.sentry[0]?.type).toBe('sentryMember');
    expect(detail.sentry[0]?.attributes.userName).toBe('p.raman@contoso.example');
    expect(detail.entra[0]?.attributes.userName).toBe(detail.finding.attribute?.entraValue);
    expect(detail.differingAttributes).toContain('userName');
    expect(detail.differingAttributes).not.toContain('sentryOrgRole');
  });

  it('marks only a case difference', async () => {
    const detail = await harness.call('audit:finding', { snapshotId: demoId, findingId: 'user.case_only_difference:ecbb14688d60cb80' });
    expect(detail.sentry[0]?.attributes.userName).toBe('Fatima.Zahra@contoso.example');
    expect(detail.entra[0]?.attributes.userName).toBe('fatima.zahra@contoso.example');
    expect(detail.differingAttributes).toContain('userName');
  });

  it('rejects an unknown finding id', async () => {
    const result = await harness.invoke('audit:finding', { snapshotId: demoId, findingId: 'user.unmatchable:0000' });
    expect(result.ok ? null : result.error.code).toBe('not_found');
  });
});

describe('audit:teams and audit:whatif', () => {
  it('pages and filters team rows', async () => {
    const all = await harness.call('audit:teams', { snapshotId: demoId });
    expect(all.total).toBe(10168);
    const missing = await harness.call('audit:teams', { snapshotId: demoId, statuses: ['missing_in_sentry'] });
    expect(missing.rows.every((row) => row.status === 'missing_in_sentry')).toBe(true);
    expect(missing.total).toBeGreaterThan(0);
    expect(missing.total).toBeLessThan(all.total);
  });

  it('compares matching sources', async () => {
    const result = await harness.call('audit:whatif', { snapshotId: demoId });
    expect(result.snapshotId).toBe(demoId);
    expect(result.candidates.filter((candidate) => candidate.current).map((candidate) => candidate.sourceAttribute)).toEqual(['mail']);
  });
});
