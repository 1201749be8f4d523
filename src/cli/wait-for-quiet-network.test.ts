import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchNetwork } from './wait-for-quiet-network';

/** A page as far as the watch uses it: its request events. */
const fakePage = () => new EventEmitter();
const request = () => ({});

afterEach(() => {
  vi.useRealTimers();
});

describe('watchNetwork', () => {
  it('waits for a request sent before the wait began, then for the quiet after it', async () => {
    vi.useFakeTimers();
    const page = fakePage();
    const watch = watchNetwork(page);
    const beacon = request();
    page.emit('request', beacon);
    let done: boolean | undefined;
    void watch.untilQuiet(150, 10_000).then((quiet) => {
      done = quiet;
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(done).toBeUndefined();
    page.emit('requestfinished', beacon);
    await vi.advanceTimersByTimeAsync(149);
    expect(done).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    watch.stop();
    expect(page.listenerCount('request')).toBe(0);
  });

  it('gives up at the timeout, and at once when the page closes', async () => {
    vi.useFakeTimers();
    const page = fakePage();
    const watch = watchNetwork(page);
    page.emit('request', request());
    const timedOut = watch.untilQuiet(150, 2_000);
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(timedOut).resolves.toBe(false);
    const closing = watch.untilQuiet(150, 60_000);
    page.emit('close');
    await expect(closing).resolves.toBe(false);
  });
});
