import type { Observation } from '../core/observations/observation';
import { isQuotaError } from '../core/recording/quota';
import type { InspectorDatabase } from '../stores/inspector-database';
import { StaleChainGuess, type TransactionStep } from './recording/chain-in-transaction';
import type { Relief } from './recording/quota-relief';

const MAX_BATCH = 2000;
/** Ids this worker has stored lately; a fact seen again (a request's second reading) is not written twice. */
const REMEMBERED_IDS = 20_000;
const RETRY_DELAYS_MS = [100, 500, 2000, 5000];
/** Observations that may wait are written once this long passes with nothing new added... */
const QUIET_MS = 150;
/** ...or this long after the first of them, whichever comes first... */
const MAX_WAIT_MS = 1_000;
/** ...unless a page is loading: then they wait for its load, up to this long. */
const MAX_WAIT_WHILE_LOADING_MS = 5_000;

/**
 * How long journal writes from paths with their own safety net are gathered
 * into one: each write is an extension-storage call costing the worker about
 * a millisecond, and a loading page makes dozens.
 */
const JOURNAL_BATCH_MS = 25;

/**
 * `at-once` journals before anything else happens. `batched` gathers what
 * arrives within 25 ms into one journal write, for paths that lose nothing if
 * the worker stops within those milliseconds: a content script sends its
 * report again until the worker says it is kept, and a cookie whose change was
 * not journaled is still in the jar the next worker reads.
 */
export type JournalTiming = 'at-once' | 'batched';

/**
 * `now` writes at once. `when-quiet` writes at a pause in the page's activity,
 * and once no page is loading, so the worker does not compete with a loading
 * page for the CPU. Either way the observations are journaled first, so a
 * worker stopped meanwhile loses nothing.
 */
export type WriteTiming = 'now' | 'when-quiet';

interface GatheredJournalWrite {
  observations: Observation[];
  /** One per add that gave observations: the entry leaves the journal once all are stored. */
  stored: Promise<void>[];
  kept: Promise<boolean>;
}

/** Where observations waiting to be written are kept safe (a StorageJournal in the extension). */
export interface WaitingObservations {
  /** Resolves with the entry's key once it is safe; rejects when it cannot be kept (storage full). */
  write(name: string, observations: Observation[]): Promise<string>;
  forget(key: string): void;
  leftOver(): Promise<{ key: string; entry: Observation[] }[]>;
}

/**
 * Buffers observations for one event-loop turn and writes them in one
 * transaction. Ids are idempotency keys: a fact already stored is skipped, so
 * the first sighting (and its timestamp) is the one kept. A failed write keeps
 * the batch in memory and retries; nothing is dropped silently.
 */
