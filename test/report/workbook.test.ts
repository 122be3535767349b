import { describe, expect, it } from 'vitest';
import { describeFinding } from '../../src-main/audit';
import { buildWorkbook } from '../../src-main/report';
import { HYPERLINK_NAME, auditResult, findings, reportInput } from './fixture';
import { cellsOf, readWorkbook, rowsOf, sheet, sheetXml, zipText } from './xlsx-read';

const englishBook = buildWorkbook(reportInput(true), 'en');
const germanBook = buildWorkbook(reportInput(true), 'de');

const FROZEN_FIRST_ROW = '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>';

describe('buildWorkbook sheets', () => {
  it('names the English sheets in order', () => {
    expect(readWorkbook(englishBook).SheetNames).toEqual(['Cover', 'Summary', 'Findings', 'Users', 'Teams and memberships', 'Changes', 'Sign-off']);
  });

  it('names the German sheets in order', () => {
    expect(readWorkbook(germanBook).SheetNames).toEqual(['Deckblatt', 'Übersicht', 'Feststellungen', 'Benutzer', 'Teams und Mitgliedschaften', 'Änderungen', 'Freigabe']);
  });

  it('omits Changes without compare', () => {
    const book = readWorkbook(buildWorkbook(reportInput(false), 'en'));
    expect(book.SheetNames).toEqual(['Cover', 'Summary', 'Findings', 'Users', 'Teams and memberships', 'Sign-off']);
  });
});

describe('buildWorkbook findings', () => {
  const findingsSheet = sheet(readWorkbook(englishBook), 'Findings');
  const rows = rowsOf(findingsSheet);

  it('writes the header row', () => {
    expect(rows[0]).toEqual([
      'Finding ID',
      'Kind',
      'Severity',
      'Entra object',
      'Sentry object',
      'Attribute',
      'Entra value',
      'Sentry value',
      'Explanation',
      'Recommended action',
      'Last provisioning event'
    ]);
  });

  it('writes one row per finding', () => {
    expect(rows).toHaveLength(8);
    expect(rows[1]).toEqual([
      'f-missing-juergen',
      'user.missing_in_sentry',
      'high',
      'Jürgen Groß; UPN: juergen.gross@contoso.example; userName: juergen.gross@contoso.example; id: u-juergen',
      '',
      '',
      '',
      '',
      'Entra will create the member "juergen.gross@contoso.example", then add it to its teams.',
      'Wait for the next cycle, or provision on demand.',
      '2026-02-28T23:10:00.000Z create failure (SentryConflict)'
    ]);
    expect(rows[2]).toEqual([
      'f-orphan-hyperlink',
      'user.orphaned_in_sentry',
      'medium',
      `${HYPERLINK_NAME}; id: u-hyper`,
      'userName: old.account@contoso.example; orgRole: member; id: s-41',
      '',
      '',
      '',
      'No in-scope user sends this userName.\nEntra never deletes it.',
      'Remove the member in Sentry, or assign its owner.',
      ''
    ]);
    expect(rows[3]).toEqual([
      'f-mismatch-plus',
      'user.matching_attribute_mismatch',
      'medium',
      '+49 Support; UPN: support@contoso.example; mail: help@contoso.example; id: u-plus',
      'userName: -support@contoso.example; id: s-42',
      'userName',
      '@support',
      '-support@contoso.example',
      'Entra sends userName "@support", Sentry holds "-support@contoso.example".',
      'Align the two values.',
      ''
    ]);
    expect(rows[4]?.slice(0, 8)).toEqual([
      'f-case-minus',
      'user.case_only_difference',
      'low',
      '-Admin; UPN: Admin@contoso.example; accountEnabled: true; id: u-minus',
      'userName: admin@contoso.example; id: s-43',
      'userName',
      'Admin@contoso.example',
      'admin@contoso.example'
    ]);
    expect(rows[5]?.slice(0, 5)).toEqual([
      'f-disabled-at',
      'user.disabled_in_entra',
      'info',
      '@ops; UPN: ops@contoso.example; accountEnabled: false; id: u-at',
      'userName: ops@contoso.example; id: s-44'
    ]);
    expect(rows[6]?.slice(0, 5)).toEqual([
      'f-slug-platform',
      'group.slug_collision',
      'high',
      'Platform Team; slug: platform-team; id: g-1\nPlatform-Team; slug: platform-team; id: g-2',
      'Platform Team; slug: platform-team; id: t-7'
    ]);
    expect(rows[7]?.slice(0, 5)).toEqual(['f-member-juergen', 'group.member_missing_in_sentry', 'medium', 'Platform Team; slug: platform-team; id: g-1\nJürgen Groß; id: u-juergen', 'slug: platform-team; id: t-7']);
  });

  it('filters over the header and all rows', () => {
    expect(findingsSheet['!autofilter']?.ref).toBe('A1:K8');
  });

  it('names the filter range absolutely', () => {
    const workbookXml = zipText(englishBook, '/xl/workbook.xml');
    expect(workbookXml).toContain('<definedName name="_xlnm._FilterDatabase" localSheetId="2" hidden="1">&apos;Findings&apos;!$A$1:$K$8</definedName>');
    expect(workbookXml).toContain('<definedName name="_xlnm._FilterDatabase" localSheetId="6" hidden="1">&apos;Sign-off&apos;!$A$5:$I$12</definedName>');
    expect(workbookXml.match(/_xlnm\._FilterDatabase/g)).toHaveLength(5);
  });

  it('freezes the header row', () => {
    expect(sheetXml(englishBook, 2)).toContain(`<sheetViews><sheetView workbookViewId="0">${FROZEN_FIRST_ROW}`);
  });

  it('sets fitted column widths', () => {
    const widths = (findingsSheet['!cols'] ?? []).map((column) => column.wch);
    expect(widths).toEqual([20, 34, 10, 70, 66, 11, 23, 26, 70, 51, 58]);
  });

  it('wraps long cells and bolds the header', () => {
    const xml = sheetXml(englishBook, 2);
    expect(xml).toContain('<c r="A1" s="1" t="s">');
    expect(xml).toContain('<c r="A2" s="2" t="s">');
    expect(xml).toContain('<c r="D2" s="3" t="s">');
    expect(xml).toContain('<c r="I3" s="3" t="s">');
  });

  it('writes German severity and headers', () => {
    const german = rowsOf(sheet(readWorkbook(germanBook), 'Feststellungen'));
    expect(german[0]?.slice(0, 3)).toEqual(['Feststellungs-ID', 'Art', 'Schweregrad']);
    expect(german[1]?.slice(0, 3)).toEqual(['f-missing-juergen', 'user.missing_in_sentry', 'hoch']);
  });

  it('writes German finding texts', () => {
    const german = rowsOf(sheet(readWorkbook(germanBook), 'Feststellungen'));
    findings().forEach((finding, index) => {
      const text = describeFinding(finding, 'de');
      expect(german[index + 1]?.[8], finding.id).toBe(text.explanation);
      expect(german[index + 1]?.[9], finding.id).toBe(text.recommendedAction);
      expect(text.explanation, finding.id).not.toBe(finding.explanation);
    });
    expect(german[4]?.[9]).toBe('Kein Handlungsbedarf.');
  });
});

