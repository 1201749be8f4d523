import { browser } from 'wxt/browser';
import type { ContentReport } from '../protocol/content-reports';

/**
 * Sends a report to the worker, typed by the content-report protocol. An
 * extension reloaded meanwhile leaves nobody to answer: that is no error of the page's.
 */
export function sendReport(report: ContentReport): Promise<void> {
  return browser.runtime.sendMessage(report).then(
    () => {},
    () => {},
  );
}
