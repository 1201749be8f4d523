import { isQuotaError } from '../../core/recording/quota';
import {
  pauseSession,
  pauseWarning,
  type RecordingSession,
  type RecordingStatus,
  type SessionWarning,
  sessionView,
} from '../../core/recording/session';
import type { InspectorDatabase } from '../../stores/inspector-database';

/** A pause the database was too full to take; the first batch stored afterwards writes it. */
export interface UnwrittenPause {
  sessionId: string;
  reason: string;
  at: number;
}

/**
 * The recording session as stored, and what this worker knows beyond the
 * store: a pause the database refused. The session row is the state: the
 * writer looks for the session with status "recording" in each batch's
 * transaction, so a restarted worker or browser simply carries on. Whoever
 * keeps knowledge of the session (the chainer) listens with `onChanged`.
 */
export class SessionState {
  private unwritten: UnwrittenPause | undefined;
  private readonly listeners: (() => void)[] = [];

  constructor(readonly db: InspectorDatabase) {}

  /** Told after a session was started, stopped or paused in this worker. */
  onChanged(listener: () => void): void {
    this.listeners.push(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** The session that is recording or paused, a pause not yet written included. */
  async active(): Promise<RecordingSession | undefined> {
    const session = await this.db.sessions.where('status').anyOf('recording', 'paused').first();
    return session && this.withUnwrittenPause(session);
  }

  /** The pause the database refused, until a stored batch writes it. */
  unwrittenPause(): UnwrittenPause | undefined {
    return this.unwritten;
  }

  /** A batch's transaction wrote the pause. */
  pauseWritten(sessionId: string): void {
    if (this.unwritten?.sessionId === sessionId) this.unwritten = undefined;
  }

  private withUnwrittenPause(session: RecordingSession): RecordingSession {
    return this.unwritten?.sessionId === session.id ? pauseSession(session, this.unwritten.reason) : session;
  }

  async status(): Promise<RecordingStatus> {
    const session = (await this.active()) ?? (await this.db.sessions.orderBy('startedAt').last());
    if (!session) return { session: null };
    const warnings = this.db.sessionWarnings.where('sessionId').equals(session.id);
    const [count, last] = await Promise.all([warnings.count(), warnings.last()]);
    return { session: sessionView(session, { count, last }) };
  }

  /** Notes what went wrong in a session; only the warnings table is written. */
  async warn(sessionId: string, warning: SessionWarning): Promise<void> {
    await this.db.sessionWarnings.add({ ...warning, sessionId });
  }

  /**
   * Session data could not be stored: the chain stops growing and the session
   * says the evidence is incomplete. When storage is so full that even this
   * cannot be written, the pause is shown at once and written with the first
   * batch that can be stored, in its transaction.
   */
  async pause(reason: string): Promise<void> {
    const now = Date.now();
    let paused: RecordingSession | undefined;
    try {
      await this.update((session) => {
        paused = pauseSession(session, reason);
        return paused;
      });
      const warning = paused && pauseWarning(paused, now);
      if (warning) await this.db.sessionWarnings.add(warning);
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      const session = paused ?? (await this.active());
      if (session && !this.unwritten) this.unwritten = { sessionId: session.id, reason, at: now };
      this.changed();
    }
  }

  /** Rewrites the active session, if any, in one transaction. */
  async update(change: (session: RecordingSession) => RecordingSession): Promise<void> {
    await this.db.transaction('rw', this.db.sessions, async () => {
      const session = await this.active();
      if (session) await this.db.sessions.put(change(session));
    });
    this.changed();
  }
}
