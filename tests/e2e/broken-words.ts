import type { Page } from 'playwright-core';

/**
 * Words of the interface's own text split across two lines, with the text they
 * stood in. The page's data (marked translate="no") may break anywhere: a long
 * URL or token must, to fit. A word is split when its characters' boxes sit on
 * more than one line.
 */
export async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const el = node.parentElement;
      if (!el || el.closest('[translate="no"], code, script, style, .visually-hidden')) continue;
      if (!el.checkVisibility()) continue;
      for (const m of (node.textContent ?? '').matchAll(/[A-Za-z]{2,}/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set(
          [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
        );
        if (tops.size > 1) broken.push(`${m[0]} in "${(node.textContent ?? '').trim().slice(0, 60)}"`);
      }
    }
    return broken;
  });
}
