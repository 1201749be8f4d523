import { type Handler, jsLiteral, sendHtml } from './respond.js';

/**
 * Hits sent after the load event, as real SDKs send them: a third-party beacon
 * 1 s after load carrying a phone number, a tracking pixel 2 s after load, a
 * first-party beacon only once the visitor scrolls to the bottom of a long
 * page, and a beacon as the page is left. An audit that moves on as soon as
 * the network is quiet misses the first three, and its report reads "clean".
 */
export const LATE_HITS_URL = 'https://www.jeejio.com/late-hits';
export const LATE_HITS_PHONE = '13987654321';

const lateHits: Handler = ({ res }) =>
  sendHtml(res, {
    title: 'Jeejio — late hits',
    intro:
      'Sends a Baidu Tongji beacon with a phone number 1 s after load, a tracking pixel 2 s after load, a ' +
      'first-party beacon once scrolled to the bottom, and a beacon when the page is left.',
    body: `<div style="height:4000px">Scroll down.</div>
<p id="bottom">The bottom of the page.</p>
<script>
addEventListener('load', () => {
  setTimeout(() => navigator.sendBeacon('https://hm.baidu.com/hm.gif?si=late&late=1&ep=' + ${jsLiteral(LATE_HITS_PHONE)}), 1000);
  setTimeout(() => { new Image().src = 'https://collect.tracker.example/c?late=2'; }, 2000);
});
new IntersectionObserver((entries, observer) => {
  if (!entries.some((e) => e.isIntersecting)) return;
  observer.disconnect();
  navigator.sendBeacon('/log?scrolled=1', 'event=scrolled-to-bottom');
}).observe(document.getElementById('bottom'));
addEventListener('pagehide', () => navigator.sendBeacon('https://collect.tracker.example/c?left=1'));
</script>`,
  });

export const LATE_HITS_ROUTES: ReadonlyArray<[string, Handler]> = [['www.jeejio.com/late-hits', lateHits]];
