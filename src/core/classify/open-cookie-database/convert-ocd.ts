/**
 * Turns the Open Cookie Database copy shipped by the npm package
 * @slashgear/gdpr-cookie-scanner (dist/data/open-cookie-database.json) into
 * ocd-cookies.json and its NOTICE.md; `npm run generate:catalog` runs it
 * (src/cli/generate-cookie-catalog.ts).
 *
 * The output keeps only what the classifier uses (name or prefix, vendor,
 * purpose, category, retention, id, a one-sentence description) and binds
 * ambiguous names to the domains the database gives for them, so a generic
 * name such as "token" or "u" is not pinned on whichever vendor the database
 * happens to list.
 */
import { COMPOUND_LOGIN_NAME_PATTERN, COOKIE_CATALOG, GENERIC_CONVENTION_VENDOR } from '../cookie-catalog';
import { compileCookieNamePattern } from '../match-cookie-name';
import { registrableDomain } from '../party';
import type { Purpose } from '../purpose';
import { STORAGE_KEY_CATALOG } from '../storage-key-catalog';
import { OCD_REPOSITORY, type OcdCookieEntry, type OcdCookieFile } from './ocd-types';

export const OCD_PACKAGE = '@slashgear/gdpr-cookie-scanner';
export const DATA_PATH = 'dist/data/open-cookie-database.json';

/** The database's categories, mapped to this project's purposes. */
export const CATEGORY_TO_PURPOSE: Record<string, Purpose> = {
  // The database uses "Functional" for cookies a site needs to work
  // (sessions, load balancing, consent records).
  Functional: 'essential',
  Necessary: 'essential',
  Security: 'essential',
  Personalization: 'preferences',
  Analytics: 'statistics',
  Marketing: 'advertising',
};

/** One entry as the database ships it. */
export interface RawOcdEntry {
  id: string;
  category: string;
  cookie: string;
  domain: string;
  description: string;
  retentionPeriod: string;
  dataController: string;
  privacyLink: string;
  wildcardMatch: string;
}

/**
 * Words too common to tell a vendor by: a cookie so named on a Jeejio page
 * is far more likely the site's own. Compared in lower case, without a
 * trailing separator.
 */
const GENERIC_WORDS = new Set([
  'auth',
  'campaign',
  'cart',
  'city',
  'client_id',
  'clientid',
  'consent',
  'country',
  'csrf',
  'currency',
  'customer',
  'data',
  'debug',
  'device_id',
  'deviceid',
  'done_redirects',
  'expid',
  'guest',
  'history',
  'id',
  'lang',
  'language',
  'locale',
  'logged_in',
  'loggedin',
  'login',
  'nonce',
  'partner',
  'recs',
  'redirect',
  'ref',
  'referrer',
  'region',
  'remember',
  'search',
  'session',
  'sessionid',
  'sharing',
  'source',
  'state',
  'store_notice',
  'test',
  'theme',
  'timezone',
  'token',
  'user',
  'user_id',
  'userid',
  'visitor',
  'visitor_id',
  'visitorid',
  'welcome',
  'xsrf',
]);

/*
 * Generic conventions that name a whole cookie (session, sid, token, lang…).
 * The compound login convention (anything_session, x_token…) is left out: a
 * vendor's own prefix (didomi_token, xf_session) names the vendor well enough.
 */
const GENERIC_PATTERNS = [...COOKIE_CATALOG, ...STORAGE_KEY_CATALOG]
  .flatMap((entry) =>
    entry.vendor === GENERIC_CONVENTION_VENDOR && 'pattern' in entry.match ? [entry.match.pattern] : [],
  )
  .filter((pattern) => pattern !== COMPOUND_LOGIN_NAME_PATTERN)
  .map((pattern) => compileCookieNamePattern(pattern));

/** Names of three characters or fewer say too little to name a vendor. */
const SHORT_NAME_LENGTH = 3;

/** Why a name cannot be trusted on its own, or null when it can. */
export function whyAmbiguous(name: string, vendorsUsingName: number): string | null {
  if (name.length <= SHORT_NAME_LENGTH) return 'short';
  if (vendorsUsingName > 1) return 'shared by several vendors';
  const word = name.toLowerCase().replace(/[-_.:/]+$/, '');
  if (GENERIC_WORDS.has(word)) return 'a common word';
  if (GENERIC_PATTERNS.some((pattern) => pattern.test(name))) return 'a generic naming convention';
  return null;
}

/** Registrable domains named in the database's free-text domain field ("adform.net (3rd party)"). */
export function domainsOf(field: string): string[] {
  const found = new Set<string>();
  for (const [candidate] of field.toLowerCase().matchAll(/[a-z0-9-]+(?:\.[a-z0-9-]+)+/g)) {
    const site = registrableDomain(candidate);
    if (site?.includes('.')) found.add(site);
  }
  return [...found].sort();
}

const MAX_DESCRIPTION_LENGTH = 120;

