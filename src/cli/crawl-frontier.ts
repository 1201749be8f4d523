import { registrableDomain } from '../core/classify/party';
import { routeUrl } from '../core/util/route-url';

/**
 * Breadth-first crawl bookkeeping: which pages to visit next. A link is
 * followed when it is http(s), on the same site (registrable domain) as one of
 * the starting pages, not seen before, and the page budget is not spent. A
 * plain anchor (`#section`) is the page it is on; a hash route (`#/settings`,
 * `#!/settings`) is a view of a single-page app, followed as a page of its own.
 * A link a client router handles by pushState is an ordinary URL here, which
 * the app's server answers as it would a reload. Pure, so the order is the
 * same on every run.
 */
export class CrawlFrontier {
  private readonly sites: Set<string>;
  private readonly seen = new Set<string>();
  private readonly queue: string[] = [];
  private handedOut = 0;

  constructor(
    start: readonly string[],
    private readonly maxPages: number,
  ) {
    this.sites = new Set(start.map((url) => registrableDomain(url)).filter((s): s is string => s !== null));
    for (const url of start) this.add(url);
  }

  /** The next page to visit, or undefined when the queue is empty or the budget spent. */
  next(): string | undefined {
    if (this.handedOut >= this.maxPages) return undefined;
    const url = this.queue.shift();
    if (url !== undefined) this.handedOut++;
    return url;
  }

  /** Links found on a visited page (absolute URLs, as the browser resolved them). */
  addLinks(links: readonly string[]): void {
    for (const link of links) {
      let url: URL;
      try {
        url = new URL(link);
      } catch {
        continue;
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
      const site = registrableDomain(url.hostname);
      if (site === null || !this.sites.has(site)) continue;
      this.add(url.href);
    }
  }

  private add(href: string): void {
    const key = routeUrl(href);
    if (this.seen.has(key) || this.seen.size >= this.maxPages * 50) return;
    this.seen.add(key);
    this.queue.push(key);
  }
}
