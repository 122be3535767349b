import { describeFinding } from '../audit';
import type { Language, ResponseOf } from '../ipc/contract';
import type { Finding } from '../model/finding';
import { objectKey } from './tasks/analysis-tasks';
import type { ObjectView } from './tasks/types';

/** Returns the finding with its texts in `language`. */
export function localizeFinding(finding: Finding, language: Language): Finding {
  const text = describeFinding(finding, language);
  return { ...finding, explanation: text.explanation, recommendedAction: text.recommendedAction };
}

/**
 * Builds the side-by-side view: the captured Entra and Sentry objects of a finding. Entra users get
 * `userName`, the value Entra sends as SCIM userName, so it lines up with the Sentry member's.
 */
export function findingDetail(finding: Finding, objects: Record<string, ObjectView>, language: Language): ResponseOf<'audit:finding'> {
  const entra = finding.entra.map((ref): ObjectView => {
    const type = ref.type === 'user' ? 'entraUser' : 'entraGroup';
    const captured = objects[objectKey(type, ref.id)];
    const attributes = { ...(captured?.attributes ?? { displayName: ref.displayName }) };
    if (ref.type === 'user') attributes.userName = ref.matchValue ?? null;
    else attributes.slug = ref.slug ?? null;
    return { type, id: ref.id, attributes };
  });
  const sentry = finding.sentry.map((ref): ObjectView => {
    const type = ref.type === 'user' ? 'sentryMember' : 'sentryTeam';
    const captured = objects[objectKey(type, ref.id)];
    const attributes = { ...(captured?.attributes ?? { userName: ref.userName ?? null, displayName: ref.displayName ?? null }) };
    if (ref.type === 'team') attributes.slug = ref.slug ?? null;
    return { type, id: ref.id, attributes };
  });

  return { finding: localizeFinding(finding, language), entra, sentry, differingAttributes: differing(entra[0], sentry[0], finding) };
}

/** Names of attributes both objects have with different values, plus the finding's own attribute. */
function differing(left: ObjectView | undefined, right: ObjectView | undefined, finding: Finding): string[] {
  const names = new Set<string>();
  if (finding.attribute) names.add(finding.attribute.name);
  if (left && right) {
    for (const [name, value] of Object.entries(left.attributes)) {
      if (name in right.attributes && right.attributes[name] !== value) names.add(name);
    }
  }
  return [...names].sort();
}
