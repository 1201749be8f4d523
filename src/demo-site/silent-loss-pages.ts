import { type Handler, jsLiteral, sendHtml } from './respond.js';

/**
 * A page that tries to hide what it does behind the inspector's own limits
 * (issue #15, item 3): it pads its storage past what one reading takes and
 * floods the hooks with storage writes just before a canvas read-back.
 */
export const SILENT_LOSS = {
  /** Padding keys written first: more than one storage reading takes. */
  paddingKeys: 650,
  /** Storage writes in one burst, well over a frame's burst allowance for one kind of claim. */
  floodWrites: 1_500,
  /** Written last, behind the padding. */
  hiddenKey: 'zz_hidden_visitor',
  /** Hidden images (never fetched: lazy and not displayed), more than the markup watcher inspects per frame. */
  decoyPixels: 560,
  /** Links leaving the site with a query, more than one reading takes (a portal's footer has as many). */
  outboundLinks: 230,
} as const;

const silentLoss: Handler = ({ res }) =>
  sendHtml(res, {
    title: 'Jeejio — hiding behind the limits',
    intro:
      'Pads localStorage past one reading, hides hundreds of decoy pixels and links leaving the site, floods ' +
      'the page hooks with storage writes, then reads a canvas back.',
    body: `${Array.from(
      { length: SILENT_LOSS.decoyPixels },
      (_, i) =>
        `<img loading="lazy" style="display:none" alt="" src="https://www.jeejio.com/decoy.gif?i=${i}">`,
    ).join('')}
<footer>${Array.from(
      { length: SILENT_LOSS.outboundLinks },
      (_, i) => `<a href="https://partner-${i}.example.org/?from=jeejio">partner ${i}</a>`,
    ).join(' ')}</footer>
<script>
(function () {
  const S = ${jsLiteral(JSON.stringify(SILENT_LOSS))};
  const s = JSON.parse(S);
  for (let i = 0; i < s.paddingKeys; i++) localStorage.setItem('pad_' + String(i).padStart(4, '0'), 'x');
  for (let i = 0; i < s.floodWrites; i++) localStorage.setItem('pad_0000', String(i));
  localStorage.setItem(s.hiddenKey, 'v-' + Math.random().toString(36).slice(2));
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  context.font = '14px Arial';
  context.fillText('Cwm fjordbank glyphs vext quiz', 2, 15);
  document.title = 'read ' + canvas.toDataURL().length;
})();
</script>`,
  });

export const SILENT_LOSS_ROUTES: ReadonlyArray<readonly [string, Handler]> = [
  ['www.jeejio.com/hostile-silent-loss', silentLoss],
];
