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
  /** Recording sessions: what the writer stores while one runs is chained into it. */
  recorder: RecorderControls;
  /** Deletes data outside sessions after the days the user set. */
  retention: RetentionControls;
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
