/**
 * What the extension saw, as recorded facts. Classification and verdicts are
 * derived from these by pure code at report time, so a stored log can be
 * replayed against a newer rule set and give the newer verdicts.
 */

/**
 * Which browser mechanism produced an observation, so a reader can weigh it.
 * `extension` is the extension's own account of its work: what a limit made it drop.
 */
export type Provenance = 'cookies-api' | 'webRequest' | 'dom' | 'page-hook' | 'extension';

export type ObservationKind =
  | 'cookie'
  | 'storage'
  | 'beacon'
  | 'request'
  | 'fingerprint'
  | 'policy-text'
  | 'evidence-loss'
  | 'link-decoration';

export type SameSite = 'strict' | 'lax' | 'none' | 'unspecified';

/**
 * How a cookie came to be observed:
 * - `present`: in the cookie jar when the page was examined (cookies API);
 * - `set` / `removed`: a change reported by `cookies.onChanged`;
 * - `set-attempt`: a `Set-Cookie` response header, whether or not the
 *   browser went on to store the cookie;
 * - `script-write`: a `document.cookie` assignment a page hook saw, with the
 *   script that made it.
 */
export type CookieAction = 'present' | 'set' | 'removed' | 'set-attempt' | 'script-write';

export interface ObservationBase {
  /** Idempotency key: the same fact observed twice gets the same id. */
  id: string;
  kind: ObservationKind;
  provenance: Provenance;
  /** Epoch milliseconds when the browser reported it. */
  observedAt: number;
  tabId: number;
  /** Identifies one visit of one page in one tab. */
  visitId: string;
  /** The top-level page the tab was showing. */
  pageUrl: string;
  /** The frame it happened in, when that is not the top-level page (an iframe). */
  frameUrl?: string;
  /**
   * The script whose call made it, from the call stack a page hook saw. The
   * page could lie about it: see `provenance`.
   */
  scriptUrl?: string;
}

export interface CookieObservation extends ObservationBase {
  kind: 'cookie';
  action: CookieAction;
  /**
   * A change another open tab of the site made (its Set-Cookie header or its
   * script named it) while this page was open: seen here, not done here.
   */
  notThisPage?: 'another-tab';
  /** With `notThisPage`: the page that wrote it. */
  writtenOn?: string;
  name: string;
  /** Possibly truncated; `valueLength` keeps the real length. */
  value: string;
  valueLength: number;
  /** Domain as the browser stores it (leading dot for domain cookies). */
  domain: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSite;
  /** True when the cookie has no expiry and dies with the browser session. */
  session: boolean;
  /** Epoch seconds, when the cookie has one. */
  expires?: number;
  hostOnly: boolean;
  /** For `set-attempt`: the request whose response carried the header. */
  url?: string;
  /** For `set-attempt`: the raw header line, bounded in size. */
  rawHeader?: string;
  /** Problems met while reading the observation (malformed header, oversized value). */
  warnings?: string[];
}

/**
 * Why a key a frame's storage holds is not the page's own doing:
 * - `stored-earlier`: it held the same value before any script of the page
 *   ran (read at document start), left by an earlier page of the site;
 * - `another-tab`: another tab or window of the site wrote that value while
 *   the page was open (a trusted `storage` event said so).
 * A key the page wrote again, even with the same value, is still its own when
 * a page hook saw the write: that claim is evidence of its own.
 */
export type NotThisPage = 'stored-earlier' | 'another-tab';

export type StorageArea = 'localStorage' | 'sessionStorage' | 'indexedDB' | 'cacheStorage';

/** A key written to (or read from a snapshot of) the browser storage of a monitored frame. */
export interface StorageObservation extends ObservationBase {
  kind: 'storage';
  area: StorageArea;
  action: 'present' | 'set' | 'removed' | 'cleared';
  /** Origin of the frame whose storage it is. */
  origin: string;
  /** The key; for IndexedDB, `database/objectStore/key`. */
  key: string;
  /** Possibly truncated; `valueLength` keeps the real length. */
  value: string;
  valueLength: number;
  /** A key the page read did not write: it was there before, or another tab wrote it. */
  notThisPage?: NotThisPage;
  /** For `another-tab`: the writing document's URL, from the browser's storage event. */
  writtenOn?: string;
  warnings?: string[];
}