describe('buildWorkbook users, teams, changes', () => {
  const book = readWorkbook(englishBook);

  it('shows users side by side', () => {
    const rows = rowsOf(sheet(book, 'Users'));
    expect(rows[0]).toEqual([
      'Entra object ID',
      'Entra UPN',
      'Entra display name',
      'Entra mail',
      'Entra account enabled',
      'In scope',
      'Scope reason',
      'Match key (userName Entra sends)',
      'Matched by',
      'Sentry member ID',
      'Sentry userName',
      'Sentry orgRole',
      'Expected orgRole',
      'Findings'
    ]);
    expect(rows[1]).toEqual([
      'u-juergen',
      'juergen.gross@contoso.example',
      'Jürgen Groß',
      '',
      'yes',
      'yes',
      'member of Platform Team',
      'juergen.gross@contoso.example',
      '',
      '',
      '',
      '',
      'member',
      'user.missing_in_sentry, group.member_missing_in_sentry'
    ]);
    expect(rows[2]).toEqual(['u-hyper', '', HYPERLINK_NAME, '', 'no', 'no', 'disabled', '', 'mail', 's-41', 'old.account@contoso.example', 'member', '', 'user.orphaned_in_sentry']);
  });

  it('shows team memberships', () => {
    const rows = rowsOf(sheet(book, 'Teams and memberships'));
    expect(rows[0]).toEqual(['Entra group ID', 'Entra group name', 'Team slug', 'Sentry team ID', 'Sentry team name', 'Member', 'Entra user ID', 'Sentry member ID', 'Status']);
    expect(rows[1]).toEqual(['g-1', 'Platform Team', 'platform-team', 't-7', 'Platform Team', 'Jürgen Groß', 'u-juergen', '', 'missing in Sentry']);
    expect(rows[2]).toEqual(['', '', 'legacy', 't-9', 'legacy', '@ops', '', 's-44', 'extra in Sentry']);
  });

  it('shows diff changes in German', () => {
    const rows = rowsOf(sheet(readWorkbook(germanBook), 'Änderungen'));
    expect(rows[0]).toEqual(['Seite', 'Objekttyp', 'Objekt-ID', 'Name', 'Änderung', 'Attribut', 'Alter Wert', 'Neuer Wert']);
    expect(rows[1]).toEqual(['Entra', 'Benutzer', 'u-juergen', 'Jürgen Groß', 'hinzugefügt', '', '', '']);
    expect(rows[2]).toEqual(['Sentry', 'Sentry-Mitglied', 's-42', '', 'geändert', 'userName', 'support@contoso.example', '-support@contoso.example']);
  });
});

