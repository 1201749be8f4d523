import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import { type HostRule, mapHost } from '../core/config/host-rules';

/** Where the proxy took a browser's connection for a host, as the host rules say. */
export interface ProxiedConnection {
  host: string;
  port: number;
  /** `host:port` it connected to, or `~NOTFOUND` when the rules refuse the host. */
  to: string;
  /** Why it could not connect there (ECONNREFUSED…); absent once connected. */
  failure?: string;
}

export interface HostRulesProxy {
  port: number;
  /** Every connection made so far, in order: the audit confirms its first page came where the rules say. */
  connections: readonly ProxiedConnection[];
  close(): Promise<void>;
}

/**
 * Chromium's `--host-resolver-rules` for a browser that has none: a loopback
 * proxy (HTTP, and CONNECT for HTTPS) that connects each host where the rules
 * map it, port included, and every other host where it names. Firefox maps
 * names to addresses (network.dns.localDomains) but never a port, so a fixture
 * or staging server on another port than 443 needs this. The browser still
 * speaks TLS with the host it asked for: certificates are checked as without it.
 */
export async function startHostRulesProxy(rules: readonly HostRule[]): Promise<HostRulesProxy> {
  const connections: ProxiedConnection[] = [];
  // A connection is on record once it is made, or once it failed, with why: never before either.
  const route = (host: string, port: number): ProxiedConnection => {
    const mapped = mapHost(rules, host, port);
    const to =
      mapped === undefined
        ? `${host}:${port}`
        : mapped.kind === 'not-found'
          ? '~NOTFOUND'
          : `${mapped.host}:${mapped.port}`;
    return { host, port, to };
  };
  const target = (to: string) => {
    const colon = to.lastIndexOf(':');
    return { host: to.slice(0, colon).replace(/^\[|\]$/g, ''), port: Number(to.slice(colon + 1)) };
  };
  const server: Server = createServer((request, response) => {
    // A plain-HTTP request through a proxy names its whole URL.
    let url: URL;
    try {
      url = new URL(request.url ?? '');
    } catch {
      response.writeHead(400).end('The proxy takes absolute URLs only.');
      return;
    }
    const connection = route(url.hostname, Number(url.port || 80));
    if (connection.to === '~NOTFOUND') {
      connections.push(connection);
      response.writeHead(502).end();
      return;
    }
    const forward = httpRequest(
      {
        ...target(connection.to),
        method: request.method,
        path: `${url.pathname}${url.search}`,
        headers: request.headers,
      },
      (answer: IncomingMessage) => {
        response.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(response);
      },
    );
    forward.once('socket', (socket) => socket.once('connect', () => connections.push(connection)));
    forward.on('error', (error) => {
      connections.push({ ...connection, failure: error.message });
      response.destroy();
    });
    request.pipe(forward);
  });
  server.on('connect', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const [host = '', port = '443'] = (request.url ?? '').split(/:(?=\d+$)/);
    const connection = route(host.replace(/^\[|\]$/g, ''), Number(port));
    if (connection.to === '~NOTFOUND') {
      connections.push(connection);
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    let connected = false;
    const upstream = connect(target(connection.to));
    upstream.once('connect', () => {
      connected = true;
      connections.push(connection);
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', (error) => {
      if (!connected) connections.push({ ...connection, failure: error.message });
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
    socket.on('error', () => upstream.destroy());
  });
  const sockets = new Set<Duplex>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The host-rules proxy has no port.');
  return {
    port: address.port,
    connections,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Firefox's preferences that send every connection through the proxy on
 * `port`, but those to loopback addresses by number (a test's DNS-over-HTTPS
 * server), which the rules' "MAP *" would otherwise take too.
 */
export function firefoxProxyPreferences(port: number): Record<string, string | number | boolean> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.no_proxies_on': '127.0.0.1, [::1]',
  };
}
