import type { FingerprintTechnique } from './observation';

/**
 * What the extension's own scripts in a page report, before it becomes an
 * `Observation`: the content script's readings (resource timing, beacon
 * elements) and the page hooks' claims. src/protocol validates each at the
 * trust boundary it crosses and yields exactly these types.
 */

/** A request the page itself lists in its resource timing, for when the browser hides it from the extension. */
export interface ResourceTimingEntry {
  url: string;
  /** What the page used: img, script, beacon, fetch, xmlhttprequest, ... */
  initiatorType: string;
  /** Milliseconds since the page started loading. */
  startTime: number;
}

/** An element of the page that works as a web beacon, as the content script found it in the DOM. */
export interface DomPixel {
  element: 'img' | 'iframe' | 'noscript-img';
  url: string;
  /** Why it counts: "1×1 image", "hidden", "zero-size", "loaded only when scripts are off". */
  reason: string;
}

/**
 * What a page hook saw a script do; every field is the page's word. `script` is the caller's URL.
 * `frame` says where the call was made when it was not the hooked frame itself but a window the
 * page made and the hooks reached from it (an about:blank or srcdoc frame, a `document.open`ed
 * one, a `window.open('')`): that window's URL, `about:blank`, `about:srcdoc` or a web URL.
 */
export type PageClaim =
  | {
      type: 'cookie-write';
      script?: string;
      frame?: string;
      /** The string assigned to document.cookie. */
      cookie: string;
    }
  | {
      type: 'storage-write';
      script?: string;
      frame?: string;
      area: 'localStorage' | 'sessionStorage';
      op: 'set' | 'remove' | 'clear';
      key: string;
      value: string;
      valueLength: number;
    }
  | {
      type: 'network-call';
      script?: string;
      frame?: string;
      api: 'sendBeacon' | 'fetch' | 'xhr' | 'image';
      url: string;
      method: string;
      keepalive: boolean;
      /** Set for an image the script made but never put in the page (`new Image()`). */
      detached?: boolean;
      body?: string;
      bodyLength?: number;
    }
  | {
      type: 'indexeddb-write';
      script?: string;
      frame?: string;
      op: 'open' | 'put' | 'add';
      database: string;
      store: string;
      key: string;
      value: string;
      valueLength: number;
    }
  | {
      type: 'fingerprint';
      script?: string;
      frame?: string;
      technique: FingerprintTechnique;
      detail: string;
    };

export type ClaimOf<T extends PageClaim['type']> = Extract<PageClaim, { type: T }>;

/** A numbered claim, as the content script forwards it: the number makes a resent claim count once. */
export interface NumberedClaim {
  seq: number;
  claim: PageClaim;
}
