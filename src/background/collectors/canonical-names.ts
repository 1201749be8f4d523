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
/** How long a response waits for its host's answer; a resolver slower than this leaves it without the name. */
const MAX_WAIT_MS = 2_000;

/**
 * The canonical names of the first-party-looking hosts a monitored page sends
 * requests to, asked of the browser's own resolver once per host: a host of
 * the page's site that is an alias (CNAME) of a tracker's collector is that
 * tracker under a first-party name. Only where the browser can say (Firefox's
 * dns.resolve); elsewhere nothing is asked and nothing is claimed.
 *
 * A host is asked when its first request starts. A response that arrives
 * while its host is still being asked waits for the answer (see `settled`):
 * on a loaded machine the browser's resolver answered after the response,
 * and the host's first request, often its only one, went without its name.
 */
export class CanonicalNames {
  private readonly dns = (browser as unknown as { dns?: DnsApi }).dns;
  /** The canonical name, or null while asked or when the host is no alias. */
  private readonly known = new BoundedCache<string, string | null>(MAX_HOSTS);
  /** Hosts being asked, with the answer to come. */
  private readonly asking = new Map<string, Promise<void>>();

  /** Asks for the canonical name of `url`'s host if it is of the page's site and was not asked yet. */
  note(url: string, pageUrl: string): void {
    if (!this.dns) return;
    const host = hostOfUrl(url);
    if (host === '' || this.known.has(host) || partyOf(host, pageUrl) !== 'first-party') return;
    this.known.set(host, null);
    const answered = this.dns
      .resolve(host, ['canonical_name'])
      .then(
        (answer) => {
          const canonical = answer.canonicalName?.toLowerCase().replace(/\.$/, '');
          if (canonical && canonical !== host) this.known.set(host, canonical);
        },
        // A name that does not resolve has no alias to show; the request's own error says the rest.
        () => {},
      )
      .finally(() => this.asking.delete(host));
    this.asking.set(host, answered);
  }

  /**
   * Resolves once `url`'s host has its answer (at most MAX_WAIT_MS), or
   * undefined when nothing is being asked, so the caller may go on at once.
   */
  settled(url: string): Promise<void> | undefined {
    const answered = this.asking.get(hostOfUrl(url));
    if (!answered) return undefined;
    return Promise.race([answered, new Promise<void>((done) => setTimeout(done, MAX_WAIT_MS))]);
  }

  /** The canonical name of `url`'s host, when it is known to be an alias. */
  of(url: string): string | undefined {
    return this.known.get(hostOfUrl(url)) ?? undefined;
  }
}
