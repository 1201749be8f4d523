import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseHostRules } from '../core/config/host-rules';
import { type HostRulesProxy, startHostRulesProxy } from './host-rules-proxy';

const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const thing of open.splice(0)) await thing.close();
});

/** A server that answers "hello" on a loopback port. */
async function helloServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => socket.end('hello'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push(server);
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
}

/** A CONNECT through the proxy: its status line, and what the tunnel then carries. */
function tunnel(proxy: HostRulesProxy, authority: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const asked = request({ host: '127.0.0.1', port: proxy.port, method: 'CONNECT', path: authority });
    asked.on('connect', (response, socket, head) => {
      let body = head.toString();
      socket.on('data', (chunk) => {
        body += chunk;
      });
      socket.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      socket.on('error', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    asked.on('error', reject);
    asked.end();
  });
}

describe('the host-rules proxy (Firefox maps names, never ports)', () => {
  it('takes a mapped host to the address and port the rules name, and records where', async () => {
    const { port } = await helloServer();
    const proxy = await startHostRulesProxy(parseHostRules(`MAP *.jeejio.com 127.0.0.1:${port}`));
    open.push(proxy);
    expect(await tunnel(proxy, 'www.jeejio.com:443')).toEqual({ status: 200, body: 'hello' });
    expect(proxy.connections).toEqual([{ host: 'www.jeejio.com', port: 443, to: `127.0.0.1:${port}` }]);
  });

  it('records a connection that failed with why, never as made', async () => {
    const { server, port } = await helloServer();
    await new Promise((resolve) => server.close(resolve));
    const proxy = await startHostRulesProxy(parseHostRules(`MAP * 127.0.0.1:${port}`));
    open.push(proxy);
    expect((await tunnel(proxy, 'www.jeejio.com:443')).status).toBe(502);
    expect(proxy.connections).toEqual([
      {
        host: 'www.jeejio.com',
        port: 443,
        to: `127.0.0.1:${port}`,
        failure: expect.stringContaining('ECONNREFUSED'),
      },
    ]);
  });

  it('refuses a host the rules send nowhere (~NOTFOUND)', async () => {
    const proxy = await startHostRulesProxy(parseHostRules('MAP www.jeejio.com ~NOTFOUND'));
    open.push(proxy);
    expect((await tunnel(proxy, 'www.jeejio.com:443')).status).toBe(502);
    expect(proxy.connections).toEqual([{ host: 'www.jeejio.com', port: 443, to: '~NOTFOUND' }]);
  });
});
