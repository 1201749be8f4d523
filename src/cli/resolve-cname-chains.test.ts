import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUdpDnsServer, type UdpDnsServer } from '../../tests/support/udp-dns-server';
import { parseDnsServer, resolveCnameChains } from './resolve-cname-chains';

describe('parseDnsServer', () => {
  it('reads an address with or without a port, IPv6 in brackets', () => {
    expect(parseDnsServer('127.0.0.1')).toEqual({ address: '127.0.0.1', port: 53 });
    expect(parseDnsServer('127.0.0.1:5353')).toEqual({ address: '127.0.0.1', port: 5353 });
    expect(parseDnsServer('::1')).toEqual({ address: '::1', port: 53 });
    expect(parseDnsServer('[::1]:5353')).toEqual({ address: '::1', port: 5353 });
  });

  it('refuses a name and a bad port, in words', () => {
    expect(() => parseDnsServer('dns.example')).toThrow('takes an IP address');
    expect(() => parseDnsServer('127.0.0.1:70000')).toThrow('port "70000" is not a number from 1 to 65535');
  });
});

describe('resolveCnameChains against a loopback DNS server', () => {
  let dns: UdpDnsServer;
  beforeAll(async () => {
    dns = await startUdpDnsServer(
      {
        'metrics.jeejio.com': 'edge.jeejio-cdn.example',
        'edge.jeejio-cdn.example': 'jeejio.sc.omtrdc.net',
        'loop-a.jeejio.com': 'loop-b.jeejio.com',
        'loop-b.jeejio.com': 'loop-a.jeejio.com',
      },
      ['broken.jeejio.com'],
    );
  });
  afterAll(() => dns.close());

  it('follows a chain to its end, leaves a host without CNAME alone, and warns of a failure and a loop', async () => {
    const { chains, lookups } = await resolveCnameChains(
      ['broken.jeejio.com', 'cdn.jeejio.com', 'loop-a.jeejio.com', 'metrics.jeejio.com'],
      parseDnsServer(dns.server),
      3,
    );
    expect(chains.get('metrics.jeejio.com')).toEqual([
      'metrics.jeejio.com',
      'edge.jeejio-cdn.example',
      'jeejio.sc.omtrdc.net',
    ]);
    expect(chains.has('cdn.jeejio.com')).toBe(false);
    expect(lookups).toMatchObject({
      resolver: dns.server,
      notAsked: 3,
      hosts: ['broken.jeejio.com', 'cdn.jeejio.com', 'loop-a.jeejio.com', 'metrics.jeejio.com'],
    });
    expect(lookups.aliases.map((a) => a.host)).toEqual(['loop-a.jeejio.com', 'metrics.jeejio.com']);
    expect(lookups.warnings).toEqual([
      'broken.jeejio.com: asking for the CNAME of broken.jeejio.com failed (the server failed to answer).',
      'loop-a.jeejio.com: the CNAME chain loops (loop-a.jeejio.com → loop-b.jeejio.com → loop-a.jeejio.com); cut there.',
    ]);
    expect(dns.asked).toContain('CNAME edge.jeejio-cdn.example');
  });

  it('warns, and goes on, when the server never answers', async () => {
    // A bound socket that reads nothing: every question times out.
    const silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const started = performance.now();
      const { chains, lookups } = await resolveCnameChains(
        ['metrics.jeejio.com'],
        parseDnsServer(`127.0.0.1:${port}`),
      );
      expect(chains.size).toBe(0);
      expect(lookups.warnings).toEqual([
        'metrics.jeejio.com: asking for the CNAME of metrics.jeejio.com failed (no answer within 2000 ms, 2 tries).',
      ]);
      expect(performance.now() - started).toBeLessThan(15_000);
    } finally {
      silent.close();
    }
  }, 20_000);
});
