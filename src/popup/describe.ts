import type { Purpose } from '../classify/purpose';
import type { Report } from '../report/report-types';
import { SEVERITY_ORDER } from '../rules/rule';

/** One plain sentence for the verdict at the top of the popup. */
export function verdictSentence(report: Report): string {
  const { violations, bySeverity } = report.summary;
  if (violations === 0) return 'No broken promises found on this page so far.';
  const parts = SEVERITY_ORDER.filter((s) => bySeverity[s] > 0).map((s) => `${bySeverity[s]} ${s}`);
  const noun = violations === 1 ? 'way this page breaks' : 'ways this page breaks';
  return `${violations} ${noun} Jeejio's privacy policy (${parts.join(', ')}).`;
}

export const PURPOSE_LABELS: Record<Purpose, string> = {
  essential: 'Essential',
  preferences: 'Preferences',
  statistics: 'Statistics',
  advertising: 'Advertising',
  social: 'Social network',
  'session-replay': 'Session recording',
  fingerprinting: 'Fingerprinting',
  unknown: 'Unclassified',
};

/** Long or hostile values are shown cut, with their real length, never as markup. */
export function shortText(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`;
}
