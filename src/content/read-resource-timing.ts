import type { ResourceTimingEntry } from '../core/observations/reported-facts';
import { type ContentReportOf, MAX_SNAPSHOT_ENTRIES } from '../protocol/content-reports';

export interface ResourceTimingLog {
  /** The requests the page listed in its resource timing so far (http(s) only, the latest ones). */
  read(): ContentReportOf<'resource-timing'>;
}

/**
 * The page's resource timing, taken as each entry comes rather than read from
 * the page's buffer: `performance.clearResourceTimings()` (or a full buffer)
 * empties that buffer, but an observer is handed every entry as it is made,
 * whatever the page clears later. Started at document_start with `buffered`,
 * so it also gets any entry made before it. Without PerformanceObserver it
 * falls back to the buffer, and what the page cleared is lost as before.
 */
export function watchResourceTiming(): ResourceTimingLog {
  const seen: ResourceTimingEntry[] = [];
  const take = (entries: readonly PerformanceEntry[]) => {
    for (const e of entries) {
      if (!/^https?:\/\//.test(e.name) || e.name.length > 8_192) continue;
      seen.push({
        url: e.name,
        initiatorType: (e as PerformanceResourceTiming).initiatorType.slice(0, 40),
        startTime: Math.max(0, e.startTime),
      });
    }
    // The latest ones, as a report holds; the older ones went out with earlier reports.
    if (seen.length > MAX_SNAPSHOT_ENTRIES) seen.splice(0, seen.length - MAX_SNAPSHOT_ENTRIES);
  };
  let observing = false;
  try {
    new PerformanceObserver((list) => take(list.getEntries())).observe({ type: 'resource', buffered: true });
    observing = true;
  } catch {
    // No observer for resource entries here: the buffer is read at each report instead.
  }
  return {
    read() {
      if (!observing) {
        seen.length = 0;
        take(performance.getEntriesByType('resource'));
      }
      return { type: 'resource-timing', entries: [...seen] };
    },
  };
}