/** The first sentence of a description, cut at a word boundary when still too long. */
export function shortDescription(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const sentenceEnd = clean.search(/[.!?](\s|$)/);
  const sentence = sentenceEnd === -1 ? clean : clean.slice(0, sentenceEnd + 1);
  if (sentence.length <= MAX_DESCRIPTION_LENGTH) return sentence;
  const cut = sentence.slice(0, MAX_DESCRIPTION_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > 60 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/** The retention text, normalised in case ("Session" and "session" are one value). */
function retentionOf(text: string): string | undefined {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '' || /^unknown$/i.test(clean)) return undefined;
  return /^session$/i.test(clean) ? 'session' : clean;
}

export function convert(
  raw: Record<string, RawOcdEntry[]>,
  packageVersion: string,
): { file: OcdCookieFile; dropped: string[] } {
  const vendorsByName = new Map<string, Set<string>>();
  let source = 0;
  for (const [platform, entries] of Object.entries(raw)) {
    for (const entry of entries) {
      source++;
      const name = entry.cookie.trim();
      const vendors = vendorsByName.get(name) ?? new Set<string>();
      vendors.add(platform);
      vendorsByName.set(name, vendors);
    }
  }

  const entries: OcdCookieEntry[] = [];
  const dropped: string[] = [];
  const seen = new Set<string>();
  let droppedInvalid = 0;
  let droppedAmbiguous = 0;
  for (const [platform, list] of Object.entries(raw)) {
    for (const entry of list) {
      const name = entry.cookie.trim();
      const purpose = CATEGORY_TO_PURPOSE[entry.category];
      if (name === '' || /[\s;,=]/.test(name) || !purpose || !entry.id || platform.trim() === '') {
        droppedInvalid++;
        dropped.push(`${platform}: ${JSON.stringify(name)} (invalid)`);
        continue;
      }
      const wildcard = entry.wildcardMatch === '1';
      const domains = domainsOf(entry.domain);
      const ambiguity = whyAmbiguous(name, vendorsByName.get(name)?.size ?? 1);
      if (ambiguity && domains.length === 0) {
        droppedAmbiguous++;
        dropped.push(`${platform}: ${JSON.stringify(name)} (${ambiguity}, no domain to bind it to)`);
        continue;
      }
      const key = `${wildcard ? 'w' : 'e'}\u0000${name}\u0000${ambiguity ? domains.join(' ') : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const retention = retentionOf(entry.retentionPeriod);
      const description = shortDescription(entry.description);
      entries.push({
        n: name,
        ...(wildcard && { w: 1 as const }),
        v: platform.trim(),
        p: purpose,
        c: entry.category,
        ...(retention && { r: retention }),
        id: entry.id,
        ...(description && { t: description }),
        ...(ambiguity && { d: domains }),
      });
    }
  }
  entries.sort((a, b) => (a.n < b.n ? -1 : a.n > b.n ? 1 : a.id < b.id ? -1 : 1));

  const file: OcdCookieFile = {
    about:
      'Generated by src/cli/generate-cookie-catalog.ts from the Open Cookie Database ' +
      `as shipped in ${OCD_PACKAGE}@${packageVersion} (${DATA_PATH}). Apache-2.0; see NOTICE.md. Do not edit by hand.`,
    package: OCD_PACKAGE,
    packageVersion,
    database: OCD_REPOSITORY,
    license: 'Apache-2.0',
    categoryToPurpose: CATEGORY_TO_PURPOSE,
    counts: {
      source,
      kept: entries.length,
      boundToDomain: entries.filter((e) => e.d).length,
      droppedAmbiguous,
      droppedInvalid,
    },
    entries,
  };
  return { file, dropped };
}

export function notice(file: OcdCookieFile): string {
  return `# Open Cookie Database: notice

\`ocd-cookies.json\` in this folder is derived from the **Open Cookie Database**
(${OCD_REPOSITORY}), copyright its contributors, licensed under the
**Apache License, Version 2.0** (full text: \`LICENSE-Apache-2.0.txt\` beside this file,
also at https://www.apache.org/licenses/LICENSE-2.0).

The copy used is the one shipped in the npm package \`${file.package}\` version
**${file.packageVersion}** (\`${DATA_PATH}\`).

## Changes made to the original

\`npm run generate:catalog\` (src/cli/generate-cookie-catalog.ts) changed the data as follows; the result is not the original database:

- kept only the cookie name or prefix, wildcard flag, platform (as vendor), category, retention
  period, entry id and the first sentence of the description (at most ${MAX_DESCRIPTION_LENGTH} characters);
- added a purpose mapped from the category (${Object.entries(file.categoryToPurpose)
    .map(([category, purpose]) => `${category} → ${purpose}`)
    .join(', ')});
- bound ambiguous names (three characters or fewer, used by several platforms, common words,
  generic naming conventions) to the registrable domains the database gives for them, and left
  out ${file.counts.droppedAmbiguous} such entries that name no domain;
- left out ${file.counts.droppedInvalid} entries without a usable name, category or id.

${file.counts.kept} of ${file.counts.source} entries are kept, ${file.counts.boundToDomain} of them bound to a domain.

Regenerate with \`npm run generate:catalog\` after updating the package.
`;
}
