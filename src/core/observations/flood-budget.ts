import { evidenceLoss } from './evidence-loss';
import { floodKey } from './flood-key';
import type { EvidenceLossObservation, LossCause, Observation, PageVisit } from './observation';

/** `burst` at once, then `perSecond` on average. */
export interface Allowance {
  burst: number;
  perSecond: number;
}

export interface FloodLimits {
  /** Observations of keys the visit already showed, per tab. */
  perTab: Allowance;
  /** The same, over every tab together. */
  overall: Allowance;
  /** First sightings of keys, per tab: stored one by one even while the tab floods. */
  newKeysPerTab: Allowance;
  /** Keys remembered per visit to tell a first sighting; beyond it, a key counts as seen. */
  maxSeenKeysPerVisit: number;
  /** Ids admitted per visit, so a fact read again passes free; past it, they are forgotten and start again. */
  maxAdmittedIdsPerVisit: number;
  /** Keys counted one by one per visit between summaries; beyond it, only the total grows. */
  maxCountedKeysPerVisit: number;
  /** Visits whose keys are remembered; the longest unused is forgotten (its counts are summarised first). */
  maxVisits: number;
}

/**
 * The numbers, and why no real page meets them. A busy news page makes a few
 * hundred requests (many to the same ad and analytics endpoints), sets a few
 * dozen cookies a few times each, and is read twice by jar snapshots and a few
 * times by storage readings of up to 500 keys: about 2,000 observations while it
 * loads, most of them first sightings, which do not spend `perTab` at all, and
 * re-readings of a fact already admitted (same id), which pass free. After that,
 * a few new facts a second (ad refreshes, heartbeats, an analytics cookie
 * updated per hit). The demo site, the real-SDK app and the tracker-heavy
 * fixture stay under 500 in all. So a tab has 3,000 repeats at once and 20 a
 * second after (several times a busy page's steady rate); every tab together
 * 10,000 and 100 a second (a restored window of jeejio tabs loading at once).
 * New keys get a larger bound: 5,000 at once and 100 a second, about ten news
 * pages' worth of distinct cookies, endpoints and storage keys a minute.
 * Measured in Chromium (tests/e2e/flood.spec.ts): 30 same-origin iframes writing
 * cookies for 4 s made 31,233 observations before; now about 3,500 are stored and
 * 20,000-35,000 counted. 10,000 frames writing a cookie 10 times each (10 minutes
 * on a busy machine): 15,524 stored, 69,421 counted; 3,000 plus 20 a second.
 */
export const FLOOD_LIMITS: FloodLimits = {
  perTab: { burst: 3_000, perSecond: 20 },
  overall: { burst: 10_000, perSecond: 100 },
  newKeysPerTab: { burst: 5_000, perSecond: 100 },
  maxSeenKeysPerVisit: 20_000,
  maxAdmittedIdsPerVisit: 20_000,
  maxCountedKeysPerVisit: 1_000,
  maxVisits: 200,
};

/** Which limits a summary's observations were over, as the loss record's detail says. */
type Limit = 'tab' | 'overall' | 'new-keys';

const LIMIT_WORDS: Record<Limit, string> = {
  tab: "the tab's budget",
  overall: 'the budget of all tabs together',
  'new-keys': "the tab's bound on new names",
};

class Bucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly allowance: Allowance,
    now: number,
  ) {
    this.tokens = allowance.burst;
    this.last = now;
  }

  has(now: number): boolean {
    this.tokens = Math.min(
      this.allowance.burst,
      this.tokens + (Math.max(0, now - this.last) / 1000) * this.allowance.perSecond,
    );
    this.last = now;
    return this.tokens >= 1;
  }

  spend(): void {
    this.tokens -= 1;
  }
}

interface VisitCounts {
  visit: Pick<PageVisit, 'visitId' | 'tabId' | 'url'>;
  seen: Set<string>;
  /** Ids stored one by one: a second reading of the same fact is skipped by the writer, so it costs nothing. */
  admitted: Set<string>;
  /** Observations kept as counts since the last summary. */
  total: number;
  perKey: Map<string, number>;
  limits: Set<Limit>;
  /** Loss records over the budget, merged per cause so their counts are kept. */
  losses: Map<LossCause, { count: number; perKey: Map<string, number> }>;
}

/**
 * The worker's flood budget: decides which observations are stored one by one
 * and which are kept as counts per key (see `floodKey`), then summarised as
 * `flood` evidence-loss records. The first sighting of a key on a visit is
 * always stored while the tab's bound on new keys lasts, so a tracker cookie
 * hiding in a flood of another is still found. Pure: the clock is given.
 */
export class FloodBudget {
  private readonly tabs = new Map<number, { repeats: Bucket; newKeys: Bucket }>();
  private readonly overall: Bucket;
  /** By visit id, the most recently used last. */
  private readonly visits = new Map<string, VisitCounts>();
  /** Counts of visits forgotten before their summary was taken. */
  private readonly forgotten: EvidenceLossObservation[] = [];

  constructor(
    private readonly now: () => number,
    private readonly limits: FloodLimits = FLOOD_LIMITS,
  ) {
    this.overall = new Bucket(limits.overall, now());
  }

