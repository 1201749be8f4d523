import type { FloodBudget } from '../core/observations/flood-budget';
import type { Observation } from '../core/observations/observation';
import type { WriteTiming } from './observation-writer';

/** While a tab floods, its counts are written this often, so a report read meanwhile says so. */
const SUMMARY_EVERY_MS = 1_000;

/**
 * Stands in front of the observation writer: what the flood budget admits is
 * written one by one, the rest is counted and written as evidence-loss records
 * every second while counting, when a visit ends, and before a report is read.
 */
export class FloodGate {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly budget: FloodBudget,
    private readonly write: (observations: Observation[], timing: WriteTiming) => Promise<void>,
  ) {}

  /**
   * Resolves once what was admitted is taken care of by `via` (by default the
   * gate's writer): a content script's report is answered only then. What was
   * counted instead is held here until the next summary.
   */
  pass(
    observations: readonly Observation[],
    timing: WriteTiming = 'now',
    via: (observations: Observation[], timing: WriteTiming) => Promise<void> = this.write,
  ): Promise<void> {
    const admitted = this.budget.admit(observations);
    const written = admitted.length > 0 ? via(admitted, timing) : Promise.resolve();
    if (this.budget.counting && this.timer === null)
      this.timer = setTimeout(() => {
        this.timer = null;
        this.summarise();
      }, SUMMARY_EVERY_MS);
    return written;
  }

  /** Writes what was counted so far. */
  summarise(): void {
    const losses = this.budget.summaries();
    if (losses.length > 0) void this.write(losses, 'now');
  }

  /** The visit is over: its last counts are written, its keys forgotten. */
  endVisit(visitId: string): void {
    const losses = this.budget.endVisit(visitId);
    if (losses.length > 0) void this.write(losses, 'now');
  }
}
