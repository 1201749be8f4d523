import { BoundedPairCache } from '../util/bounded-cache';
import type { HostCatalogEntry } from './catalog-types';
import { type Classification, quote, unclassified } from './classification';
import { classifyHost } from './classify-host';
import { COMPOUND_LOGIN_NAME_PATTERN, GENERIC_CONVENTION_VENDOR } from './cookie-catalog';
import { identifierLikelihood, isLongLived, lifetimeDays } from './identifier-heuristics';
import { type CookieNameMatch, matchCookieName } from './match-cookie-name';
import { matchOpenCookieDatabase, type OcdMatch, ocdVersion } from './open-cookie-database/match-ocd';
import { OCD_REPOSITORY } from './open-cookie-database/ocd-types';

export type { Classification, MatchedBy } from './classification';

/** What is known about a cookie: the one classification shape shared with storage keys and requests. */
export type CookieClassification = Classification;

export interface CookieToClassify {
  name: string;
  domain: string;
  /** The value, for the identifier heuristic when nothing else is known. */
  value?: string;
  /** Expiry in epoch seconds; absent for a session cookie. */
  expires?: number;
  /** When the cookie was seen, in epoch milliseconds. */
  observedAt?: number;
}

/**
 * Classifies a cookie from its name and domain, and, when no table knows it,
 * from its value and lifetime.
 *
 * 1. A vendor's own name in the curated cookie catalogue is the strongest
 *    evidence (exact, then prefix, then pattern).
 * 2. Then the Open Cookie Database: first an ambiguous name that the database
 *    binds to this very domain.
 * 3. A generic naming convention (sid, token, lang…) says nothing about who
 *    set the cookie, so a known vendor host wins over it.
 * 4. Then any other Open Cookie Database name, which beats the compound
 *    login convention (x_session, user_token…) but not a known vendor host's
 *    generic name.
 * 5. Then the host catalogue: any cookie on a known tracker host takes that
 *    host's vendor and purpose.
 * 6. Anything else is 'unknown' (nothing is assumed essential); when its value
 *    looks like an identifier and it lives over a year, it is flagged as a
 *    likely identifier.
 */
export function classifyCookie(cookie: CookieToClassify): CookieClassification {
  const known = classifyByTables(cookie.name, cookie.domain);
  if (known.matchedBy !== 'none' || cookie.value === undefined) return known;
  return withIdentifierHeuristic(known, cookie.value, cookie.expires, cookie.observedAt);
}

/** Table answers depend on name and domain only, which recur: they are remembered, frozen as they are shared. */
const tableCache = new BoundedPairCache<CookieClassification>(20_000);
const MAX_CACHED_KEY_LENGTH = 512;

function classifyByTables(name: string, domain: string): CookieClassification {
  if (name.length + domain.length > MAX_CACHED_KEY_LENGTH) return Object.freeze(lookUp(name, domain));
  const cached = tableCache.get(domain, name);
  if (cached) return cached;
  const found = Object.freeze(lookUp(name, domain));
  tableCache.set(domain, name, found);
  return found;
}

function isCompoundConvention(match: CookieNameMatch): boolean {
  const m = match.entry.match;
  return 'pattern' in m && m.pattern === COMPOUND_LOGIN_NAME_PATTERN;
}

function lookUp(name: string, domain: string): CookieClassification {
  const nameMatch = matchCookieName(name);
  const generic = nameMatch?.entry.vendor === GENERIC_CONVENTION_VENDOR ? nameMatch : undefined;
  if (nameMatch && !generic) return fromName(name, nameMatch);

  const ocd = matchOpenCookieDatabase(name, domain);
  if (ocd?.boundToDomain) return fromOpenCookieDatabase(name, domain, ocd, generic);

  const hostEntry = classifyHost(domain);
  if (generic && !isCompoundConvention(generic)) {
    return hostEntry ? fromHost(name, domain, hostEntry, true) : fromName(name, generic);
  }
  if (ocd) return fromOpenCookieDatabase(name, domain, ocd, generic);
  if (generic) return hostEntry ? fromHost(name, domain, hostEntry, true) : fromName(name, generic);
  if (hostEntry) return fromHost(name, domain, hostEntry, false);
  return unclassified(
    `Cookie ${quote(name)} on ${quote(domain)} is not in the cookie or host catalogue, ` +
      'nor in the Open Cookie Database, so its vendor and purpose are unknown.',
  );
}

export function fromName(name: string, match: CookieNameMatch, what = 'cookie'): CookieClassification {
  const { entry } = match;
  return {
    vendor: entry.vendor,
    purpose: entry.purpose,
    ...(entry.role ? { role: entry.role } : {}),
    crossSite: entry.crossSite === true,
    matchedBy: 'name',
    reason: `${describeNameMatch(name, match, what)} ${entry.description}`,
    source: entry.source,
  };
}

