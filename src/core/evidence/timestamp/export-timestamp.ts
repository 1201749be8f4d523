import type { Bundle } from '../build-bundle';

/**
 * What the person exporting a bundle is told about its trusted time:
 * - `stamped`: the TSA's token is in the bundle, with its name and time;
 * - `failed`: the TSA was asked and gave no usable token (the bundle is saved unstamped);
 * - `no-access`: the setting is on, but the browser no longer lets the
 *   extension reach the TSA's host, so nothing was sent;
 * - `off`: the setting is off, so nothing was sent.
 */
export type ExportTimestamp =
  | { status: 'stamped'; tsa: string; time: string; accuracyMs?: number; serial: string }
  | { status: 'failed'; reason: string }
  | { status: 'no-access'; host: string }
  | { status: 'off' };

/** "Example TSA" of "CN=Example TSA, O=Example": the name a person reads, without X.500's syntax. */
export function commonNameOf(distinguishedName: string): string {
  return /(?:^|, )CN=([^,]+)/.exec(distinguishedName)?.[1] ?? distinguishedName;
}

/**
 * The outcome of a bundle built with a stamper for `tsa`. A token that does
 * not name its TSA is known by the host it came from.
 */
export function exportTimestampOf(timestamp: Bundle['timestamp'], tsa: URL): ExportTimestamp {
  if (!timestamp) return { status: 'failed', reason: `the TSA at ${tsa.href} was not asked` };
  if ('error' in timestamp) return { status: 'failed', reason: timestamp.error };
  const { token } = timestamp;
  return {
    status: 'stamped',
    tsa: token.tsaName ? commonNameOf(token.tsaName) : tsa.host,
    time: token.time,
    ...(token.accuracyMs !== undefined && { accuracyMs: token.accuracyMs }),
    serial: token.serial,
  };
}
