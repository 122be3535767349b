/**
 * Text of the reconcile dialog, in the i18next namespace `reconcile`. SCIM, userName, slug and
 * Sentry's role names (owner, admin, member, billing) stay as Sentry writes them.
 */
export const reconcileEn = {
  launch: 'Reconcile…',
  launchHint: 'Plan SCIM changes in Sentry for the open finding, or for the findings the filter shows',
  title: 'Reconcile with Sentry',
  close: 'Close',
  scope: {
    finding: 'Finding {{id}}',
    filtered_one: '{{count}} finding the filter shows',
    filtered_other: '{{count}} findings the filter shows',
    all_one: '{{count}} finding of snapshot {{snapshotId}}',
    all_other: 'All {{count}} findings of snapshot {{snapshotId}}'
  },
  plan: {
    loading: 'Building the plan…',
    summary_one: '{{count}} SCIM operation for {{url}}',
    summary_other: '{{count}} SCIM operations for {{url}}',
    empty: 'The plan has no operations. Turn on an option below or select other findings.',
    operationsLabel: 'Planned SCIM operations',
    columns: { seq: '#', request: 'Request', body: 'Body', consequence: 'Consequence' },
    noBody: 'no body'
  },
  consequence: {
    user: {
      create: 'Sentry invites {{userName}} as a member with role {{role}}; the person becomes a full member on their first SSO sign-in.',
      create_defaultRole: 'Sentry invites {{userName}} as a member with the organization’s default role; the person becomes a full member on their first SSO sign-in.',
      delete: 'Sentry deletes member {{userName}} (id {{memberId}}) with all team memberships. SCIM cannot undo this; the person would have to be invited again.',
      set_role: 'Sentry changes the role of {{userName}} from {{from}} to {{role}}, and the identity provider manages the role from then on.',
      set_role_unknownFrom: 'Sentry changes the role of {{userName}} to {{role}}, and the identity provider manages the role from then on.'
    },
    team: {
      create: 'Sentry creates the empty team “{{team}}” with slug {{slug}}.',
      add_member: 'Sentry adds {{userName}} to team “{{team}}”.',
      add_member_newTeam: 'Sentry adds {{userName}} to the new team “{{team}}” that operation {{newTeam}} creates.',
      remove_member: 'Sentry removes {{userName}} from team “{{team}}”; the member stays in the organization.',
      rename: 'Sentry renames team “{{from}}” to “{{to}}” and changes its slug from {{fromSlug}} to {{toSlug}}.',
      rename_sameSlug: 'Sentry renames team “{{from}}” to “{{to}}”; the slug stays {{toSlug}}.'
    }
  },
  skipped: {
    heading_one: '{{count}} item skipped',
    heading_other: '{{count}} items skipped',
    columns: { what: 'What', reason: 'Why', enable: 'Included by' },
    action: {
      deleteMember: 'Delete member {{userName}}',
      recreateMember: 'Recreate member {{userName}} as {{entraValue}}',
      createMember: 'Create member {{userName}}',
      changeRole: 'Change the role of {{userName}} to {{role}}',
      createTeam: 'Create team “{{team}}”',
      renameTeam: 'Rename team “{{team}}” to “{{to}}”',
      fixFinding: 'Fix finding “{{kind}}”'
    },
    cause: {
      deletesOff: 'Deleting members is off.',
      recreateOff: 'Sentry cannot change a userName, and recreating members is off.',
      ownerChangesOff: 'The member is an owner, and changes to owners are off.',
      lastOwner: 'This is the last owner of the organization, and Roster never removes the last owner.',
      ownerNotCreatable: 'SCIM cannot create owners. Invite the person in Sentry and make them an owner there.',
      ownerRoleNotAssignable: 'SCIM cannot assign the owner role. Make the person an owner in Sentry.',
      ownerRoleUnchangeable: 'Sentry ignores a role change to an owner over SCIM (PUT returns 200 and changes nothing). Change the role in Sentry.',
      userNameTooLong: 'Sentry rejects a userName longer than {{maxLength}} characters, and this one has {{length}}. Map a shorter address in Entra.',
      slugTaken: 'Another team already has the slug {{slug}}.',
      slugInvalid: 'Sentry would reject the slug {{slug}}. Rename the group in Entra first.',
      noScimFix: 'Roster has no SCIM fix for this kind of finding. Follow the finding’s recommended action.'
    },
    noToggle: 'no option',
    englishNote: 'Quoted from the planner in English:'
  },
  options: {
    heading: 'Options for this run',
    hint: 'Each option is off by default and needs its own confirmation before the run can start.',
    allowDeletes: 'Allow deletes',
    allowDeletesConfirm: 'I understand that deleted members lose all their team memberships and that SCIM cannot undo a deletion.',
    allowOwnerChanges: 'Allow owner changes',
    allowOwnerChangesConfirm: 'I understand that this can delete owners of the Sentry organization, though never the last one.',
    recreateMismatched: 'Recreate mismatched members',
    recreateMismatchedConfirm: 'I understand that each recreated member is deleted, loses its team memberships and must accept a new invite under the userName Entra sends.'
  },
  threshold: {
    heading: 'Deletion threshold',
    default: 'At most {{threshold}} member deletions per run: 20, or 5% of the {{memberCount}} members, whichever is lower.',
    run: 'At most {{threshold}} member deletions in this run, raised from the default of {{defaultThreshold}}.',
    count_one: 'This plan deletes {{count}} member.',
    count_other: 'This plan deletes {{count}} members.',
    input: 'Threshold for this run',
    inputHint: 'Applies to this run only; the default threshold stays.',
    reset: 'Use the default',
    rejected: 'Plan rejected: it deletes {{count}} members, more than the threshold of {{threshold}}. Review the deletions, then raise the threshold for this run to {{count}} to allow them.',
    raise: 'Raise to {{count}} for this run'
  },
  advice: {
    heading: 'Members whose userName differs from Entra',
    line: '{{member}} does not match {{entraValue}} from Entra, and Sentry cannot change a userName. Two fixes:',
    mapping: 'Change Entra’s attribute mapping for userName to {{source}}, so Entra links the existing member. No SCIM call; the member keeps its teams and role.',
    mappingNoSource: 'Change Entra’s attribute mapping for userName so Entra sends {{member}}. No SCIM call; the member keeps its teams and role.',
    recreatePlanned: 'Delete the member and create {{entraValue}}: planned above.',
    recreateOff: 'Delete the member and create {{entraValue}}: turn on “Recreate mismatched members”.'
  },
  pendingMember: '{{member}} belongs in team “{{team}}” but is not a Sentry member yet. Add the person in a later run, once the member exists.',
  profile: {
    label: 'Send with connection',
    noToken: '{{name}} (no SCIM token)',
    otherSentry: '{{name}} (other Sentry: {{url}})',
    none: 'No connection uses the snapshot’s SCIM URL {{url}}. Add one under Connections.'
  },
  start_one: 'Send {{count}} operation to Sentry',
  start_other: 'Send {{count}} operations to Sentry',
  confirmMissing: 'Confirm each option you turned on.',
  run: {
    heading: 'Run {{runId}}',
    progress: 'Operation {{position}} of {{total}}',
    pausing: 'Pausing after the operation in progress…',
    paused: 'Paused. Nothing is sent until you resume.',
    verifying: 'Reading Sentry again to verify the run…',
    pause: 'Pause',
    resume: 'Resume',
    cancel: 'Cancel run',
    operationsLabel: 'Operations of the run',
    columns: { seq: '#', request: 'Request', consequence: 'Consequence', state: 'State', http: 'HTTP', reason: 'Reason', verified: 'Verification' },
    reasonNote: 'Reasons are quoted from the run journal, in English.'
  },
  state: { planned: 'Planned', pending: 'Sending', interrupted: 'Interrupted, checked again on resume', done: 'Done', skipped: 'Skipped', failed: 'Failed' },
  verified: { yes: 'Verified', no: 'Not verified', none: '–' },
  result: {
    completed: 'Run finished: {{done}} done, {{skipped}} skipped, {{failed}} failed.',
    cancelled: 'Run cancelled with {{left}} operations left. Resume it from the list of unfinished runs.',
    unauthorized: 'Sentry rejected the SCIM token, so the run stopped with {{left}} operations left. Enter a new token under Connections, then resume the run from the list of unfinished runs.',
    stopped: 'The run stopped before its end. The journal says: {{message}}',
    failed: 'The run stopped with an error: {{message}}',
    verification: 'Verification snapshot {{id}}: {{verified}} of {{applied}} applied operations verified.',
    verificationFailed: 'The run finished, but the verification failed: {{message}} Take a new snapshot to check Sentry.',
    retryFailed: 'Resume the run from the list of unfinished runs to retry the failed operations.'
  },
  runs: {
    heading: 'Unfinished runs',
    loading: 'Loading runs…',
    empty: 'No unfinished runs in this workspace.',
    row: 'Started {{startedAt}} by {{runBy}} from snapshot {{snapshotId}}: {{left}} left, {{failed}} failed',
    state: { running: 'Interrupted', cancelled: 'Cancelled', completed: 'Finished with failures' },
    active: 'Running in this window',
    resume: 'Resume',
    show: 'Show'
  },
  errors: {
    reconcile_rejected: 'Plan rejected: it deletes {{count}} members, more than the threshold of {{threshold}}. Raise the threshold for this run to {{count}} to allow them.',
    reconcile_sentry_mismatch: 'The connection’s SCIM URL {{profileUrl}} is not the snapshot’s, {{snapshotUrl}}. Choose the connection of that Sentry organization.',
    reconcile_nothing_to_do: 'There is nothing to send: no finding is selected, or the plan has no operations.',
    reconcile_run_active: 'This run is still running. Pause or cancel it first.',
    reconcile_run_not_active: 'This run no longer runs in this window. Resume it from the list of unfinished runs.',
    missing_secret: 'The connection has no SCIM token. Enter the token under Connections and save.',
    other: 'The request failed: {{message}}'
  }
};

