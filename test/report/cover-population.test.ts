import { describe, expect, it } from 'vitest';
import { buildWorkbook, type ReportInput } from '../../src-main/report';
import { auditResult, snapshotMeta } from './fixture';
import { coverValue, readWorkbook, rowsOf, sheet } from './xlsx-read';

function input(origin: 'live' | 'import'): ReportInput {
  return { snapshot: { ...snapshotMeta(), origin }, audit: auditResult(), runBy: 'auditor', generatedAt: new Date('2026-03-01T10:00:00Z'), toolVersion: '0.1.0' };
}

function population(lang: 'en' | 'de', origin: 'live' | 'import'): string | undefined {
  const workbook = readWorkbook(buildWorkbook(input(origin), lang));
  const label = lang === 'en' ? 'How the population was defined' : 'Abgrenzung der Grundgesamtheit';
  return coverValue(rowsOf(sheet(workbook, lang === 'en' ? 'Cover' : 'Deckblatt')), label);
}

describe('cover population', () => {
  it('quotes the snapshot text in English', () => {
    expect(population('en', 'live')).toBe('Users and groups assigned to the Sentry enterprise app (assignment required: yes)');
  });

  it('states the population in German', () => {
    expect(population('de', 'live')).toBe(
      'Benutzer, die der Unternehmensanwendung „Sentry“ (appId 66666666-7777-8888-9999-000000000000) direkt oder als direkte Mitglieder von 2 zugewiesenen Gruppen zugewiesen sind; Mitglieder und Teams der Sentry-Organisation „contoso“ über SCIM'
    );
  });

  it('names an import in German', () => {
    expect(population('de', 'import')).toMatch(/über SCIM \(aus exportierten Dateien importiert\)$/);
  });
});
