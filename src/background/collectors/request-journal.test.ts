import { beforeEach, describe, expect, it, vi } from 'vitest';

const session = vi.hoisted(() => ({
  set: vi.fn<(items: Record<string, unknown>) => Promise<void>>(),
  remove: vi.fn(async () => {}),
  get: vi.fn(async () => ({})),
}));
vi.mock('wxt/browser', () => ({ browser: { storage: { session, local: session } } }));

const { RequestJournal } = await import('./request-journal');

const reading = (tabId: number) => ({
  requestId: `r${tabId}`,
  tabId,
  url: 'https://hm.baidu.com/hm.gif?si=1',
  method: 'GET',
  type: 'image',
  timeStamp: 1_000,
});

describe('RequestJournal in full session storage', () => {
  beforeEach(() => {
    session.set.mockReset();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  it("names the tab of each reading it could not keep, so that tab's page is marked incomplete", async () => {
    session.set.mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const unprotected: number[] = [];
    const journal = new RequestJournal((tabId) => unprotected.push(tabId));
    journal.note({ event: 'headers', details: reading(7) });
    journal.note({ event: 'end', details: reading(9) });
    // A body has no tab; the end reading of its request stands for it.
    journal.note({ event: 'body', requestId: 'r7', timeStamp: 1_000, body: { formData: { phone: ['1'] } } });
    await vi.waitFor(() => expect(session.set).toHaveBeenCalledTimes(3));
    await vi.waitFor(() => expect(unprotected).toEqual([7, 9]));
  });

  it('names nobody while storage keeps what it is given', async () => {
    session.set.mockResolvedValue(undefined);
    const unprotected: number[] = [];
    const journal = new RequestJournal((tabId) => unprotected.push(tabId));
    journal.note({ event: 'headers', details: reading(7) });
    await vi.waitFor(() => expect(session.set).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(unprotected).toEqual([]);
  });
});
