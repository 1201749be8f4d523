import type { RecordingSession, SessionStatus } from './session';

/** A recorded session as the report page offers it for comparing: enough to tell sessions apart. */
export interface SessionChoice {
  id: string;
  caseName: string;
  status: SessionStatus;
  startedAt: number;
  stoppedAt: number | null;
  /** Observations chained: a session of none has nothing to compare. */
  observations: number;
}

/** The sessions to choose from, newest first: the session compared is most often the latest. */
export function sessionChoices(sessions: readonly RecordingSession[]): SessionChoice[] {
  return sessions
    .map((s) => ({
      id: s.id,
      caseName: s.caseName,
      status: s.status,
      startedAt: s.startedAt,
      stoppedAt: s.stoppedAt,
      observations: s.chain.length,
    }))
    .sort((a, b) => b.startedAt - a.startedAt || a.id.localeCompare(b.id));
}

/**
 * The sessions a session can be compared with: those recorded before it
 * started, newest first. A comparison reads "new since" and "gone since" the
 * earlier session, which a later one would turn around.
 */
export function sessionsBefore(choices: readonly SessionChoice[], currentId: string): SessionChoice[] {
  const current = choices.find((c) => c.id === currentId);
  if (!current) return [];
  return choices.filter((c) => c.id !== currentId && c.startedAt < current.startedAt);
}

/**
 * The comparison offered first: the given session (by default the newest with
 * an earlier one) against the session recorded just before it; none when no
 * session has an earlier one.
 */
export function firstPair(
  choices: readonly SessionChoice[],
  currentId?: string,
): { previousId: string; currentId: string } | undefined {
  const candidates = currentId === undefined ? choices : choices.filter((c) => c.id === currentId);
  for (const current of candidates) {
    const previous = sessionsBefore(choices, current.id)[0];
    if (previous) return { previousId: previous.id, currentId: current.id };
  }
  return undefined;
}
