import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalTsa, startLocalTsa } from '../../../../tests/support/local-tsa';
import { readTimestampToken } from './timestamp-token';
import { tsaStamper } from './tsa-stamper';

const manifest = new TextEncoder().encode('{"format":"jeejio-evidence/1"}\n');

/** An HTTP server on loopback that answers every request as `answer` says. */
async function serveOnce(
  answer: (res: import('node:http').ServerResponse) => void,
): Promise<{ url: URL; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`), server };
}

describe('stamping at a TSA over HTTP', () => {
  let tsa: LocalTsa;
  let tsaUrl: URL;
  beforeAll(async () => {
    tsa = await startLocalTsa();
    tsaUrl = new URL(await tsa.serve());
  }, 30_000);
  afterAll(() => tsa.close());

  it("returns the openssl TSA's token for exactly these bytes", async () => {
    const token = await tsaStamper(tsaUrl)(manifest);
    const read = readTimestampToken(token);
    if ('error' in read) throw new Error(read.error);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', manifest));
    expect([...read.token.imprint]).toEqual([...digest]);
    expect(read.token.tsaName).toContain('Local Test TSA');
    expect(Math.abs(Date.parse(read.token.time) - Date.now())).toBeLessThan(10_000);
    expect(tsa.served()).toBe(1);
  });

  it('names the TSA and the reason when it answers with something else, or not at all', async () => {
    const page = await serveOnce((res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi'));
    const refused = await serveOnce((res) => res.writeHead(503, 'Service Unavailable').end());
    try {
      await expect(tsaStamper(page.url)(manifest)).rejects.toThrow(
        `the TSA at ${page.url.href} answered with text/html, not a timestamp reply`,
      );
      await expect(tsaStamper(refused.url)(manifest)).rejects.toThrow(
        /answered HTTP 503 Service Unavailable/,
      );
    } finally {
      page.server.close();
      refused.server.close();
    }
    // A port nobody listens on: the connection is refused.
    const closed = page.url;
    await expect(tsaStamper(closed)(manifest)).rejects.toThrow(
      new RegExp(`the TSA at ${closed.href.replace(/[.?*+^$[\]\\(){}|-]/g, '\\$&')} could not be reached`),
    );
  });
});
