import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentReport } from '../protocol/content-reports';

const runtime = vi.hoisted(() => ({
  id: 'inspector' as string | undefined,
  sendMessage: vi.fn<(message: unknown) => Promise<unknown>>(),
}));
vi.mock('wxt/browser', () => ({ browser: { runtime } }));

const { sendReport } = await import('./send-report');

const report: ContentReport = { type: 'storage-snapshot', entries: [] };
/** What webextension-polyfill makes of a channel Chrome closed unanswered (a worker stopped as it got the report). */
const closedUnanswered = () => Promise.resolve(undefined);
/** What Chrome says when no worker could be reached at all. */
const noReceiver = () =>
  Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));

describe('sendReport', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    runtime.id = 'inspector';
    runtime.sendMessage.mockReset();
  });
  afterEach(() => vi.useRealTimers());

  it('sends a report again, unchanged, until a worker answers', async () => {
    runtime.sendMessage
      .mockImplementationOnce(closedUnanswered)
      .mockImplementationOnce(noReceiver)
      .mockResolvedValueOnce('kept');
    const sent = sendReport(report);
    await vi.runAllTimersAsync();
    await sent;
    expect(runtime.sendMessage.mock.calls).toEqual([[report], [report], [report]]);
  });

  it('keeps trying while the extension is there, however long the worker takes', async () => {
    let tries = 0;
    runtime.sendMessage.mockImplementation(() =>
      ++tries < 8 ? closedUnanswered() : Promise.resolve('kept'),
    );
    const sent = sendReport(report);
    await vi.advanceTimersByTimeAsync(60_000);
    await sent;
    expect(tries).toBe(8);
  });

  it('takes a refusal as an answer: a report the worker will never take is not sent again', async () => {
    runtime.sendMessage.mockResolvedValue('refused');
    await sendReport(report);
    expect(runtime.sendMessage).toHaveBeenCalledTimes(1);
  });

  it('stops once the extension is gone', async () => {
    runtime.sendMessage.mockImplementation(() => {
      runtime.id = undefined;
      return Promise.reject(new Error('Extension context invalidated.'));
    });
    await sendReport(report);
    expect(runtime.sendMessage).toHaveBeenCalledTimes(1);
  });
});
