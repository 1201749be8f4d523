import { type ContentReportOf, MAX_SNAPSHOT_ENTRIES } from '../protocol/content-reports';

/** The requests the page lists in its own resource timing (http(s) only, bounded). */
export function readResourceTiming(): ContentReportOf<'resource-timing'> {
  const entries = performance
    .getEntriesByType('resource')
    .filter((e) => /^https?:\/\//.test(e.name) && e.name.length <= 8_192)
    .slice(-MAX_SNAPSHOT_ENTRIES)
    .map((e) => ({
      url: e.name,
      initiatorType: (e as PerformanceResourceTiming).initiatorType.slice(0, 40),
      startTime: Math.max(0, e.startTime),
    }));
  return { type: 'resource-timing', entries };
}
