import { describe, expect, it } from 'vitest';
import { visitFromMainFrameResponse, visitOnCommit } from './page-visit';

describe('page visits', () => {
  it('starts a visit at the main-frame response and confirms it on commit', () => {
    const started = visitFromMainFrameResponse(undefined, 1, 'req-1', 'https://www.jeejio.com/', 100);
    const committed = visitOnCommit(started, 1, 'https://www.jeejio.com/', 120);
    expect(committed.visitId).toBe(started.visitId);
    expect(committed.pendingRequestId).toBeUndefined();
    expect(committed.startedAt).toBe(100);
  });

  it('keeps redirect hops of one request in one visit', () => {
    const first = visitFromMainFrameResponse(undefined, 1, 'req-1', 'https://jeejio.com/', 100);
    const hop = visitFromMainFrameResponse(first, 1, 'req-1', 'https://www.jeejio.com/', 110);
    expect(hop.visitId).toBe(first.visitId);
    expect(hop.url).toBe('https://www.jeejio.com/');
  });

  it('starts a new visit for a new request, and for a commit with no response seen', () => {
    const first = visitOnCommit(undefined, 1, 'https://www.jeejio.com/', 100);
    expect(visitFromMainFrameResponse(first, 1, 'req-2', 'https://www.jeejio.com/', 200).visitId).not.toBe(
      first.visitId,
    );
    expect(visitOnCommit(first, 1, 'https://www.jeejio.com/', 300).visitId).not.toBe(first.visitId);
  });
});
