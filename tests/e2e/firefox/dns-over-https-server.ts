import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import dnsPacket from 'dns-packet';
import { demoCertificate } from '../../../src/demo-site/tls';

export interface DnsOverHttpsServer {
  /** For Firefox's network.trr.uri. */
  uri: string;
  /** Every name asked for, in order. */
  asked: string[];
  /** Firefox's preferences that send every DNS query here and nowhere else (TRR mode 3). */
  firefoxPreferences: Record<string, string | number | boolean>;
  close(): Promise<void>;
}

/**
 * A DNS-over-HTTPS server on loopback (RFC 8484), so a test resolves names
 * without the network: each name in `aliases` is a CNAME of its value, and
 * every name ends at 127.0.0.1. Firefox asks it for every lookup, the
 * extension's dns.resolve included.
 */
export async function startDnsOverHttps(aliases: Record<string, string>): Promise<DnsOverHttpsServer> {
  const { key, cert } = await demoCertificate();
  const asked: string[] = [];
  const server = createServer({ key, cert }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'https://127.0.0.1');
      const wire =
        request.method === 'GET'
          ? Buffer.from(url.searchParams.get('dns') ?? '', 'base64url')
          : Buffer.concat(chunks);
      let query: dnsPacket.Packet;
      try {
        query = dnsPacket.decode(wire);
      } catch {
        response.writeHead(400).end();
        return;
      }
      const question = query.questions?.[0];
      const answers: dnsPacket.Answer[] = [];
      if (question) {
        asked.push(question.name);
        let name = question.name.toLowerCase();
        const alias = aliases[name];
        if (alias) {
          answers.push({ type: 'CNAME', name, ttl: 60, data: alias });
          name = alias;
        }
        if (question.type === 'A') answers.push({ type: 'A', name, ttl: 60, data: '127.0.0.1' });
      }
      const reply = dnsPacket.encode({
        type: 'response',
        id: query.id ?? 0,
        flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE,
        questions: query.questions ?? [],
        answers,
      });
      response.writeHead(200, { 'content-type': 'application/dns-message', 'content-length': reply.length });
      response.end(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const uri = `https://127.0.0.1:${port}/dns-query`;
  return {
    uri,
    asked,
    firefoxPreferences: {
      'network.trr.mode': 3,
      'network.trr.uri': uri,
      'network.trr.custom_uri': uri,
      'network.trr.allow-rfc1918': true,
      'network.trr.confirmationNS': 'skip',
      'network.trr.bootstrapAddr': '127.0.0.1',
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
