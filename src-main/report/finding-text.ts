import type { Finding } from '../model/finding';
import type { ReportLanguage } from './types';

export interface FindingText {
  explanation: string;
  recommendedAction: string;
}

/**
 * Returns a finding's explanation and recommended action in `lang`. The audit module owns these
 * texts; this adapter is the only place the report reads them from.
 */
export function findingText(finding: Finding, lang: ReportLanguage): FindingText {
  // TODO: switch to describeFinding from ../audit once src-main/audit/index.ts exports it. Until
  // then German reports show the English texts that every Finding already carries.
  void lang;
  return { explanation: finding.explanation, recommendedAction: finding.recommendedAction };
}
