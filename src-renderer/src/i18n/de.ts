import { deAudit, deCompare } from './de-audit';
import { deWork } from './de-work';
import type { Resources } from './en';

/** German UI text, in the formal register ("Sie") that business software in German uses. */
export const de: Resources = {
  ...deWork,
  ...deAudit,
  ...deCompare,
  app: {
    title: 'Roster',
    tagline: 'Entra-ID-App-Zuweisungen im Abgleich mit Sentry SCIM',
    version: 'Version {{version}}'
  },
  language: {
    label: 'Sprache',
    en: 'English',
    de: 'Deutsch',
    saveFailed: 'Die Sprache konnte nicht gespeichert werden: {{message}}'
  },
  snapshots: {
    heading: 'Snapshots',
    description:
      'Jeder Snapshot hält beide Seiten zu einem Zeitpunkt fest: wer in Entra ID der Sentry-App zugewiesen ist und welche Mitglieder und Teams Sentry über SCIM führt.',
    workspace: 'Arbeitsordner',
    refresh: 'Aktualisieren',
    loading: 'Snapshots werden geladen …',
    count_one: '{{count}} Snapshot',
    count_other: '{{count}} Snapshots',
    emptyTitle: 'Noch keine Snapshots',
    emptyBody:
      'Erstellen Sie oben einen Snapshot, oder führen Sie <cmd>roster fetch</cmd> aus, um den aktuellen Stand von Entra ID und Sentry zu erfassen, und aktualisieren Sie dann diese Liste.',
    audit: 'Prüfen',
    delete: 'Löschen',
    deleteLabel: 'Snapshot {{id}} löschen',
    actionFailed: 'Die Anfrage ist fehlgeschlagen',
    confirmDelete: {
      title: 'Diesen Snapshot löschen?',
      body: 'Snapshot {{id}} wird endgültig aus dem Arbeitsordner entfernt. Daraus exportierte Berichte behalten seinen Hash.'
    },
    incomplete_one: '{{count}} unvollständiger Snapshot wird nicht angezeigt. <cmd>roster snapshots</cmd> zeigt den Grund.',
    incomplete_other: '{{count}} unvollständige Snapshots werden nicht angezeigt. <cmd>roster snapshots</cmd> zeigt den Grund.',
    tableCaption: 'Snapshots in diesem Arbeitsordner, neueste zuerst',
    columns: {
      captured: 'Erfasst',
      id: 'Snapshot-ID',
      origin: 'Herkunft',
      entraApp: 'Entra-App',
      sentryOrg: 'Sentry-Organisation',
      entraCounts: 'Entra ID',
      sentryCounts: 'Sentry',
      warnings: 'Warnungen'
    },
    origin: {
      live: 'Live-Erfassung',
      import: 'Import',
      demo: 'Demodaten'
    },
    openDetails: 'Details zu Snapshot {{id}} anzeigen',
    entraUsers_one: '{{formatted}} Benutzer',
    entraUsers_other: '{{formatted}} Benutzer',
    assignments_one: '{{formatted}} Zuweisung',
    assignments_other: '{{formatted}} Zuweisungen',
    groups_one: '{{formatted}} Gruppe',
    groups_other: '{{formatted}} Gruppen',
    sentryMembers_one: '{{formatted}} Mitglied',
    sentryMembers_other: '{{formatted}} Mitglieder',
    sentryTeams_one: '{{formatted}} Team',
    sentryTeams_other: '{{formatted}} Teams',
    tenant: 'Mandant',
    noWarnings: 'Keine',
    warningCount_one: '{{count}} Warnung',
    warningCount_other: '{{count}} Warnungen',
    unavailableCount_one: '{{count}} Quelle nicht lesbar',
    unavailableCount_other: '{{count}} Quellen nicht lesbar'
  },
  detail: {
    heading: 'Snapshot {{id}}',
    close: 'Schließen',
    loading: 'Snapshot wird geladen …',
    loadFailed: 'Der Snapshot konnte nicht geladen werden',
    fields: {
      capturedAt: 'Erfasst',
      capturedBy: 'Erfasst von',
      tenantId: 'Mandanten-ID',
      appId: 'Anwendungs-ID (Client-ID)',
      servicePrincipalId: 'Dienstprinzipal-ID',
      sentryBaseUrl: 'Sentry-SCIM-Basis-URL',
      population: 'Grundgesamtheit',
      toolVersion: 'Roster-Version',
      contentSha256: 'Inhalts-SHA-256'
    },
    sources: 'Quellen',
    sourceColumns: {
      source: 'Quelle',
      rows: 'Erhaltene Zeilen',
      apiTotal: 'Gesamtzahl laut API',
      pages: 'Seiten',
      retries: 'Wiederholungen',
      duration: 'Dauer'
    },
    apiTotalNone: 'nicht gemeldet',
    seconds: '{{value}} s',
    warnings: 'Warnungen',
    noWarnings: 'Die Erfassung hat keine Warnungen verzeichnet.',
    unavailable: 'Nicht lesbar',
    unavailableColumns: {
      source: 'Quelle',
      reason: 'Grund',
      permission: 'Fehlende Berechtigung'
    },
    noUnavailable: 'Alle Quellen waren lesbar.',
    permissionUnknown: 'unbekannt',
    englishNote: 'Warnungen und Gründe werden bei der Erfassung auf Englisch festgehalten.'
  },
  errors: {
    loadSnapshots: 'Die Snapshots konnten nicht geladen werden',
    retry: 'Erneut versuchen',
    render: 'Diese Ansicht konnte nicht angezeigt werden. Details stehen in der Logdatei. Laden Sie das Fenster neu, um es erneut zu versuchen.',
    reload: 'Neu laden',
    details: 'Technische Details',
    path: 'Datei',
    codes: {
      invalid_request: 'Roster hat eine ungültige Anfrage an seinen Hintergrundprozess gesendet.',
      invalid_response: 'Roster hat vom Hintergrundprozess Daten erhalten, die es nicht lesen kann.',
      unknown_channel: 'Roster hat beim Hintergrundprozess eine Operation angefragt, die es nicht gibt.',
      forbidden_sender: 'Diese Seite darf nicht mit dem Hintergrundprozess von Roster kommunizieren.',
      not_found: 'Das angefragte Element wurde nicht gefunden.',
      workspace_unavailable: 'Der Arbeitsordner konnte nicht gelesen werden.',
      transport_failed: 'Der Hintergrundprozess von Roster hat nicht geantwortet.',
      internal: 'Ein unerwarteter Fehler ist aufgetreten. Details stehen in der Logdatei.',
      secret_store_unavailable:
        'Der Schlüsselspeicher des Systems ist nicht verfügbar, deshalb kann Roster keine Geheimnisse aufbewahren. Entsperren Sie den Schlüsselbund und versuchen Sie es erneut.',
      missing_secret: 'Für diese Verbindung fehlt ein Geheimnis. Bearbeiten Sie die Verbindung und geben Sie es ein.',
      invalid_connection: 'Die Einstellungen der Verbindung sind ungültig. Bearbeiten Sie die Verbindung und prüfen Sie jedes Feld.',
      sign_in_failed: 'Die Anmeldung bei Entra ID ist fehlgeschlagen. Testen Sie die Verbindung, um den Grund zu sehen.',
      graph_permission_missing:
        'Der App-Registrierung fehlt eine benötigte Microsoft-Graph-Berechtigung. Testen Sie die Verbindung, um zu sehen, welche.',
      scim_unauthorized: 'Sentry hat das SCIM-Token abgelehnt. Testen Sie die Verbindung und hinterlegen Sie ein neues Token.',
      host_unreachable: 'Ein Server war nicht erreichbar. Prüfen Sie das Netzwerk und die Proxy-Einstellungen.',
      capture_failed: 'Eine der Quellen konnte nicht gelesen werden, deshalb wurde kein Snapshot gespeichert.',
      job_not_found: 'Die Erfassung ist bereits beendet.',
      audit_not_run: 'Die Prüfung ist nicht mehr im Speicher. Wählen Sie den Snapshot erneut, um sie neu auszuführen.',
      file_unreadable: 'Die Datei konnte nicht als Roster-Snapshot gelesen werden.',
      export_failed:
        'Die Datei konnte nicht geschrieben werden. Prüfen Sie den Ordner und ob die Datei in einem anderen Programm geöffnet ist.',
      reconcile_rejected:
        'Der Abgleichsplan wurde abgelehnt: Er löscht mehr Mitglieder, als der Schwellenwert zulässt. Erhöhen Sie den Schwellenwert für diesen Lauf oder wählen Sie weniger Feststellungen aus.',
      reconcile_sentry_mismatch:
        'Die Verbindung zeigt auf eine andere Sentry-Organisation als der Snapshot. Wählen Sie die Verbindung, deren SCIM-URL zum Snapshot passt.',
      reconcile_nothing_to_do: 'Für die ausgewählten Feststellungen ist kein SCIM-Vorgang nötig, es gibt also nichts zu senden.',
      reconcile_run_active: 'Dieser Abgleichslauf läuft noch. Warten Sie, bis er fertig ist, oder brechen Sie ihn zuerst ab.',
      reconcile_run_not_active: 'Dieser Abgleichslauf läuft nicht mehr. Setzen Sie ihn aus der Liste der unvollständigen Läufe fort.',
      import_file_invalid: 'Eine Datei konnte nicht importiert werden. Die Meldung nennt die Datei und die fehlerhafte Stelle.',
      import_sentry_url_invalid: 'Die Sentry-SCIM-URL ist ungültig. Kopieren Sie die SCIM Base URL aus Sentry: Settings > Auth > SCIM Information.',
      import_incomplete: 'Die Dateien enthalten nicht alles, was eine Prüfung braucht. Exportieren Sie die fehlenden Teile und importieren Sie erneut.',
      import_preview_not_found: 'Diese Importübersicht ist abgelaufen. Wählen Sie die Dateien erneut aus oder ziehen Sie sie erneut hierher.'
    }
  }
};
