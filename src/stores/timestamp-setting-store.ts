import { browser } from 'wxt/browser';
import { parseTimestampSetting, type TimestampSetting } from '../core/settings/timestamp-setting';

/** Present only while trusted timestamps are on; its absence is "off". */
export const TIMESTAMP_SETTING_KEY = 'trustedTimestamps';

/** The TSA bundles are stamped by, or null when trusted timestamps are off (or the stored value is unreadable). */
export async function loadTimestampSetting(): Promise<TimestampSetting | null> {
  return parseTimestampSetting(
    (await browser.storage.local.get(TIMESTAMP_SETTING_KEY))[TIMESTAMP_SETTING_KEY],
  );
}

export async function saveTimestampSetting(setting: TimestampSetting): Promise<void> {
  await browser.storage.local.set({ [TIMESTAMP_SETTING_KEY]: setting });
}

export async function clearTimestampSetting(): Promise<void> {
  await browser.storage.local.remove(TIMESTAMP_SETTING_KEY);
}
