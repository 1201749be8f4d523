import { stableId } from '../util/stable-id';
import type { PageContext } from './cookie-from-jar';
import { beaconSignals } from './network-observation';
import type { BeaconSignal, NetworkObservation } from './observation';
import type { ResourceTimingEntry } from './reported-facts';

/** Resource timing names the page's initiators differently from webRequest's resource types. */
const RESOURCE_TYPES: Record<string, string> = {
  img: 'image',
  image: 'image',
  script: 'script',
  link: 'stylesheet',
  css: 'stylesheet',
  iframe: 'sub_frame',
  beacon: 'ping',
  fetch: 'xmlhttprequest',
  xmlhttprequest: 'xmlhttprequest',
};

/**
 * A request as the page's own resource timing lists it: the URL and what
 * started it, no headers, status or body. Used only when the browser hides the
 * request from the extension (no all-sites access), so the view is limited
 * but third-party beacons are still seen.
 */
export function networkObservationFromTiming(
  entry: ResourceTimingEntry,
  page: PageContext & { startedAt: number },
): NetworkObservation {
  const resourceType = RESOURCE_TYPES[entry.initiatorType] ?? 'other';
  const signals: BeaconSignal[] = entry.initiatorType === 'beacon' ? ['send-beacon'] : [];
  const endpoint = beaconSignals(
    { requestId: '', url: entry.url, method: 'GET', type: resourceType, timeStamp: 0 },
    page.url,
  ).filter((s) => s === 'analytics-endpoint');
  signals.push(...endpoint);
  const observation: NetworkObservation = {
    id: stableId('rt', [page.visitId, entry.url, Math.round(entry.startTime)]),
    kind: signals.length > 0 ? 'beacon' : 'request',
    provenance: 'dom',
    observedAt: Math.round(page.startedAt + entry.startTime),
    tabId: page.tabId,
    visitId: page.visitId,
    pageUrl: page.url,
    url: entry.url,
    // sendBeacon always posts; for the rest resource timing does not say.
    method: entry.initiatorType === 'beacon' ? 'POST' : 'unknown',
    resourceType,
    warnings: [
      'Seen in the page’s resource timing only: no headers, status or body (grant access to all sites).',
    ],
  };
  if (signals.length > 0) observation.beaconSignals = signals;
  return observation;
}
