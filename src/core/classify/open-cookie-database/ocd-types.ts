import type { Purpose } from '../purpose';

/**
 * One cookie of the generated Open Cookie Database table (ocd-cookies.json).
 * Short keys keep the committed file and the extension bundle small.
 */
export interface OcdCookieEntry {
  /** Cookie name, or name prefix when `w` is 1. */
  n: string;
  /** 1 when the OCD entry is a wildcard: `n` is a prefix. */
  w?: 1;
  /** Vendor (the OCD platform). */
  v: string;
  /** Purpose mapped from the OCD category. */
  p: Purpose;
  /** The OCD category itself (Functional, Analytics, Marketing, Security, Personalization). */
  c: string;
  /** Retention in the database's words ("1 year", "session"). */
  r?: string;
  /** The OCD entry id. */
  id: string;
  /** The OCD description, shortened to its first sentence. */
  t?: string;
  /**
   * Registrable domains the entry is bound to. Set only for ambiguous names
   * (very short, generic, or used by several vendors): such an entry matches
   * only a cookie on one of these domains.
   */
  d?: string[];
}

export interface OcdCookieFile {
  about: string;
  package: string;
  packageVersion: string;
  database: string;
  license: string;
  categoryToPurpose: Record<string, Purpose>;
  counts: {
    source: number;
    kept: number;
    boundToDomain: number;
    droppedAmbiguous: number;
    droppedInvalid: number;
  };
  entries: OcdCookieEntry[];
}

/** Where the database lives; the source cited for every OCD classification. */
export const OCD_REPOSITORY = 'https://github.com/jkwakman/Open-Cookie-Database';
