import type { EssentialRole, Purpose, RecipientCategory } from './purpose';

/** How a catalogue entry matches a cookie name. */
export type NameMatch =
  | { exact: string }
  | { prefix: string }
  /** A regular expression source, anchored by the author; checked by tests. */
  | { pattern: string };

/** A fact about a cookie name, with where the fact comes from. */
export interface CookieCatalogEntry {
  match: NameMatch;
  vendor: string;
  purpose: Purpose;
  role?: EssentialRole;
  /** True when the cookie identifies a browser across sites (a cross-site tracker). */
  crossSite?: boolean;
  description: string;
  /** Vendor documentation or another public reference for the fact. */
  source: string;
}

/**
 * A fact about a Web Storage or IndexedDB key. Same shape as a cookie entry:
 * many vendors write the same names to cookies and to storage.
 */
export type StorageKeyCatalogEntry = CookieCatalogEntry;

/** A fact about a host: who runs it and what it is for. */
export interface HostCatalogEntry {
  /** Registrable domain or a host name; matches itself and all its subdomains. */
  domain: string;
  vendor: string;
  purpose: Purpose;
  /** Set when the host belongs to a recipient kind the policy allows. */
  recipient?: RecipientCategory;
  /** What the host serves, in plain words, for the reason shown to users. */
  note?: string;
  source: string;
}

/**
 * A fact about a kind of request URL, for endpoints that a host name alone
 * does not give away: a tracking path on a general-purpose host
 * (www.facebook.com/tr) or a self-hosted tool's well-known path (matomo.php).
 */
export interface RequestPathCatalogEntry {
  /** Host the path must be on (itself or a subdomain); absent for a path found on any host. */
  host?: string;
  /** Lower-case path prefix, starting with '/'. */
  pathPrefix: string;
  /** Lower-case texts the query string must all contain, such as 'project='. */
  queryIncludes?: readonly string[];
  vendor: string;
  purpose: Purpose;
  note: string;
  source: string;
}
