import { describe, expect, it } from 'vitest';
import {
  documentOf,
  recordedVisit,
  visitFromMainFrameResponse,
  visitOfEarlierReading,
  visitOfSentRequest,
  visitOnCommit,
  visitOnRouteChange,
} from './page-visit';

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

  it("keeps a response Firefox reports after its commit in the committed visit: the browser's clock has it first", () => {
    const committed = visitOnCommit(undefined, 1, 'https://www.jeejio.com/', 120);
    const late = visitFromMainFrameResponse(committed, 1, 'req-1', 'https://www.jeejio.com/', 100);
    expect(late).toEqual({ ...committed, startedAt: 100 });
    // A response after the commit is the next load of the page (a reload), a visit of its own.
    expect(
      visitFromMainFrameResponse(committed, 1, 'req-2', 'https://www.jeejio.com/', 130).visitId,
    ).not.toBe(committed.visitId);
    // So is a response to another page, whenever the browser says it came.
    expect(
      visitFromMainFrameResponse(committed, 1, 'req-3', 'https://www.jeejio.com/clean', 110).visitId,
    ).not.toBe(committed.visitId);
  });

  describe('a single-page app moving between routes', () => {
    const loaded = visitOnCommit(undefined, 1, 'https://www.jeejio.com/app', 100);

    it('starts a visit of its own for a pushState to another path, marked as a route change', () => {
      const route = visitOnRouteChange(loaded, 1, 'https://www.jeejio.com/app/ads', 200);
      expect(route).toMatchObject({
        tabId: 1,
        url: 'https://www.jeejio.com/app/ads',
        startedAt: 200,
        startedBy: 'route-change',
      });
      expect(route?.visitId).not.toBe(loaded.visitId);
      // The document, its storage and its content script are the load's, on every route.
      expect(route && documentOf(route)).toBe(loaded.visitId);
      const next = route && visitOnRouteChange(route, 1, 'https://www.jeejio.com/app/home', 300);
      expect(next && documentOf(next)).toBe(loaded.visitId);
    });

    it('starts one for a hash route, and for a query the router changed', () => {
      expect(visitOnRouteChange(loaded, 1, 'https://www.jeejio.com/app#/profile', 200)?.url).toBe(
        'https://www.jeejio.com/app#/profile',
      );
      const hashRoute = visitOnCommit(undefined, 1, 'https://www.jeejio.com/app#!/a', 100);
      expect(visitOnRouteChange(hashRoute, 1, 'https://www.jeejio.com/app#!/b', 200)).toBeDefined();
      expect(visitOnRouteChange(loaded, 1, 'https://www.jeejio.com/app?tab=2', 200)).toBeDefined();
    });

    it('is no new visit for replaceState to the same URL or a jump to an anchor', () => {
      expect(visitOnRouteChange(loaded, 1, 'https://www.jeejio.com/app', 200)).toBeUndefined();
      expect(visitOnRouteChange(loaded, 1, 'https://www.jeejio.com/app#pricing', 200)).toBeUndefined();
      const onRoute = visitOnCommit(undefined, 1, 'https://www.jeejio.com/app#/profile', 100);
      expect(visitOnRouteChange(onRoute, 1, 'https://www.jeejio.com/app#/profile', 200)).toBeUndefined();
    });

    it('leaves a pending navigation alone: its visit is already the next document', () => {
      const pending = visitFromMainFrameResponse(loaded, 1, 'req-2', 'https://www.jeejio.com/next', 150);
      expect(visitOnRouteChange(pending, 1, 'https://www.jeejio.com/app/ads', 160)).toBeUndefined();
    });

    it('files a request under the route that sent it, even when answered on the next one', () => {
      const home = visitOnRouteChange(loaded, 1, 'https://www.jeejio.com/app/home', 200);
      const ads = home && visitOnRouteChange(home, 1, 'https://www.jeejio.com/app/ads', 1_000);
      const sent = (visit: typeof home, at: number) => visit && { visitId: visit.visitId, at };
      expect(visitOfSentRequest(sent(home, 250), ads, home)).toBe(home);
      expect(visitOfSentRequest(sent(ads, 1_010), ads, home)).toBe(ads);
      // Sent before the worker knew the tab: the tab's visit now.
      expect(visitOfSentRequest(undefined, ads, home)).toBe(ads);
      // Sent by a route two moves back: filed under the route the worker saw it sent on, if it keeps it.
      expect(visitOfSentRequest({ visitId: loaded.visitId, at: 50 }, ads, home)).toBe(ads);
      expect(visitOfSentRequest(sent(home, 150), ads, home)).toBe(home);
      // A new document is no route of the old one: what the old page sent is not filed under its visit.
      const next = visitOnCommit(ads, 1, 'https://www.jeejio.com/clean', 1_100);
      expect(visitOfSentRequest(sent(ads, 1_050), next, ads)).toBe(next);
    });

    it("settles by the browser's clock a request the worker heard of before or after the route change it raced", () => {
      const home = visitOnRouteChange(loaded, 1, 'https://www.jeejio.com/app/home', 200);
      const ads = home && visitOnRouteChange(home, 1, 'https://www.jeejio.com/app/ads', 1_000);
      // The ads route's pixel, begun after the route by the browser's clock, reached the worker first.
      expect(home && visitOfSentRequest({ visitId: home.visitId, at: 1_001 }, ads, home)).toBe(ads);
      // The home route's data request, begun well before the move, reached the worker after it.
      expect(ads && visitOfSentRequest({ visitId: ads.visitId, at: 850 }, ads, home)).toBe(home);
      // Timed a moment before the route, heard of before it or after: the browser timed the route late.
      expect(home && visitOfSentRequest({ visitId: home.visitId, at: 950 }, ads, home)).toBe(ads);
      expect(ads && visitOfSentRequest({ visitId: ads.visitId, at: 999 }, ads, home)).toBe(ads);
      // One begun under the home route and noted under the page before it: home's.
      expect(visitOfSentRequest({ visitId: loaded.visitId, at: 250 }, ads, home)).toBe(home);
      // The home route's own request, timed a moment before its route and so noted under the page before
      // it, answered after the move to ads: home's, not the route it was answered on.
      expect(visitOfSentRequest({ visitId: loaded.visitId, at: 170 }, ads, home)).toBe(home);
    });

    it('keeps what only the tracker needs out of the recorded visit', () => {
      const route = visitOnRouteChange(loaded, 1, 'https://www.jeejio.com/app/ads', 200);
      expect(route && recordedVisit(route)).toEqual({
        visitId: route?.visitId,
        tabId: 1,
        url: 'https://www.jeejio.com/app/ads',
        startedAt: 200,
        startedBy: 'route-change',
      });
    });
  });

  describe('a reading replayed after the worker was stopped', () => {
    const reading = (type: string, timeStamp: number, url = 'https://www.jeejio.com/') => ({
      tabId: 1,
      requestId: 'req-1',
      url,
      type,
      timeStamp,
    });

    it("files a page's requests under the visit they happened in, and not under the next one", () => {
      const visit = visitOnCommit(undefined, 1, 'https://www.jeejio.com/', 100);
      expect(visitOfEarlierReading(reading('xmlhttprequest', 150), visit)).toBe(visit);
      expect(visitOfEarlierReading(reading('xmlhttprequest', 90), visit)).toBeUndefined();
      expect(visitOfEarlierReading(reading('xmlhttprequest', 150), undefined)).toBeUndefined();
    });

    it('files a main-frame response under the visit it started, pending or committed', () => {
      const started = visitFromMainFrameResponse(undefined, 1, 'req-1', 'https://www.jeejio.com/', 100);
      expect(visitOfEarlierReading(reading('main_frame', 100), started)).toBe(started);
      const committed = visitOnCommit(started, 1, 'https://www.jeejio.com/', 120);
      expect(visitOfEarlierReading(reading('main_frame', 100), committed)).toBe(committed);
    });

    it('files a main-frame response never seen under the visit its commit began, and no other', () => {
      const onCommit = visitOnCommit(undefined, 1, 'https://www.jeejio.com/#top', 130);
      expect(visitOfEarlierReading(reading('main_frame', 100), onCommit)).toBe(onCommit);
      expect(
        visitOfEarlierReading(reading('main_frame', 100, 'https://www.jeejio.com/other'), onCommit),
      ).toBeUndefined();
      expect(visitOfEarlierReading(reading('main_frame', 200), onCommit)).toBeUndefined();
      expect(visitOfEarlierReading(reading('main_frame', 130 - 60_000), onCommit)).toBeUndefined();
    });
  });
});
