import { knownSdkProbe } from '../classify/sdk-probe-names';
import type { ClassifiedCookie, ClassifiedStorage } from './classified-observation';

/**
 * How soon after it is written a cookie or storage key must be removed to be a
 * support test. An SDK's test writes, reads back and removes within one call,
 * and the browser reports the two changes within milliseconds of each other;
 * two seconds leaves room for batched page-hook claims, while a cookie cleared
 * at logout has lived through at least a page view.
 */
/** A test token is short ("1", "true", a timestamp, a random id); an SDK's stored events are not. */
const MAX_PROBE_VALUE_CHARS = 64;

/** Two reports of one value within this are one write seen twice. */
const SAME_WRITE_MS = 5;

export const PROBE_WINDOW_MS = 2_000;

/**
 * A cookie or storage key an SDK wrote only to test that the browser keeps it
 * (sajssdk_2015_cookie_access_test, AMP_TEST, __session_storage_support__):
 * not tracking, so no rule counts it, and a report lists it apart.
 */
export interface SdkProbe {
  kind: 'cookie' | 'storage';
  /** The cookie name or storage key. */
  name: string;
  /** The SDK, when known from the probe-name catalogue or the classification. */
  vendor?: string;
  /** Every observation of it: writes and removals, on every domain or origin it was tried on. */
  observationIds: string[];
}

export interface SdkProbeFindings {
  probes: SdkProbe[];
  /** Ids of the observations that are probes, for the rules to pass over. */
  probeIds: ReadonlySet<string>;
}

type Event = {
  id: string;
  at: number;
  kind: 'write' | 'removal' | 'present';
  value: string;
  vendor: string | null;
};

/**
 * Finds SDK probes among cookies and storage keys. One name on one domain and
 * path (or origin, area and key) is a probe when it was written and every
 * write was removed within PROBE_WINDOW_MS, or when it carries a known probe
 * name with its test value (the removal may not have been seen). A cookie the
 * jar already held (`present`) has lived longer than a test and is no probe
 * unless its name and value say so.
 */
export function findSdkProbes(
  cookies: readonly ClassifiedCookie[],
  storage: readonly ClassifiedStorage[],
): SdkProbeFindings {
  const histories = new Map<string, { kind: 'cookie' | 'storage'; name: string; events: Event[] }>();
  const add = (kind: 'cookie' | 'storage', key: string, name: string, event: Event) => {
    const history = histories.get(key);
    if (history) history.events.push(event);
    else histories.set(key, { kind, name, events: [event] });
  };
  for (const c of cookies) {
    const o = c.observation;
    const domain = o.domain.replace(/^\./, '').toLowerCase();
    add('cookie', `c\u0000${o.name}\u0000${domain}\u0000${o.path}`, o.name, {
      id: o.id,
      at: o.observedAt,
      kind: cookieEventKind(o.action, o.expires, o.observedAt),
      value: o.value,
      vendor: c.classification.vendor,
    });
  }
  for (const s of storage) {
    const o = s.observation;
    if (o.action === 'cleared') continue;
    add('storage', `s\u0000${o.key}\u0000${o.origin}\u0000${o.area}`, o.key, {
      id: o.id,
      at: o.observedAt,
      kind: o.action === 'removed' ? 'removal' : o.action === 'present' ? 'present' : 'write',
      value: o.value,
      vendor: s.classification.vendor,
    });
  }

  const byName = new Map<string, SdkProbe>();
  const probeIds = new Set<string>();
  for (const { kind, name, events } of histories.values()) {
    const known = events
      .filter((e) => e.kind !== 'removal')
      .map((e) => knownSdkProbe(kind, name, e.value))
      .find((entry) => entry !== undefined);
    if (!known && !writtenAndRemovedAtOnce(events)) continue;
    const vendor = known?.vendor ?? events.find((e) => e.vendor !== null)?.vendor ?? undefined;
    const groupKey = `${kind}\u0000${name}\u0000${vendor ?? ''}`;
    let probe = byName.get(groupKey);
    if (!probe) {
      probe = { kind, name, ...(vendor !== undefined && { vendor }), observationIds: [] };
      byName.set(groupKey, probe);
    }
    for (const e of events) {
      probe.observationIds.push(e.id);
      probeIds.add(e.id);
    }
  }
  return { probes: [...byName.values()], probeIds };
}

/** A script's `document.cookie = "x=; max-age=0"` is a removal, as the cookies API's `removed` is. */
function cookieEventKind(
  action: ClassifiedCookie['observation']['action'],
  expires: number | undefined,
  observedAt: number,
): Event['kind'] {
  if (action === 'removed') return 'removal';
  if (action === 'present') return 'present';
  if (action === 'script-write' && expires !== undefined && expires * 1000 <= observedAt) return 'removal';
  return 'write';
}

/**
 * Whether it was written, never seen in place, and each write was undone
 * before anything else happened to it, within the window, holding a test
 * token. A cookie an SDK rewrites (the next event is another write) has lived
 * on between them, and a queue of events an SDK stores until it sends them
 * holds data, not a token: neither is a probe, however soon it goes.
 */
function writtenAndRemovedAtOnce(events: readonly Event[]): boolean {
  if (events.some((e) => e.kind === 'present')) return false;
  // Reported in the same millisecond, a removal may be listed before its write: writes first at a tie.
  const ordered = [...events].sort(
    (a, b) => a.at - b.at || Number(a.kind === 'removal') - Number(b.kind === 'removal'),
  );
  let writes = 0;
  for (const [i, write] of ordered.entries()) {
    if (write.kind !== 'write') continue;
    writes += 1;
    if (write.value.length > MAX_PROBE_VALUE_CHARS) return false;
    // The same write reported twice (by the cookies API and by a page hook) is one write.
    const next = ordered
      .slice(i + 1)
      .find((e) => !(e.kind === 'write' && e.value === write.value && e.at - write.at <= SAME_WRITE_MS));
    if (next?.kind !== 'removal' || next.at - write.at > PROBE_WINDOW_MS) return false;
  }
  return writes > 0;
}
