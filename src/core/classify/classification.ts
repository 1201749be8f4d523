import type { EssentialRole, Purpose, RecipientCategory } from './purpose';

/**
 * Which evidence decided a classification:
 * - 'name': the curated cookie or storage-key catalogue;
 * - 'open-cookie-database': the generated Open Cookie Database table;
 * - 'host': the host catalogue (a cookie's domain, a storage origin, a request host);
 * - 'url': a request path catalogue entry (www.facebook.com/tr, /matomo.php);
 * - 'filter-list': a rule of a filter list the user imported;
 * - 'cookie-signature': a request to the site's own host carrying the value
 *   of a vendor SDK's own cookie, so that SDK's collector;
 * - 'heuristic': no table knows it, but its value looks like an identifier;
 * - 'none': nothing known.
 */
export type MatchedBy =
  | 'name'
  | 'host'
  | 'url'
  | 'open-cookie-database'
  | 'filter-list'
  | 'cookie-signature'
  | 'heuristic'
  | 'none';

/** What is known about a cookie, storage key or request, and why: one shape for all three. */
export interface Classification {
  /** Null when unknown. */
  vendor: string | null;
  /** 'unknown' when unclassified; never silently essential. */
  purpose: Purpose;
  role?: EssentialRole;
  /** True only for identifiers the catalogue documents as tracking across sites. */
  crossSite: boolean;
  matchedBy: MatchedBy;
  /** Plain-language why, naming the table entry, filter or heuristic; shown to users. */
  reason: string;
  /** Where the fact comes from (vendor documentation or a public reference). */
  source?: string;
  /** Set when an unclassified value looks like an identifier (long-lived or shared). */
  likelyIdentifier?: boolean;
  /** How long the Open Cookie Database says the cookie lives, in its words ("1 year"). */
  retention?: string;
  /** Set when the host belongs to a recipient kind the policy allows (payment, push...). */
  recipient?: RecipientCategory;
}

/** Quotes a name, domain or URL for a reason, cut short so a huge value cannot bloat the report. */
export function quote(value: string, max = 80): string {
  if (value.length <= max) return `"${value}"`;
  // Do not cut a surrogate pair in half, which would leave an invalid character.
  const cut = value.slice(0, max).replace(/[\uD800-\uDBFF]$/, '');
  return `"${cut}…"`;
}

/** Nothing known: vendor and purpose unknown, never assumed essential, with the reason why. */
export function unclassified(reason: string): Classification {
  return { vendor: null, purpose: 'unknown', crossSite: false, matchedBy: 'none', reason };
}