/**
 * How a request was recognised as a web beacon: `ping` (sendBeacon or
 * hyperlink auditing, as the browser files them), `send-beacon` and
 * `keepalive` (a page hook saw the call), `detached-image` (a script loaded
 * an image it never showed: `new Image().src = ...`), `tiny-image` (a 1×1 or
 * tiny image response), `hidden-element` (a hidden or 1×1 image or iframe in the page),
 * `noscript-pixel` (an image the page loads only when scripts are off),
 * `analytics-endpoint` (a known analytics collection URL).
 */
export type BeaconSignal =
  | 'ping'
  | 'send-beacon'
  | 'keepalive'
  | 'detached-image'
  | 'tiny-image'
  | 'hidden-element'
  | 'noscript-pixel'
  | 'analytics-endpoint';

/** An outgoing request of a monitored page; `beacon` when it was recognised as one. */
export interface NetworkObservation extends ObservationBase {
  kind: 'request' | 'beacon';
  url: string;
  method: string;
  /** The browser's resource type: main_frame, script, image, xmlhttprequest, ping, ... */
  resourceType: string;
  initiator?: string;
  statusCode?: number;
  contentType?: string;
  /** Request body as text (form fields joined as a query string), bounded in size. */
  requestBody?: string;
  requestBodyLength?: number;
  /** Set for beacons: what gave it away. */
  beaconSignals?: BeaconSignal[];
  /**
   * The canonical name of a first-party-looking host, when it differs from the
   * host (an alias, CNAME): Firefox's dns.resolve gives it; Chrome has no such API.
   */
  canonicalName?: string;
  /**
   * Who gave `canonicalName`: absent for the browser's resolver (Firefox's
   * dns.resolve); `audit-resolver` when a command-line audit asked DNS itself
   * after the visits, with `cnameChain` the names it followed.
   */
  canonicalNameBy?: 'audit-resolver';
  /** From the host to its canonical name, every alias on the way, when the audit's resolver followed them. */
  cnameChain?: string[];
  /**
   * What the browser's own tracker lists say of the request (Firefox's
   * urlClassification flags: tracking, tracking_ad, fingerprinting…). The
   * browser's evidence, shown beside the extension's classification; it
   * changes no verdict, so both browsers judge a page alike.
   */
  browserTrackingFlags?: string[];
  warnings?: string[];
}

export type FingerprintTechnique = 'canvas' | 'audio' | 'webgl' | 'fonts';

/** A script reading properties of the browser or device that tell it apart from others. */
export interface FingerprintObservation extends ObservationBase {
  kind: 'fingerprint';
  technique: FingerprintTechnique;
  /** What the script did, in words ("read back a canvas after drawing text"). */
  detail: string;
}

/** The text of a page that publishes the privacy policy, for comparison with the modelled version. */
export interface PolicyTextObservation extends ObservationBase {
  kind: 'policy-text';
  url: string;
  /** The page's visible text, bounded in size. */
  text: string;
}

/**
 * Why evidence was dropped or cut rather than stored one fact at a time:
 * - `claim-rate`: page-hook claims over a frame's rate limit;
 * - `claim-malformed`: page-hook messages refused as malformed;
 * - `storage-key-cap`: a storage reading stopped at its key limit;
 * - `flood`: a tab or the whole browser went over the worker's budget, and
 *   what followed was kept as counts per key;
 * - `journal-unavailable`: observations could not be journaled, so a worker
 *   stopped before storing them would have lost them;
 * - `pixel-cap`: the markup watcher had found its fill of hidden pixels in a
 *   frame, and left the images, frames and noscripts after them uninspected;
 * - `link-cap`: a page had more links leaving the site than a reading takes;
 * - `jar-unreadable`: the browser refused a reading of the page's cookie jar,
 *   the reading that catches a cookie whose change event the worker missed.
 *
 * Frames the page makes are hooked before it can use them, and resource
 * timing is observed as it comes, so neither has a cause of its own.
 */
