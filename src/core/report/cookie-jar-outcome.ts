import type { Report, ReportObservation } from './report-types';

/**
 * What the browser's cookie jar did with a cookie a `Set-Cookie` header tried
 * to set: `stored` when the jar holds it at the end of the audit (same name,
 * domain and path), `partitioned` the same for a header that asked for a
 * partitioned (CHIPS) cookie, `refused` when the jar does not hold it (a
 * browser blocking third-party cookies refuses theirs, yet webRequest still
 * shows the header). The jar is read from the browser itself; a cookie that
 * was stored and then removed or replaced before the end reads as refused.
 */
export type CookieJarOutcome = 'stored' | 'refused' | 'partitioned';

/** A cookie the browser's jar holds, as the browser lists it. */
export interface JarCookie {
  name: string;
  domain: string;
  path: string;
  /** Kept in a jar of the site it was set on (CHIPS, Firefox's Total Cookie Protection), when the browser says so. */
  partitioned?: boolean;
}

/** Whether the browser took third-party cookies, as the cookies it was sent show. */
export interface ThirdPartyCookies {
  /** Third-party `Set-Cookie` headers seen. */
  attempted: number;
  stored: number;
  partitioned: number;
  refused: number;
  /**
   * `blocked` when it refused every one, `allowed` when it stored (unpartitioned)
   * every one, `partitioned` when it kept every one apart per site (Firefox's
   * Total Cookie Protection), `mixed` in between, `unknown` when no third party tried.
   */
  mode: 'allowed' | 'blocked' | 'partitioned' | 'mixed' | 'unknown';
}

const keyOf = (c: { name: string; domain: string; path?: string }) =>
  `${c.name}\u0000${c.domain.replace(/^\./, '')}\u0000${c.path ?? '/'}`;

/**
 * The report with each Set-Cookie observation's outcome and the third-party
 * cookie mode in its summary, from the jar as the browser listed it when the
 * audit ended.
 */
export function withCookieJar(report: Report, jar: readonly JarCookie[]): Report {
  const held = new Set(jar.map(keyOf));
  const partitionedInJar = new Set(jar.filter((c) => c.partitioned).map(keyOf));
  const observations = report.observations.map((o): ReportObservation => {
    if (o.kind !== 'cookie' || o.action !== 'set-attempt') return o;
    const partitioned = /;\s*partitioned\s*(;|$)/i.test(o.rawHeader ?? '') || partitionedInJar.has(keyOf(o));
    const cookieJar: CookieJarOutcome = held.has(keyOf(o))
      ? partitioned
        ? 'partitioned'
        : 'stored'
      : 'refused';
    return { ...o, cookieJar };
  });
  return {
    ...report,
    observations,
    summary: { ...report.summary, thirdPartyCookies: thirdPartyCookies(observations) },
  };
}

export function thirdPartyCookies(observations: readonly ReportObservation[]): ThirdPartyCookies {
  const counts = { attempted: 0, stored: 0, partitioned: 0, refused: 0 };
  for (const o of observations) {
    if (o.cookieJar === undefined || o.party !== 'third-party') continue;
    counts.attempted += 1;
    counts[o.cookieJar] += 1;
  }
  const mode =
    counts.attempted === 0
      ? 'unknown'
      : counts.refused === counts.attempted
        ? 'blocked'
        : counts.stored === counts.attempted
          ? 'allowed'
          : counts.partitioned === counts.attempted
            ? 'partitioned'
            : 'mixed';
  return { ...counts, mode };
}