function describeNameMatch(name: string, { entry, kind }: CookieNameMatch, what: string): string {
  const match = entry.match;
  if (entry.vendor === GENERIC_CONVENTION_VENDOR && 'pattern' in match) {
    return `Name ${quote(name)} follows a common first-party naming convention (/${match.pattern}/i).`;
  }
  if (kind === 'prefix' && 'prefix' in match) {
    return `Name ${quote(name)} starts with ${quote(match.prefix)}, a ${what} prefix of ${entry.vendor}.`;
  }
  if (kind === 'pattern' && 'pattern' in match) {
    return `Name ${quote(name)} matches the ${entry.vendor} naming pattern /${match.pattern}/i.`;
  }
  return `Name ${quote(name)} is a ${what} of ${entry.vendor} (exact name).`;
}

/**
 * A classification from the Open Cookie Database. Its categories carry no
 * role, so an essential cookie whose name follows a login or CSRF convention
 * takes the convention's role; a Security cookie is a security cookie.
 */
export function fromOpenCookieDatabase(
  name: string,
  domain: string,
  { entry, kind, boundToDomain }: OcdMatch,
  generic: CookieNameMatch | undefined,
): CookieClassification {
  const role =
    entry.p !== 'essential'
      ? undefined
      : (generic?.entry.role ?? (entry.c === 'Security' ? 'security' : undefined));
  const how = kind === 'prefix' && name !== entry.n ? `starts with ${quote(entry.n)}, a prefix` : 'is a name';
  const where = boundToDomain ? ` on ${quote(domain)}` : '';
  const retention = entry.r ? `, kept ${entry.r}` : '';
  const description = entry.t ? ` ${entry.t}` : '';
  return {
    vendor: entry.v,
    purpose: entry.p,
    ...(role !== undefined && { role }),
    crossSite: false,
    matchedBy: 'open-cookie-database',
    reason:
      `Name ${quote(name)}${where} ${how} the Open Cookie Database lists for ${entry.v} ` +
      `(category ${entry.c}${retention}; entry ${entry.id}, ${ocdVersion()}).${description}`,
    source: OCD_REPOSITORY,
    ...(entry.r && { retention: entry.r }),
  };
}

function fromHost(
  name: string,
  domain: string,
  entry: HostCatalogEntry,
  nameWasGeneric: boolean,
): CookieClassification {
  const what = entry.note ? `${entry.note}, ` : '';
  const owner =
    `its domain ${quote(domain)} belongs to ${entry.vendor} (${entry.domain}), ` +
    `${what}which the host catalogue lists as ${entry.purpose}.`;
  const reason = nameWasGeneric
    ? `Name ${quote(name)} is only a generic naming convention, and ${owner}`
    : `Name ${quote(name)} is not catalogued, but ${owner}`;
  return {
    vendor: entry.vendor,
    purpose: entry.purpose,
    crossSite: false,
    matchedBy: 'host',
    reason,
    source: entry.source,
    ...(entry.recipient && { recipient: entry.recipient }),
  };
}

/**
 * An unknown cookie whose value looks like an identifier and that lives over a
 * year is reported as a likely identifier: still 'unknown', never guessed.
 */
function withIdentifierHeuristic(
  unknown: CookieClassification,
  value: string,
  expires: number | undefined,
  observedAt: number | undefined,
): CookieClassification {
  const likelihood = identifierLikelihood(value);
  if (!likelihood.likely) {
    return {
      ...unknown,
      reason: `${unknown.reason} It does not look like an identifier: ${likelihood.reason}.`,
    };
  }
  const longLived = observedAt !== undefined && isLongLived(expires, observedAt);
  if (!longLived) {
    const days = observedAt === undefined ? undefined : lifetimeDays(expires, observedAt);
    const lifetime =
      expires === undefined
        ? 'it ends with the browser session'
        : days === undefined
          ? 'its lifetime is not known'
          : `it lives ${days} days`;
    return {
      ...unknown,
      reason: `${unknown.reason} Its value looks random (${likelihood.reason}), but ${lifetime}, not over a year.`,
    };
  }
  const days = lifetimeDays(expires, observedAt);
  return {
    ...unknown,
    matchedBy: 'heuristic',
    likelyIdentifier: true,
    reason:
      `Likely identifier, unclassified: ${likelihood.reason}, and it lives ${days} days, over a year. ` +
      unknown.reason,
  };
}

/**
 * Marks an unclassified cookie whose value was seen in third-party requests
 * (see identifiersSharedWithThirdParties) as a likely identifier. A cookie
 * the tables know keeps its classification.
 */
export function withSharedIdentifier(classification: Classification, requestCount: number): Classification {
  if (
    requestCount <= 0 ||
    (classification.matchedBy !== 'none' && classification.matchedBy !== 'heuristic')
  ) {
    return classification;
  }
  const requests = requestCount === 1 ? 'one third-party request' : `${requestCount} third-party requests`;
  const reason = classification.likelyIdentifier
    ? `${classification.reason} Its value was also sent in ${requests}.`
    : `Likely identifier, unclassified: its value was sent in ${requests}. ${classification.reason}`;
  return { ...classification, matchedBy: 'heuristic', likelyIdentifier: true, reason };
}
