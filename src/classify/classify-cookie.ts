import type { HostCatalogEntry } from './catalog-types';
import { classifyHost } from './classify-host';
import { GENERIC_CONVENTION_VENDOR } from './cookie-catalog';
import { type CookieNameMatch, matchCookieName } from './match-cookie-name';
import type { EssentialRole, Purpose } from './purpose';

export interface CookieClassification {
  /** Null when unknown. */
  vendor: string | null;
  /** 'unknown' when unclassified; never silently essential. */
  purpose: Purpose;
  role?: EssentialRole;
  /** True only for identifiers the catalogue documents as tracking across sites. */
  crossSite: boolean;
  matchedBy: 'name' | 'host' | 'none';
  /** Plain-language why, e.g. "Name "_ga" is a Google Analytics cookie (exact name). …" */
  reason: string;
  source?: string;
}

/**
 * Classifies a cookie from its name and domain.
 *
 * 1. The name is looked up in the cookie catalogue (exact, then prefix, then
 *    pattern): a vendor's own cookie name is the strongest evidence.
 * 2. Otherwise the domain is looked up in the host catalogue: any cookie on
 *    a known tracker host takes that host's vendor and purpose.
 * 3. One exception: a name that is only a generic convention (sid, token…)
 *    says nothing about who set it, so a known vendor host wins over it.
 * 4. Anything else is 'unknown'; nothing is assumed essential.
 */
export function classifyCookie(cookie: { name: string; domain: string }): CookieClassification {
  const nameMatch = matchCookieName(cookie.name);
  const hostEntry = classifyHost(cookie.domain);

  if (nameMatch && !(hostEntry && nameMatch.entry.vendor === GENERIC_CONVENTION_VENDOR)) {
    return fromName(cookie.name, nameMatch);
  }
  if (hostEntry) {
    // Reaching here with a name match means the name was only a generic convention.
    return fromHost(cookie, hostEntry, nameMatch !== undefined);
  }
  return {
    vendor: null,
    purpose: 'unknown',
    crossSite: false,
    matchedBy: 'none',
    reason:
      `Cookie ${quote(cookie.name)} on ${quote(cookie.domain)} is not in the cookie or host catalogue, ` +
      'so its vendor and purpose are unknown.',
  };
}

function fromName(name: string, match: CookieNameMatch): CookieClassification {
  const { entry } = match;
  return {
    vendor: entry.vendor,
    purpose: entry.purpose,
    ...(entry.role ? { role: entry.role } : {}),
    crossSite: entry.crossSite === true,
    matchedBy: 'name',
    reason: `${describeNameMatch(name, match)} ${entry.description}`,
    source: entry.source,
  };
}

function describeNameMatch(name: string, { entry, kind }: CookieNameMatch): string {
  const match = entry.match;
  if (entry.vendor === GENERIC_CONVENTION_VENDOR && 'pattern' in match) {
    return `Name ${quote(name)} follows a common first-party naming convention (/${match.pattern}/i).`;
  }
  if (kind === 'prefix' && 'prefix' in match) {
    return `Name ${quote(name)} starts with ${quote(match.prefix)}, a ${entry.vendor} cookie prefix.`;
  }
  if (kind === 'pattern' && 'pattern' in match) {
    return `Name ${quote(name)} matches the ${entry.vendor} naming pattern /${match.pattern}/i.`;
  }
  return `Name ${quote(name)} is a ${entry.vendor} cookie (exact name).`;
}

function fromHost(
  cookie: { name: string; domain: string },
  entry: HostCatalogEntry,
  nameWasGeneric: boolean,
): CookieClassification {
  const owner =
    `its domain ${quote(cookie.domain)} belongs to ${entry.vendor} (${entry.domain}), ` +
    `which the host catalogue lists as ${entry.purpose}.`;
  const reason = nameWasGeneric
    ? `Name ${quote(cookie.name)} is only a generic naming convention, and ${owner}`
    : `Name ${quote(cookie.name)} is not catalogued, but ${owner}`;
  return {
    vendor: entry.vendor,
    purpose: entry.purpose,
    crossSite: false,
    matchedBy: 'host',
    reason,
    source: entry.source,
  };
}

/** Quotes a name or domain for a reason, cut short so a huge value cannot bloat the report. */
function quote(value: string): string {
  const MAX_QUOTED_LENGTH = 80;
  if (value.length <= MAX_QUOTED_LENGTH) return `"${value}"`;
  // Do not cut a surrogate pair in half, which would leave an invalid character.
  const cut = value.slice(0, MAX_QUOTED_LENGTH).replace(/[\uD800-\uDBFF]$/, '');
  return `"${cut}…"`;
}
