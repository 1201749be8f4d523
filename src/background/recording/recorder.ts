import type { SessionEnvironment } from '../../core/recording/environment';
import {
  parseSessionDetails,
  type RecordingSession,
  type RecordingStatus,
  type StartResult,
  startSession,
  stopSession,
} from '../../core/recording/session';
import type { RecorderControls } from '../../protocol/inspector';
import type { SessionState } from './session-state';

/**
 * Starts and stops recording sessions. What the writer still holds is stored
 * first: observations seen before a start are not part of the session, those
 * seen before a stop are.
 */
export class Recorder implements RecorderControls {
  constructor(
    private readonly sessions: SessionState,
    private readonly writer: { drain(): Promise<void> },
    private readonly readEnvironment: () => Promise<SessionEnvironment>,
  ) {}

  active(): Promise<RecordingSession | undefined> {
    return this.sessions.active();
  }

  status(): Promise<RecordingStatus> {
    return this.sessions.status();
  }

  pause(reason: string): Promise<void> {
    return this.sessions.pause(reason);
  }

  async start(raw: unknown): Promise<StartResult> {
    const parsed = parseSessionDetails(raw);
    if ('problems' in parsed) return parsed;
    const environment = await this.readEnvironment();
    await this.writer.drain();
    const { db } = this.sessions;
    const started = await db.transaction('rw', db.sessions, async () => {
      if (await this.sessions.active()) return false;
      await db.sessions.add(startSession(crypto.randomUUID(), parsed.details, environment, Date.now()));
      return true;
    });
    this.sessions.changed();
    if (!started) return { problems: ['A recording is already running: stop it first.'] };
    return { status: await this.status() };
  }

  async stop(): Promise<RecordingStatus> {
    await this.writer.drain();
    await this.sessions.update((session) => stopSession(session, Date.now()));
    return this.status();
  }

  /** Makes sure everything observed so far is stored and chained before a session is read for export. */
  async settle(): Promise<RecordingStatus> {
    await this.writer.drain();
    return this.status();
  }
}
