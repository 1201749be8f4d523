import type { Observation } from '../observations/observation';

/**
 * What the browser itself confirms of the page hooks' claims.
 *
 * A page hook runs in the page's own world, so what it reports is a claim the
 * page could have forged. A claim is corroborated when an observation from
 * the browser's side (the cookies API, webRequest, or the content script's
 * own reading of storage) shows the same fact in the same tab: the same
 * cookie name and value, the same storage key and value, the same request
 * URL. Fingerprinting calls and removals leave nothing the browser could
 * confirm, so they stay claims.
 */
export interface Corroboration {
  /** Page-hook observation id → the id of the browser-side observation that confirms it. */
  confirmedBy: ReadonlyMap<string, string>;
  /** Browser-side observation id → the script a confirmed claim named as its cause. */
  scriptOf: ReadonlyMap<string, string>;
}

/** Most evaluations hold no claim at all; they share this answer and allocate nothing. */
const NO_CLAIMS: Corroboration = { confirmedBy: new Map(), scriptOf: new Map() };

export function corroborate(observations: readonly Observation[]): Corroboration {
  if (!observations.some((o) => o.provenance === 'page-hook')) return NO_CLAIMS;
  const confirmedBy = new Map<string, string>();
  const scriptOf = new Map<string, string>();
  const claims = observations.filter((o) => o.provenance === 'page-hook');

  const browserSide = new Map<string, string>();
  for (const o of observations) {
    if (!canConfirm(o)) continue;
    const key = factKey(o);
    if (key !== null && !browserSide.has(key)) browserSide.set(key, o.id);
  }
  for (const claim of claims) {
    const key = factKey(claim);
    const confirming = key === null ? undefined : browserSide.get(key);
    if (confirming === undefined) continue;
    confirmedBy.set(claim.id, confirming);
    if (claim.scriptUrl && !scriptOf.has(confirming)) scriptOf.set(confirming, claim.scriptUrl);
  }
  return { confirmedBy, scriptOf };
}

/**
 * What the browser itself saw happen: the cookies API, the network, and the
 * extension's own reading of storage. A pixel found in the markup is not
 * proof that it was fetched (a <noscript> image never is), so DOM beacons
 * confirm nothing.
 */
function canConfirm(o: Observation): boolean {
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
      return JSON.stringify([o.visitId, 'request', o.url]);
    case 'fingerprint':
    case 'policy-text':
      return null;
  }
}
