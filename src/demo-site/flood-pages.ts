import { type Handler, jsLiteral, sendHtml } from './respond.js';

/**
 * Pages that flood the extension to bury what they do (issue #15, item 4):
 * 30 same-origin iframes writing cookies in a loop, and 10,000 short-lived
 * frames each writing one a few times. Both hide one cookie, written once in the middle,
 * that must still be found. Each page marks `body[data-done]` when it is done,
 * with the number of writes it made in `data-writes`.
 */
export const FLOOD_FRAMES = 30;
export const FLOOD_MS = 4_000;
/** The cookie each flooding frame writes, suffixed with its number. */
export const FLOOD_COOKIE_PREFIX = 'flood_';
/** Written once, halfway through the flood. */
export const FLOOD_HIDDEN_COOKIE = 'zz_hidden_tracker';

export const STORM_FRAMES = 10_000;
/** Writes by each short-lived frame, each with a new value. */
export const STORM_WRITES_PER_FRAME = 10;
/** The cookie every short-lived frame writes. */
export const STORM_COOKIE = 'frame_storm';
/** Written once, by the frame halfway through the storm, instead of its usual cookie. */
export const STORM_HIDDEN_COOKIE = 'zz_storm_tracker';

const floodPage: Handler = ({ res }) =>
  sendHtml(res, {
    title: 'Jeejio — a cookie flood',
    intro: `${FLOOD_FRAMES} same-origin frames write cookies as fast as they can for ${FLOOD_MS / 1000} s; one other cookie is written once in the middle.`,
    body: `<div id="frames"></div>
<script>
(function () {
  let writes = 0;
  let done = 0;
  addEventListener('message', function (e) {
    if (e.origin !== location.origin || typeof e.data !== 'object' || e.data === null || !('floodWrites' in e.data)) return;
    writes += e.data.floodWrites;
    if (++done === ${FLOOD_FRAMES}) {
      document.body.dataset.writes = String(writes);
      document.body.dataset.done = '1';
    }
  });
  for (let n = 0; n < ${FLOOD_FRAMES}; n++) {
    const frame = document.createElement('iframe');
    frame.src = '/hostile-flood-frame?n=' + n;
    frame.width = '40';
    frame.height = '20';
    document.getElementById('frames').appendChild(frame);
  }
  setTimeout(function () {
    document.cookie = ${jsLiteral(FLOOD_HIDDEN_COOKIE)} + '=hidden-' + Date.now() + '; path=/';
  }, ${FLOOD_MS / 2});
})();
</script>`,
  });

/** One flooding frame: writes its cookie in batches until its time is up, then tells the page how often. */
const floodFrame: Handler = ({ res }) =>
  sendHtml(res, {
    title: 'Flooding frame',
    intro: 'Writes one cookie in a loop.',
    body: `<script>
(function () {
  const name = ${jsLiteral(FLOOD_COOKIE_PREFIX)} + new URLSearchParams(location.search).get('n');
  const end = Date.now() + ${FLOOD_MS};
  let i = 0;
  (function tick() {
    for (let k = 0; k < 50; k++) document.cookie = name + '=' + (++i) + '; path=/';
    if (Date.now() < end) setTimeout(tick, 0);
    else parent.postMessage({ floodWrites: i }, location.origin);
  })();
})();
</script>`,
  });

const frameStorm: Handler = ({ res }) =>
  sendHtml(res, {
    title: 'Jeejio — ten thousand frames',
    intro: `Creates ${STORM_FRAMES} frames in batches; each writes a cookie ${STORM_WRITES_PER_FRAME} times and is removed at once.`,
    body: `<script>
(function () {
  const total = ${STORM_FRAMES};
  const started = Date.now();
  let i = 0;
  (function batch() {
    try {
      for (let k = 0; k < 100 && i < total; k++, i++) {
        const frame = document.createElement('iframe');
        document.body.appendChild(frame);
        const name = i === total / 2 ? ${jsLiteral(STORM_HIDDEN_COOKIE)} : ${jsLiteral(STORM_COOKIE)};
        for (let w = 0; w < ${STORM_WRITES_PER_FRAME}; w++)
          frame.contentDocument.cookie = name + '=' + i + '.' + w + '; path=/';
        frame.remove();
      }
    } catch (e) {
      document.body.dataset.error = String(e);
      return;
    }
    document.body.dataset.made = String(i);
    if (i < total) setTimeout(batch, 0);
    else {
      document.body.dataset.writes = String(total * ${STORM_WRITES_PER_FRAME});
      document.body.dataset.ms = String(Date.now() - started);
      document.body.dataset.done = '1';
    }
  })();
})();
</script>`,
  });

export const FLOOD_ROUTES: ReadonlyArray<readonly [string, Handler]> = [
  ['www.jeejio.com/hostile-flood', floodPage],
  ['www.jeejio.com/hostile-flood-frame', floodFrame],
  ['www.jeejio.com/hostile-frame-storm', frameStorm],
];
