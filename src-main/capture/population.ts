/** Facts the population description is built from. */
export interface PopulationFacts {
  appDisplayName: string;
  appId: string;
  assignedGroupCount: number;
  sentryOrg: string;
}

/**
 * Describes, for the evidence header, which people the snapshot covers. It states the rule Entra
 * provisions by: direct assignment, or direct membership of an assigned group (nested groups excluded).
 */
export function describePopulation(facts: PopulationFacts, lang: 'en' | 'de' = 'en'): string {
  if (lang === 'de') return describePopulationGerman(facts);
  const groups = facts.assignedGroupCount === 1 ? '1 assigned group' : `${facts.assignedGroupCount} assigned groups`;
  return (
    `Users assigned to the enterprise app '${facts.appDisplayName}' (appId ${facts.appId}) directly or as direct members of ${groups}; ` +
    `Sentry org '${facts.sentryOrg}' members and teams via SCIM`
  );
}

function describePopulationGerman(facts: PopulationFacts): string {
  const groups = facts.assignedGroupCount === 1 ? 'einer zugewiesenen Gruppe' : `${facts.assignedGroupCount} zugewiesenen Gruppen`;
  return (
    `Benutzer, die der Unternehmensanwendung „${facts.appDisplayName}“ (appId ${facts.appId}) direkt oder als direkte Mitglieder von ${groups} zugewiesen sind; ` +
    `Mitglieder und Teams der Sentry-Organisation „${facts.sentryOrg}“ über SCIM`
  );
}
