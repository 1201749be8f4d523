import { withClaimedWriter } from '../classify/claimed-writer';
import { quote, unclassified } from '../classify/classification';
import { type CookieClassification, classifyCookie } from '../classify/classify-cookie';
import { classifyHost } from '../classify/classify-host';
import { classifyRequest } from '../classify/classify-request';
import { classifyStorageKey } from '../classify/classify-storage-key';
import type { FilterListMatcher } from '../classify/filter-lists';
import { type Party, partyOf } from '../classify/party';
import type { RecipientCategory } from '../classify/purpose';
import { hostOfUrl } from '../classify/url-parts';
import type {
  CookieObservation,
  EvidenceObservation,
  FingerprintObservation,
  NetworkObservation,
  PolicyTextObservation,
  StorageObservation,
} from '../observations/observation';

/** What is known about an observation: who is behind it, why it exists, and how we know. */
export type Classification = CookieClassification;

interface Classified<O extends EvidenceObservation> {
  observation: O;
  classification: Classification;
  party: Party;
  /** Set when the host belongs to a recipient kind a policy may allow (payment, push, ...). */
  recipient?: RecipientCategory;
}

export type ClassifiedCookie = Classified<CookieObservation>;
export type ClassifiedStorage = Classified<StorageObservation>;
export type ClassifiedNetwork = Classified<NetworkObservation> & {
  /** The request's host, as the classifier parsed it. */
  host: string;
};
export type ClassifiedPolicyText = Classified<PolicyTextObservation>;
export type ClassifiedFingerprint = Classified<FingerprintObservation>;
export type ClassifiedObservation =
  | ClassifiedCookie
  | ClassifiedStorage
  | ClassifiedNetwork
  | ClassifiedFingerprint
  | ClassifiedPolicyText;

const NOT_CLASSIFIED: Classification = unclassified(
  'Policy pages are compared with the model, not classified.',
);

/**
 * @param claimedWriter the script a page hook named as the writer of a cookie
 *   or storage key (on the observation itself or on a claim confirming it):
 *   shown in the reason as the page's claim, never used to classify
 */
export function classifyObservation(
  observation: EvidenceObservation,
  options: { filterLists?: FilterListMatcher } = {},
  claimedWriter: string | undefined = observation.scriptUrl,
): ClassifiedObservation {
  switch (observation.kind) {
    case 'cookie': {
      const classified = classifyCookieObservation(observation);
      classified.classification = withClaimedWriter(
        classified.classification,
        'Cookie',
        observation.name,
        claimedWriter,
      );
      return classified;
    }
    case 'storage':
      return {
        observation,
        classification: withClaimedWriter(
          classifyStorageKey({ key: observation.key, origin: observation.origin, area: observation.area }),
          'Storage key',
          observation.key,
          claimedWriter,
        ),
        party: partyOf(hostOfUrl(observation.origin), observation.pageUrl),
      };
    case 'request':
    case 'beacon': {
      const classification = classifyRequest(
        {
          url: observation.url,
          pageUrl: observation.pageUrl,
          type: observation.resourceType,
          ...(observation.canonicalName !== undefined && { canonicalName: observation.canonicalName }),
          ...(observation.canonicalNameBy && { canonicalNameBy: observation.canonicalNameBy }),
          ...(observation.cnameChain && { cnameChain: observation.cnameChain }),
          ...(observation.browserTrackingFlags && { browserTrackingFlags: observation.browserTrackingFlags }),
        },
        options.filterLists ? { filterLists: options.filterLists } : {},
      );
      const classified: ClassifiedNetwork = {
        observation,
        classification,
        party: classification.party,
        host: classification.host,
      };
      if (classification.recipient) classified.recipient = classification.recipient;
      return classified;
    }
    case 'fingerprint':
      return classifyFingerprint(observation);
    case 'policy-text':
      return { observation, classification: NOT_CLASSIFIED, party: 'first-party' };
  }
}

/**
 * Reading a canvas back after drawing text, or the audio stack, the WebGL
 * renderer or the installed fonts, serves only to tell browsers apart: the
 * technique is the purpose. The vendor is whoever serves the calling script.
 */
function classifyFingerprint(observation: FingerprintObservation): ClassifiedFingerprint {
  const scriptHost = observation.scriptUrl ? hostOfUrl(observation.scriptUrl) : '';
  const entry = scriptHost ? classifyHost(scriptHost) : undefined;
  const by = observation.scriptUrl ? `The script ${quote(observation.scriptUrl)}` : 'An inline script';
  return {
    observation,
    classification: {
      vendor: entry?.vendor ?? null,
      purpose: 'fingerprinting',
      crossSite: false,
      matchedBy: entry ? 'host' : 'none',
      reason:
        `${by} ${observation.detail}: a browser-fingerprinting technique, whatever else the script does.` +
        (entry ? ` Its host belongs to ${entry.vendor} (${entry.domain}).` : ''),
      ...(entry && { source: entry.source }),
    },
    party: scriptHost ? partyOf(scriptHost, observation.pageUrl) : 'first-party',
  };
}

export function classifyCookieObservation(observation: CookieObservation): ClassifiedCookie {
  const classified: ClassifiedCookie = {
    observation,
    classification: classifyCookie({
      name: observation.name,
      domain: observation.domain,
      value: observation.value,
      ...(observation.expires !== undefined && { expires: observation.expires }),
      observedAt: observation.observedAt,
    }),
    party: partyOf(observation.domain, observation.pageUrl),
  };
  const recipient = classifyHost(observation.domain.replace(/^\./, ''))?.recipient;
  if (recipient) classified.recipient = recipient;
  return classified;
}
