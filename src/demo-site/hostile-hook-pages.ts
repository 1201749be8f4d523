import { type Handler, jsLiteral, sendHtml } from './respond.js';

/**
 * Pages that try to slip past the page hooks rather than forge what they
 * report (issue #15, item 3 and the hostile suite): they call built-ins of a
 * window they made themselves, probe the hooks to behave differently while
 * watched, break the built-ins the hooks use, and talk on the hooks' channel.
 * Each writes what it did into `data-outcome` on <body> for the test to read.
 */

/** The storage keys and cookie names each page writes, so a test can find exactly its claims. */
export const HOOK_ATTACK_MARKS = {
  /** Canvas read back through a fresh about:blank frame's untouched toDataURL (via contentWindow). */
  blankFrameKey: 'zz_blank_frame',
  /** The same through `window[0]`, which no script can wrap. */
  indexedFrameKey: 'zz_indexed_frame',
  /** A cookie written through a srcdoc frame's document before it loaded. */
  srcdocCookie: 'zz_srcdoc',
  /** Written by a script the page `document.write`s into a frame it opened. */
  openedFrameKey: 'zz_opened_frame',
  /** Written through a window made by `window.open('')`. */
  popupKey: 'zz_popup',
  /** Written only if the page found no sign of hooks. */
  probeKey: 'zz_probe',
  /** Written after the page replaced the built-ins the hooks use. */
  tamperKey: 'zz_tamper',
  tamperCookie: 'zz_tamper_c',
  /** A third-party pixel the page loads and then wipes from its resource timing. */
  clearedTimingPixel: 'https://hm.baidu.com/hm.gif?cleared=1',
  /** What the page tries to slip in as a claim on the hooks' channel. */
  forgedBeacon: 'https://ads.tracker.example/forged?phone=13900000000',
} as const;

const m = HOOK_ATTACK_MARKS;

/** Draws text on a canvas and reads it back: the canvas fingerprint, in the given window. */
const CANVAS_READ = `function readCanvas(w) {
  const canvas = w.document.createElement('canvas');
  const context = canvas.getContext('2d');
  context.fillText('fingerprint ✓', 2, 12);
  return canvas.toDataURL().length;
}`;

const page =
  (title: string, intro: string, script: string): Handler =>
  ({ res }) =>
    sendHtml(res, {
      title: `Jeejio — ${title}`,
      intro,
      body: `<script>
(function () {
  const done = (outcome) => { document.body.dataset.outcome = outcome; };
  ${CANVAS_READ}
  try {
${script}
  } catch (error) {
    done('error: ' + error);
  }
})();
</script>`,
    });

const blankFrame = page(
  'a canvas read in a frame it made',
  'Makes an empty frame and reads a canvas back through its own, untouched toDataURL.',
  `    const frame = document.createElement('iframe');
    document.body.appendChild(frame);
    const w = frame.contentWindow;
    readCanvas(w);
    w.localStorage.setItem(${jsLiteral(m.blankFrameKey)}, 'canvas read');
    done('read');`,
);

const indexedFrame = page(
  'a canvas read in a frame reached as window[0]',
  'Makes an empty frame with innerHTML and reaches it through window[0], which no script can wrap.',
  `    const holder = document.createElement('div');
    document.body.appendChild(holder);
    holder.innerHTML = '<iframe></iframe>';
    const w = window[0];
    readCanvas(w);
    w.localStorage.setItem(${jsLiteral(m.indexedFrameKey)}, 'canvas read');
    done('read');`,
);

const srcdocCookie = page(
  'a cookie written through a srcdoc frame',
  'Writes a cookie through a srcdoc frame’s document in the same instant it made the frame.',
  `    const frame = document.createElement('iframe');
    frame.srcdoc = '<p>inner</p>';
    document.body.appendChild(frame);
    frame.contentDocument.cookie = ${jsLiteral(`${m.srcdocCookie}=s1; path=/`)};
    done('written');`,
);

const openedFrame = page(
  'a frame it writes itself',
  'Opens an empty frame’s document and writes a script into it that stores a value.',
  `    const frame = document.createElement('iframe');
    document.body.appendChild(frame);
    const d = frame.contentDocument;
    d.open();
    d.write('<script>localStorage.setItem(' + ${jsLiteral(JSON.stringify(m.openedFrameKey))} + ', "written")<' + '/script>');
    d.close();
    done('written');`,
);

const popup = page(
  'storage written through a window it opened',
  'Opens an empty window and stores a value through it.',
  `    const w = window.open('', '_blank');
    if (!w) return done('blocked');
    w.localStorage.setItem(${jsLiteral(m.popupKey)}, 'popup');
    w.close();
    done('written');`,
);

