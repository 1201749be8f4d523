import type { EvidenceObservation as Observation } from '../observations/observation';

/**
 * What the browser itself confirms of what the page could have made up.
 *
 * A page hook runs in the page's own world, so what it reports is a claim the
 * page could have forged; so is what the page's markup and resource timing
 * show (a <noscript> pixel is in the markup but never fetched). Such an
 * observation is corroborated when one from the browser's side (the cookies
 * API, webRequest, or the content script's own reading of storage) shows the
 * same fact in the same tab: the same cookie name and value, the same storage
 * key and value, the same request URL. Fingerprinting calls and removals leave
 * nothing the browser could confirm, so they stay claims.
 */
export interface Corroboration {
  /** Id of an observation the page could have forged → the id of the browser-side observation that confirms it. */
  confirmedBy: ReadonlyMap<string, string>;
  /**
   * Browser-side observation id → the script a confirmed page-hook claim named
   * as its cause. Still the page's word: shown as claimed, never used to classify.
   */
  scriptOf: ReadonlyMap<string, string>;
}

/** Most evaluations hold no claim at all; they share this answer and allocate nothing. */
const NO_CLAIMS: Corroboration = { confirmedBy: new Map(), scriptOf: new Map() };

export function corroborate(observations: readonly Observation[]): Corroboration {
  const claims = observations.filter((o) => !isBrowserSide(o));
  if (claims.length === 0) return NO_CLAIMS;
  const confirmedBy = new Map<string, string>();
  const scriptOf = new Map<string, string>();

  const browserSide = new Map<string, string>();
  for (const o of observations) {
    if (!isBrowserSide(o)) continue;
    const key = factKey(o);
    if (key !== null && !browserSide.has(key)) browserSide.set(key, o.id);
  }
  for (const claim of claims) {
    const key = factKey(claim);
    const confirming = key === null ? undefined : browserSide.get(key);
    if (confirming === undefined) continue;
    confirmedBy.set(claim.id, confirming);
    if (claim.provenance === 'page-hook' && claim.scriptUrl && !scriptOf.has(confirming))
      scriptOf.set(confirming, claim.scriptUrl);
  }
  return { confirmedBy, scriptOf };
}

/**
 * Whether the report may call an observation verified: the browser saw it
 * itself, or saw the same fact the page claimed. The one rule the report's
 * observations and its violations both follow.
 */
export function isVerified(o: Observation, corroboration: Corroboration): boolean {
  return isBrowserSide(o) || corroboration.confirmedBy.has(o.id);
}

/**
 * What the browser itself saw happen: the cookies API, the network, and the
 * extension's own reading of storage. A pixel found in the markup is not
 * proof that it was fetched (a <noscript> image never is), and the page's
 * resource timing is the page's to rewrite, so DOM beacons confirm nothing.
 */
export function isBrowserSide(o: Observation): boolean {
  if (o.provenance === 'cookies-api' || o.provenance === 'webRequest') return true;
  return o.provenance === 'dom' && o.kind === 'storage';
}

/** The fact an observation states, in a form both sides share; null when the browser cannot confirm it. */
function factKey(o: Observation): string | null {
  switch (o.kind) {
    case 'cookie':
      if (o.action === 'removed') return null;
      return JSON.stringify([o.visitId, 'cookie', o.name, o.value]);
    case 'storage':
      if (o.action === 'removed' || o.action === 'cleared') return null;
      return JSON.stringify([o.visitId, 'storage', o.area, o.origin, o.key, o.value]);
    case 'request':
    case 'beacon':
      // A fragment never goes over the network: the markup may show it, the request never has it.
      return JSON.stringify([o.visitId, 'request', withoutFragment(o.url)]);
    case 'fingerprint':
    case 'policy-text':
      return null;
  }
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}
