import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { DnsLookups } from '../core/report/report-types';

/** Aliases followed at most from one host; a longer chain is cut and said to be. */
const MAX_CHAIN = 8;
/** How long one question may take; the system's resolver's default (5 s, four tries) would stall an audit. */
const QUESTION_TIMEOUT_MS = 2_000;
const TRIES = 2;
/** Hosts asked at once. */
const PARALLEL = 8;

/** A DNS server as `--dns-server` names it: an IPv4 or IPv6 address with an optional port. */
export interface DnsServer {
  address: string;
  port: number;
}

/**
 * Reads `HOST[:PORT]`: `127.0.0.1`, `127.0.0.1:5353`, `::1`, `[::1]:5353`.
 * Node's resolver speaks to addresses only, so a name is refused, in words.
 */
export function parseDnsServer(text: string): DnsServer {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  const [address, port] = bracketed
    ? [bracketed[1] ?? '', bracketed[2]]
    : isIP(text) === 6
      ? [text, undefined]
      : (() => {
          const colon = text.lastIndexOf(':');
          return colon === -1 ? [text, undefined] : [text.slice(0, colon), text.slice(colon + 1)];
        })();
  if (isIP(address) === 0) {
    throw new Error(
      `--dns-server takes an IP address with an optional port (127.0.0.1:5353, [::1]:53), not "${text}"`,
    );
  }
  const number = port === undefined ? 53 : /^\d{1,5}$/.test(port) ? Number(port) : Number.NaN;
  if (!(number >= 1 && number <= 65_535)) {
    throw new Error(`--dns-server: port "${port}" is not a number from 1 to 65535`);
  }
  return { address, port: number };
}

export function formatDnsServer(server: DnsServer): string {
  return isIP(server.address) === 6
    ? `[${server.address}]:${server.port}`
    : `${server.address}:${server.port}`;
}

/**
 * Asks DNS for the CNAME chain of each host, alias after alias, as Chrome
 * cannot (it has no DNS API): a host of the audited site that is an alias of
 * a tracker's collector is that tracker under a first-party name. A host with
 * no CNAME is no alias; every other failure (a timeout, a refusal, a name
 * that does not exist, a loop, too long a chain) is a warning, never an error:
 * the audit's findings stand without it.
 */
export async function resolveCnameChains(
  hosts: readonly string[],
  server: DnsServer | undefined,
  notAsked = 0,
): Promise<{ chains: Map<string, string[]>; lookups: DnsLookups }> {
  const resolver = new Resolver({ timeout: QUESTION_TIMEOUT_MS, tries: TRIES });
  if (server) resolver.setServers([formatDnsServer(server)]);
  const chains = new Map<string, string[]>();
  const warnings: string[] = [];
  const queue = [...hosts];
  const worker = async () => {
    for (let host = queue.shift(); host !== undefined; host = queue.shift()) {
      const { chain, warning } = await followChain(resolver, host);
      if (chain.length >= 2) chains.set(host, chain);
      if (warning) warnings.push(warning);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, hosts.length) }, worker));
  const aliases = [...chains]
    .map(([host, chain]) => ({ host, chain }))
    .sort((a, b) => (a.host < b.host ? -1 : 1));
  return {
    chains,
    lookups: {
      resolver: server ? formatDnsServer(server) : 'system',
      hosts: [...hosts],
      ...(notAsked > 0 && { notAsked }),
      aliases,
      warnings: warnings.sort(),
    },
  };
}

async function followChain(resolver: Resolver, host: string): Promise<{ chain: string[]; warning?: string }> {
  const chain = [host];
  for (;;) {
    const name = chain[chain.length - 1] ?? host;
    let answers: string[];
    try {
      answers = await resolver.resolveCname(name);
    } catch (error) {
      const code = (error as { code?: string }).code;
      // No CNAME record: the name is where the chain ends.
      if (code === 'ENODATA') return { chain };
      return {
        chain,
        warning: `${host}: asking for the CNAME of ${name} failed (${failureInWords(code, error)}).`,
      };
    }
    const next = answers[0]?.toLowerCase().replace(/\.$/, '');
    if (next === undefined || next === '') return { chain };
    if (chain.includes(next)) {
      return {
        chain,
        warning: `${host}: the CNAME chain loops (${[...chain, next].join(' → ')}); cut there.`,
      };
    }
    chain.push(next);
    if (chain.length > MAX_CHAIN) {
      return {
        chain,
        warning: `${host}: the CNAME chain is longer than ${MAX_CHAIN} names; cut at ${next}.`,
      };
    }
  }
}

function failureInWords(code: string | undefined, error: unknown): string {
  switch (code) {
    case 'ETIMEOUT':
      return `no answer within ${QUESTION_TIMEOUT_MS} ms, ${TRIES} tries`;
    case 'ENOTFOUND':
      return 'no such name';
    case 'ECONNREFUSED':
      return 'the server refused the connection';
    case 'ESERVFAIL':
      return 'the server failed to answer';
    case 'EREFUSED':
      return 'the server refused the query';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
