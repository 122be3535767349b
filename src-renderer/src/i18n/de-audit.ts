import type { enAudit, enCompare } from './en-audit';
import type { Widen } from './en';

/** German text of the audit screen. */
export const deAudit: Widen<typeof enAudit> = {
  severity: {
    high: 'Hoch',
    medium: 'Mittel',
    low: 'Niedrig',
    info: 'Info'
  },
  kinds: {
    'user.missing_in_sentry': 'Benutzer fehlt in Sentry',
    'user.orphaned_in_sentry': 'Sentry-Mitglied ohne Entra-Benutzer',
    'user.disabled_in_entra': 'In Entra ID deaktiviert',
    'user.matching_attribute_mismatch': 'Zuordnungsattribut weicht ab',
    'user.case_only_difference': 'Unterschied nur in Groß-/Kleinschreibung',
    'user.duplicate_in_sentry': 'Doppelte Sentry-Mitglieder',
    'user.nested_group_only': 'Nur über verschachtelte Gruppe zugewiesen',
    'user.unmatchable': 'Nicht zuordenbar',
    'user.role_mismatch': 'Rolle weicht ab',
    'group.missing_in_sentry': 'Team fehlt in Sentry',
    'group.slug_collision': 'Team-Slug kollidiert',
    'group.name_mismatch': 'Teamname weicht ab',
    'group.unmanaged_in_sentry': 'Team nicht von Entra verwaltet',
    'group.member_missing_in_sentry': 'Teammitglied fehlt in Sentry',
    'group.member_extra_in_sentry': 'Zusätzliches Teammitglied in Sentry',
    'group.member_list_truncated': 'Mitgliederliste des Teams abgeschnitten'
  },
  audit: {
    heading: 'Prüfung',
    description: 'Was der Bereitstellungsdienst von Entra mit jeder zugewiesenen Person und Gruppe tun würde und wo Sentry abweicht.',
    snapshot: 'Snapshot',
    running: 'Der Snapshot wird geprüft …',
    failed: 'Die Prüfung konnte nicht ausgeführt werden',
    noSnapshotTitle: 'Kein Snapshot gewählt',
    noSnapshotPick: 'Wählen Sie oben einen Snapshot, um ihn zu prüfen.',
    noSnapshotBody: 'Erstellen Sie zuerst in der Ansicht „Snapshots“ einen Snapshot oder öffnen Sie die Demo.',
    toSnapshots: 'Zu den Snapshots',
    summaryLabel: 'Anzahlen',
    findings_one: 'Feststellung',
    findings_other: 'Feststellungen',
    byKind: 'Feststellungen nach Art',
    matchingRule: 'Zuordnung: {{target}} ← {{source}} ({{origin}})',
    matchingOrigin: {
      schema: 'aus dem Bereitstellungsschema',
      default: 'Standard von Entra für Sentry',
      override: 'Was-wäre-wenn-Vorgabe'
    },
    population: '{{users}} Benutzer im Bereich, {{members}} Sentry-Mitglieder',
    auditedAt: 'geprüft {{time}}',
    warnings: 'Grenzen dieser Prüfung',
    viewsLabel: 'Ansichten der Prüfung',
    views: {
      findings: 'Feststellungen',
      teams: 'Teams',
      whatIf: 'Zuordnung: Was wäre, wenn'
    }
  },
  findings: {
    filters: 'Feststellungen filtern',
    search: 'Feststellungen durchsuchen',
    searchPlaceholder: 'Namen, IDs, Werte suchen …  (/)',
    allKinds: 'Alle Arten',
    matching_one: '{{formatted}} Feststellung passt',
    matching_other: '{{formatted}} Feststellungen passen',
    clearFilters: 'Filter zurücksetzen',
    gridLabel_one: '{{formatted}} Feststellung',
    gridLabel_other: '{{formatted}} Feststellungen',
    loadingRow: 'Wird geladen …',
    loadFailed: 'Die Feststellungen konnten nicht geladen werden',
    none: 'Dieser Snapshot hat keine Feststellungen: Beide Seiten stimmen überein.',
    noneMatching: 'Keine Feststellung passt zu diesen Filtern.',
    columns: {
      severity: 'Schweregrad',
      kind: 'Art',
      entra: 'Entra ID',
      sentry: 'Sentry',
      attribute: 'Attribut',
      id: 'ID'
    }
  },
  finding: {
    loading: 'Die Feststellung wird geladen …',
    loadFailed: 'Die Feststellung konnte nicht geladen werden',
    entra: 'Entra ID',
    sentry: 'Sentry',
    entraNone: 'Kein Entra-Objekt ist beteiligt.',
    sentryNone: 'Kein Sentry-Objekt ist beteiligt.',
    comparison: 'Entra ID und Sentry im Vergleich',
    attribute: 'Attribut',
    objectType: 'Typ',
    differs: 'weicht ab',
    empty: '(leer)',
    entraSends: 'Entra sendet',
    sentryHolds: 'Sentry führt',
    explanation: 'Was passiert',
    action: 'Empfohlene Maßnahme',
    lastEvent: 'Letztes Bereitstellungsereignis',
    id: 'Feststellungs-ID'
  },
  teams: {
    search: 'Gruppen, Teams, Mitglieder suchen',
    statusLabel: 'Status der Mitgliedschaft',
    count_one: '{{formatted}} Zeile',
    count_other: '{{formatted}} Zeilen',
    loading: 'Teammitgliedschaften werden geladen …',
    loadFailed: 'Die Teammitgliedschaften konnten nicht geladen werden',
    empty: 'Keine Mitgliedschaft passt zu diesen Filtern.',
    caption: 'Teammitgliedschaften in Entra ID und Sentry',
    noGroup: 'keine Entra-Gruppe',
    noTeam: 'kein Sentry-Team',
    columns: {
      group: 'Entra-Gruppe',
      team: 'Sentry-Team',
      member: 'Mitglied',
      status: 'Status'
    },
    status: {
      in_both: 'In beiden',
      missing_in_sentry: 'Fehlt in Sentry',
      extra_in_sentry: 'Nur in Sentry'
    }
  },
  whatIf: {
    loading: 'Die Kandidaten für die Zuordnung werden verglichen …',
    loadFailed: 'Der Vergleich konnte nicht berechnet werden',
    description:
      'Jede Zeile prüft diesen Snapshot erneut mit einem anderen Entra-Attribut als Quelle für userName. Wählen Sie die Quelle, die die meisten Personen verknüpft und keine Dubletten erzeugt.',
    caption: 'Ergebnis je möglicher Quelle für userName',
    current: 'aktuell',
    columns: {
      source: 'Quelle für <field>userName</field>',
      link: 'Verknüpfen',
      create: 'Anlegen',
      duplicate: 'Doppelt',
      skip: 'Überspringen',
      orphaned: 'Verwaist'
    },
    hints: {
      link: 'Benutzer, deren Wert genau einem Sentry-Mitglied entspricht',
      create: 'Benutzer, deren Wert keinem Mitglied entspricht, sodass Entra eines anlegt',
      duplicate: 'Benutzer, deren Wert mehreren Mitgliedern oder einem anderen Benutzer entspricht',
      skip: 'Benutzer ohne Wert, die Entra überspringt',
      orphaned: 'Sentry-Mitglieder, denen kein Benutzer zugeordnet würde'
    }
  }
};

