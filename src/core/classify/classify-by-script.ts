import { type Classification, quote } from './classification';
import { classifyHost } from './classify-host';
import { GENERIC_CONVENTION_VENDOR } from './cookie-catalog';
import { hostOfUrl } from './url-parts';

/**
 * A cookie or storage key the tables know nothing specific about, written by a
 * script that a catalogued vendor serves, belongs to that vendor: an SDK never
 * seen before still gives itself away by where its code comes from. A name the
 * catalogue knows specifically keeps its own classification.
 */
export function withWritingScript(
  known: Classification,
  what: 'Cookie' | 'Storage key',
  name: string,
  scriptUrl: string | undefined,
): Classification {
  if (scriptUrl === undefined) return known;
  const weak =
    known.matchedBy === 'none' ||
    known.matchedBy === 'heuristic' ||
    known.vendor === GENERIC_CONVENTION_VENDOR;
  if (!weak) return known;
  const host = hostOfUrl(scriptUrl);
  const entry = host ? classifyHost(host) : undefined;
  if (!entry) return known;
  const instead = known.matchedBy === 'none' ? '' : ` Its name alone suggested otherwise: ${known.reason}`;
  return {
    vendor: entry.vendor,
    purpose: entry.purpose,
    crossSite: false,
    matchedBy: 'script',
    reason:
      `${what} ${quote(name)} was written by the script ${quote(scriptUrl)}, served from ${entry.vendor}'s ` +
      `host ${entry.domain}, which the host catalogue lists as ${entry.purpose}.${instead}`,
    source: entry.source,
    ...(known.likelyIdentifier && { likelyIdentifier: true }),
    ...(entry.recipient && { recipient: entry.recipient }),
  };
}
