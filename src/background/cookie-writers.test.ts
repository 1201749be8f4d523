import { describe, expect, it } from 'vitest';
import type { CookieObservation } from '../core/observations/observation';
import { CookieWriters } from './cookie-writers';

const write = (over: Partial<CookieObservation>): CookieObservation =>
  ({
    id: `${over.tabId}-${over.name}`,
    kind: 'cookie',
    provenance: 'webRequest',
    action: 'set-attempt',
    observedAt: 0,
    tabId: 1,
    visitId: 'v',
    pageUrl: 'https://www.jeejio.com/',
    name: 'user_phone',
    value: 'x',
    valueLength: 1,
    domain: 'www.jeejio.com',
    path: '/',
    secure: false,
    httpOnly: false,
    sameSite: 'lax',
    session: true,
    ...over,
  }) as CookieObservation;

describe('CookieWriters', () => {
  it('names the tabs that wrote a cookie, by header or by script, whatever form its domain took', () => {
    let now = 0;
    const writers = new CookieWriters(() => now);
    writers.note([
      write({ tabId: 1 }),
      write({
        tabId: 2,
        action: 'script-write',
        provenance: 'page-hook',
        domain: 'jeejio.com',
        pageUrl: 'https://www.jeejio.com/b',
      }),
    ]);
    writers.note([write({ tabId: 3, action: 'present' })]);
    expect(writers.writersOf('user_phone', '.jeejio.com')).toEqual([
      { tabId: 1, pageUrl: 'https://www.jeejio.com/', at: 0 },
      { tabId: 2, pageUrl: 'https://www.jeejio.com/b', at: 0 },
    ]);
    expect(writers.writersOf('other', '.jeejio.com')).toEqual([]);
    now = 10_001;
    expect(writers.writersOf('user_phone', '.jeejio.com')).toEqual([]);
  });

  it("says a cookie was another tab's doing only for a page open when it was written, and not its own tab's", () => {
    let now = 100;
    const writers = new CookieWriters(() => now);
    writers.note([write({ tabId: 1, pageUrl: 'https://www.jeejio.com/' })]);
    const cookie = { name: 'user_phone', domain: 'www.jeejio.com' };
    expect(writers.notThisPage(cookie, { tabId: 2, startedAt: 50 })).toEqual({
      notThisPage: 'another-tab',
      writtenOn: 'https://www.jeejio.com/',
    });
    // Loaded after the write: the cookie was in the jar when it began, and counts for it.
    expect(writers.notThisPage(cookie, { tabId: 2, startedAt: 150 })).toBeUndefined();
    expect(writers.notThisPage(cookie, { tabId: 1, startedAt: 50 })).toBeUndefined();
    now = 200;
    writers.note([write({ tabId: 2 })]);
    expect(writers.notThisPage(cookie, { tabId: 2, startedAt: 50 })).toBeUndefined();
  });

  it('stays bounded however many cookies a page writes', () => {
    const writers = new CookieWriters(() => 0);
    writers.note(Array.from({ length: 2_500 }, (_, i) => write({ name: `c${i}` })));
    expect(writers.writersOf('c0', 'www.jeejio.com')).toEqual([]);
    expect(writers.writersOf('c2499', 'www.jeejio.com')).toHaveLength(1);
  });
});