/** German text of the drift and export screens. */
export const deCompare: Widen<typeof enCompare> = {
  drift: {
    heading: 'Änderungen',
    description: 'Was sich zwischen zwei Snapshots auf jeder Seite geändert hat: Personen, Gruppen, Zuweisungen, Mitglieder und Teams.',
    from: 'Früherer Snapshot',
    to: 'Späterer Snapshot',
    needTwoTitle: 'Für Änderungen braucht es zwei Snapshots',
    needTwoBody: 'Erstellen Sie später einen weiteren Snapshot oder öffnen Sie eine Snapshot-Datei, um zu sehen, was sich dazwischen geändert hat.',
    pickTwo: 'Wählen Sie zwei Snapshots zum Vergleichen.',
    sameSnapshot: 'Wählen Sie zwei verschiedene Snapshots.',
    search: 'Namen, IDs, Werte suchen',
    changeLabel: 'Art der Änderung',
    sideLabel: 'Seite',
    loading: 'Die Snapshots werden verglichen …',
    failed: 'Die Snapshots konnten nicht verglichen werden',
    none: 'Zwischen diesen Snapshots hat sich nichts geändert.',
    total_one: '{{formatted}} Änderung',
    total_other: '{{formatted}} Änderungen',
    caption: 'Änderungen zwischen den beiden Snapshots',
    change: { added: 'Hinzugefügt', removed: 'Entfernt', changed: 'Geändert' },
    side: { entra: 'Entra ID', sentry: 'Sentry' },
    objectType: {
      user: 'Benutzer',
      group: 'Gruppe',
      assignment: 'Zuweisung',
      membership: 'Gruppenmitgliedschaft',
      member: 'Mitglied',
      team: 'Team',
      teamMembership: 'Teammitgliedschaft',
      provisioningJob: 'Bereitstellungsauftrag'
    },
    columns: {
      change: 'Änderung',
      side: 'Seite',
      object: 'Objekt',
      name: 'Name',
      attribute: 'Attribut',
      before: 'Vorher',
      after: 'Nachher'
    }
  },
  export: {
    heading: 'Export',
    description: 'Speichern Sie die Prüfung eines Snapshots als Nachweis. Jede Datei nennt den Snapshot, seinen Hash und die Herkunft der Daten.',
    snapshot: 'Snapshot',
    compare: 'Vergleichen mit (Blatt „Änderungen“)',
    noCompare: 'Kein Vergleich',
    language: 'Sprache des Berichts',
    noSnapshotTitle: 'Noch nichts zu exportieren',
    pickFirst: 'Wählen Sie einen Snapshot für den Export.',
    pathQuestion: 'Datei speichern unter:',
    running: 'Wird geschrieben …',
    cancelled: 'Es wurde nichts gespeichert.',
    failed: 'Der Export ist fehlgeschlagen',
    written_one: '{{format}} mit {{findings}} Feststellung gespeichert unter',
    written_other: '{{format}} mit {{findings}} Feststellungen gespeichert unter',
    bytes: '{{size}} KB',
    formats: {
      workbook: {
        name: 'Excel-Arbeitsmappe',
        title: 'Excel-Arbeitsmappe mit Nachweisen',
        body: 'Deckblatt, Übersicht, Feststellungen, Benutzer, Teams und ein Blatt zur Freigabe – bereit zur Ablage.',
        button: 'Arbeitsmappe speichern …'
      },
      csv: {
        name: 'CSV-Datei',
        title: 'CSV',
        body: 'Eine Zeile je Feststellung, für Tabellenkalkulationen und Ticket-Importe.',
        button: 'CSV speichern …'
      },
      json: {
        name: 'JSON-Datei',
        title: 'JSON',
        body: 'Die Feststellungen im dokumentierten Format von <cmd>roster audit --format json</cmd>, für Skripte.',
        button: 'JSON speichern …'
      }
    }
  }
};