const toStringProbe = page(
  'hooks probed before tracking',
  'Tracks only when its built-ins read as native code, as a script hiding from inspectors would.',
  `    const text = Function.prototype.toString;
    const probes = [
      HTMLCanvasElement.prototype.toDataURL,
      Storage.prototype.setItem,
      Object.getOwnPropertyDescriptor(Document.prototype, 'cookie').set,
      Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow').get,
      window.fetch,
      text,
      text.toString,
    ];
    const hooked = probes.filter((f) =>
      !/^function [\\w $]*\\(\\) \\{ \\[native code\\] \\}$/.test(text.call(f)) ||
      Object.getPrototypeOf(f) !== Function.prototype ||
      'prototype' in f ||
      Reflect.ownKeys(f).join() !== 'length,name');
    const lengths = Storage.prototype.setItem.length === 2 && HTMLCanvasElement.prototype.toDataURL.length === 0;
    if (hooked.length > 0 || !lengths) return done('hooks seen: ' + hooked.map((f) => f.name).join());
    readCanvas(window);
    localStorage.setItem(${jsLiteral(m.probeKey)}, 'unwatched');
    done('no hooks seen');`,
);

const tampered = page(
  'built-ins replaced before tracking',
  'Replaces the built-ins a hook would use, then stores a value, sets a cookie and reads a canvas in a new frame.',
  `    const broken = function () { throw new Error('replaced'); };
    Object.defineProperty = broken;
    JSON.stringify = broken;
    Array.prototype.push = broken;
    Array.prototype.slice = broken;
    Map.prototype.get = broken;
    WeakMap.prototype.get = broken;
    WeakSet.prototype.has = broken;
    RegExp.prototype.exec = broken;
    String.prototype.slice = broken;
    EventTarget.prototype.dispatchEvent = broken;
    window.CustomEvent = broken;
    window.URL = broken;
    window.String = broken;
    Reflect.defineProperty(Object.prototype, 'get', { value: broken, configurable: true });
    Array.prototype[Symbol.iterator] = broken;
    localStorage.setItem(${jsLiteral(m.tamperKey)}, 'after tampering');
    document.cookie = ${jsLiteral(`${m.tamperCookie}=t1; path=/`)};
    const frame = document.createElement('iframe');
    document.body.appendChild(frame);
    readCanvas(frame.contentWindow);
    done('tampered');`,
);

const forgedChannel = page(
  'messages posted on the hooks’ channel',
  'Asks for the hooks’ channel, offers the hooks a channel of its own, and posts claims under guessed names.',
  `    const forged = JSON.stringify([
      { type: 'network-call', api: 'image', url: ${jsLiteral(m.forgedBeacon)}, method: 'GET', keepalive: false },
      { type: 'cookie-write', cookie: 'zz_forged=1' },
      { type: 'not-a-claim' },
    ]);
    let learnt = '';
    const listen = (e) => { learnt = String(e.detail); };
    document.addEventListener('jeejio-inspector:channel', listen);
    document.dispatchEvent(new CustomEvent('jeejio-inspector:hello', { detail: '' }));
    document.removeEventListener('jeejio-inspector:channel', listen);
    // A channel of the page's own making, offered to the page world's half as if the content script sent it.
    const mine = 'jeejio-00000000-0000-4000-8000-000000000000';
    document.dispatchEvent(new CustomEvent('jeejio-inspector:channel', { detail: mine }));
    for (const name of [learnt, mine, 'jeejio-inspector:claims', 'jeejio-inspector:hello'])
      if (name) document.dispatchEvent(new CustomEvent(name, { detail: forged }));
    window.postMessage({ type: 'page-claims', claims: forged }, '*');
    done(learnt ? 'channel learnt' : 'no channel');`,
);

const clearedTiming = page(
  'resource timing wiped after a beacon',
  'Loads a third-party pixel, then clears its resource timing so the request is no longer listed.',
  `    // Later than the page's first settling, and wiped the moment it has loaded.
    setTimeout(() => {
      const img = new Image();
      img.onload = () => {
        performance.clearResourceTimings();
        done(performance.getEntriesByType('resource').length === 0 ? 'cleared' : 'not cleared');
      };
      img.src = ${jsLiteral(m.clearedTimingPixel)};
    }, 300);`,
);

export const HOSTILE_HOOK_ROUTES: ReadonlyArray<readonly [string, Handler]> = [
  ['www.jeejio.com/hostile-blank-frame', blankFrame],
  ['www.jeejio.com/hostile-indexed-frame', indexedFrame],
  ['www.jeejio.com/hostile-srcdoc-cookie', srcdocCookie],
  ['www.jeejio.com/hostile-opened-frame', openedFrame],
  ['www.jeejio.com/hostile-popup', popup],
  ['www.jeejio.com/hostile-tostring-probe', toStringProbe],
  ['www.jeejio.com/hostile-tampered-builtins', tampered],
  ['www.jeejio.com/hostile-forged-channel', forgedChannel],
  ['www.jeejio.com/hostile-cleared-timing', clearedTiming],
];
