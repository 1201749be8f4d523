import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Handler, jsLiteral, sendGif, sendHtml, sendJs, sendJson, sendNoContent } from './respond.js';

/**
 * A Jeejio web app carrying real analytics SDKs from npm, bundled the way a
 * site ships them and configured against their real endpoints (which the
 * demo server answers): Amplitude, PostHog and Sensors Data, the last on a
 * collector the site hosts itself (sa.jeejio.com). It is a single-page app:
 * the home route only counts a page view; the account route identifies the
 * visitor to every SDK by account id (and to PostHog by email as well), and
 * a TikTok-style advertising pixel fires 1.5 s after load with a hashed
 * email. Nobody tuned the inspector to this page: its test checks what a
 * user would see.
 */
export const SDK_APP_URL = 'https://dev.jeejio.com/app/';
export const SDK_APP_ACCOUNT_URL = 'https://dev.jeejio.com/app/account';
export const SDK_APP_USER = 'acct-20231107';
export const SDK_APP_EMAIL = 'li.lei@example.com';

const require = createRequire(import.meta.url);
const cache = new Map<string, string>();
const npmFile = (path: string) => {
  let text = cache.get(path);
  if (text === undefined) {
    text = readFileSync(require.resolve(path), 'utf8');
    cache.set(path, text);
  }
  return text;
};

/** Where each SDK's own CDN serves it, and the file from its npm package. */
const SDK_FILES: ReadonlyArray<[string, string]> = [
  [
    'cdn.amplitude.com/libs/analytics-browser-2.11.1-min.js',
    '@amplitude/analytics-browser/lib/scripts/amplitude-min.js',
  ],
  ['us-assets.i.posthog.com/static/array.js', 'posthog-js/dist/array.no-external.js'],
  ['static.sensorsdata.cn/sdk/1.27.11/sensorsdata.min.js', 'sa-sdk-javascript/sensorsdata.min.js'],
];

const app: Handler = ({ res }) =>
  sendHtml(res, {
    title: 'Jeejio developer console (single-page app)',
    intro:
      'Loads Amplitude, PostHog and Sensors Data from npm. Home counts a page view; Account identifies you to ' +
      'every SDK by account id, and to PostHog by email. An advertising pixel fires 1.5 s after load.',
    body: `<nav><a id="to-home" href="/app/">Home</a> · <a id="to-account" href="/app/account">Account</a></nav>
<main id="view"></main>
<script src="https://cdn.amplitude.com/libs/analytics-browser-2.11.1-min.js"></script>
<script src="https://us-assets.i.posthog.com/static/array.js"></script>
<script src="https://static.sensorsdata.cn/sdk/1.27.11/sensorsdata.min.js"></script>
<script>
const USER = ${jsLiteral(SDK_APP_USER)};
const EMAIL = ${jsLiteral(SDK_APP_EMAIL)};
amplitude.init('jeejio-demo-amplitude-key', { flushIntervalMillis: 500, autocapture: false });
posthog.init('phc_jeejioDemoProjectKey', {
  api_host: 'https://us.i.posthog.com',
  disable_compression: true,
  advanced_disable_decide: true,
  capture_pageview: false,
  disable_session_recording: true,
  persistence: 'localStorage+cookie',
  // Headless Chromium says so in its user agent, and PostHog drops what bots send; a real visitor's browser does not.
  opt_out_useragent_filter: true,
});
const sensors = window.sensorsDataAnalytic201505;
sensors.init({ server_url: 'https://sa.jeejio.com/sa?project=default', send_type: 'ajax', show_log: false });

function route() {
  const path = location.pathname;
  const view = document.getElementById('view');
  if (path.endsWith('/account')) {
    view.textContent = 'Your account';
    amplitude.setUserId(USER);
    amplitude.track('Viewed account');
    posthog.identify(USER, { email: EMAIL });
    posthog.capture('$pageview');
    sensors.login(USER);
    sensors.track('ViewAccount', { section: 'profile' });
  } else {
    view.textContent = 'Welcome';
    amplitude.track('Viewed home');
    posthog.capture('$pageview');
    sensors.quick('autoTrack');
  }
}
document.querySelector('nav').addEventListener('click', (event) => {
  const link = event.target.closest('a');
  if (!link) return;
  event.preventDefault();
  history.pushState({}, '', link.href);
  route();
});
addEventListener('popstate', route);
route();
addEventListener('load', () =>
  setTimeout(async () => {
    const bytes = new TextEncoder().encode(EMAIL);
    const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('');
    navigator.sendBeacon(
      'https://analytics.tiktok.com/api/v2/pixel',
      JSON.stringify({
        event: 'ViewContent',
        pixel_code: 'CJEEJIO0DEMO',
        context: { page: { url: location.href, referrer: document.referrer }, user: { email: digest } },
      }),
    );
  }, 1500),
);
</script>`,
  });

/** The SDKs read their endpoints' answers cross-origin, with credentials. */
const collector =
  (answer: unknown): Handler =>
  ({ req, res }) => {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    if (req.method === 'OPTIONS') return sendNoContent(res);
    req.resume();
    sendJson(res, answer);
  };

const sensorsCollector: Handler = (ctx) =>
  ctx.req.method === 'GET' ? sendGif(ctx.res) : collector({ code: 0 })(ctx);

export const SDK_APP_ROUTES: ReadonlyArray<[string, Handler]> = [
  ['dev.jeejio.com/app/', app],
  ['dev.jeejio.com/app/account', app],
  ...SDK_FILES.map(([route, file]): [string, Handler] => [route, ({ res }) => sendJs(res, npmFile(file))]),
  ['api2.amplitude.com/2/httpapi', collector({ code: 200, events_ingested: 1 })],
  ['us.i.posthog.com/e/', collector({ status: 1 })],
  ['us.i.posthog.com/i/v0/e/', collector({ status: 1 })],
  ['us.i.posthog.com/batch/', collector({ status: 1 })],
  ['us.i.posthog.com/flags/', collector({ featureFlags: {}, errorsWhileComputingFlags: false })],
  ['sr-client-cfg.amplitude.com/config/jeejio-demo-amplitude-key', collector({})],
  ['sa.jeejio.com/sa', sensorsCollector],
  ['sa.jeejio.com/sa.gif', sensorsCollector],
  ['analytics.tiktok.com/api/v2/pixel', collector({ code: 0 })],
];
