import { describeFinding } from '../audit';
import type { Finding } from '../model/finding';
import type { ReportLanguage } from './types';

export interface FindingText {
  explanation: string;
  recommendedAction: string;
}

/**
 * Returns a finding's explanation and recommended action in `lang`. English is the text the audit
 * stored on the finding. German is rendered by the audit module from the finding's kind and details.
 */
export function findingText(finding: Finding, lang: ReportLanguage): FindingText {
  if (lang === 'en') return { explanation: finding.explanation, recommendedAction: finding.recommendedAction };
  return describeFinding(finding, lang);
}
