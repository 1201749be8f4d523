import type { PayloadMeaning } from './meaning';

/**
 * What one analytics or advertising vendor's requests look like, as its public
 * documentation or SDK source shows them: data, never code.
 */
export interface VendorTable {
  vendor: string;
  /** Why the vendor collects: statistics (§3 line 57) or advertising. */
  purpose: 'statistics' | 'advertising';
  /** Public pages (SDK documentation, SDK source) that show the format. */
  sources: readonly string[];
  /** The vendor's own collection endpoints: a host (or any subdomain of it) and the collection path. */
  endpoints?: readonly { host: string; path?: RegExp }[];
  /**
   * What gives the SDK's payload away on any host (collectors are often
   * served from the site's own domain, e.g. Sensors Data on `sa.<site>`):
   * fields one record carries together, with the form of their values when
   * the names alone are too common. Any one of the signatures will do (SDK
   * generations differ).
   */
  signatures?: readonly (readonly { path: string; value?: RegExp }[])[];
  /** How the SDK writes an id it made up for a visitor not logged in (Mixpanel's `$device:…`): not an account. */
  anonymous?: RegExp;
  /** Fields by their path inside a record (an event, a hit, a batch item), and what they mean. */
  fields: readonly { path: string; meaning: PayloadMeaning }[];
}
