import { MAX_OUTBOUND_LINKS } from '../core/observations/outbound-link-limit';
import type { ContentReportOf } from '../protocol/content-reports';

/** An href longer than this is no link a reader follows; it is not sent. */
const MAX_LINK_CHARS = 8_192;

/**
 * Reads the links of the frame's markup that point off its host with a query
 * or a fragment (where click and person ids ride), each once, and sends the
 * new ones: the worker keeps those that leave the site with catalogued ids.
 * Past MAX_OUTBOUND_LINKS links the rest are counted, never silently dropped.
 */
export function readOutboundLinks(send: (report: ContentReportOf<'outbound-links'>) => void): () => void {
  const sent = new Set<string>();
  let notRead = 0;
  const counted = new Set<string>();
  return () => {
    const links: string[] = [];
    for (const anchor of document.querySelectorAll<HTMLAnchorElement | HTMLAreaElement>(
      'a[href], area[href]',
    )) {
      const href = anchor.href;
      if (href.length > MAX_LINK_CHARS || !/^https?:\/\//i.test(href) || sent.has(href)) continue;
      let url: URL;
      try {
        url = new URL(href);
      } catch {
        continue;
      }
      if (url.hostname === location.hostname || !(url.search.includes('=') || url.hash.includes('=')))
        continue;
      if (sent.size >= MAX_OUTBOUND_LINKS) {
        if (!counted.has(href)) {
          counted.add(href);
          notRead++;
        }
        continue;
      }
      sent.add(href);
      links.push(href);
    }
    if (links.length === 0 && notRead === 0) return;
    const route = location.href;
    send({
      type: 'outbound-links',
      ...(/^https?:\/\//i.test(route) && { route }),
      links,
      ...(notRead > 0 && { notRead }),
    });
    notRead = 0;
  };
}
