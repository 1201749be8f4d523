import type { Observation } from './observation';

/** Long enough for a host and path a reader recognises; a page cannot grow the worker's memory through it. */
const MAX_KEY_CHARS = 200;

/**
 * What a flood is counted by: the thing a reader would call "the same" when
 * told it happened 9,000 times. The value, the query string and the time are
 * left out, so a page writing one cookie in a loop is one key however its value
 * changes, and a cookie, storage key or endpoint it never used before is a new key.
 * - cookie: `cookie name@domain/path` (the browser's identity of a cookie);
 * - storage: `storage area origin key`;
 * - request, beacon: `request METHOD host/path` (no query: beacons vary it on every hit);
 * - fingerprint: `fingerprint technique`, by the script that did it when one is named;
 * - policy-text: `policy-text url`;
 * - evidence-loss: `evidence-loss cause`.
 * Each ends with the provenance (`[cookies-api]`, `[page-hook]`...): the first
 * claim a page hook makes about a cookie carries its writer, so it is a first
 * sighting of its own even when the browser's record of the cookie came first.
 */
export function floodKey(o: Observation): string {
  return bounded(`${keyOf(o)} [${o.provenance}]`);
}

function keyOf(o: Observation): string {
  switch (o.kind) {
    case 'cookie':
      return `cookie ${o.name}@${o.domain}${o.path}`;
    case 'storage':
      return `storage ${o.area} ${o.origin} ${o.key}`;
    case 'request':
    case 'beacon':
      return `${o.kind} ${o.method} ${hostAndPath(o.url)}`;
    case 'fingerprint':
      return `fingerprint ${o.technique}${o.scriptUrl === undefined ? '' : ` ${hostAndPath(o.scriptUrl)}`}`;
    case 'policy-text':
      return `policy-text ${hostAndPath(o.url)}`;
    case 'evidence-loss':
      return `evidence-loss ${o.cause}`;
    case 'link-decoration':
      return `link-decoration ${o.via} ${hostAndPath(o.url)}`;
  }
}

function hostAndPath(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url.split(/[?#]/, 1)[0] ?? url;
  }
}

function bounded(key: string): string {
  return key.length <= MAX_KEY_CHARS ? key : `${key.slice(0, MAX_KEY_CHARS - 1)}…`;
}
