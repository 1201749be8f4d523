import * as v from 'valibot';
import type { ChainHead } from '../evidence/hash-chain';
import { EMPTY_CHAIN } from '../evidence/hash-chain';
import type { SessionEnvironment } from './environment';

/**
 * A recording: what the auditor says it is for, where it was made, and the
 * head of its hash chain. `paused` means the extension could not store
 * session data (storage full) and stopped adding to the chain: the evidence
 * is incomplete and the session says so.
 */
export type SessionStatus = 'recording' | 'paused' | 'stopped';

export type SessionWarningKind = 'screenshot-failed' | 'storage-full' | 'recording-paused';

export interface SessionWarning {
  at: number;
  kind: SessionWarningKind;
  message: string;
}

/**
 * A warning as stored: in a table of its own, not in the session row, so that
 * recording one (a failed screenshot) never waits for, or holds up, the
 * transactions that store observations and extend the chain.
 */
export interface SessionWarningRecord extends SessionWarning {
  seq?: number;
  sessionId: string;
}

/** Warnings a bundle manifest lists one by one; all are counted. A failed screenshot makes one at most every 0.5 s. */
export const MAX_LISTED_WARNINGS = 200;

const SessionDetailsSchema = v.strictObject({
  caseName: v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter a case name.'), v.maxLength(200)),
  auditorName: v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter the auditor’s name.'), v.maxLength(200)),
  notes: v.pipe(v.string(), v.trim(), v.maxLength(5000)),
});

export type SessionDetails = v.InferOutput<typeof SessionDetailsSchema>;

export interface RecordingSession extends SessionDetails {
  id: string;
  status: SessionStatus;
  startedAt: number;
  stoppedAt: number | null;
  environment: SessionEnvironment;
  /** How far the chain reaches: written in the transaction that stores the entries. */
  chain: ChainHead;
  /** Why recording paused (storage full): from then on the evidence is incomplete. */
  pausedReason: string | null;
}

/** The auditor's fields from the popup, checked; the problems in words they can act on. */
export function parseSessionDetails(raw: unknown): { details: SessionDetails } | { problems: string[] } {
  const result = v.safeParse(SessionDetailsSchema, raw);
  if (result.success) return { details: result.output };
  return {
    problems: result.issues.map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    }),
  };
}

export function startSession(
  id: string,
  details: SessionDetails,
  environment: SessionEnvironment,
  now: number,
): RecordingSession {
  return {
    id,
    ...details,
    status: 'recording',
    startedAt: now,
    stoppedAt: null,
    environment,
    chain: EMPTY_CHAIN,
    pausedReason: null,
  };
}

/** Stopping twice keeps the first stop time. */
export function stopSession(session: RecordingSession, now: number): RecordingSession {
  if (session.status === 'stopped') return session;
  return { ...session, status: 'stopped', stoppedAt: now };
}

/** No longer chaining: said in the session itself, so an export carries it. */
export function pauseSession(session: RecordingSession, reason: string): RecordingSession {
  if (session.status !== 'recording') return session;
  return { ...session, status: 'paused', pausedReason: `Recording paused: ${reason}` };
}

/** The warning a session's pause leaves among its warnings; none unless it is paused. */
export function pauseWarning(session: RecordingSession, at: number): SessionWarningRecord | undefined {
  if (!session.pausedReason) return undefined;
  return { sessionId: session.id, at, kind: 'recording-paused', message: session.pausedReason };
}

/** True when the chain may be incomplete: the popup and the bundle say "evidence incomplete". */
export function isIncomplete(session: RecordingSession): boolean {
  return session.pausedReason !== null;
}

/** What the popup shows of a session. */
export interface SessionView {
  id: string;
  caseName: string;
  auditorName: string;
  status: SessionStatus;
  startedAt: number;
  stoppedAt: number | null;
  /** Observations chained so far. */
  chained: number;
  incomplete: boolean;
  /** Why the evidence is incomplete: the pause's warning. */
  incompleteReason: string | null;
  warnings: number;
  lastWarning: string | null;
}

export function sessionView(
  session: RecordingSession,
  warnings: { count: number; last: SessionWarning | undefined },
): SessionView {
  return {
    id: session.id,
    caseName: session.caseName,
    auditorName: session.auditorName,
    status: session.status,
    startedAt: session.startedAt,
    stoppedAt: session.stoppedAt,
    chained: session.chain.length,
    incomplete: isIncomplete(session),
    incompleteReason: session.pausedReason,
    warnings: warnings.count,
    lastWarning: warnings.last?.message ?? null,
  };
}

export interface RecordingStatus {
  /** The running (or paused) session, else the latest stopped one; null before the first recording. */
  session: SessionView | null;
}

export type StartResult = { status: RecordingStatus } | { problems: string[] };
