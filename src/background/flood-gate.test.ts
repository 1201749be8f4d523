import { afterEach, describe, expect, it, vi } from 'vitest';
import { cookieObservation } from '../../tests/support/observations';
import { FloodBudget } from '../core/observations/flood-budget';
import type { Observation } from '../core/observations/observation';
import { FloodGate } from './flood-gate';

afterEach(() => {
  vi.useRealTimers();
});

function gateWithLog() {
  vi.useFakeTimers();
  const written: Observation[] = [];
  const gate = new FloodGate(new FloodBudget(Date.now), async (o) => {
    written.push(...o);
  });
  const flood = (n: number, visitId = 'visit-1') =>
    gate.pass(
      Array.from({ length: n }, (_, i) => cookieObservation({ name: 'flood', value: `${i}`, visitId })),
    );
  const losses = () => written.filter((o) => o.kind === 'evidence-loss');
  return { gate, written, flood, losses };
}

describe('FloodGate', () => {
  it('writes what was counted a second later, while the tab floods, without being asked', async () => {
    const { written, flood, losses } = gateWithLog();
    flood(5_000);
    expect(losses()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(losses()).toMatchObject([{ cause: 'flood', count: 5_000 - (written.length - 1) }]);
    // Nothing more counted: no timer, no record.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(losses()).toHaveLength(1);
  });

  it('writes a visit’s counts as it ends', () => {
    const { gate, flood, losses } = gateWithLog();
    flood(4_000);
    gate.endVisit('visit-1');
    expect(losses()).toMatchObject([{ cause: 'flood', visitId: 'visit-1' }]);
  });
});