export class ObservationWriter {
  private readonly pending = new Map<string, { observation: Observation; seq: number }>();
  /** Each observation added gets the next number; batches are written in this order. */
  private lastSeq = 0;
  /** Every observation numbered up to here is stored. */
  private storedThrough = 0;
  private readonly waiters: { seq: number; resolve: () => void }[] = [];
  /**
   * What this worker already stored. After a restart it is empty, so a second
   * reading of a fact whose first was lost with the old worker is written.
   */
  private readonly stored = new Set<string>();
  private scheduled = false;
  private quietTimer: ReturnType<typeof setTimeout> | null = null;
  private firstWaitingAt = 0;
  private running: Promise<void> | null = null;
  private failures = 0;
  lastError: string | null = null;
  /** Journal names are unique to this worker, so a later one never overwrites what this one left. */
  private readonly journalPrefix = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}/`;
  private journaled = 0;
  private gathering: GatheredJournalWrite | null = null;
  /**
   * Observations the journal could not keep (storage full): they are still
   * written, but a worker stopped before that loses them, so the evidence may
   * be incomplete.
   */
  unjournaled = 0;
  private readonly onUnjournaled: ((observations: Observation[]) => void) | undefined;
  private readonly step: TransactionStep | undefined;
  private readonly relieveQuota: (() => Promise<Relief>) | undefined;
  private readonly waiting: WaitingObservations | undefined;
  private readonly pageLoading: () => boolean;

  constructor(
    private readonly db: InspectorDatabase,
    private readonly onStored: (stored: Observation[]) => void,
    options: {
      /** Runs in each batch's transaction: the recording's chain is extended with what the batch stored. */
      step?: TransactionStep;
      /** When storage is full: evicts older data outside sessions, or pauses the recording. */
      relieveQuota?: () => Promise<Relief>;
      /** Required for `when-quiet` writes; without it they are written at once, unprotected against a stop. */
      waiting?: WaitingObservations;
      /** Told of observations the journal could not keep, so the evidence can say it may be incomplete. */
      onUnjournaled?: (observations: Observation[]) => void;
      /** Whether a page is loading: `when-quiet` writes wait for its load (PageLoads). */
      pageLoading?: () => boolean;
    } = {},
  ) {
    this.step = options.step;
    this.relieveQuota = options.relieveQuota;
    this.waiting = options.waiting;
    this.onUnjournaled = options.onUnjournaled;
    this.pageLoading = options.pageLoading ?? (() => false);
  }

  /**
   * Queues what an earlier worker journaled and never stored (ids already
   * stored are skipped); it leaves the journal once stored.
   */
  async storeLeftOver(): Promise<void> {
    const waiting = this.waiting;
    if (!waiting) return;
    try {
      // Already in the journal: not journaled a second time.
      for (const { key, entry } of await waiting.leftOver())
        void this.take(entry, 'now', false).stored.then(() => waiting.forget(key));
    } catch (error) {
      console.error('[inspector] Could not read the observations journal', error);
    }
  }

  /**
   * Queues observations for storing. The promise resolves once they are stored
   * (a fact stored before counts); while the database refuses them it waits, so
   * a caller keeping a copy elsewhere knows when it may let it go.
   */
  add(
    observations: readonly Observation[],
    timing: WriteTiming = 'now',
    journal: JournalTiming = 'at-once',
  ): Promise<void> {
    return this.take(observations, timing, journal).stored;
  }

  /**
   * Queues observations like `add`, resolving as soon as they are safe from a
   * worker stop: journaled, or else stored. A sender holding a copy may then let it go.
   */
  keep(
    observations: readonly Observation[],
    timing: WriteTiming = 'now',
    journal: JournalTiming = 'at-once',
  ): Promise<void> {
    return this.take(observations, timing, journal).safe;
  }

  private take(
    observations: readonly Observation[],
    timing: WriteTiming,
    journal: JournalTiming | false,
  ): { stored: Promise<void>; safe: Promise<void> } {
    const added: Observation[] = [];
    for (const o of observations) {
      if (this.pending.has(o.id) || this.stored.has(o.id)) continue;
      this.pending.set(o.id, { observation: o, seq: ++this.lastSeq });
      added.push(o);
    }
    if (added.length > 0 && timing === 'when-quiet' && this.waiting) this.scheduleWhenQuiet();
    else if (added.length > 0) this.schedule(0);
    // Anything of these already pending was numbered before now, so storing through here covers them all.
    const seq = this.lastSeq;
    const stored: Promise<void> =
      seq <= this.storedThrough
        ? Promise.resolve()
        : new Promise((resolve) => this.waiters.push({ seq, resolve }));
    const journaled =
      journal === false || added.length === 0
        ? null
        : journal === 'batched'
          ? this.journalSoon(added, stored)
          : this.journal(added, stored);
    // Those of them already pending were journaled by an earlier call, whose write went out first.
    const safe = journaled
      ? Promise.race([journaled.then((kept) => (kept ? undefined : stored)), stored])
      : stored;
    return { stored, safe };
  }

  /** Writes ahead; resolves whether the journal kept them, and lets them go once stored. */
  private journal(added: Observation[], stored: Promise<void>): Promise<boolean> | null {
    const waiting = this.waiting;
    if (!waiting) return null;
    return waiting.write(`${this.journalPrefix}${++this.journaled}`, added).then(
      (key) => {
        void stored.then(() => waiting.forget(key));
        return true;
      },
      (error: unknown) => {
        // Still written to the database; only a stop before that would lose them.
        this.unjournaled += added.length;
        console.warn(`[inspector] Could not journal ${added.length} observations`, error);
        this.onUnjournaled?.(added);
        return false;
      },
    );
  }

  /** Gathers observations into the next batched journal write; it leaves the journal once all are stored. */
  private journalSoon(added: Observation[], stored: Promise<void>): Promise<boolean> | null {
    if (!this.waiting) return null;
    if (!this.gathering) {
      const gathering: GatheredJournalWrite = { observations: [], stored: [], kept: Promise.resolve(false) };
      gathering.kept = new Promise((resolve) =>
        setTimeout(() => {
          if (this.gathering === gathering) this.gathering = null;
          const allStored = Promise.all(gathering.stored).then(() => {});
          resolve(this.journal(gathering.observations, allStored) ?? false);
        }, JOURNAL_BATCH_MS),
      );
      this.gathering = gathering;
    }
    for (const o of added) this.gathering.observations.push(o);
    this.gathering.stored.push(stored);
    return this.gathering.kept;
  }

  /**
   * What was added and is not stored yet, oldest first: after a drain, what
   * the database refused for now (it is retried). An export reads it beside
   * the store, so a report made meanwhile still holds everything observed.
   */
  unstored(): Observation[] {
    return [...this.pending.values()].map((p) => p.observation);
  }

  /** After the store was emptied: facts seen again must be written again. */
  forgetStored(): void {
    this.stored.clear();
  }

  /**
   * Resolves once everything added before the call is stored (or has failed
   * for now). What arrives meanwhile is not waited for: under a page that
   * never stops (a flood of frames), a drain that waited for an empty queue
   * would never end, and the popup asking for a verdict would wait with it.
   */
  async drain(): Promise<void> {
    const through = this.lastSeq;
    while (this.storedThrough < through) {
      if (this.running) await this.running;
      else if (this.pending.size > 0) await this.flush();
      else return;
      if (this.failures > 0) return;
    }
  }

  private scheduleWhenQuiet(): void {
    const now = Date.now();
    if (this.quietTimer === null) this.firstWaitingAt = now;
    else clearTimeout(this.quietTimer);
    const delay = Math.max(0, Math.min(QUIET_MS, this.firstWaitingAt + MAX_WAIT_MS - now));
    this.quietTimer = setTimeout(() => this.quietEnough(), delay);
  }

  /** Writes what waits, unless a page is still loading and may still be waited for. */
  private quietEnough(): void {
    const waited = Date.now() - this.firstWaitingAt;
    if (this.pageLoading() && waited < MAX_WAIT_WHILE_LOADING_MS) {
      this.quietTimer = setTimeout(
        () => this.quietEnough(),
        Math.min(QUIET_MS, MAX_WAIT_WHILE_LOADING_MS - waited),
      );
      return;
    }
    this.quietTimer = null;
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      void this.flush();
    };
    // A worker can be stopped at any moment: the write starts at once, and what arrives while it
    // runs forms the next batch. Only retries wait.
    if (delayMs === 0) queueMicrotask(run);
    else setTimeout(run, delayMs);
  }

  private async flush(): Promise<void> {
    if (this.running) return this.running;
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()].slice(0, MAX_BATCH);
    this.running = this.write(
      batch.map((p) => p.observation),
      batch.at(-1)?.seq ?? 0,
    ).finally(() => {
      this.running = null;
    });
    await this.running;
    if (this.pending.size > 0) {
      this.schedule(
        this.failures === 0 ? 0 : (RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length) - 1] ?? 0),
      );
    }
  }

  private storeBatch(batch: Observation[]): Promise<Observation[]> {
    const step = this.step;
    if (!step) return this.db.observations.addNew(batch);
    const db = this.db;
    return db
      .transaction('rw', [db.observationBatches, ...step.tables(db)], async () => {
        // Ids already stored are skipped, so the first sighting stays.
        const storing = db.observations.addNew(batch);
        await step.run(db, batch, storing);
        return storing;
      })
      .then(
        (stored) => {
          step.settled(true);
          return stored;
        },
        (error: unknown) => {
          step.settled(false);
          throw error;
        },
      );
  }

  private async write(batch: Observation[], throughSeq: number): Promise<void> {
    try {
      const stored = await this.storeBatch(batch);
      if (this.stored.size + batch.length > REMEMBERED_IDS) this.stored.clear();
      for (const o of batch) {
        this.pending.delete(o.id);
        this.stored.add(o.id);
      }
      // Batches are the oldest pending observations in order, so all numbered up to the batch's last are stored.
      this.markStoredThrough(throughSeq);
      this.failures = 0;
      this.lastError = null;
      if (stored.length > 0) this.onStored(stored);
    } catch (error) {
      // Nothing of the batch was stored; it is written again at once, the careful way.
      if (error instanceof StaleChainGuess) return;
      if (this.relieveQuota && isQuotaError(error)) {
        const relief = await this.relieveQuota().catch((e: unknown) => {
          console.error('[inspector] Could not make room', e);
          return 'none' as const;
        });
        // Room was made, or the session now says it is incomplete: the batch is retried at once.
        if (relief !== 'none') {
          this.lastError = `Storage is full: ${relief === 'evicted' ? 'older observations outside recorded sessions were deleted' : 'recording paused, session evidence incomplete'}`;
          return;
        }
      }
      this.failures += 1;
      this.lastError = `Could not store ${batch.length} observations: ${describeError(error)}`;
      console.error('[inspector]', this.lastError);
    }
  }

  private markStoredThrough(seq: number): void {
    this.storedThrough = Math.max(this.storedThrough, seq);
    // Waiters were queued in number order.
    while (this.waiters[0] && this.waiters[0].seq <= this.storedThrough) this.waiters.shift()?.resolve();
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Dexie wraps what IndexedDB reported (a transaction's AbortError around a QuotaExceededError): name the root cause.
  let root: Error = error;
  for (let depth = 0; depth < 5; depth++) {
    const inner = (root as { inner?: unknown }).inner;
    if (!(inner instanceof Error)) break;
    root = inner;
  }
  return root === error ? `${error.name}: ${error.message}` : `${error.name}: ${root.name} ${root.message}`;
}
