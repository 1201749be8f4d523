import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentReport } from '../protocol/content-reports';

const runtime = vi.hoisted(() => ({
  id: 'inspector' as string | undefined,
  sendMessage: vi.fn<(message: unknown) => Promise<unknown>>(),
}));
vi.mock('wxt/browser', () => ({ browser: { runtime } }));

const { sendReport } = await import('./send-report');

const report: ContentReport = { type: 'storage-snapshot', entries: [] };
const closedUnanswered = () =>
  Promise.reject(new Error('The message port closed before a response was received.'));

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
      .mockImplementationOnce(closedUnanswered)
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

  it('stops once the extension is gone', async () => {
    runtime.sendMessage.mockImplementation(() => {
      runtime.id = undefined;
      return Promise.reject(new Error('Extension context invalidated.'));
    });
    await sendReport(report);
    expect(runtime.sendMessage).toHaveBeenCalledTimes(1);
  });
});
