/**
 * Query strings and form bodies (`a=1&b=2`), as ordered name/value pairs.
 * Names are kept as sent, brackets and all, because that is what a reader
 * finds in the request: Meta's `ud[em]`, GA4's `ep.user_id`.
 */
export function decodeQuery(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = formDecode(eq === -1 ? pair : pair.slice(0, eq));
    if (name) pairs.push([name, eq === -1 ? '' : formDecode(pair.slice(eq + 1))]);
  }
  return pairs;
}

/** The query of a URL, without its fragment; empty when it has none. */
export function queryOf(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return '';
  const hash = url.indexOf('#', q);
  return url.slice(q + 1, hash === -1 ? undefined : hash);
}

/** Whether a body reads as a form: it starts with a plain name and an equals sign. */
export function looksLikeQuery(text: string): boolean {
  return /^[^=&\s{}[\]"]{1,100}=/.test(text);
}

function formDecode(text: string): string {
  // Most names and values carry no escapes; decoding them would only allocate.
  if (!text.includes('%') && !text.includes('+')) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