export type ReconcileResources = typeof reconcileEn;

/** German text; the type keeps its keys equal to the English ones. */
export const reconcileDe: ReconcileResources = {
  launch: 'Abgleichen…',
  launchHint: 'SCIM-Änderungen in Sentry für das geöffnete Ergebnis oder für die gefilterten Ergebnisse planen',
  title: 'Mit Sentry abgleichen',
  close: 'Schließen',
  scope: {
    finding: 'Ergebnis {{id}}',
    filtered_one: '{{count}} gefiltertes Ergebnis',
    filtered_other: '{{count}} gefilterte Ergebnisse',
    all_one: '{{count}} Ergebnis aus Snapshot {{snapshotId}}',
    all_other: 'Alle {{count}} Ergebnisse aus Snapshot {{snapshotId}}'
  },
  plan: {
    loading: 'Plan wird erstellt…',
    summary_one: '{{count}} SCIM-Operation für {{url}}',
    summary_other: '{{count}} SCIM-Operationen für {{url}}',
    empty: 'Der Plan enthält keine Operationen. Schalten Sie unten eine Option ein oder wählen Sie andere Ergebnisse.',
    operationsLabel: 'Geplante SCIM-Operationen',
    columns: { seq: 'Nr.', request: 'Anfrage', body: 'Body', consequence: 'Auswirkung' },
    noBody: 'kein Body'
  },
  consequence: {
    user: {
      create: 'Sentry lädt {{userName}} als Mitglied mit der Rolle {{role}} ein; vollwertiges Mitglied wird die Person bei der ersten SSO-Anmeldung.',
      create_defaultRole: 'Sentry lädt {{userName}} mit der Standardrolle der Organisation ein; vollwertiges Mitglied wird die Person bei der ersten SSO-Anmeldung.',
      delete: 'Sentry löscht das Mitglied {{userName}} (ID {{memberId}}) samt allen Team-Mitgliedschaften. Über SCIM lässt sich das nicht rückgängig machen; die Person müsste neu eingeladen werden.',
      set_role: 'Sentry ändert die Rolle von {{userName}} von {{from}} auf {{role}}; danach verwaltet der Identitätsanbieter die Rolle.',
      set_role_unknownFrom: 'Sentry ändert die Rolle von {{userName}} auf {{role}}; danach verwaltet der Identitätsanbieter die Rolle.'
    },
    team: {
      create: 'Sentry legt das leere Team „{{team}}“ mit dem Slug {{slug}} an.',
      add_member: 'Sentry nimmt {{userName}} in das Team „{{team}}“ auf.',
      add_member_newTeam: 'Sentry nimmt {{userName}} in das neue Team „{{team}}“ auf, das Operation {{newTeam}} anlegt.',
      remove_member: 'Sentry entfernt {{userName}} aus dem Team „{{team}}“; in der Organisation bleibt das Mitglied.',
      rename: 'Sentry benennt das Team „{{from}}“ in „{{to}}“ um und ändert den Slug von {{fromSlug}} auf {{toSlug}}.',
      rename_sameSlug: 'Sentry benennt das Team „{{from}}“ in „{{to}}“ um; der Slug bleibt {{toSlug}}.'
    }
  },
  skipped: {
    heading_one: '{{count}} Punkt übersprungen',
    heading_other: '{{count}} Punkte übersprungen',
    columns: { what: 'Was', reason: 'Warum', enable: 'Einbezogen mit' },
    action: {
      deleteMember: 'Mitglied {{userName}} löschen',
      recreateMember: 'Mitglied {{userName}} als {{entraValue}} neu anlegen',
      createMember: 'Mitglied {{userName}} anlegen',
      changeRole: 'Rolle von {{userName}} auf {{role}} ändern',
      createTeam: 'Team „{{team}}“ anlegen',
      renameTeam: 'Team „{{team}}“ in „{{to}}“ umbenennen',
      fixFinding: 'Ergebnis „{{kind}}“ beheben'
    },
    cause: {
      deletesOff: 'Das Löschen von Mitgliedern ist ausgeschaltet.',
      recreateOff: 'Sentry kann einen userName nicht ändern, und das Neuanlegen von Mitgliedern ist ausgeschaltet.',
      ownerChangesOff: 'Das Mitglied ist Owner, und Änderungen an Ownern sind ausgeschaltet.',
      lastOwner: 'Das ist der letzte Owner der Organisation, und den letzten Owner entfernt Roster nie.',
      ownerNotCreatable: 'Über SCIM lassen sich keine Owner anlegen. Laden Sie die Person in Sentry ein und machen Sie sie dort zum Owner.',
      ownerRoleNotAssignable: 'Die Rolle owner lässt sich über SCIM nicht vergeben. Machen Sie die Person in Sentry zum Owner.',
      ownerRoleUnchangeable: 'Sentry ignoriert Rollenänderungen an Ownern über SCIM (PUT liefert 200 und ändert nichts). Ändern Sie die Rolle in Sentry.',
      userNameTooLong: 'Sentry lehnt einen userName mit mehr als {{maxLength}} Zeichen ab, und dieser hat {{length}}. Ordnen Sie in Entra eine kürzere Adresse zu.',
      slugTaken: 'Ein anderes Team hat bereits den Slug {{slug}}.',
      slugInvalid: 'Sentry würde den Slug {{slug}} ablehnen. Benennen Sie die Gruppe zuerst in Entra um.',
      noScimFix: 'Für diese Art von Ergebnis kennt Roster keine SCIM-Korrektur. Folgen Sie der empfohlenen Maßnahme des Ergebnisses.'
    },
    noToggle: 'keine Option',
    englishNote: 'Wörtlich aus dem Planer, auf Englisch:'
  },
  options: {
    heading: 'Optionen für diesen Lauf',
    hint: 'Jede Option ist zunächst ausgeschaltet und muss einzeln bestätigt werden, bevor der Lauf starten kann.',
    allowDeletes: 'Löschen erlauben',
    allowDeletesConfirm: 'Mir ist bewusst, dass gelöschte Mitglieder alle Team-Mitgliedschaften verlieren und sich eine Löschung über SCIM nicht rückgängig machen lässt.',
    allowOwnerChanges: 'Änderungen an Ownern erlauben',
    allowOwnerChangesConfirm: 'Mir ist bewusst, dass dabei Owner der Sentry-Organisation gelöscht werden können, jedoch nie der letzte.',
    recreateMismatched: 'Abweichende Mitglieder neu anlegen',
    recreateMismatchedConfirm: 'Mir ist bewusst, dass jedes neu angelegte Mitglied gelöscht wird, seine Team-Mitgliedschaften verliert und eine neue Einladung unter dem userName annehmen muss, den Entra sendet.'
  },
  threshold: {
    heading: 'Löschgrenze',
    default: 'Höchstens {{threshold}} gelöschte Mitglieder pro Lauf: 20 oder 5 % der {{memberCount}} Mitglieder, je nachdem, was kleiner ist.',
    run: 'Höchstens {{threshold}} gelöschte Mitglieder in diesem Lauf, angehoben von der Standardgrenze {{defaultThreshold}}.',
    count_one: 'Dieser Plan löscht {{count}} Mitglied.',
    count_other: 'Dieser Plan löscht {{count}} Mitglieder.',
    input: 'Grenze für diesen Lauf',
    inputHint: 'Gilt nur für diesen Lauf; die Standardgrenze bleibt bestehen.',
    reset: 'Standardgrenze verwenden',
    rejected: 'Plan abgelehnt: Er löscht {{count}} Mitglieder, mehr als die Grenze von {{threshold}} zulässt. Prüfen Sie die Löschungen und heben Sie dann die Grenze für diesen Lauf auf {{count}} an, um sie zuzulassen.',
    raise: 'Für diesen Lauf auf {{count}} anheben'
  },
  advice: {
    heading: 'Mitglieder, deren userName von Entra abweicht',
    line: '{{member}} passt nicht zu {{entraValue}} aus Entra, und Sentry kann einen userName nicht ändern. Zwei Lösungen:',
    mapping: 'Die Attributzuordnung für userName in Entra auf {{source}} ändern, damit Entra das vorhandene Mitglied verknüpft. Kein SCIM-Aufruf; Teams und Rolle bleiben erhalten.',
    mappingNoSource: 'Die Attributzuordnung für userName in Entra so ändern, dass Entra {{member}} sendet. Kein SCIM-Aufruf; Teams und Rolle bleiben erhalten.',
    recreatePlanned: 'Das Mitglied löschen und {{entraValue}} anlegen: oben eingeplant.',
    recreateOff: 'Das Mitglied löschen und {{entraValue}} anlegen: dazu „Abweichende Mitglieder neu anlegen“ einschalten.'
  },
  pendingMember: '{{member}} gehört ins Team „{{team}}“, ist aber noch kein Sentry-Mitglied. Nehmen Sie die Person in einem späteren Lauf auf, sobald das Mitglied existiert.',
  profile: {
    label: 'Senden über Verbindung',
    noToken: '{{name}} (kein SCIM-Token)',
    otherSentry: '{{name}} (anderes Sentry: {{url}})',
    none: 'Keine Verbindung nutzt die SCIM-URL {{url}} des Snapshots. Legen Sie unter Verbindungen eine an.'
  },
  start_one: '{{count}} Operation an Sentry senden',
  start_other: '{{count}} Operationen an Sentry senden',
  confirmMissing: 'Bestätigen Sie jede Option, die Sie eingeschaltet haben.',
  run: {
    heading: 'Lauf {{runId}}',
    progress: 'Operation {{position}} von {{total}}',
    pausing: 'Pause folgt nach der laufenden Operation…',
    paused: 'Pausiert. Bis Sie fortsetzen, wird nichts gesendet.',
    verifying: 'Sentry wird zur Prüfung des Laufs erneut gelesen…',
    pause: 'Pausieren',
    resume: 'Fortsetzen',
    cancel: 'Lauf abbrechen',
    operationsLabel: 'Operationen des Laufs',
    columns: { seq: 'Nr.', request: 'Anfrage', consequence: 'Auswirkung', state: 'Status', http: 'HTTP', reason: 'Grund', verified: 'Prüfung' },
    reasonNote: 'Die Gründe stammen wörtlich aus dem Lauf-Journal und sind englisch.'
  },
  state: { planned: 'Geplant', pending: 'Wird gesendet', interrupted: 'Unterbrochen, wird beim Fortsetzen erneut geprüft', done: 'Erledigt', skipped: 'Übersprungen', failed: 'Fehlgeschlagen' },
  verified: { yes: 'Bestätigt', no: 'Nicht bestätigt', none: '–' },
  result: {
    completed: 'Lauf beendet: {{done}} erledigt, {{skipped}} übersprungen, {{failed}} fehlgeschlagen.',
    cancelled: 'Lauf abgebrochen, {{left}} Operationen stehen noch aus. Setzen Sie ihn in der Liste der nicht abgeschlossenen Läufe fort.',
    unauthorized: 'Sentry hat das SCIM-Token abgelehnt, daher wurde der Lauf mit {{left}} ausstehenden Operationen angehalten. Tragen Sie unter Verbindungen ein neues Token ein und setzen Sie den Lauf dann in der Liste der nicht abgeschlossenen Läufe fort.',
    stopped: 'Der Lauf wurde vorzeitig angehalten. Das Journal meldet (auf Englisch): {{message}}',
    failed: 'Der Lauf wurde mit einem Fehler beendet: {{message}}',
    verification: 'Prüf-Snapshot {{id}}: {{verified}} von {{applied}} ausgeführten Operationen bestätigt.',
    verificationFailed: 'Der Lauf ist beendet, aber die Prüfung ist fehlgeschlagen: {{message}} Erstellen Sie einen neuen Snapshot, um Sentry zu prüfen.',
    retryFailed: 'Setzen Sie den Lauf in der Liste der nicht abgeschlossenen Läufe fort, um die fehlgeschlagenen Operationen zu wiederholen.'
  },
  runs: {
    heading: 'Nicht abgeschlossene Läufe',
    loading: 'Läufe werden geladen…',
    empty: 'In diesem Arbeitsbereich gibt es keine nicht abgeschlossenen Läufe.',
    row: 'Gestartet {{startedAt}} von {{runBy}} aus Snapshot {{snapshotId}}: {{left}} offen, {{failed}} fehlgeschlagen',
    state: { running: 'Unterbrochen', cancelled: 'Abgebrochen', completed: 'Mit Fehlern beendet' },
    active: 'Läuft in diesem Fenster',
    resume: 'Fortsetzen',
    show: 'Anzeigen'
  },
  errors: {
    reconcile_rejected: 'Plan abgelehnt: Er löscht {{count}} Mitglieder, mehr als die Grenze von {{threshold}} zulässt. Heben Sie die Grenze für diesen Lauf auf {{count}} an, um sie zuzulassen.',
    reconcile_sentry_mismatch: 'Die SCIM-URL {{profileUrl}} der Verbindung ist nicht die des Snapshots ({{snapshotUrl}}). Wählen Sie die Verbindung dieser Sentry-Organisation.',
    reconcile_nothing_to_do: 'Es gibt nichts zu senden: Kein Ergebnis ist ausgewählt, oder der Plan enthält keine Operationen.',
    reconcile_run_active: 'Dieser Lauf läuft noch. Pausieren oder brechen Sie ihn zuerst ab.',
    reconcile_run_not_active: 'Dieser Lauf läuft nicht mehr in diesem Fenster. Setzen Sie ihn in der Liste der nicht abgeschlossenen Läufe fort.',
    missing_secret: 'Die Verbindung hat kein SCIM-Token. Tragen Sie das Token unter Verbindungen ein und speichern Sie.',
    other: 'Die Anfrage ist fehlgeschlagen: {{message}}'
  }
};
