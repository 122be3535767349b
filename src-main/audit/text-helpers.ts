import type { Finding } from '../model/finding';

export type TextDetails = Finding['details'];

export interface FindingText {
  explanation: string;
  recommendedAction: string;
}

/** Reads a detail as text; a missing or null detail reads as `?` so a gap shows in the sentence. */
export function field(details: TextDetails, key: string): string {
  const value = details[key];
  return value === null || value === undefined ? '?' : String(value);
}
