import type { ScreenshotRecord } from './screenshot-record';

/**
 * A screenshot's name in a bundle: its order, time and reason, so the files
 * sort as they were taken; only letters, digits, dots, dashes and underscores.
 */
export function screenshotFileName(
  shot: Pick<ScreenshotRecord, 'takenAt' | 'reason' | 'rules'>,
  index: number,
): string {
  const time = new Date(shot.takenAt).toISOString().replace(/[:.]/g, '-');
  const [first, ...more] = shot.rules ?? [];
  const rule = first
    ? `-${first.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40)}${more.length > 0 ? `-and-${more.length}-more` : ''}`
    : '';
  return `${String(index + 1).padStart(4, '0')}-${time}-${shot.reason}${rule}.png`;
}
