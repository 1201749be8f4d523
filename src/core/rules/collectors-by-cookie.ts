import { quote } from '../classify/classification';
import { GENERIC_CONVENTION_VENDOR } from '../classify/cookie-catalog';
import { cookiesCarriedByRequests } from '../classify/identifier-heuristics';
import { registrableDomain } from '../classify/party';
import type { Purpose } from '../classify/purpose';
import type { ClassifiedCookie, ClassifiedNetwork, ClassifiedObservation } from './classified-observation';

/** Purposes whose cookies only an analytics or ad SDK writes: a login cookie sent to the site's API says nothing. */
const SDK_PURPOSES: ReadonlySet<Purpose> = new Set(['statistics', 'advertising', 'session-replay']);

/**
 * A request to the page's own site that no catalogue knows, but that carries
 * the identifier an analytics SDK keeps in its own cookie (Sensors Data's
 * distinct id in sensorsdata2015jssdkcross, 51.la's visitor id), is that SDK's
 * collector under a path of the site's choosing. It stays first-party, as the
 * data goes to the site's own server, and takes the SDK's vendor and purpose;
 * the reason names the cookie. Returns the observations with those requests
 * reclassified, the others as they were.
 */
export function recognizeCollectorsByCookie(
  classified: readonly ClassifiedObservation[],
): ClassifiedObservation[] {
  const unknownFirstParty: ClassifiedNetwork[] = [];
  const sdkCookies = new Map<string, ClassifiedCookie>();
  for (const c of classified) {
    const kind = c.observation.kind;
    if ((kind === 'request' || kind === 'beacon') && c.party === 'first-party') {
      if (c.classification.matchedBy === 'none') unknownFirstParty.push(c as ClassifiedNetwork);
    } else if (kind === 'cookie' && isSdkCookie(c as ClassifiedCookie)) {
      sdkCookies.set(c.observation.id, c as ClassifiedCookie);
    }
  }
  if (unknownFirstParty.length === 0 || sdkCookies.size === 0) return [...classified];
  const carried = cookiesCarriedByRequests(
    [...sdkCookies.values()].map((c) => ({ id: c.observation.id, value: c.observation.value })),
    unknownFirstParty.map((n) => ({
      id: n.observation.id,
      url: n.observation.url,
      ...(n.observation.requestBody !== undefined && { body: n.observation.requestBody }),
    })),
    1,
  );
  if (carried.size === 0) return [...classified];
  return classified.map((c) => {
    const cookieId = carried.get(c.observation.id)?.[0];
    const cookie = cookieId === undefined ? undefined : sdkCookies.get(cookieId);
    return cookie ? asCollector(c as ClassifiedNetwork, cookie) : c;
  });
}

function isSdkCookie({ observation, classification, party }: ClassifiedCookie): boolean {
  return (
    party === 'first-party' &&
    observation.action !== 'removed' &&
    classification.matchedBy === 'name' &&
    classification.vendor !== null &&
    classification.vendor !== GENERIC_CONVENTION_VENDOR &&
    SDK_PURPOSES.has(classification.purpose)
  );
}

function asCollector(request: ClassifiedNetwork, cookie: ClassifiedCookie): ClassifiedNetwork {
  const vendor = cookie.classification.vendor ?? '';
  const purpose = cookie.classification.purpose;
  const site = registrableDomain(request.observation.pageUrl) ?? request.host;
  return {
    ...request,
    classification: {
      vendor,
      purpose,
      crossSite: false,
      matchedBy: 'cookie-signature',
      reason:
        `${vendor} collector on ${quote(request.host)}, a host of the page's own site ${site}: ` +
        `request ${quote(request.observation.url)} carries the value of ${quote(cookie.observation.name)}, ` +
        `the ${vendor} SDK's own cookie. It sends its data to the site's own server, for the SDK's ` +
        `purpose, ${purpose}.`,
      ...(cookie.classification.source !== undefined && { source: cookie.classification.source }),
    },
  };
}
