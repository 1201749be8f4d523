import type * as pkijs from 'pkijs';
import { checkTimestampToken } from './timestamp-token';

/**
 * The trusted time a bundle carries, as its verifier reports it beside the
 * recorder's own times:
 * - `trusted`: the token stamps this manifest, its signature holds, and its
 *   TSA chains to a certificate the checker gave (`--tsa-cert`);
 * - `not-checked`: the token stamps this manifest and its signature holds,
 *   but no trust list was given, so who issued it is unknown;
 * - `untrusted`: the token is wrong in some way (see the problems);
 * - `missing`: a trust list was given and the bundle holds no token.
 */
export interface TimestampVerdict {
  trust: 'trusted' | 'not-checked' | 'untrusted' | 'missing';
  /** The TSA's time, ISO 8601 UTC. */
  time?: string;
  accuracyMs?: number;
  /** The certificate that signed the token, by its subject. */
  tsa?: string;
  serial?: string;
  policy?: string;
  /** The latest time the recorder wrote into the bundle, and what wrote it. */
  latestRecorded?: { time: string; what: string };
}

export type TimestampProblem = { kind: 'timestamp' | 'clock'; message: string };

/** A time the recorder wrote, and where: "manifest.json created", "observation o-12". */
export interface RecordedTime {
  at: number;
  what: string;
}

/**
 * openssl and many TSAs stamp whole seconds, dropping the fraction: a
 * recorded time up to this much after the token's time is not later than it.
 */
const GEN_TIME_PRECISION_MS = 1000;

/**
 * Checks the token over the manifest's bytes, and that nothing the recorder
 * wrote is dated after the stamp: the manifest is made before it is stamped,
 * so a later recorded time means the recorder's clock ran ahead or the times
 * were written afterwards.
 */
export async function checkBundleTimestamp(
  token: Uint8Array | undefined,
  manifestBytes: Uint8Array<ArrayBuffer>,
  trustAnchors: readonly pkijs.Certificate[] | undefined,
  latestRecorded: RecordedTime | undefined,
): Promise<{ verdict?: TimestampVerdict; problems: TimestampProblem[] }> {
  const latest = latestRecorded && {
    latestRecorded: { time: new Date(latestRecorded.at).toISOString(), what: latestRecorded.what },
  };
  if (!token)
    return trustAnchors ? { verdict: { trust: 'missing', ...latest }, problems: [] } : { problems: [] };
  const check = await checkTimestampToken(token, manifestBytes, trustAnchors);
  if (check.status === 'unreadable') {
    return {
      verdict: { trust: 'untrusted', ...latest },
      problems: [{ kind: 'timestamp', message: `${check.message} (timestamp.tst)` }],
    };
  }
  const { token: read } = check;
  const verdict: TimestampVerdict = {
    trust: check.trust,
    time: read.time,
    ...(read.accuracyMs !== undefined && { accuracyMs: read.accuracyMs }),
    ...(check.signer && { tsa: check.signer }),
    serial: read.serial,
    policy: read.policy,
    ...latest,
  };
  const problems: TimestampProblem[] = check.problems.map((p) => ({ kind: 'timestamp', message: p.message }));
  if (problems.length === 0 && latestRecorded) {
    const allowed = Date.parse(read.time) + (read.accuracyMs ?? 0) + GEN_TIME_PRECISION_MS;
    if (latestRecorded.at > allowed) {
      const seconds = ((latestRecorded.at - Date.parse(read.time)) / 1000).toFixed(1);
      problems.push({
        kind: 'clock',
        message: `The bundle records a time after its trusted timestamp: ${latestRecorded.what} is dated ${new Date(latestRecorded.at).toISOString()}, ${seconds} s after the TSA's ${read.time}${read.accuracyMs ? ` (±${read.accuracyMs / 1000} s)` : ''}. The manifest is stamped after it is written, so the recorder's clock ran ahead or its times were written afterwards: they cannot be relied on.`,
      });
    }
  }
  return { verdict, problems };
}

/** The latest of the recorder's times that a bundle holds, or undefined when it holds none that parse. */
export function latestRecordedTime(times: Iterable<RecordedTime>): RecordedTime | undefined {
  let latest: RecordedTime | undefined;
  for (const time of times) {
    if (Number.isFinite(time.at) && (!latest || time.at > latest.at)) latest = time;
  }
  return latest;
}
