import type { Migration } from './migration';

/**
 * Recorded sessions for evidence. Observations stay where they are: a session
 * entry points at one by id and holds its place in the session's hash chain,
 * so data recorded before this step is untouched and still read as before.
 *
 * - `sessions`: one row per recording (case, auditor, notes, environment,
 *   status and the chain's head, updated in the transaction that extends it);
 * - `chainSegments`: the chain, a row per stored batch, keyed by session and
 *   the position of its first entry;
 * - `sessionWarnings`: what went wrong while recording (a refused screenshot),
 *   apart from the session row so that noting it never holds up storage;
 * - `screenshots`: captures of the visible tab taken while recording;
 * - `signingKeys`: the installation's non-extractable ECDSA key pair;
 * - `schemaMigrations`: a row per step applied from now on.
 */
export const sessionsSchema: Migration = {
  version: 2,
  date: '2026-11-25',
  description: 'Recorded sessions, their hash chain, screenshots and the signing key',
  stores: {
    sessions: 'id, status, startedAt',
    chainSegments: '[sessionId+firstSeq]',
    sessionWarnings: '++seq, sessionId',
    screenshots: 'id, sessionId, visitId, takenAt',
    signingKeys: 'id',
    schemaMigrations: 'version',
  },
};