describe('buildWorkbook sign-off', () => {
  const signOff = sheet(readWorkbook(englishBook), 'Sign-off');
  const rows = rowsOf(signOff);

  it('explains what to fill in', () => {
    expect(rows[0]?.[0]).toBe('Sign-off: one row per finding.');
    expect(rows[1]?.[0]).toContain('enter your decision');
    expect(rows[3]?.every((cell) => cell === '')).toBe(true);
  });

  it('lists each finding with empty decision columns', () => {
    expect(rows[4]).toEqual(['Finding ID', 'Kind', 'Severity', 'Entra object', 'Sentry object', 'Decision', 'Justification', 'Reviewer', 'Date']);
    expect(rows.slice(5).map((row) => row[0])).toEqual(auditResult().findings.map((finding) => finding.id));
    expect(rows[5]?.slice(5)).toEqual(['', '', '', '']);
    expect(signOff['!autofilter']?.ref).toBe('A5:I12');
  });

  it('freezes rows through the header', () => {
    expect(sheetXml(englishBook, 6)).toContain('<pane ySplit="5" topLeftCell="A6" activePane="bottomLeft" state="frozen"/>');
  });

  it('gives input columns room to write', () => {
    const widths = (signOff['!cols'] ?? []).map((column) => column.wch);
    expect(widths.slice(5)).toEqual([24, 60, 24, 14]);
  });
});

describe('buildWorkbook cells', () => {
  for (const [language, buffer] of [['en', englishBook], ['de', germanBook]] as const) {
    it(`writes only text cells (${language})`, () => {
      const book = readWorkbook(buffer);
      for (const name of book.SheetNames) {
        for (const [ref, cell] of cellsOf(sheet(book, name))) {
          expect(cell.t, `${name}!${ref}`).toBe('s');
          expect(cell.f, `${name}!${ref}`).toBeUndefined();
        }
      }
    });
  }

  it('keeps formula-like names as text', () => {
    const book = readWorkbook(englishBook);
    const users = sheet(book, 'Users');
    expect(users['C3']).toMatchObject({ t: 's', v: HYPERLINK_NAME });
    expect(users['C3']?.f).toBeUndefined();
    expect(sheetXml(englishBook, 3)).not.toContain('<f>');
  });

  it('freezes every table sheet', () => {
    for (const index of [1, 2, 3, 4, 5]) expect(sheetXml(englishBook, index)).toContain(FROZEN_FIRST_ROW);
    expect(sheetXml(englishBook, 0)).toContain('<sheetView workbookViewId="0"/>');
  });
});

describe('buildWorkbook long text', () => {
  it('cuts text at the cell limit', () => {
    const input = reportInput(false);
    const first = input.audit.findings[0];
    if (!first) throw new Error('fixture has no findings');
    first.entra = Array.from({ length: 800 }, (_, index) => ({ type: 'group' as const, id: `group-${index}-${'x'.repeat(40)}`, displayName: `Gruppe ${index}` }));
    const fullText = first.entra.map((ref) => `${ref.displayName}; id: ${ref.id}`).join('\n');
    expect(fullText.length).toBeGreaterThan(32767);

    const cell = sheet(readWorkbook(buildWorkbook(input, 'de')), 'Feststellungen')['D2'];
    const note = ` … [am Zellenlimit von Excel gekürzt: vollständig ${fullText.length} Zeichen, siehe JSON- oder CSV-Export]`;
    expect(cell?.t).toBe('s');
    expect(String(cell?.v)).toHaveLength(32767);
    expect(String(cell?.v).endsWith(note)).toBe(true);
    expect(String(cell?.v).startsWith(fullText.slice(0, 32767 - note.length))).toBe(true);
  });
});

describe('buildWorkbook input checks', () => {
  it('rejects an audit of another snapshot', () => {
    const input = reportInput(false);
    input.audit.snapshotId = 'other' as typeof input.audit.snapshotId;
    expect(() => buildWorkbook(input, 'en')).toThrow('The audit result belongs to snapshot other, not to snapshot 20260301-081500-a1b2c3');
  });

  it('rejects counts that disagree with findings', () => {
    const input = reportInput(false);
    input.audit.countsBySeverity.high = 5;
    expect(() => buildWorkbook(input, 'en')).toThrow('countsBySeverity.high is 5 but 2 findings have that severity');
  });

  it('rejects an unparseable timestamp', () => {
    const input = reportInput(false);
    input.snapshot.createdAt = 'yesterday';
    expect(() => buildWorkbook(input, 'en')).toThrow('Invalid timestamp "yesterday" in snapshot.createdAt');
  });

  it('rejects a diff of other snapshots', () => {
    const input = reportInput(true);
    if (input.compare) input.compare.diff.from = 'x' as typeof input.compare.diff.from;
    expect(() => buildWorkbook(input, 'en')).toThrow('The diff compares x with 20260301-081500-a1b2c3');
  });

  it('rejects a comparison with itself', () => {
    const input = reportInput(true);
    if (input.compare) input.compare.snapshot = input.snapshot;
    expect(() => buildWorkbook(input, 'en')).toThrow('The report compares snapshot 20260301-081500-a1b2c3 with itself: choose an earlier snapshot to compare with.');
  });

  it('rejects an unknown language', () => {
    expect(() => buildWorkbook(reportInput(false), 'fr' as 'en')).toThrow('Unsupported report language "fr": use "en" or "de".');
  });
});
