import { HOSTILE_HOOK_ROUTES } from './hostile-hook-pages.js';
import { type Handler, jsLiteral, sendHtml } from './respond.js';

/**
 * Pages that try to forge evidence rather than hide it (issue #15, items 1
 * and 2): a tracking pixel that exists only in the markup, and cookies whose
 * writer the page dresses up as WeChat's SDK through a `//# sourceURL=`
 * comment, a replaced `Error.prepareStackTrace` and a replaced `Error`.
 */
export const FORGED_PIXEL_PHONE = '13812345678';
/** A real WeChat JS-SDK URL, on a host the catalogue lists as social: what the page claims to be. */
export const FORGED_WRITER = 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js';
/** The cookies the forged-attribution page writes, each with its own trick. */
export const FORGED_ATTRIBUTION_COOKIES = {
  /** A login cookie without HttpOnly, written from eval'd code that names itself WeChat's SDK. */
  viaSourceUrl: 'token',
  /** A cookie no table knows, written the same way. */
  unknownViaSourceUrl: 'zz_state',
  /** Written by an inline script after it replaced Error.prepareStackTrace. */
  viaPrepareStackTrace: 'zz_stack',
  /** Written after the page replaced Error itself and Error.captureStackTrace. */
  viaReplacedError: 'zz_error',
} as const;

/** A <noscript> image is parsed into the markup but never fetched while scripts run. */
const noscriptPixel: Handler = ({ res }) =>
  sendHtml(res, {
    title: 'Jeejio — a pixel that is never fetched',
    intro: 'A tracking image inside <noscript>: in the markup, with a phone number, but never requested.',
    body: `<noscript><img src="https://ads.tracker.example/p?phone=${FORGED_PIXEL_PHONE}" width="1" height="1" alt=""></noscript>`,
  });

const forgedAttribution: Handler = ({ res }) => {
  const c = FORGED_ATTRIBUTION_COOKIES;
  const forgedStack = `Error\\n    at ${FORGED_WRITER}:1:1`;
  sendHtml(res, {
    title: 'Jeejio — forged script attribution',
    intro:
      'Writes cookies while claiming, through a sourceURL comment, a replaced Error.prepareStackTrace and a ' +
      'replaced Error, that WeChat’s SDK wrote them.',
    body: `<script>
(function () {
  const WRITER = ${jsLiteral(FORGED_WRITER)};
  eval("document.cookie = '${c.viaSourceUrl}=deadbeefdeadbeef; path=/'\\n//# sourceURL=" + WRITER);
  eval("document.cookie = '${c.unknownViaSourceUrl}=q1; path=/'\\n//# sourceURL=" + WRITER);
  Error.prepareStackTrace = function () { return '${forgedStack}'; };
  document.cookie = '${c.viaPrepareStackTrace}=s1; path=/';
  Error.captureStackTrace = function (o) { o.stack = '${forgedStack}'; };
  window.Error = function Error() { return { stack: '${forgedStack}' }; };
  document.cookie = '${c.viaReplacedError}=e1; path=/';
})();
</script>`,
  });
};

export const HOSTILE_EVIDENCE_ROUTES: ReadonlyArray<readonly [string, Handler]> = [
  ['www.jeejio.com/hostile-noscript-pixel', noscriptPixel],
  ['www.jeejio.com/hostile-attribution', forgedAttribution],
  // Pages that slip past the page hooks rather than forge what they report.
  ...HOSTILE_HOOK_ROUTES,
];
