import type { CookieObservation, Observation } from '../observations/observation';

/**
 * What the browser's cookie jar did with a cookie a `Set-Cookie` header tried
 * to set: `stored` when the cookies API reported it afterwards (set, or
 * present in the jar) under the same name, domain and path; `partitioned` the
 * same for a header that asked for a partitioned (CHIPS) cookie; `refused`
 * when the browser never reported it stored while the recording ran (a
 * browser blocking third-party cookies refuses theirs, yet webRequest still
 * shows the header). It is what the browser showed, so it is verified; a
 * cookie stored and gone again within the same moment reads as stored.
 */
export type CookieJarOutcome = 'stored' | 'refused' | 'partitioned';

/** A jar report a little before the header's own time still answers it: the two events race. */
const RACE_MS = 1_000;

const keyOf = (o: CookieObservation) => `${o.name}\u0000${o.domain.replace(/^\./, '')}\u0000${o.path}`;

export function cookieJarOutcomes(observations: readonly Observation[]): Map<string, CookieJarOutcome> {
  const storedAt = new Map<string, number[]>();
  for (const o of observations) {
    if (o.kind !== 'cookie' || o.provenance !== 'cookies-api') continue;
    if (o.action !== 'set' && o.action !== 'present') continue;
    const key = keyOf(o);
    const times = storedAt.get(key);
    if (times) times.push(o.observedAt);
    else storedAt.set(key, [o.observedAt]);
  }
  const outcomes = new Map<string, CookieJarOutcome>();
  for (const o of observations) {
    if (o.kind !== 'cookie' || o.action !== 'set-attempt') continue;
    const stored = storedAt.get(keyOf(o))?.some((at) => at >= o.observedAt - RACE_MS) ?? false;
    const partitioned = /;\s*partitioned\s*(;|$)/i.test(o.rawHeader ?? '');
    outcomes.set(o.id, stored ? (partitioned ? 'partitioned' : 'stored') : 'refused');
  }
  return outcomes;
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
   * every one, `mixed` in between, `unknown` when no third party tried.
   */
  mode: 'allowed' | 'blocked' | 'mixed' | 'unknown';
}

export function thirdPartyCookies(
  outcomes: Iterable<{ outcome: CookieJarOutcome; thirdParty: boolean }>,
): ThirdPartyCookies {
  const counts = { attempted: 0, stored: 0, partitioned: 0, refused: 0 };
  for (const { outcome, thirdParty } of outcomes) {
    if (!thirdParty) continue;
    counts.attempted += 1;
    counts[outcome] += 1;
  }
  const mode =
    counts.attempted === 0
      ? 'unknown'
      : counts.refused === counts.attempted
        ? 'blocked'
        : counts.stored === counts.attempted
          ? 'allowed'
          : 'mixed';
  return { ...counts, mode };
}
