import type { FindingKind } from '../model/finding';
import { field, type FindingText, type TextDetails } from './text-helpers';

const SLUG_PROBLEMS: Record<string, string> = {
  empty: 'leer ist',
  numeric: 'nur aus Ziffern besteht',
  too_long: 'länger als 50 Zeichen ist',
  invalid: 'andere Zeichen als Kleinbuchstaben, Ziffern, _ und - enthält'
};

/** German texts, written for German-speaking auditors; SCIM, userName, UPN and slug keep the services' names. */
export const GERMAN: Record<FindingKind, (d: TextDetails) => FindingText> = {
  'user.missing_in_sentry': (d) => ({
    explanation:
      `In Sentry gibt es kein Mitglied mit dem userName „${field(d, 'matchValue')}“. Entra schickt deshalb im nächsten Zyklus POST /Users, und Sentry legt für diese Adresse eine offene Einladung an.` +
      (d.valueIsEmail === false ? ' Sentry lehnt die Anfrage mit 400 ab, weil userName eine E-Mail-Adresse sein muss – das Mitglied entsteht also nie.' : ''),
    recommendedAction:
      d.valueIsEmail === false
        ? `Ordnen Sie userName ein Attribut mit E-Mail-Adresse zu oder entfernen Sie ${field(d, 'user')} aus der Sentry-App.`
        : `Soll ${field(d, 'user')} Zugriff auf Sentry haben, ist nichts zu tun; andernfalls die Zuweisung in Entra entfernen. Fehlt der Benutzer auch nach einem Zyklus noch, lohnt ein Blick ins Bereitstellungsprotokoll.`
  }),
  'user.orphaned_in_sentry': (d) => ({
    explanation:
      (d.reason === 'scoping_failed'
        ? `Das Sentry-Mitglied „${field(d, 'sentryUserName')}“ gehört zum Entra-Benutzer ${field(d, 'user')}, der an der Bereichsfilter-Bedingung ${field(d, 'failedClause')} scheitert.`
        : `Zum Sentry-Mitglied „${field(d, 'sentryUserName')}“ passt kein Entra-Benutzer im Bereitstellungsbereich.`) +
      (d.provisionedByEntra === true
        ? ' Laut Bereitstellungsprotokoll hat Entra dieses Mitglied früher verwaltet. Entra betrachtet die Person daher als außerhalb des Bereichs und schickt PATCH active=false – Sentry löscht das Mitglied dann.'
        : ' Mitglieder, die Entra nie bereitgestellt hat, rührt Entra nicht an; die Mitgliedschaft bleibt also bestehen. Nur wenn Entra sie früher bereitgestellt hat, schickt der Dienst PATCH active=false, und Sentry löscht das Mitglied.') +
      (d.syncAll === true ? ' Der Job synchronisiert alle Benutzer; die Person kann also ein Benutzer des Mandanten sein, der nicht im Snapshot steht.' : ''),
    recommendedAction:
      field(d, 'sentryOrgRole') === 'owner'
        ? `Bestätigen Sie, dass der Owner „${field(d, 'sentryUserName')}“ bewusst außerhalb von Entra geführt wird, etwa als Notfallkonto – Owner lassen sich über SCIM nicht bereitstellen.`
        : `Klären Sie, ob „${field(d, 'sentryUserName')}“ den Zugriff noch braucht: Person in Entra der Sentry-App zuweisen oder das Mitglied in Sentry entfernen.`
  }),
  'user.disabled_in_entra': (d) => ({
    explanation:
      `${field(d, 'user')} ist in Entra ${d.state === 'deleted' ? 'gelöscht' : 'deaktiviert'}, in Sentry aber weiterhin Mitglied („${field(d, 'sentryUserName')}“).` +
      (d.updateEnabled === false
        ? ' In den Zielobjektaktionen der Benutzerzuordnung fehlt „Aktualisieren“; Entra schickt daher kein PATCH active=false, und die Mitgliedschaft bleibt.'
        : d.linkedByEntra === true
        ? ' Entra hat dieses Mitglied früher bereitgestellt oder zugeordnet und schickt im nächsten Zyklus PATCH active=false; Sentry löscht das Mitglied daraufhin.'
        : ' Hat Entra dieses Mitglied früher bereitgestellt oder zugeordnet, folgt im nächsten Zyklus ein PATCH active=false, und Sentry löscht das Mitglied. Andernfalls überspringt Entra den Benutzer, und die Mitgliedschaft bleibt.'),
    recommendedAction: `Prüfen Sie nach dem nächsten Zyklus, ob die Mitgliedschaft verschwunden ist; falls nicht, entfernen Sie „${field(d, 'sentryUserName')}“ in Sentry.`
  }),
  'user.matching_attribute_mismatch': (d) => ({
    explanation: String(d.secondaryAttribute).startsWith('previous ')
      ? `Entra schickt jetzt den userName „${field(d, 'matchValue')}“, das Sentry-Mitglied „${field(d, 'sentryUserName')}“ passt aber zum Wert „${field(d, 'secondaryValue')}“ aus dem vorigen Snapshot. ` +
        'Hat Entra das Mitglied unter dem alten Wert verknüpft, arbeitet der Dienst weiter mit dessen ID, doch die Änderung des userName scheitert, weil Sentry Mitglieder nicht umbenennen kann. Nach einem Neustart – oder wenn Entra das Mitglied nie verknüpft hat – findet Entra zum neuen Wert kein Mitglied und lädt die Person ein zweites Mal ein.'
      :
      `Entra schickt als userName „${field(d, 'matchValue')}“ (aus ${field(d, 'sourceAttribute')}), dieselbe Person ist in Sentry aber als „${field(d, 'sentryUserName')}“ Mitglied (erkannt über ${field(d, 'secondaryAttribute')}). ` +
      'Entra findet zu seinem Wert kein Mitglied und schickt POST /Users; Sentry lädt die Person ein zweites Mal ein. Mit 409 antwortet Sentry nur, wenn die Adresse schon zu diesem Mitglied gehört. Die bestehende Mitgliedschaft entzieht sich damit der Steuerung durch Entra.',
    recommendedAction: `Gleichen Sie die Werte an: Adresse des Mitglieds in Sentry auf „${field(d, 'matchValue')}“ ändern oder das Attribut, das „${field(d, 'sentryUserName')}“ enthält, auf userName abbilden.`
  }),
  'user.case_only_difference': (d) => ({
    explanation: `Entra schickt den userName „${field(d, 'matchValue')}“, Sentry führt „${field(d, 'sentryUserName')}“. Die Werte unterscheiden sich nur in der Groß- und Kleinschreibung; Sentry vergleicht userName ohne Rücksicht darauf und findet das Mitglied trotzdem.`,
    recommendedAction: 'Kein Handlungsbedarf.'
  }),
  'user.duplicate_in_sentry': (d) => ({
    explanation:
      d.cause === 'matching'
        ? `Die Suche nach userName „${field(d, 'matchValue')}“ liefert in Sentry ${field(d, 'count')} Mitglieder (${field(d, 'sentryUserNames')}). Entra bricht mit DuplicateTargetEntries ab und ändert für ${field(d, 'user')} nichts.`
        : `${field(d, 'user')} hat in Sentry ${field(d, 'count')} Mitgliedschaften (${field(d, 'sentryUserNames')}). Entra verwaltet nur die zu „${field(d, 'matchValue')}“ passende; die übrigen bleiben, wenn die Person geht.`,
    recommendedAction: 'Behalten Sie die Mitgliedschaft, deren userName dem von Entra geschickten Wert entspricht, und entfernen Sie die anderen in Sentry.'
  }),
  'user.nested_group_only': (d) => ({
    explanation:
      `${field(d, 'user')} erreicht die Sentry-App nur über eine verschachtelte Gruppe in ${field(d, 'nestedIn')}. Entra stellt nur direkte Mitglieder zugewiesener Gruppen bereit und wird diesen Benutzer daher weder anlegen noch entfernen.` +
      (d.sentryUserName ? ` Das vorhandene Mitglied „${field(d, 'sentryUserName')}“ wird folglich nicht von Entra verwaltet.` : ''),
    recommendedAction: `Soll die Person Zugriff haben, weisen Sie ${field(d, 'user')} direkt zu oder weisen Sie die verschachtelte Gruppe selbst zu.`
  }),
  'user.unmatchable': (d) => ({
    explanation:
      `${field(d, 'user')} liegt im Bereitstellungsbereich, hat aber keinen Wert in ${field(d, 'sourceAttribute')}, der Quelle für userName. Entra überspringt den Benutzer (ImportSkipped): Es wird weder ein Mitglied angelegt noch eines aktualisiert.` +
      (d.sentryUserName ? ` Das Sentry-Mitglied „${field(d, 'sentryUserName')}“ ist offenbar dieselbe Person und bleibt unverwaltet.` : ''),
    recommendedAction: `Pflegen Sie ${field(d, 'sourceAttribute')} für diesen Benutzer in Entra oder entfernen Sie die Zuweisung.`
  }),
  'user.role_mismatch': (d) => {
    const owner =
      d.expectedRole === 'owner'
        ? ' Owner lassen sich über SCIM nicht bereitstellen: Sentry weist sentryOrgRole „owner“ zurück.'
        : d.sentryRole === 'owner'
          ? ' Bei Ownern lässt Sentry die Rolle unverändert, auch wenn der Identitätsanbieter eine Rolle schickt.'
          : '';
    const change = d.schemaMapsRole === true
      ? ' Entra ändert sie bei diesem Mitglied nicht: Bestehende Mitglieder aktualisiert Entra per PATCH, Sentry liest sentryOrgRole aber nur beim Anlegen (POST) oder Ersetzen (PUT).'
      : ' Entra ändert sie nicht, weil das Bereitstellungsschema sentryOrgRole nicht abbildet.';
    return {
      explanation: `Aus der App-Rolle ${field(d, 'appRole')} folgt die Sentry-Rolle „${field(d, 'expectedRole')}“, „${field(d, 'sentryUserName')}“ hat jedoch „${field(d, 'sentryRole')}“.${change}${owner}`,
      recommendedAction: `Passen Sie die Rolle von „${field(d, 'sentryUserName')}“ in Sentry an oder ändern Sie die Rollenzuweisung in Entra, damit beide übereinstimmen.`
    };
  },
  'group.missing_in_sentry': (d) => ({
    explanation: d.slugProblem
      ? `Kein Sentry-Team hat den slug „${field(d, 'slug')}“. Entra schickt POST /Groups für „${field(d, 'groupName')}“, doch Sentry lehnt mit 400 ab, weil der slug ${SLUG_PROBLEMS[field(d, 'slugProblem')] ?? 'ungültig ist'}.`
      : `Kein Sentry-Team hat den slug „${field(d, 'slug')}“. Entra schickt daher im nächsten Zyklus POST /Groups für „${field(d, 'groupName')}“; Sentry legt ein leeres Team an, dem Entra anschließend die Mitglieder hinzufügt.`,
    recommendedAction: d.slugProblem
      ? 'Benennen Sie die Entra-Gruppe so um, dass ihr slug Buchstaben enthält und höchstens 50 Zeichen lang ist.'
      : 'Soll das Team entstehen, ist nichts zu tun; andernfalls die Gruppenzuweisung entfernen.'
  }),
  'group.slug_collision': (d) => ({
    explanation: `Die Gruppen ${field(d, 'groupNames')} ergeben alle den Team-slug „${field(d, 'slug')}“. Entra ordnet jede davon demselben Sentry-Team zu, sodass sich ihre Mitgliedschaften in jedem Zyklus gegenseitig überschreiben.`,
    recommendedAction: 'Benennen Sie die Gruppen so um, dass jede einen eigenen slug ergibt, oder weisen Sie nur eine davon zu.'
  }),
  'group.name_mismatch': (d) => ({
    explanation:
      d.cause === 'renamed'
        ? `Das Team „${field(d, 'teamName')}“ hieß im vorigen Snapshot „${field(d, 'previousTeamName')}“ und passte damit zur Gruppe „${field(d, 'groupName')}“. Den slug des Teams zeigt SCIM nicht: Hat sich nur der Name geändert, findet Entra das Team über den slug und benennt es zurück; hat sich der slug geändert, legt Entra ein neues Team an.`
        : d.cause === 'same_name'
          ? `Das Team „${field(d, 'teamName')}“ trägt den Namen der Gruppe, Entra schickt aber „${field(d, 'groupName')}“. Dessen slug „${field(d, 'slug')}“ weicht vom slug „${field(d, 'teamSlug')}“ des Teams ab, also legt Entra ein neues Team an.`
          : `Entra findet das Team „${field(d, 'teamName')}“ über den slug „${field(d, 'slug')}“ und benennt es per PATCH in „${field(d, 'groupName')}“ um.`,
    recommendedAction: 'Halten Sie die Namen gleich, indem Sie Team oder Gruppe umbenennen, und ändern Sie den slug bereitgestellter Teams in Sentry nicht.'
  }),
  'group.unmanaged_in_sentry': (d) => ({
    explanation: `Zum Team „${field(d, 'teamName')}“ (slug „${field(d, 'slug')}“, ${field(d, 'memberCount')} Mitglieder) gehört keine zugewiesene Gruppe. Teams, die Entra nicht verwaltet, bleiben unberührt.`,
    recommendedAction: 'Kein Handlungsbedarf, es sei denn, das Team soll über Entra verwaltet werden – dann die passende Gruppe zuweisen.'
  }),
  'group.member_missing_in_sentry': (d) => ({
    explanation: `${field(d, 'user')} ist direktes Mitglied von „${field(d, 'groupName')}“, „${field(d, 'member')}“ fehlt aber im Team „${field(d, 'teamName')}“. Entra fügt das Mitglied im nächsten Zyklus hinzu.`,
    recommendedAction: 'Fehlt das Mitglied auch nach einem Zyklus noch, prüfen Sie das Bereitstellungsprotokoll der Gruppe.'
  }),
  'group.member_extra_in_sentry': (d) => ({
    explanation:
      `„${field(d, 'member')}“ ist im Team „${field(d, 'teamName')}“, aber kein direktes Mitglied von „${field(d, 'groupName')}“ im Bereitstellungsbereich. ` +
      'Entra entfernt Teammitglieder nur, wenn der Dienst sieht, dass jemand die Gruppe verlässt – in Sentry hinzugefügte Mitglieder bleiben also.',
    recommendedAction: `Entfernen Sie „${field(d, 'member')}“ in Sentry aus dem Team oder nehmen Sie die Person in Entra in die Gruppe auf.`
  }),
  'group.member_list_truncated': (d) => ({
    explanation: `Sentry hat für das Team „${field(d, 'teamName')}“ ${field(d, 'memberCount')} Mitglieder geliefert, die Obergrenze einer Antwort. Die Liste kann unvollständig sein, fehlende Mitglieder lassen sich daher nicht sicher feststellen.`,
    recommendedAction: 'Prüfen Sie die Mitglieder dieses Teams direkt in Sentry.'
  })
};
