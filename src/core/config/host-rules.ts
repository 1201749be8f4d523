/**
 * Chromium's --host-resolver-rules, read as Chromium reads them
 * (net/base/host_mapping_rules.cc, HostMappingRules::SetRulesFromString):
 * rules separated by commas, each "MAP pattern replacement" or
 * "EXCLUDE pattern", words separated by single spaces, keywords in any case.
 * Chromium logs a rule it cannot read and drops it, so an audit meant for
 * staging would quietly reach production: here every rule must parse, and
 * what Chromium would accept but never match (a URL as pattern, a wildcard
 * as replacement) is refused too.
 * Source: https://source.chromium.org/chromium/chromium/src/+/main:net/base/host_mapping_rules.cc
 */

/** Chromium's replacement that makes a mapped name fail to resolve (net/dns/mapped_host_resolver.cc). */
export const NOT_FOUND_REPLACEMENT = '~NOTFOUND';

export type HostRule =
  | {
      kind: 'map';
      /** Lower-cased, as Chromium keeps it; `*` and `?` are wildcards, `:port` may follow. */
      pattern: string;
      /** A host name or IP address (IPv6 without brackets), or NOT_FOUND_REPLACEMENT. */
      host: string;
      /** Absent: the URL's own port is kept. */
      port?: number;
    }
  | { kind: 'exclude'; pattern: string };

/** Where a host ends up under the rules: an address to connect to, or a name made not to resolve. */
export type MappedHost = { kind: 'address'; host: string; port: number } | { kind: 'not-found' };

export class HostRulesError extends Error {
  override name = 'HostRulesError';
}

const GRAMMAR = 'a rule is "MAP pattern host[:port]" or "EXCLUDE pattern", rules separated by commas';
/** What Chromium's pattern matching can match in a host (or host:port): names, IP addresses, wildcards. */
const PATTERN = /^[a-z0-9.*?_\-[\]:]+$/i;
const HOST_NAME = /^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?$/i;
const IPV6 = /^[0-9a-f:.]+$/i;

/** Reads every rule, or throws a HostRulesError naming the first that Chromium would drop or never match. */
export function parseHostRules(text: string): HostRule[] {
  const rules = text.split(',');
  return rules.map((raw, index) => {
    const where = rules.length > 1 ? `Host rule ${index + 1} of ${rules.length}` : 'The host rule';
    const fail = (why: string): never => {
      throw new HostRulesError(`${where}, "${raw.trim()}", ${why}; ${GRAMMAR}.`);
    };
    return parseRule(raw.trim(), fail);
  });
}

function parseRule(rule: string, fail: (why: string) => never): HostRule {
  if (rule === '') return fail('is empty (a comma too many)');
  const words = rule.split(' ');
  if (words.includes('')) return fail('has two spaces in a row, which Chromium does not read');
  if (words.some((word) => /\s/.test(word))) return fail('has a tab or line break between its words');
  const [keyword = '', pattern = '', replacement] = words;
  const kind = keyword.toLowerCase();
  if (kind !== 'map' && kind !== 'exclude') return fail(`starts with "${keyword}", not MAP or EXCLUDE`);
  const wanted = kind === 'map' ? 3 : 2;
  if (words.length < wanted) {
    return fail(kind === 'map' ? 'lacks what to map to' : 'lacks the pattern to exclude');
  }
  if (words.length > wanted) return fail(`has ${words.length} words where ${wanted} are read`);
  checkPattern(pattern, fail);
  if (kind === 'exclude') return { kind, pattern: pattern.toLowerCase() };
  return { kind, pattern: pattern.toLowerCase(), ...parseReplacement(replacement ?? '', fail) };
}

function checkPattern(pattern: string, fail: (why: string) => never): void {
  if (pattern.includes('/')) fail(`has "${pattern}" as pattern, a URL, where a host name is matched`);
  if (!PATTERN.test(pattern)) fail(`has "${pattern}" as pattern, which no host name can match`);
}

function parseReplacement(
  replacement: string,
  fail: (why: string) => never,
): { host: string; port?: number } {
  if (replacement === NOT_FOUND_REPLACEMENT) return { host: replacement };
  if (replacement.includes('/')) return fail(`maps to "${replacement}", a URL, where host[:port] is read`);
  if (replacement.includes('@'))
    return fail(`maps to "${replacement}", with a user name, where host[:port] is read`);
  if (/[*?]/.test(replacement)) return fail(`maps to "${replacement}", a pattern, where one host is read`);
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(replacement);
  const [host, port] = bracketed
    ? [bracketed[1] ?? '', bracketed[2]]
    : (() => {
        const colon = replacement.lastIndexOf(':');
        return colon < 0
          ? [replacement, undefined]
          : [replacement.slice(0, colon), replacement.slice(colon + 1)];
      })();
  if (bracketed ? !IPV6.test(host) || !host.includes(':') : !HOST_NAME.test(host)) {
    return fail(`maps to "${replacement}", whose host "${host}" is not a host name or IP address`);
  }
  if (port === undefined) return { host };
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65_535) {
    return fail(`maps to "${replacement}", whose port "${port}" is not a number from 1 to 65535`);
  }
  return { host, port: Number(port) };
}

/**
 * Where Chromium sends `host` (on `port`) under these rules, as
 * HostMappingRules::RewriteHost decides: the first MAP rule whose pattern
 * matches the host, or host:port, applies, unless an EXCLUDE pattern matches
 * the host. Undefined when no rule maps it.
 */
export function mapHost(rules: readonly HostRule[], host: string, port: number): MappedHost | undefined {
  const name = host.toLowerCase();
  const rule = rules.find(
    (r) =>
      r.kind === 'map' && (matchesPattern(name, r.pattern) || matchesPattern(`${name}:${port}`, r.pattern)),
  );
  if (rule?.kind !== 'map') return undefined;
  if (rules.some((r) => r.kind === 'exclude' && matchesPattern(name, r.pattern))) return undefined;
  if (rule.host === NOT_FOUND_REPLACEMENT) return { kind: 'not-found' };
  return { kind: 'address', host: rule.host, port: rule.port ?? port };
}

/** base::MatchPattern: `*` any run of characters, `?` one character, the rest literally. */
function matchesPattern(text: string, pattern: string): boolean {
  const source = [...pattern]
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(text);
}
