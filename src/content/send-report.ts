import { browser } from 'wxt/browser';
import { type ContentReport, isFinalReportAnswer } from '../protocol/content-reports';

/** Waits before each new try; a stopped worker is started again by the next message. */
const RESEND_AFTER_MS = [100, 300, 1_000, 3_000];
/** After those, it keeps trying this often for as long as the page and the extension are there. */
const RESEND_EVERY_MS = 5_000;

/**
 * Sends a report to the worker, typed by the content-report protocol, until
 * the worker answers. It answers once what the report gave is safe, or that it
 * will never take it; a worker stopped while handling it closes the channel
 * unanswered, and the report is sent again as it was: its observations' ids make a second arrival harmless.
 * An extension reloaded meanwhile leaves nobody to answer: that is no error of the page's.
 */
export async function sendReport(report: ContentReport): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      // An answer that is neither word is a channel closed unanswered, which the polyfill resolves.
      if (isFinalReportAnswer(await browser.runtime.sendMessage(report))) return;
    } catch {
      // Gone for good: the extension was reloaded or removed, and this content script is orphaned.
      if (!browser.runtime?.id) return;
    }
    await new Promise((resolve) => setTimeout(resolve, RESEND_AFTER_MS[attempt] ?? RESEND_EVERY_MS));
  }
}
