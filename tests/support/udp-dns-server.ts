import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import dnsPacket from 'dns-packet';

export interface UdpDnsServer {
  /** For --dns-server: 127.0.0.1:PORT. */
  server: string;
  port: number;
  /** Every question asked, as "TYPE name", in order. */
  asked: string[];
  close(): Promise<void>;
}

/**
 * A plain DNS server on loopback UDP (RFC 1035), so a test resolves names
 * without the network: each name in `aliases` has a CNAME to its value; a
 * name in `fail` answers SERVFAIL; every other name exists and has no CNAME
 * (an A query of any name answers 127.0.0.1).
 */
export async function startUdpDnsServer(
  aliases: Record<string, string>,
  fail: readonly string[] = [],
): Promise<UdpDnsServer> {
  const socket = createSocket('udp4');
  const asked: string[] = [];
  socket.on('message', (message, remote) => {
    let query: dnsPacket.Packet;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    const answers: dnsPacket.Answer[] = [];
    // dns-packet encodes the response code in the low four bits of the flags only: SERVFAIL is 2.
    let rcode = 0;
    if (question) {
      const name = question.name.toLowerCase();
      asked.push(`${question.type} ${name}`);
      const alias = aliases[name];
      if (fail.includes(name)) rcode = 2;
      else if (alias) answers.push({ type: 'CNAME', name, ttl: 60, data: alias });
      else if (question.type === 'A') answers.push({ type: 'A', name, ttl: 60, data: '127.0.0.1' });
    }
    const reply = dnsPacket.encode({
      type: 'response',
      id: query.id ?? 0,
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | rcode,
      questions: query.questions ?? [],
      answers,
    });
    socket.send(reply, remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address() as AddressInfo;
  return {
    server: `127.0.0.1:${port}`,
    port,
    asked,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
