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

/** A fact about a host: who runs it and what it is for. */
export interface HostCatalogEntry {
  /** Registrable domain or a host name; matches itself and all its subdomains. */
  domain: string;
  vendor: string;
  purpose: Purpose;
  /** Set when the host belongs to a recipient kind the policy allows. */
  recipient?: RecipientCategory;
  source: string;
}
