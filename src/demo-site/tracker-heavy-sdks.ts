import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Handler } from './respond.js';
import { sendJs } from './respond.js';
import { MIXPANEL_TOKEN } from './technique-pages.js';

/**
 * The real analytics and fingerprinting SDKs the tracker-heavy page carries
 * beside its hand-written vendor scripts, each the file its npm package ships,
 * served from the path its vendor's CDN uses: Amplitude, PostHog, Sensors Data
 * and Mixpanel (their CDN paths and endpoints are routed by the SDK-app and
 * technique pages) and FingerprintJS 3 (MIT, computes a visitor id from canvas,
 * audio, fonts and screen in the page). What they do on every load (cookie
 * reads and writes, storage, XHR batches, fingerprinting calls) is what the
 * page-load benchmark makes the page hooks pay for.
 */
const require = createRequire(import.meta.url);
const FINGERPRINTJS_PATH = 'openfpcdn.io/fingerprintjs/v3/iife.min.js';
let fingerprintJs: string | undefined;
let mixpanelSnippet: string | undefined;

const npmText = (file: string) => readFileSync(require.resolve(file), 'utf8');

export const TRACKER_HEAVY_SDK_ROUTES: ReadonlyArray<readonly [string, Handler]> = [
  [
    FINGERPRINTJS_PATH,
    ({ res }) => {
      fingerprintJs ??= npmText('@fingerprintjs/fingerprintjs/dist/fp.min.js');
      sendJs(res, fingerprintJs);
    },
  ],
];

export const TRACKER_HEAVY_SDK_COUNT = 5;

/** The page's markup for the SDKs: their script tags and the site's own setup code. */
export function trackerHeavySdkMarkup(): string {
  mixpanelSnippet ??= npmText('mixpanel-browser/dist/mixpanel-jslib-snippet.min.js');
  return `<script src="https://cdn.amplitude.com/libs/analytics-browser-2.11.1-min.js"></script>
<script src="https://us-assets.i.posthog.com/static/array.js"></script>
<script src="https://static.sensorsdata.cn/sdk/1.27.11/sensorsdata.min.js"></script>
<script src="https://${FINGERPRINTJS_PATH}"></script>
<script>
window.MIXPANEL_CUSTOM_LIB_URL = 'https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js';
${mixpanelSnippet}
mixpanel.init('${MIXPANEL_TOKEN}', { batch_flush_interval_ms: 300, track_pageview: true });
mixpanel.track('Viewed products', { section: 'home' });
amplitude.init('jeejio-demo-amplitude-key', { flushIntervalMillis: 500, autocapture: false });
amplitude.track('Viewed products');
posthog.init('phc_jeejioDemoProjectKey', {
  api_host: 'https://us.i.posthog.com',
  disable_compression: true,
  advanced_disable_decide: true,
  disable_session_recording: true,
  persistence: 'localStorage+cookie',
  opt_out_useragent_filter: true,
});
posthog.capture('$pageview');
window.sensorsDataAnalytic201505.init({ server_url: 'https://sa.jeejio.com/sa?project=default', send_type: 'ajax', show_log: false });
window.sensorsDataAnalytic201505.quick('autoTrack');
FingerprintJS.load({ monitoring: false })
  .then(function (agent) { return agent.get(); })
  .then(function (result) {
    navigator.sendBeacon('https://fp.tracker-c.example/collect?vid=' + result.visitorId);
  });
</script>`;
}
