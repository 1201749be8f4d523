import { stableId } from '../util/stable-id';
import { boundText, MAX_VALUE_CHARS } from './bounded-text';
import type { PageContext } from './cookie-from-jar';
import { cookiesFromSetCookie } from './cookies-from-set-cookie';
import type {
  BeaconSignal,
  CookieObservation,
  FingerprintObservation,
  NetworkObservation,
  Observation,
  StorageObservation,
} from './observation';
import type { ClaimOf, NumberedClaim, PageClaim } from './reported-facts';

/** Where a batch of claims came from, as the browser (not the page) says. */
export interface ClaimSource {
  page: PageContext;
  /** The URL of the frame whose hooks made the claims. */
  frameUrl: string;
  /** The frame load's random id, from the content script. */
  frame: string;
  observedAt: number;
}

/**
 * Page-hook claims as observations with provenance `page-hook`: the same
 * shapes as what the browser reports, so every rule judges them alike, while
 * the report keeps them apart as claims until the browser confirms them.
 */
export function observationsFromClaims(claims: readonly NumberedClaim[], source: ClaimSource): Observation[] {
  return claims.map(({ seq, claim }) =>
    observationFromClaim(
      claim,
      { ...source, frameUrl: claimFrameUrl(claim.frame, source.frameUrl) },
      stableId('p', [source.page.visitId, source.frame, seq]),
    ),
  );
}

/**
 * The frame a claim was made in. A window the page made and the hooks reached
 * from the hooked frame names itself (`claim.frame`); as with the content
 * scripts' own reports, an about:blank or srcdoc frame stands for the origin it
 * inherits, and a web URL counts only when it is of the hooked frame's origin
 * (a same-origin window is the only kind the hooks can reach), so the page
 * cannot file a claim under another site.
 */
export function claimFrameUrl(frame: string | undefined, hookedFrameUrl: string): string {
  if (frame === undefined) return hookedFrameUrl;
  const origin = originOf(hookedFrameUrl);
  if (/^about:(?:blank|srcdoc)$/i.test(frame)) return `${origin}/`;
  return originOf(frame) === origin ? frame : hookedFrameUrl;
}

function observationFromClaim(claim: PageClaim, source: ClaimSource, id: string): Observation {
  const base = {
    id,
    provenance: 'page-hook' as const,
    observedAt: source.observedAt,
    tabId: source.page.tabId,
    visitId: source.page.visitId,
    pageUrl: source.page.url,
    ...(source.frameUrl !== source.page.url && { frameUrl: source.frameUrl }),
    ...(claim.script !== undefined && { scriptUrl: claim.script }),
  };
  switch (claim.type) {
    case 'cookie-write':
      return cookieWrite(claim, source, base);
    case 'storage-write': {
      const observation: StorageObservation = {
        ...base,
        kind: 'storage',
        area: claim.area,
        action: claim.op === 'set' ? 'set' : claim.op === 'remove' ? 'removed' : 'cleared',
        origin: originOf(source.frameUrl),
        key: claim.key,
        value: claim.value,
        valueLength: Math.max(claim.valueLength, claim.value.length),
      };
      return observation;
    }
    case 'indexeddb-write': {
      const observation: StorageObservation = {
        ...base,
        kind: 'storage',
        area: 'indexedDB',
        action: claim.op === 'open' ? 'present' : 'set',
        origin: originOf(source.frameUrl),
        key: claim.op === 'open' ? claim.database : `${claim.database}/${claim.store}/${claim.key}`,
        value: claim.value,
        valueLength: Math.max(claim.valueLength, claim.value.length),
      };
      return observation;
    }
    case 'network-call':
      return networkCall(claim, base);
    case 'fingerprint': {
      const observation: FingerprintObservation = {
        ...base,
        kind: 'fingerprint',
        technique: claim.technique,
        detail: claim.detail,
      };
      return observation;
    }
  }
}

type Base = Omit<
  CookieObservation,
  | 'kind'
  | 'action'
  | 'name'
  | 'value'
  | 'valueLength'
  | 'domain'
  | 'path'
  | 'secure'
  | 'httpOnly'
  | 'sameSite'
  | 'session'
  | 'hostOnly'
>;

/** A `document.cookie` assignment reads like a Set-Cookie header from the frame's own URL. */
function cookieWrite(claim: ClaimOf<'cookie-write'>, source: ClaimSource, base: Base): CookieObservation {
  const [parsed] = cookiesFromSetCookie(
    { requestId: base.id, url: source.frameUrl, setCookieHeaders: [claim.cookie] },
    source.page,
    source.observedAt,
  );
  const observation: CookieObservation = {
    ...(parsed as CookieObservation),
    ...base,
    kind: 'cookie',
    action: 'script-write',
    url: source.frameUrl,
    rawHeader: boundText(claim.cookie, MAX_VALUE_CHARS * 2).text,
  };
  if (parsed === undefined) {
    // An empty assignment ("document.cookie = ''") still happened.
    Object.assign(observation, emptyCookie(source.frameUrl));
  }
  return observation;
}

function emptyCookie(frameUrl: string) {
  return {
    name: '',
    value: '',
    valueLength: 0,
    domain: hostOf(frameUrl),
    path: '/',
    secure: false,
    httpOnly: false,
    sameSite: 'unspecified' as const,
    session: true,
    hostOnly: true,
    warnings: ['Empty document.cookie assignment.'],
  };
}

function networkCall(claim: ClaimOf<'network-call'>, base: Base): NetworkObservation {
  const signals: BeaconSignal[] = [];
  if (claim.api === 'sendBeacon') signals.push('send-beacon');
  else if (claim.keepalive) signals.push('keepalive');
  if (claim.api === 'image' && claim.detached) signals.push('detached-image');
  const observation: NetworkObservation = {
    ...base,
    kind: signals.length > 0 ? 'beacon' : 'request',
    url: claim.url,
    method: claim.method.toUpperCase(),
    resourceType: claim.api === 'sendBeacon' ? 'ping' : claim.api === 'image' ? 'image' : 'xmlhttprequest',
  };
  if (claim.body !== undefined) {
    observation.requestBody = claim.body;
    observation.requestBodyLength = Math.max(claim.bodyLength ?? 0, claim.body.length);
  }
  if (signals.length > 0) observation.beaconSignals = signals;
  return observation;
}

function originOf(url: string): string {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? url : origin;
  } catch {
    return url;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
