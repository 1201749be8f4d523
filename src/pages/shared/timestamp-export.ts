import { browser } from 'wxt/browser';
import type { Bundle, BundleInput } from '../../core/evidence/build-bundle';
import { type ExportTimestamp, exportTimestampOf } from '../../core/evidence/timestamp/export-timestamp';
import { tsaStamper } from '../../core/evidence/timestamp/tsa-stamper';
import { tsaAccessPattern } from '../../core/settings/timestamp-setting';
import { loadTimestampSetting } from '../../stores/timestamp-setting-store';

/** Whether an export asks a TSA, and what it then tells the user about the bundle's trusted time. */
export interface TimestampPlan {
  stamp?: BundleInput['stamp'];
  outcome(timestamp: Bundle['timestamp']): ExportTimestamp;
}

/**
 * Read as an export starts: a TSA is asked only while "Trusted timestamps" is
 * on and the browser still lets the extension reach its host (the user may
 * have withdrawn it in the browser's own settings). Otherwise nothing is sent
 * anywhere, and the export says why.
 */
export async function timestampPlan(): Promise<TimestampPlan> {
  const setting = await loadTimestampSetting();
  if (!setting) return { outcome: () => ({ status: 'off' }) };
  const tsa = new URL(setting.tsaUrl);
  if (!(await browser.permissions.contains({ origins: [tsaAccessPattern(tsa)] })))
    return { outcome: () => ({ status: 'no-access', host: tsa.host }) };
  return { stamp: tsaStamper(tsa), outcome: (timestamp) => exportTimestampOf(timestamp, tsa) };
}