  /** The observations to store one by one; the others are counted for the next summary. */
  admit(observations: readonly Observation[]): Observation[] {
    const now = this.now();
    const admitted: Observation[] = [];
    for (const o of observations) {
      const visit = this.visitOf(o);
      if (visit.admitted.has(o.id)) {
        admitted.push(o);
        continue;
      }
      const tab = this.tabOf(o.tabId, now);
      const key = floodKey(o);
      const isNew = !visit.seen.has(key);
      if (isNew && visit.seen.size < this.limits.maxSeenKeysPerVisit && tab.newKeys.has(now)) {
        tab.newKeys.spend();
        visit.seen.add(key);
        this.admitOne(visit, o, admitted);
        continue;
      }
      const tabHas = tab.repeats.has(now);
      const overallHas = this.overall.has(now);
      if (tabHas && overallHas) {
        tab.repeats.spend();
        this.overall.spend();
        this.admitOne(visit, o, admitted);
      } else {
        visit.limits.add(isNew ? 'new-keys' : tabHas ? 'overall' : 'tab');
        this.count(visit, o, key);
      }
    }
    return admitted;
  }

  /** Whether anything is counted and not yet summarised. */
  get counting(): boolean {
    return this.forgotten.length > 0 || [...this.visits.values()].some(hasCounts);
  }

  /** A loss record for each visit with counts since the last call (and its merged losses); the counts restart. */
  summaries(): EvidenceLossObservation[] {
    const observedAt = this.now();
    const losses = this.forgotten.splice(0);
    for (const visit of this.visits.values()) losses.push(...summarise(visit, observedAt));
    return losses;
  }

  /** The visit is over: its last summary, and its keys forgotten. */
  endVisit(visitId: string): EvidenceLossObservation[] {
    const visit = this.visits.get(visitId);
    if (!visit) return [];
    this.visits.delete(visitId);
    return summarise(visit, this.now());
  }

  private admitOne(visit: VisitCounts, o: Observation, admitted: Observation[]): void {
    if (visit.admitted.size >= this.limits.maxAdmittedIdsPerVisit) visit.admitted.clear();
    visit.admitted.add(o.id);
    admitted.push(o);
  }

  private count(visit: VisitCounts, o: Observation, key: string): void {
    if (o.kind === 'evidence-loss') {
      // Another limit's account of what it dropped: merged, never lost.
      let merged = visit.losses.get(o.cause);
      if (!merged) {
        merged = { count: 0, perKey: new Map() };
        visit.losses.set(o.cause, merged);
      }
      merged.count += o.count;
      for (const { key: k, count } of o.perKey ?? [])
        addBounded(merged.perKey, k, count, this.limits.maxCountedKeysPerVisit);
      return;
    }
    visit.total += 1;
    addBounded(visit.perKey, key, 1, this.limits.maxCountedKeysPerVisit);
  }

  private visitOf(o: Observation): VisitCounts {
    let visit = this.visits.get(o.visitId);
    if (visit) {
      // Most recently used last: the first is the one to forget.
      this.visits.delete(o.visitId);
    } else {
      visit = {
        visit: { visitId: o.visitId, tabId: o.tabId, url: o.pageUrl },
        seen: new Set(),
        admitted: new Set(),
        total: 0,
        perKey: new Map(),
        limits: new Set(),
        losses: new Map(),
      };
      this.forgetOldestVisits(this.limits.maxVisits - 1);
    }
    this.visits.set(o.visitId, visit);
    return visit;
  }

  private forgetOldestVisits(keep: number): void {
    for (const [visitId, visit] of this.visits) {
      if (this.visits.size <= keep) return;
      this.visits.delete(visitId);
      this.forgotten.push(...summarise(visit, this.now()));
    }
  }

  private tabOf(tabId: number, now: number): { repeats: Bucket; newKeys: Bucket } {
    let tab = this.tabs.get(tabId);
    if (!tab) {
      tab = {
        repeats: new Bucket(this.limits.perTab, now),
        newKeys: new Bucket(this.limits.newKeysPerTab, now),
      };
      this.tabs.set(tabId, tab);
    }
    return tab;
  }
}

function hasCounts(visit: VisitCounts): boolean {
  return visit.total > 0 || visit.losses.size > 0;
}

/** Counts a key while there is room for it; past the bound, the caller's total still counts it. */
function addBounded(counts: Map<string, number>, key: string, n: number, max: number): void {
  const had = counts.get(key);
  if (had !== undefined) counts.set(key, had + n);
  else if (counts.size < max) counts.set(key, n);
}

function summarise(visit: VisitCounts, observedAt: number): EvidenceLossObservation[] {
  const losses: EvidenceLossObservation[] = [];
  if (visit.total > 0) {
    const listed = [...visit.perKey.values()].reduce((sum, n) => sum + n, 0);
    const unlisted = visit.total - listed;
    losses.push(
      evidenceLoss({
        visit: visit.visit,
        cause: 'flood',
        count: visit.total,
        observedAt,
        perKey: [...visit.perKey].map(([key, count]) => ({ key, count })),
        detail: `Over ${[...visit.limits]
          .sort()
          .map((l) => LIMIT_WORDS[l])
          .join(' and ')}${unlisted > 0 ? `; ${unlisted} of them under keys too many to list` : ''}.`,
      }),
    );
  }
  for (const [cause, merged] of visit.losses)
    losses.push(
      evidenceLoss({
        visit: visit.visit,
        cause,
        count: merged.count,
        observedAt,
        perKey: [...merged.perKey].map(([key, count]) => ({ key, count })),
        detail: 'Several records of this loss, merged while the tab was over the flood budget.',
      }),
    );
  visit.total = 0;
  visit.perKey.clear();
  visit.limits.clear();
  visit.losses.clear();
  return losses;
}
