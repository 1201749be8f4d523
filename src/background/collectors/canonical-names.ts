import { browser } from 'wxt/browser';
import { partyOf } from '../../core/classify/party';
import { hostOfUrl } from '../../core/classify/url-parts';
import { BoundedCache } from '../../core/util/bounded-cache';

/** Firefox's `dns` API (with the "dns" permission); Chrome has none. */
interface DnsApi {
  resolve(host: string, flags?: string[]): Promise<{ canonicalName?: string }>;
}

/** Hosts remembered per wake; past this the cache starts over and hosts are asked again. */
const MAX_HOSTS = 2_000;

/**
 * The canonical names of the first-party-looking hosts a monitored page sends
 * requests to, asked of the browser's own resolver once per host: a host of
 * the page's site that is an alias (CNAME) of a tracker's collector is that
 * tracker under a first-party name. Only where the browser can say (Firefox's
 * dns.resolve); elsewhere nothing is asked and nothing is claimed.
 *
 * A host is asked when its first request starts; the browser resolved it
 * itself moments before, so the answer comes from its cache, before the
 * response in practice. A response that outruns it goes without the name;
 * the host's later requests carry it.
 */
export class CanonicalNames {
  private readonly dns = (browser as unknown as { dns?: DnsApi }).dns;
  /** The canonical name, or null while asked or when the host is no alias. */
  private readonly known = new BoundedCache<string, string | null>(MAX_HOSTS);

  /** Asks for the canonical name of `url`'s host if it is of the page's site and was not asked yet. */
  note(url: string, pageUrl: string): void {
    if (!this.dns) return;
    const host = hostOfUrl(url);
    if (host === '' || this.known.has(host) || partyOf(host, pageUrl) !== 'first-party') return;
    this.known.set(host, null);
    this.dns.resolve(host, ['canonical_name']).then(
      (answer) => {
        const canonical = answer.canonicalName?.toLowerCase().replace(/\.$/, '');
        if (canonical && canonical !== host) this.known.set(host, canonical);
      },
      // A name that does not resolve has no alias to show; the request's own error says the rest.
      () => {},
    );
  }

  /** The canonical name of `url`'s host, when it is known to be an alias. */
  of(url: string): string | undefined {
    return this.known.get(hostOfUrl(url)) ?? undefined;
  }
}
