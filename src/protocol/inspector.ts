import type { Observation, RecordedLog } from '../core/observations/observation';
import type { RetentionResult, RetentionSetting } from '../core/recording/retention';
import type { RecordingStatus, StartResult } from '../core/recording/session';
import type { Report } from '../core/report/report-types';
import type { TabReport, TabSummary } from './worker-requests';

/**
 * The worker's inspector, as the command-line audit, the Playwright fixture,
 * benches and end-to-end tests reach it: the worker puts it on its global
 * `INSPECTOR_GLOBAL`, and `inInspector` (src/harness) is the one typed way in.
 * Extension pages never use it; they send `Requests` (worker-requests.ts).
 */
export interface Inspector {
  /** Resolves when the listeners are in place and earlier state is restored. */
  ready: Promise<void>;
  /** The rules this build judges by: a command must judge by the same, or say the build is older. */
  ruleSetVersion: string;
  tabReport(tabId: number): Promise<TabReport>;
  /** The verdict and first violations of a tab's visit, kept up to date as data arrives. */
  tabSummary(tabId: number): Promise<TabSummary>;
  /** Stores observations as if the collectors had made them (replay, tests, benchmarks). */
  record(observations: Observation[]): Promise<void>;
  /** Everything recorded so far, after a fresh read of every monitored page's cookies. */
  exportReport(): Promise<Report>;
  /** The raw recorded log the report is built from, for replay and evidence. */
  exportLog(): Promise<RecordedLog>;
  /**
   * Whether the page a tab shows at this URL has sent what its load brings (its
   * first storage reading comes last): the audit waits for this before moving on.
   */
  pageReadingState(pageUrl: string): PageReadingState;
  /** Deletes everything recorded; the badges go blank. */
  clearData(): Promise<{ cleared: number }>;
  /** How long this worker took to start and to keep its first observation (the footprint bench reads it). */
  wakeTimings(): WakeTimings;
  /** Recording sessions: what the writer stores while one runs is chained into it. */
  recorder: RecorderControls;
  /** Deletes data outside sessions after the days the user set. */
  retention: RetentionControls;
}

/**
 * Milliseconds from this worker's start (its time origin) to each step of its
 * first moments. A stopped worker is started again by the event it must
 * observe, so these are what a wake costs before anything is on record.
 */
export interface WakeTimings {
  /** The background script begins to run: before this, the browser loads and compiles it. */
  evaluationStartedMs: number;
  /** The background script is evaluated (every module's top-level work done) and the inspector starts. */
  scriptEvaluatedMs: number;
  /** Every listener is added: from here on, the event that woke the worker is delivered. */
  listenersAddedMs: number;
  /** The first observation safe from a stop: kept in the journal, or already stored. Null until then. */
  firstKeptMs: number | null;
  /** The first observation written to the database. Null until then. */
  firstStoredMs: number | null;
}

/** `not-watched` when no monitored tab shows the page. */
export type PageReadingState = 'not-watched' | 'waiting' | 'reported';

export interface RecorderControls {
  status(): Promise<RecordingStatus>;
  /** The auditor's fields are checked in the worker; problems come back in words. */
  start(details: unknown): Promise<StartResult>;
  stop(): Promise<RecordingStatus>;
  /** Stores and chains everything observed so far. */
  settle(): Promise<RecordingStatus>;
  /** Pauses the running session with a warning, as a full disk would. */
  pause(reason: string): Promise<void>;
}

export interface RetentionControls {
  setting(): Promise<RetentionSetting>;
  set(days: unknown): Promise<RetentionResult>;
}

/** The worker global that holds the inspector. */
export const INSPECTOR_GLOBAL = 'jeejioInspector';
