import { describe, expect, it } from 'vitest';
import {
  cookieObservation,
  requestObservation,
  storageObservation,
} from '../../../tests/support/observations';
import { evidenceLoss } from './evidence-loss';
import { FLOOD_LIMITS, FloodBudget } from './flood-budget';
import { floodKey } from './flood-key';
import type { Observation } from './observation';

function budgetAt(start = 0) {
  const clock = { now: start };
  return { clock, budget: new FloodBudget(() => clock.now) };
}

/** One page writing the same cookie with a new value each time. */
const floodCookie = (i: number, tabId = 1, visitId = 'visit-1') =>
  cookieObservation({ name: 'flood', value: String(i), action: 'set', tabId, visitId });

/**
 * Feeds `total` observations evenly over `ms`, in batches as the collectors hand them over; returns
 * those admitted. The clock stays at the last batch.
 */
function feed(
  budget: FloodBudget,
  clock: { now: number },
  make: (i: number) => Observation,
  total: number,
  ms: number,
  batch = 50,
): Observation[] {
  const admitted: Observation[] = [];
  const start = clock.now;
  for (let i = 0; i < total; i += batch) {
    clock.now = start + Math.floor((i / total) * ms);
    const slice = Array.from({ length: Math.min(batch, total - i) }, (_, j) => make(i + j));
    admitted.push(...budget.admit(slice));
  }
  return admitted;
}

