import { browser } from 'wxt/browser';
import type { Severity } from '../core/rules/rule';

const COLOURS: Record<Severity, string> = { high: '#b3261e', medium: '#c25e00', low: '#5f6368' };

/** The toolbar badge: the tab's count of findings (problems, not rule-by-rule violations), coloured by the worst severity. */
export async function showViolationBadge(
  tabId: number,
  count: number,
  worst: Severity | null,
): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  try {
    await action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
    if (worst) await action.setBadgeBackgroundColor({ tabId, color: COLOURS[worst] });
  } catch {
    // The tab closed between the count and the update; nothing to show.
  }
}
