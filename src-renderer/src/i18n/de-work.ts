import type { enWork } from './en-work';
import type { Widen } from './en';

/** German text of the connections, capture and first-run screens. */
export const deWork: Widen<typeof enWork> = {
  nav: {
    label: 'Ansichten',
    connections: 'Verbindungen',
    snapshots: 'Snapshots',
    audit: 'Prüfung',
    drift: 'Änderungen',
    export: 'Export'
  },
  help: {
    open: 'Tastenkürzel',
    title: 'Tastenkürzel',
    close: 'Schließen',
    goTo: 'Zu „{{screen}}“ wechseln',
    keyNames: {
      control: 'Strg',
      arrows: '↑ ↓',
      homeEnd: 'Pos1 / Ende',
      enter: 'Eingabe',
      filter: '/',
      escape: 'Esc'
    },
    keys: {
      help: 'Diese Liste anzeigen',
      arrows: 'In der Liste der Feststellungen nach oben oder unten gehen',
      homeEnd: 'Zur ersten oder letzten Feststellung springen',
      enter: 'Die markierte Feststellung öffnen',
      filter: 'Feststellungen durchsuchen',
      escape: 'Feststellung oder diesen Dialog schließen'
    }
  },
  common: {
    cancel: 'Abbrechen',
    yes: 'ja',
    no: 'nein',
    previous: 'Zurück',
    next: 'Weiter',
    range: '{{from}}–{{to}} von {{total}}'
  },
  connections: {
    heading: 'Verbindungen',
    description:
      'Eine Verbindung beschreibt einen Entra-Mandanten mit seiner Sentry-Unternehmensanwendung und die Sentry-Organisation, die er über SCIM bereitstellt.',
    new: 'Neue Verbindung',
    loading: 'Verbindungen werden geladen …',
    loadFailed: 'Die Verbindungen konnten nicht geladen werden',
    emptyTitle: 'Noch keine Verbindungen',
    emptyBody:
      'Hinterlegen Sie einmal die Entra-App-Registrierung und das SCIM-Token von Sentry; Roster bewahrt die Geheimnisse im Schlüsselspeicher des Systems auf.',
    testButton: 'Verbindung testen',
    edit: 'Bearbeiten',
    delete: 'Löschen',
    confirmDelete: {
      title: 'Verbindung „{{name}}“ löschen?',
      body: 'Die gespeicherten Geheimnisse werden ebenfalls gelöscht. Snapshots, die damit erstellt wurden, bleiben im Arbeitsordner.'
    },
    fields: {
      name: 'Name',
      tenantId: 'Mandanten-ID oder Domäne',
      clientId: 'Anwendungs-ID (Client)',
      signInMethod: 'Anmeldung',
      clientSecret: 'Geheimer Clientschlüssel',
      certificatePath: 'Zertifikatsdatei (PEM)',
      certificatePassphrase: 'Passphrase des Zertifikats',
      appBy: 'Sentry-Unternehmensanwendung finden über',
      appId: 'ID der Unternehmensanwendung',
      appName: 'Name der Unternehmensanwendung',
      authorityHost: 'Anmeldehost',
      graphUrl: 'Microsoft-Graph-URL',
      sentryScimUrl: 'SCIM-Basis-URL von Sentry',
      scimToken: 'SCIM-Token'
    },
    signIn: {
      clientSecret: 'Geheimer Clientschlüssel',
      certificate: 'Zertifikat',
      deviceCode: 'Interaktive Anmeldung (Gerätecode)'
    },
    secret: {
      stored: 'gespeichert',
      missing: 'nicht gespeichert'
    },
    form: {
      newTitle: 'Neue Verbindung',
      editTitle: '„{{name}}“ bearbeiten',
      entra: 'Microsoft Entra ID',
      sentry: 'Sentry',
      tenantHint: 'Die Verzeichnis-ID (eine GUID) oder eine verifizierte Domäne wie contoso.onmicrosoft.com.',
      certificateHint: 'Eine PEM-Datei mit dem Zertifikat und seinem privaten Schlüssel.',
      deviceCodeHint:
        'Beim Testen oder Erfassen meldet sich eine Person mit ihrem eigenen Konto an; Roster zeigt den Code an, den sie eingeben muss.',
      appBy: { name: 'Name', id: 'App-ID' },
      nationalClouds: 'Nationale Clouds',
      defaultHint: 'Für die öffentliche Cloud leer lassen.',
      scimHint: 'Zu finden in Sentry unter Settings > Auth > SCIM Information.',
      secretStored: 'Ein Geheimnis ist gespeichert. Geben Sie ein neues ein, um es zu ersetzen.',
      keepSecret: 'gespeichert – leer lassen, um es zu behalten',
      save: 'Verbindung speichern',
      saving: 'Wird gespeichert …',
      saveFailed: 'Die Verbindung konnte nicht gespeichert werden'
    },
    test: {
      entra: 'Entra ID',
      sentry: 'Sentry SCIM',
      ok: 'verbunden',
      failed: 'fehlgeschlagen',
      running: 'Beide Seiten werden getestet …',
      requestFailed: 'Der Test konnte nicht ausgeführt werden',
      resultLabel: 'Testergebnis',
      summary: {
        appDisplayName: 'Unternehmensanwendung',
        appId: 'App-ID',
        servicePrincipalId: 'Dienstprinzipal-ID',
        checked: 'Geprüfte Berechtigungen',
        org: 'Organisation',
        members: 'Mitglieder'
      }
    },
    failures: {
      missing_secret: 'Für diese Verbindung ist kein Geheimnis gespeichert. Bearbeiten Sie die Verbindung und geben Sie es ein.',
      invalid_settings: 'Die Einstellungen der Verbindung sind unvollständig oder ungültig. Bearbeiten Sie die Verbindung und prüfen Sie jedes Feld.',
      wrong_secret:
        'Entra hat den geheimen Clientschlüssel der Anwendung {{clientId}} abgelehnt. Erstellen Sie in der App-Registrierung einen neuen Schlüssel und geben Sie ihn hier ein.',
      sign_in_failed: 'Die Anmeldung bei Entra ist fehlgeschlagen. Prüfen Sie den Mandanten und die Anwendungs-ID (Client).',
      graph_permission_missing:
        'Der App-Registrierung fehlt die Microsoft-Graph-Berechtigung {{permission}}. Fügen Sie sie als Anwendungsberechtigung hinzu und erteilen Sie die Administratorzustimmung.',
      app_not_found:
        'Im Mandanten wurde keine Unternehmensanwendung mit diesem Namen oder dieser ID gefunden. Prüfen Sie die Schreibweise oder verwenden Sie die App-ID.',
      scim_unauthorized: 'Sentry hat das SCIM-Token abgelehnt. Kopieren Sie ein neues Token unter Settings > Auth > SCIM Information.',
      scim_not_enabled:
        'Für diese Sentry-Organisation ist SCIM nicht aktiviert, oder die Basis-URL stimmt nicht. Aktivieren Sie SCIM unter Settings > Auth und kopieren Sie die Basis-URL von dort.',
      host_unreachable: 'Der Host {{host}} ist nicht erreichbar. Prüfen Sie die URL, das Netzwerk und die Proxy-Einstellungen.',
      host_unreachable_unnamed: 'Der Server ist nicht erreichbar. Prüfen Sie den Anmeldehost, das Netzwerk und die Proxy-Einstellungen.',
      timeout: 'Der Server hat nicht rechtzeitig geantwortet. Versuchen Sie es erneut oder prüfen Sie das Netzwerk.',
      unexpected: 'Die Prüfung ist aus einem unerwarteten Grund fehlgeschlagen. Die technischen Details unten nennen mehr.'
    }
  },
  capture: {
    title: 'Snapshot erstellen',
    profile: 'Verbindung',
    start: 'Snapshot erstellen',
    cancel: 'Erfassung abbrechen',
    cancelling: 'Wird abgebrochen …',
    running: 'Beide Seiten werden gelesen …',
    noProfiles: 'Für einen Snapshot braucht Roster eine Verbindung zu Entra ID und Sentry.',
    toConnections: 'Verbindung anlegen',
    startFailed: 'Die Erfassung konnte nicht gestartet werden',
    failed: 'Die Erfassung ist fehlgeschlagen. Es wurde nichts gespeichert.',
    cancelled: 'Die Erfassung wurde abgebrochen. Es wurde nichts gespeichert.',
    completed: 'Snapshot {{id}} wurde gespeichert.',
    progressCaption: 'Fortschritt je Quelle',
    rowsOfTotal: '{{rows}} von {{total}}',
    columns: {
      source: 'Quelle',
      state: 'Status',
      pages: 'Seiten',
      rows: 'Zeilen',
      retries: 'Wiederholungen'
    },
    state: {
      running: 'wird gelesen',
      done: 'fertig',
      unavailable: 'nicht lesbar',
      failed: 'fehlgeschlagen'
    }
  },
  opened: {
    openFile: 'Snapshot-Datei öffnen …',
    pathQuestion: 'Pfad der Snapshot-Datei, die schreibgeschützt geöffnet werden soll:',
    verified: 'Hash bestätigt: Die Datei ist seit dem Schreiben unverändert.',
    notVerified: 'Hash stimmt NICHT: Die Datei wurde nach dem Schreiben verändert oder beschädigt.',
    readOnly: 'Schreibgeschützt von außerhalb des Arbeitsordners geöffnet.',
    demoNote: 'Der mitgelieferte Demo-Snapshot, schreibgeschützt geöffnet.',
    problems: {
      truncated: 'Die Datei ist kürzer, als ihr Kopf angibt: Die Kopie oder der Download war unvollständig. Kopieren Sie sie erneut von der Quelle.',
      'hash-mismatch':
        'Der Inhalt passt nicht mehr zu dem Hash, der beim Schreiben des Snapshots festgehalten wurde. Bitten Sie den Absender um eine neue Kopie und deren SHA-256.',
      corrupt: 'Die Datei ist beschädigt und kann nicht als Snapshot gelesen werden. Bitten Sie den Absender um eine neue Kopie.',
      'foreign-file': 'Dies ist keine Snapshot-Datei von Roster. Prüfen Sie, ob Sie die richtige Datei gewählt haben.',
      'too-new': 'Eine neuere Version von Roster hat diese Datei geschrieben. Aktualisieren Sie Roster, um sie zu öffnen.',
      other: 'Die Datei hat ihre Prüfungen nicht bestanden. Die technischen Details unten nennen den Grund.'
    }
  },
  firstRun: {
    title: 'Roster in einer Minute kennenlernen',
    body: 'Der Arbeitsordner ist noch leer. Öffnen Sie die mitgelieferte Demo: einen erfundenen Mandanten mit rund 200 Benutzern, 15 Gruppen und jeder Art von Abweichung – schreibgeschützt und offline.',
    openDemo: 'Demo öffnen',
    orCapture: 'Oder legen Sie eine Verbindung an und erstellen Sie unten Ihren ersten Snapshot.'
  },
  picker: {
    choose: 'Snapshot wählen …',
    demo: 'Demo-Snapshot (schreibgeschützt)',
    file: 'Datei {{name}} (schreibgeschützt)'
  }
};
