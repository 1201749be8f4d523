import { stableId } from '../util/stable-id';
import type { PageContext } from './cookie-from-jar';
import type { NetworkObservation } from './observation';
import type { DomPixel } from './reported-facts';

/**
 * A beacon element found in a frame's DOM by the extension's own content
 * script. The same element found again on the same visit is the same fact.
 */
export function observationFromDomPixel(
  pixel: DomPixel,
  page: PageContext,
  frameUrl: string,
  observedAt: number,
): NetworkObservation {
  const observation: NetworkObservation = {
    id: stableId('d', [page.visitId, frameUrl, pixel.element, pixel.url]),
    kind: 'beacon',
    provenance: 'dom',
    observedAt,
    tabId: page.tabId,
    visitId: page.visitId,
    pageUrl: page.url,
    url: pixel.url,
    method: 'GET',
    resourceType: pixel.element === 'iframe' ? 'sub_frame' : 'image',
    beaconSignals: [pixel.element === 'noscript-img' ? 'noscript-pixel' : 'hidden-element'],
    warnings: [`Found in the page as ${whereFound(pixel)}.`],
  };
  if (frameUrl !== page.url) observation.frameUrl = frameUrl;
  return observation;
}

function whereFound({ element, reason }: DomPixel): string {
  if (element === 'noscript-img') return `an image inside <noscript>, ${reason}`;
  return `${element === 'img' ? 'an image' : 'an iframe'} (${reason})`;
}
