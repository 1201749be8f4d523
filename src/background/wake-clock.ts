import type { Observation } from '../core/observations/observation';
import type { WakeTimings } from '../protocol/inspector';
import { EVALUATION_STARTED_MS } from './evaluation-start';
import type { WaitingObservations } from './observation-writer';

/**
 * Notes when this worker reached each step of a wake, as `performance.now()`
 * (milliseconds since the worker started). Made first thing when the inspector
 * starts, so its own moment is when the background script finished evaluating.
 * Five numbers in memory: cheap enough to keep in every build.
 */
export class WakeClock {
  private readonly timings: WakeTimings = {
    evaluationStartedMs: EVALUATION_STARTED_MS,
    scriptEvaluatedMs: performance.now(),
    listenersAddedMs: Number.NaN,
    firstKeptMs: null,
    firstStoredMs: null,
  };

  listenersAdded(): void {
    this.timings.listenersAddedMs = performance.now();
  }

  /** Observations were written to the database. */
  stored(): void {
    if (this.timings.firstStoredMs !== null) return;
    this.timings.firstStoredMs = performance.now();
    this.timings.firstKeptMs ??= this.timings.firstStoredMs;
  }

  /** The journal, noting when it first kept an entry. */
  watchingKept(journal: WaitingObservations): WaitingObservations {
    return {
      write: async (name: string, observations: Observation[]) => {
        const key = await journal.write(name, observations);
        this.timings.firstKeptMs ??= performance.now();
        return key;
      },
      forget: (key) => journal.forget(key),
      leftOver: () => journal.leftOver(),
    };
  }

  read(): WakeTimings {
    return { ...this.timings };
  }
}