describe('FloodBudget', () => {
  it('never meets a busy news page: hundreds of requests, dozens of cookies, storage read again and again', () => {
    const { clock, budget } = budgetAt();
    const page: Observation[] = [];
    // 800 requests to 60 endpoints, each hit with its own query string.
    for (let i = 0; i < 800; i++)
      page.push(requestObservation({ url: `https://ads${i % 6}.example/e${i % 10}?hit=${i}` }));
    // 40 cookies set 4 times each, and the jar read twice (commit, load).
    for (let c = 0; c < 40; c++) {
      for (let v = 0; v < 4; v++)
        page.push(cookieObservation({ name: `c${c}`, value: `${v}`, action: 'set' }));
      page.push(cookieObservation({ name: `c${c}` }), cookieObservation({ name: `c${c}` }));
    }
    // 300 storage keys read 5 times with new values, then 40 more times unchanged (the same facts again).
    for (let r = 0; r < 5; r++)
      for (let k = 0; k < 300; k++) page.push(storageObservation({ key: `k${k}`, value: `${r}` }));
    for (let r = 0; r < 40; r++)
      for (let k = 0; k < 300; k++)
        page.push(storageObservation({ id: `s-k${k}`, key: `k${k}`, value: 'same' }));
    const admitted = feed(budget, clock, (i) => page[i] as Observation, page.length, 10_000);
    // Then ten minutes of ad refreshes and heartbeats, 5 a second.
    admitted.push(
      ...feed(
        budget,
        clock,
        (i) => requestObservation({ url: `https://ads1.example/e1?t=${i}` }),
        3_000,
        600_000,
        5,
      ),
    );
    expect(admitted).toHaveLength(page.length + 3_000);
    expect(budget.counting).toBe(false);
    expect(budget.summaries()).toEqual([]);
  });

  it('keeps a cookie flood as counts per key: what is stored stays bounded, and stored plus counted is all', () => {
    const { clock, budget } = budgetAt();
    const admitted = feed(budget, clock, (i) => floodCookie(i), 31_233, 4_000);
    // The first sighting, the tab's burst, then 50 a second.
    expect(admitted.length).toBeLessThanOrEqual(
      1 + FLOOD_LIMITS.perTab.burst + 4 * FLOOD_LIMITS.perTab.perSecond,
    );
    expect(admitted.length).toBeGreaterThanOrEqual(FLOOD_LIMITS.perTab.burst);
    expect(budget.counting).toBe(true);

    const [loss, ...more] = budget.summaries();
    expect(more).toEqual([]);
    expect(loss).toMatchObject({
      kind: 'evidence-loss',
      provenance: 'extension',
      cause: 'flood',
      visitId: 'visit-1',
      tabId: 1,
      count: 31_233 - admitted.length,
      perKey: [{ key: 'cookie flood@www.jeejio.com/ [cookies-api]', count: 31_233 - admitted.length }],
    });
    expect(loss?.detail).toContain("the tab's budget");
    // Counted once: the next summary starts from nothing.
    expect(budget.counting).toBe(false);
    expect(budget.summaries()).toEqual([]);
  });

  it('stores the first sighting of a new cookie in the middle of a flood, one by one', () => {
    const { clock, budget } = budgetAt();
    feed(budget, clock, (i) => floodCookie(i), 20_000, 2_000);
    const tracker = cookieObservation({ name: 'zz_tracker', value: 'id-1', action: 'set' });
    const later = cookieObservation({ name: 'zz_tracker', value: 'id-2', action: 'set' });
    expect(budget.admit([floodCookie(-1), tracker, floodCookie(-2)])).toEqual([tracker]);
    // Its second write is a repeat like any other, counted while the tab floods.
    expect(budget.admit([later])).toEqual([]);
    const [loss] = budget.summaries();
    expect(loss?.perKey).toContainEqual({ key: 'cookie zz_tracker@www.jeejio.com/ [cookies-api]', count: 1 });
  });

  it('bounds first sightings too: a flood of new names is stored up to the bound, the rest counted', () => {
    const { budget } = budgetAt();
    const names = Array.from({ length: 10_000 }, (_, i) =>
      cookieObservation({ name: `f${i}`, action: 'set' }),
    );
    const admitted = budget.admit(names);
    // 5,000 as new keys, then the tab's budget for the rest.
    expect(admitted).toHaveLength(FLOOD_LIMITS.newKeysPerTab.burst + FLOOD_LIMITS.perTab.burst);
    const [loss] = budget.summaries();
    expect(loss).toMatchObject({ cause: 'flood', count: 10_000 - admitted.length });
    expect(loss?.perKey).toHaveLength(50);
    expect(loss?.detail).toContain("the tab's bound on new names");
  });

  it('holds every tab together to the overall budget, and says which budget was met', () => {
    const { budget } = budgetAt();
    let admitted = 0;
    for (let tab = 1; tab <= 5; tab++)
      admitted += budget.admit(
        Array.from({ length: 3_000 }, (_, i) => floodCookie(i, tab, `v${tab}`)),
      ).length;
    // Each tab's first sighting, then 10,000 repeats over all tabs.
    expect(admitted).toBe(5 + FLOOD_LIMITS.overall.burst);
    const losses = budget.summaries();
    expect(losses.map((l) => l.tabId).sort()).toEqual([4, 5]);
    expect(losses.every((l) => l.detail?.includes('all tabs together'))).toBe(true);
    expect(losses.reduce((sum, l) => sum + l.count, 0)).toBe(15_000 - admitted);
  });

  it('lets a fact already stored through when read again, even while the tab floods', () => {
    const { budget } = budgetAt();
    const fact = cookieObservation({ id: 'same-fact', name: 'uid' });
    expect(budget.admit([fact])).toEqual([fact]);
    budget.admit(Array.from({ length: 5_000 }, (_, i) => floodCookie(i)));
    const again = { ...fact };
    expect(budget.admit([again])).toEqual([again]);
  });

  it('lets a tab that stopped flooding store one by one again', () => {
    const { clock, budget } = budgetAt();
    feed(budget, clock, (i) => floodCookie(i), 10_000, 1_000);
    clock.now += 60_000;
    const calm = Array.from({ length: 100 }, (_, i) => floodCookie(100_000 + i));
    expect(budget.admit(calm)).toHaveLength(100);
  });

  it('merges other limits’ loss records over the budget, keeping their counts', () => {
    const { budget } = budgetAt();
    budget.admit(Array.from({ length: 5_000 }, (_, i) => floodCookie(i)));
    const visit = { visitId: 'visit-1', tabId: 1, url: 'https://www.jeejio.com/' };
    const rate = (count: number) => evidenceLoss({ visit, cause: 'claim-rate', count, observedAt: 1 });
    // The first is a first sighting; the next two are over the budget.
    expect(budget.admit([rate(10), rate(20), rate(30)])).toHaveLength(1);
    const merged = budget.summaries().find((l) => l.cause === 'claim-rate');
    expect(merged).toMatchObject({ count: 50, visitId: 'visit-1' });
  });

  it('gives a visit’s last summary when it ends, and forgets its keys', () => {
    const { budget } = budgetAt();
    budget.admit(Array.from({ length: 4_000 }, (_, i) => floodCookie(i)));
    const [last] = budget.endVisit('visit-1');
    expect(last).toMatchObject({ cause: 'flood', count: 4_000 - 1 - FLOOD_LIMITS.perTab.burst });
    expect(budget.counting).toBe(false);
    // A key is new again on the tab's next visit, even while the tab is over its budget.
    const next = floodCookie(0, 1, 'visit-2');
    expect(budget.admit([next])).toEqual([next]);
    expect(budget.endVisit('visit-1')).toEqual([]);
  });

  it('forgets the longest unused visit past its bound without losing its counts', () => {
    const clock = { now: 0 };
    const budget = new FloodBudget(() => clock.now, {
      ...FLOOD_LIMITS,
      maxVisits: 2,
      perTab: { burst: 1, perSecond: 0 },
    });
    budget.admit([floodCookie(1, 1, 'a'), floodCookie(2, 1, 'a'), floodCookie(3, 1, 'a')]);
    budget.admit([floodCookie(1, 1, 'b')]);
    budget.admit([floodCookie(1, 1, 'c')]);
    expect(budget.summaries()).toMatchObject([{ visitId: 'a', count: 1 }]);
  });
});

describe('floodKey', () => {
  it('counts a cookie by name, domain and path, and a request by method, host and path', () => {
    expect(floodKey(cookieObservation({ name: 'a', value: '1', domain: '.jeejio.com', path: '/x' }))).toBe(
      'cookie a@.jeejio.com/x [cookies-api]',
    );
    expect(floodKey(requestObservation({ url: 'https://t.example/collect?v=1&id=2' }))).toBe(
      'request GET t.example/collect [webRequest]',
    );
    expect(floodKey(storageObservation({ key: 'uid' }))).toBe(
      'storage localStorage https://www.jeejio.com uid [dom]',
    );
    expect(floodKey(cookieObservation({ name: 'x'.repeat(5_000) })).length).toBeLessThanOrEqual(200);
  });
});
