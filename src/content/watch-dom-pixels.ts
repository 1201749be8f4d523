import type { DomPixel } from '../core/observations/reported-facts';
import { type ContentReportOf, MAX_PIXELS_PER_FRAME } from '../protocol/content-reports';

/** A <noscript> holds a pixel or two; beyond this it is not markup anyone loads. */
const MAX_NOSCRIPT_CHARS = 64 * 1024;
const NOSCRIPT_IMAGE = /<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi;

/**
 * Web beacons hidden in the markup: images and iframes that are 1×1, zero-size
 * or hidden, and images inside <noscript> (loaded only when scripts are off).
 * The markup is read once parsed, and a MutationObserver catches elements added
 * later; the checks run off the critical path, half a second later.
 */
export function watchDomPixels(send: (report: ContentReportOf<'dom-pixels'>) => void): void {
  const seen = new Set<string>();
  const inspected = new WeakSet<Element>();
  /** Each element with the URL the page had when it appeared: a single-page app may change route meanwhile. */
  let queued: { element: Element; route: string }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Pixels and elements beyond the watcher's fill for this frame: counted, sent with the next report. */
  let notInspected = 0;

  const isNew = (pixel: DomPixel) => {
    const key = `${pixel.element} ${pixel.url}`;
    if (seen.has(key)) return false;
    if (seen.size >= MAX_PIXELS_PER_FRAME) {
      // Found, but beyond what one frame reports: counted with the elements left uninspected.
      notInspected++;
      return false;
    }
    seen.add(key);
    return true;
  };
  const inspectAll = () => {
    timer = undefined;
    const elements = queued;
    queued = [];
    // One report per route the pixels appeared on, so each is filed under its own.
    const byRoute = new Map<string, DomPixel[]>();
    for (const { element, route } of elements) {
      inspect(element, (pixel) => {
        if (isNew(pixel)) byRoute.set(route, [...(byRoute.get(route) ?? []), pixel]);
      });
    }
    // An about:blank or srcdoc frame has no route of its own (see relay-page-claims.ts).
    for (const [route, pixels] of byRoute)
      send({ type: 'dom-pixels', ...(/^https?:\/\//i.test(route) && { route }), pixels, ...left() });
    if (notInspected > 0) send({ type: 'dom-pixels', pixels: [], ...left() });
  };
  const left = () => {
    const count = notInspected;
    notInspected = 0;
    return count > 0 ? { notInspected: count } : {};
  };
  const enqueue = (element: Element) => {
    if (inspected.has(element)) return;
    if (seen.size >= MAX_PIXELS_PER_FRAME) {
      inspected.add(element);
      notInspected++;
      if (timer === undefined) timer = setTimeout(inspectAll, 500);
      return;
    }
    inspected.add(element);
    queued.push({ element, route: location.href });
    // Images report their size only once loaded; a short delay lets most finish.
    if (timer === undefined) timer = setTimeout(inspectAll, 500);
  };
  const enqueueTree = (root: ParentNode) => {
    for (const element of root.querySelectorAll('img, iframe, noscript')) enqueue(element);
  };

  const added = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches('img, iframe, noscript')) enqueue(node);
        if (node.firstElementChild) enqueueTree(node);
      }
    }
  });
  // Watched from when the markup is parsed, which is read in one go: following the parser node by
  // node cost the page's main thread more than anything else this script does. What a script adds
  // and removes again before then is not seen here; the requests it made still are, by the worker.
  const watch = () => {
    enqueueTree(document);
    added.observe(document, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', watch, { once: true });
  else watch();
  addEventListener('load', () => enqueueTree(document), { once: true });
  // Leaving the page: what is queued is checked and sent now, or never.
  addEventListener('pagehide', () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    inspectAll();
  });
}

function inspect(element: Element, report: (pixel: DomPixel) => void): void {
  if (element instanceof HTMLElement && element.tagName === 'NOSCRIPT') {
    for (const match of (element.textContent ?? '').slice(0, MAX_NOSCRIPT_CHARS).matchAll(NOSCRIPT_IMAGE)) {
      const url = absolute(decodeEntities(match[1] ?? ''));
      if (url) report({ element: 'noscript-img', url, reason: 'loaded only when scripts are off' });
    }
    return;
  }
  const isImage = element instanceof HTMLImageElement;
  const isFrame = element instanceof HTMLIFrameElement;
  if (!isImage && !isFrame) return;
  const url = absolute(isImage ? element.currentSrc || element.src : element.src);
  if (!url) return;
  const reason = hiddenReason(element as HTMLImageElement | HTMLIFrameElement);
  if (reason) report({ element: isImage ? 'img' : 'iframe', url, reason });
}

function hiddenReason(element: HTMLImageElement | HTMLIFrameElement): string | null {
  const isImage = element instanceof HTMLImageElement;
  if (isImage && element.complete && element.naturalWidth > 0) {
    if (element.naturalWidth <= 1 && element.naturalHeight <= 1) return '1×1 image';
  }
  const style = getComputedStyle(element);
  if (style.display === 'none' || style.visibility === 'hidden') return 'hidden';
  // An image not loaded yet (lazy, slow) has no size of its own: its box says nothing.
  if (isImage && !(element.complete && element.naturalWidth > 0)) return null;
  const box = element.getBoundingClientRect();
  if (box.width <= 1 && box.height <= 1) return box.width === 0 && box.height === 0 ? 'zero-size' : '1×1';
  return null;
}

function absolute(src: string): string | null {
  try {
    const url = new URL(src, document.baseURI).href;
    return /^https?:\/\//i.test(url) && url.length <= 8_192 ? url : null;
  } catch {
    return null;
  }
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}
