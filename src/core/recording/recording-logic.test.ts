import { describe, expect, it } from 'vitest';
import { cookieObservation } from '../../../tests/support/observations';
import { canonicalJson } from '../evidence/canonical-json';
import { EMPTY_CHAIN } from '../evidence/hash-chain';
import { verifyChain } from '../evidence/verify-chain';
import { browserOf, describeEnvironment, manifestEnvironment } from './environment';
import { screenshotFileName } from './screenshot-files';
import { isIncomplete, pauseSession, sessionView, startSession, stopSession } from './session';
import { type ChainSegment, chainEntriesOf, chainSegment, chainTextsOf, idsToLookUp } from './session-chain';

const POLICY = { id: 'jeejio', version: '2023-07', sourceSha256: 'f00' };
const environment = describeEnvironment({
  extensionName: 'x',
  extensionVersion: '1.2.3',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/140.0.7339.0 Safari/537.36',
  platform: { os: 'linux', arch: 'x86-64' },
  policy: POLICY,
  ruleSetVersion: '3',
});

describe('environment record', () => {
  it('names the browser from client hints, preferring a brand over Chromium, else from the user agent', () => {
    expect(
      browserOf('', [
        { brand: 'Not)A;Brand', version: '99' },
        { brand: 'Chromium', version: '140.0.1' },
        { brand: 'Google Chrome', version: '140.0.1' },
      ]),
    ).toEqual({ name: 'Google Chrome', version: '140.0.1' });
    expect(browserOf('', [{ brand: 'Chromium', version: '140' }])).toEqual({
      name: 'Chromium',
      version: '140',
    });
    expect(environment).toMatchObject({ browserName: 'HeadlessChrome', browserVersion: '140.0.7339.0' });
    expect(browserOf('Mozilla/5.0 (X11; rv:128.0) Gecko/20100101 Firefox/128.0', [])).toEqual({
      name: 'Firefox',
      version: '128.0',
    });
    expect(browserOf('curl/8', [])).toEqual({ name: 'unknown', version: 'unknown' });
  });

  it('carries the policy, rule set, auditor fields and UTC times into the manifest', () => {
    const session = stopSession(
      startSession(
        's',
        { caseName: 'C', auditorName: 'A', notes: 'N' },
        environment,
        Date.UTC(2026, 10, 25, 9),
      ),
      Date.UTC(2026, 10, 25, 10),
    );
    expect(manifestEnvironment(session)).toMatchObject({
      os: 'linux x86-64',
      policyId: 'jeejio',
      policyVersion: '2023-07',
      policySha256: 'f00',
      ruleSetVersion: '3',
      extensionVersion: '1.2.3',
      caseName: 'C',
      auditorName: 'A',
      notes: 'N',
      recordingStartedAt: '2026-11-25T09:00:00.000Z',
      recordingStoppedAt: '2026-11-25T10:00:00.000Z',
      recordingStatus: 'stopped',
    });
  });
});

describe('session state', () => {
  const started = startSession('s', { caseName: 'C', auditorName: 'A', notes: '' }, environment, 1);

  it('stops once, keeping the first stop time', () => {
    const stopped = stopSession(started, 5);
    expect(stopSession(stopped, 9).stoppedAt).toBe(5);
  });

  it('pauses with a reason that marks the evidence incomplete, and only a recording session', () => {
    expect(isIncomplete(started)).toBe(false);
    const paused = pauseSession(started, 'Storage is full.');
    expect(paused.status).toBe('paused');
    expect(isIncomplete(paused)).toBe(true);
    const none = { count: 0, last: undefined };
    expect(sessionView(paused, none)).toMatchObject({
      incomplete: true,
      incompleteReason: 'Recording paused: Storage is full.',
    });
    // Stopped after a pause, it stays incomplete.
    expect(isIncomplete(stopSession(paused, 4))).toBe(true);
    expect(pauseSession(stopSession(started, 2), 'x').status).toBe('stopped');
  });

  it('shows how many warnings a session has and the last one', () => {
    const last = { at: 9, kind: 'screenshot-failed' as const, message: 'No screenshot' };
    expect(sessionView(started, { count: 3, last })).toMatchObject({
      warnings: 3,
      lastWarning: 'No screenshot',
    });
  });
});

describe('session chain bookkeeping', () => {
  it('continues from a head and keeps the text each hash covers, in JSON form where the observation could not be chained as stored', () => {
    const a = cookieObservation({ id: 'a' });
    const first = chainSegment('s', EMPTY_CHAIN, [a]);
    const broken = cookieObservation({ id: 'b', value: 'x\uD800' });
    const second = chainSegment('s', first.head, [broken]);
    expect(second.segment).toMatchObject({ sessionId: 's', firstSeq: 1 });
    expect(second.segment.entries[0]).toMatchObject({ prevHash: first.head.head, observationId: 'b' });
    expect(first.segment.entries[0]?.text).toBe(canonicalJson(a));
    expect(JSON.parse(second.segment.entries[0]?.text as string)).toMatchObject({
      id: 'b',
      value: 'x\uFFFD',
    });
    // Nothing needs looking up: the chain is rebuilt from its texts.
    const segments = [first.segment, second.segment];
    expect(idsToLookUp(segments)).toEqual([]);
    const chain = chainEntriesOf(segments, () => undefined);
    expect(chain.map((e) => [e.seq, e.observation.id])).toEqual([
      [0, 'a'],
      [1, 'b'],
    ]);
    expect(chain[0]?.observation).toEqual(a);
    expect(chain[1]?.hash).toBe(second.head.head);
    expect(verifyChain(chain, second.head)).toMatchObject({ ok: true });
    expect(chainTextsOf(segments)).toEqual(segments.map((s) => s.entries[0]?.text));
  });

  it('reads segments stored before they held texts by looking their observations up, and refuses a gap or a missing one', () => {
    const a = cookieObservation({ id: 'a' });
    const withoutTexts = (segment: ChainSegment): ChainSegment => ({
      ...segment,
      entries: segment.entries.map(({ text: _text, ...entry }) => entry),
    });
    const first = withoutTexts(chainSegment('s', EMPTY_CHAIN, [a, cookieObservation({ id: 'b' })]).segment);
    expect(idsToLookUp([first])).toEqual(['a', 'b']);
    expect(chainTextsOf([first])).toBeUndefined();
    expect(() => chainEntriesOf([first], (id) => (id === 'a' ? a : undefined))).toThrow(
      'Observation b (chain entry 1) is missing from storage',
    );
    expect(chainEntriesOf([first], (id) => cookieObservation({ id })).map((e) => e.observation.id)).toEqual([
      'a',
      'b',
    ]);
    const second = chainSegment('s', { length: 2, head: 'x' }, [cookieObservation({ id: 'c' })]);
    expect(() => chainEntriesOf([second.segment], () => a)).toThrow('entry 0 is missing');
  });
});

describe('screenshot file names', () => {
  it('sort in the order taken and hold only safe characters', () => {
    expect(
      screenshotFileName(
        { takenAt: Date.UTC(2026, 0, 2), reason: 'first-violation', rules: ['a/b c', 'd'] },
        0,
      ),
    ).toBe('0001-2026-01-02T00-00-00-000Z-first-violation-abc-and-1-more.png');
    expect(screenshotFileName({ takenAt: Date.UTC(2026, 0, 2), reason: 'navigation' }, 11)).toBe(
      '0012-2026-01-02T00-00-00-000Z-navigation.png',
    );
  });
});