export const LOSS_CAUSES = [
  'claim-rate',
  'claim-malformed',
  'storage-key-cap',
  'flood',
  'journal-unavailable',
  'pixel-cap',
  'link-cap',
  'jar-unreadable',
] as const;

export type LossCause = (typeof LOSS_CAUSES)[number];

/**
 * What a limit dropped or cut, recorded with the evidence it belongs to so a
 * recorded session chains it, a bundle carries it and the report says the
 * evidence is incomplete. Each record is one occurrence; the report sums them.
 */
export interface EvidenceLossObservation extends ObservationBase {
  kind: 'evidence-loss';
  provenance: 'extension';
  cause: LossCause;
  /** How many facts (claims, keys, observations) were not stored one by one. */
  count: number;
  /** For a flood kept as counts: how many of each key, the largest first (bounded). */
  perKey?: { key: string; count: number }[];
  /** More about it, in plain words (which limit, which area). */
  detail?: string;
}

/** One catalogued parameter on a URL leaving the page, its value masked like personal data. */
export interface DecorationParam {
  name: string;
  vendor: string;
  purpose: 'advertising' | 'statistics';
  carries: 'click-id' | 'user-id' | 'email-id';
  /** Masked (as an account id is in a report): the middle replaced, never the whole id. */
  value: string;
  valueLength: number;
  /** The host of the URL that carried it. */
  host: string;
}

/** A host a navigation passed through on its way, that the host catalogue names as a tracker. */
export interface BounceHop {
  host: string;
  vendor: string;
  purpose: 'advertising' | 'statistics';
}

/**
 * A URL leaving the page with click or person ids added to it (link
 * decoration), or a navigation bounced through a tracker on its way to
 * another site (bounce tracking): `link`, a link in the page's markup that
 * points off the site (provenance `dom`, read by the extension); `navigation`,
 * the page left for another URL, with every redirect on the way (provenance
 * `webRequest`). Shown with its purpose; judged by no rule, as the policy
 * names neither.
 */
export interface LinkDecorationObservation extends ObservationBase {
  kind: 'link-decoration';
  provenance: 'dom' | 'webRequest';
  via: 'link' | 'navigation';
  /** The link, or the navigation's first URL; catalogued parameters' values masked. */
  url: string;
  /** The catalogued parameters on it (on any URL of the chain, for a navigation). */
  params: DecorationParam[];
  /** A navigation's URLs, first to last, masked alike (bounded). */
  chain?: string[];
  /** Trackers the navigation bounced through, between the page and where it ended. */
  bouncedThrough?: BounceHop[];
}

/** A fact about what the page did: what rules judge. */
export type EvidenceObservation =
  | CookieObservation
  | StorageObservation
  | NetworkObservation
  | FingerprintObservation
  | PolicyTextObservation;

export type EvidenceKind = EvidenceObservation['kind'];

/** What the extension stores: the facts, its account of what it could not keep, and links leaving the page. */
export type Observation = EvidenceObservation | EvidenceLossObservation | LinkDecorationObservation;

/**
 * One page in one tab: a document load, or a route a single-page app moved to
 * without loading (`history.pushState`, a hash route), so what each route does
 * is filed under it.
 */
export interface PageVisit {
  visitId: string;
  tabId: number;
  url: string;
  startedAt: number;
  /** Absent for a document load (every visit recorded before routes were told apart is one). */
  startedBy?: 'route-change';
}

/** What the extension recorded: the input from which every report is rebuilt. */
export interface RecordedLog {
  pages: PageVisit[];
  observations: Observation[];
}
