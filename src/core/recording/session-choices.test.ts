import { describe, expect, it } from 'vitest';
import { describeEnvironment } from './environment';
import { type RecordingSession, startSession, stopSession } from './session';
import { firstPair, sessionChoices, sessionsBefore } from './session-choices';

const environment = describeEnvironment({
  extensionName: 'x',
  extensionVersion: '1.2.3',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/140.0.7339.0 Safari/537.36',
  platform: { os: 'linux', arch: 'x86-64' },
  policy: { id: 'jeejio', version: '2023-07', sourceSha256: 'f00' },
  ruleSetVersion: '3',
});

function recorded(id: string, startedAt: number, observations = 5): RecordingSession {
  const session = startSession(
    id,
    { caseName: `Case ${id}`, auditorName: 'A', notes: '' },
    environment,
    startedAt,
  );
  return {
    ...stopSession(session, startedAt + 1000),
    chain: { length: observations, head: 'h'.repeat(64) },
  };
}

describe('sessionChoices', () => {
  it('lists every session newest first, with its case name, times and how much it chained', () => {
    const choices = sessionChoices([recorded('a', 1000), recorded('c', 3000, 0), recorded('b', 2000)]);
    expect(choices.map((c) => c.id)).toEqual(['c', 'b', 'a']);
    expect(choices[0]).toEqual({
      id: 'c',
      caseName: 'Case c',
      status: 'stopped',
      startedAt: 3000,
      stoppedAt: 4000,
      observations: 0,
    });
  });
});

describe('sessionsBefore', () => {
  const choices = sessionChoices([recorded('a', 1000), recorded('b', 2000), recorded('c', 3000)]);

  it('offers only the sessions recorded before the one compared, nearest first', () => {
    expect(sessionsBefore(choices, 'c').map((c) => c.id)).toEqual(['b', 'a']);
    expect(sessionsBefore(choices, 'b').map((c) => c.id)).toEqual(['a']);
  });

  it('offers nothing before the first session, or for a session no longer stored', () => {
    expect(sessionsBefore(choices, 'a')).toEqual([]);
    expect(sessionsBefore(choices, 'deleted')).toEqual([]);
  });
});

describe('firstPair', () => {
  it('compares the newest session with the one recorded just before it', () => {
    const choices = sessionChoices([recorded('a', 1000), recorded('b', 2000), recorded('c', 3000)]);
    expect(firstPair(choices)).toEqual({ previousId: 'b', currentId: 'c' });
  });

  it('compares the session being read, when one is, with the one just before it', () => {
    const choices = sessionChoices([recorded('a', 1000), recorded('b', 2000), recorded('c', 3000)]);
    expect(firstPair(choices, 'b')).toEqual({ previousId: 'a', currentId: 'b' });
  });

  it('offers no comparison with a single session, or for the first session read on its own', () => {
    expect(firstPair(sessionChoices([recorded('a', 1000)]))).toBeUndefined();
    expect(firstPair(sessionChoices([recorded('a', 1000), recorded('b', 2000)]), 'a')).toBeUndefined();
  });
});
