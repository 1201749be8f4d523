import { describe, expect, it, vi } from 'vitest';

// The reading is handed in; the browser's own is never reached here.
vi.mock('wxt/browser', () => ({ browser: {} }));

const { snapshotCookieJar } = await import('./cookie-jar-snapshot');

const visit = { visitId: 'v1', tabId: 3, url: 'https://www.jeejio.com/', startedAt: 1 };

describe('a snapshot of the cookie jar', () => {
  it('records each cookie the browser would send to the page as present', async () => {
    const [cookie] = await snapshotCookieJar(visit, undefined, async () => [
      {
        name: '_ga',
        value: 'GA1.2.3',
        domain: '.jeejio.com',
        hostOnly: false,
        path: '/',
        secure: true,
        httpOnly: false,
        session: false,
        expirationDate: 2e9,
      },
    ]);
    expect(cookie).toMatchObject({ kind: 'cookie', action: 'present', name: '_ga', visitId: 'v1' });
  });

  it('records a reading the browser refused as an evidence loss of the page, never as an empty jar', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const refuse = async () => {
      throw new Error('No cookie store');
    };
    const observations = await snapshotCookieJar(visit, undefined, refuse);
    // The jar is read at each load, route, wake and export: a refusal that lasts is one loss of the visit.
    expect((await snapshotCookieJar(visit, undefined, refuse))[0]?.id).toBe(observations[0]?.id);
    expect(observations).toEqual([
      expect.objectContaining({
        kind: 'evidence-loss',
        cause: 'jar-unreadable',
        count: 1,
        visitId: 'v1',
        pageUrl: 'https://www.jeejio.com/',
        detail: 'The browser refused the reading: No cookie store',
      }),
    ]);
  });
});
