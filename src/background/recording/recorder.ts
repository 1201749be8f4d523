import type { SessionEnvironment } from '../../core/recording/environment';
import { isQuotaError } from '../../core/recording/quota';
import {
  parseSessionDetails,
  pauseSession,
  pauseWarning,
  type RecordingSession,
  type RecordingStatus,
  type SessionWarning,
  type StartResult,
  sessionView,
  startSession,
  stopSession,
} from '../../core/recording/session';
import type { InspectorDatabase } from '../../stores/inspector-database';

/** A pause the database was too full to take; the first batch stored afterwards writes it. */
export interface UnwrittenPause {
  sessionId: string;
  reason: string;
  at: number;
}

/**
 * Starts and stops recording sessions. The session row is the state: the
 * writer looks for the session with status "recording" in each batch's
 * transaction, so a restarted worker or browser simply carries on.
 */
export class Recorder {
  constructor(
    private readonly db: InspectorDatabase,
    /** Stores what the writer still holds: observations seen before a stop belong to the session. */
    private readonly drain: () => Promise<void>,
    private readonly readEnvironment: () => Promise<SessionEnvironment>,
    /** Told after this recorder changed a session: the writer's chainer forgets what it knew. */
    private readonly changed: () => void = () => {},
  ) {}

  private unwritten: UnwrittenPause | undefined;

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

  async start(raw: unknown): Promise<StartResult> {
    const parsed = parseSessionDetails(raw);
    if ('problems' in parsed) return parsed;
    const environment = await this.readEnvironment();
    // What arrived before the start is not part of the session.
    await this.drain();
    const started = await this.db.transaction('rw', this.db.sessions, async () => {
      if (await this.active()) return false;
      await this.db.sessions.add(startSession(crypto.randomUUID(), parsed.details, environment, Date.now()));
      return true;
    });
    this.changed();
    if (!started) return { problems: ['A recording is already running: stop it first.'] };
    return { status: await this.status() };
  }

  async stop(): Promise<RecordingStatus> {
    await this.drain();
    await this.update((session) => stopSession(session, Date.now()));
    return this.status();
  }

  /** Makes sure everything observed so far is stored and chained before a session is read for export. */
  async settle(): Promise<RecordingStatus> {
    await this.drain();
    return this.status();
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

  private async update(change: (session: RecordingSession) => RecordingSession): Promise<void> {
    await this.db.transaction('rw', this.db.sessions, async () => {
      const session = await this.active();
      if (session) await this.db.sessions.put(change(session));
    });
    this.changed();
  }
}
