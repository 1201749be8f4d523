import { type Classification, quote } from './classification';
import { classifyHost } from './classify-host';
import { hostOfUrl } from './url-parts';

/**
 * The script a page hook says wrote a cookie or storage key, added to the
 * reason as the page's claim and nothing more. The script URL comes from a
 * stack trace taken in the page's own world, which the page can shape
 * (a `//# sourceURL=` comment, a replaced `Error.prepareStackTrace`): were
 * it allowed to name the vendor or purpose, a page could dress its own login
 * cookie as a WeChat one and make the finding about it go away. So the name,
 * domain and value decide; the claim is shown so a reader can follow it up.
 */
export function withClaimedWriter(
  known: Classification,
  what: 'Cookie' | 'Storage key',
  name: string,
  scriptUrl: string | undefined,
): Classification {
  if (scriptUrl === undefined) return known;
  const host = hostOfUrl(scriptUrl);
  const entry = host ? classifyHost(host) : undefined;
  const whose = entry ? `, served from ${entry.vendor}'s host ${entry.domain},` : '';
  return {
    ...known,
    reason:
      `${known.reason} The page claims the script ${quote(scriptUrl)}${whose} wrote ${what.toLowerCase()} ` +
      `${quote(name)}; a page can forge that, so the claim does not change the classification.`,
  };
}
