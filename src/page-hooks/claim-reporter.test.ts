import { describe, expect, it } from 'vitest';
import { parseClaimBatch } from '../protocol/page-claims';
import { createClaimReporter, type ReportClaim } from './claim-reporter';

/** What the content script would take from every batch the reporter sent. */
async function reported(make: (report: ReportClaim) => void) {
  const sent: string[] = [];
  make(createClaimReporter((text) => sent.push(text)).report);
  await Promise.resolve();
  const batches = sent.map((text) => parseClaimBatch(text));
  return {
    claims: batches.flatMap((b) => b.claims),
    dropped: batches.reduce((n, b) => n + b.dropped, 0),
  };
}

describe('createClaimReporter', () => {
  it('batched, hands claims over at most every so often, and at once from the moment the page is left', async () => {
    const sent: string[] = [];
    const reporter = createClaimReporter((text) => sent.push(text), 50);
    reporter.report({ type: 'cookie-write', cookie: 'a=1' });
    await Promise.resolve();
    reporter.report({ type: 'cookie-write', cookie: 'b=1' });
    await Promise.resolve();
    expect(sent).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(sent.map((text) => parseClaimBatch(text).claims.length)).toEqual([2]);
    reporter.report({ type: 'cookie-write', cookie: 'queued=1' });
    reporter.leaving();
    expect(sent).toHaveLength(2);
    // A beacon sent by the page's own pagehide handler goes with its microtask.
    reporter.report({ type: 'cookie-write', cookie: 'exit=1' });
    await Promise.resolve();
    expect(sent).toHaveLength(3);
  });

  it('counts what a flood of one kind leaves out, and still passes on a claim of another kind', async () => {
    const { claims, dropped } = await reported((report) => {
      for (let i = 0; i < 1_000; i++)
        report({
          type: 'storage-write',
          area: 'localStorage',
          op: 'set',
          key: 'pad',
          value: String(i),
          valueLength: 3,
        });
      report({ type: 'fingerprint', technique: 'canvas', detail: 'read back a canvas after drawing text' });
    });
    expect(claims.filter((c) => c.type === 'fingerprint')).toHaveLength(1);
    const kept = claims.filter((c) => c.type === 'storage-write').length;
    expect(kept).toBe(300);
    expect(dropped).toBe(1_000 - kept);
  });

  it('batched, says where its claims were made, and sends what was queued before the app moved to another route', async () => {
    const sent: string[] = [];
    let url = 'https://www.jeejio.com/app/';
    const reporter = createClaimReporter(
      (text) => sent.push(text),
      50,
      () => url,
    );
    reporter.report({ type: 'cookie-write', cookie: 'home=1' });
    url = 'https://www.jeejio.com/app/account';
    reporter.report({ type: 'cookie-write', cookie: 'account=1' });
    reporter.leaving();
    const batches = sent.map((text) => parseClaimBatch(text));
    expect(batches.map((b) => [b.route, b.claims.map((c) => (c as { cookie: string }).cookie)])).toEqual([
      ['https://www.jeejio.com/app/', ['home=1']],
      ['https://www.jeejio.com/app/account', ['account=1']],
    ]);
  });

  it('says nothing was dropped when nothing was', async () => {
    const { claims, dropped } = await reported((report) => report({ type: 'cookie-write', cookie: 'a=1' }));
    expect(claims).toHaveLength(1);
    expect(dropped).toBe(0);
  });
});
