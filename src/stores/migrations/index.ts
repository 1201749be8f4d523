import { initialSchema } from './2026-11-25-initial';
import { leanObservationIndexes } from './2026-11-25-lean-observation-indexes';
import { sessionsSchema } from './2026-11-25-sessions';
import { observationBatches } from './2026-11-26-observation-batches';
import type { Migration } from './migration';

/** Every schema step, oldest first. Add a new module per step; never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  sessionsSchema,
  leanObservationIndexes,
  observationBatches,
];
