import { FINDING_KINDS, type Finding } from '../model/finding';
import type { FindingText } from './text-helpers';
import { GERMAN } from './texts-de';
import { ENGLISH } from './texts-en';

const KNOWN_KINDS = new Set<string>(FINDING_KINDS);

/** Renders a finding's explanation and recommended action from its kind and details. */
export function describeFinding(finding: Pick<Finding, 'kind' | 'details'>, lang: 'en' | 'de'): FindingText {
  if (!KNOWN_KINDS.has(finding.kind)) {
    throw new Error(`Unknown finding kind "${String(finding.kind)}". Expected one of: ${FINDING_KINDS.join(', ')}.`);
  }
  if (lang !== 'en' && lang !== 'de') throw new Error(`Unsupported language "${String(lang)}". Use "en" or "de".`);
  const texts = lang === 'de' ? GERMAN : ENGLISH;
  return texts[finding.kind](finding.details);
}
