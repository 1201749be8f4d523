import { cookieGroup } from './catalog-helpers';
import type { StorageKeyCatalogEntry } from './catalog-types';
import { GENERIC_CONVENTION_VENDOR } from './cookie-catalog';
import { OCD_SOURCE } from './cookie-catalog-global';

/*
 * Well-known Web Storage and IndexedDB keys. Only keys that are not also
 * cookie names: a storage key is looked up here first and then in the cookie
 * catalogue, because many vendors (Hotjar, Mixpanel, PostHog, Segment,
 * Sensors Data, GrowingIO, Amplitude…) write the same names to both.
 */
const SOURCE = {
  amplitudeJs: 'https://github.com/amplitude/Amplitude-JavaScript',
  mixpanelJs: 'https://github.com/mixpanel/mixpanel-js',
  posthog: 'https://posthog.com/docs/libraries/js/persistence',
  segment: 'https://segment.com/docs/connections/sources/catalog/libraries/website/javascript/identity/',
  sensorsData: 'https://github.com/sensorsdata/sa-sdk-javascript',
  tencentAegis: 'https://www.npmjs.com/package/aegis-web-sdk',
  dataRangers: 'https://volcengine.com/docs/6285/101647',
  intercom: 'https://www.intercom.com/legal/cookie-policy',
  newRelic: 'https://github.com/newrelic/newrelic-browser-agent',
  sentry: 'https://github.com/getsentry/sentry-javascript',
  firebase: 'https://github.com/firebase/firebase-js-sdk',
  plausible: 'https://plausible.io/docs/excluding-localstorage',
  umami: 'https://umami.is/docs',
  tiktokPixel: 'https://ads.tiktok.com/help/article/using-cookies-with-tiktok-pixel',
  webStorage: 'https://developer.mozilla.org/en-US/docs/Web/API/Web_Storage_API',
} as const;

export const STORAGE_KEY_CATALOG: readonly StorageKeyCatalogEntry[] = [
  ...cookieGroup({ vendor: 'Amplitude', purpose: 'statistics', source: SOURCE.amplitudeJs }, [
    {
      prefix: 'amplitude_',
      description: 'Amplitude (legacy JavaScript SDK) ids, session and unsent events.',
    },
  ]),
  ...cookieGroup({ vendor: 'Mixpanel', purpose: 'statistics', source: SOURCE.mixpanelJs }, [
    { prefix: '__mpq_', description: 'Mixpanel queue of events waiting to be sent, per project token.' },
  ]),
  ...cookieGroup({ vendor: 'PostHog', purpose: 'essential', role: 'consent', source: SOURCE.posthog }, [
    { prefix: '__ph_opt_in_out_', description: 'Whether the visitor opted in or out of PostHog tracking.' },
  ]),
  ...cookieGroup({ vendor: 'Segment', purpose: 'statistics', source: SOURCE.segment }, [
    {
      name: 'ajs_user_traits',
      description: 'Segment Analytics.js traits of the identified user (may hold email, name).',
    },
    { name: 'ajs_group_properties', description: 'Segment Analytics.js properties of the user’s group.' },
  ]),
  ...cookieGroup({ vendor: 'Sensors Data', purpose: 'statistics', source: SOURCE.sensorsData }, [
    { prefix: 'sawebjssdk', description: 'Sensors Data web SDK state (channel, events waiting to be sent).' },
    {
      prefix: 'tab-sawebjssdk-',
      description: 'Sensors Data web SDK batch-send queue of this tab (ids of events waiting to be sent).',
    },
  ]),
  ...cookieGroup({ vendor: 'Tencent Aegis', purpose: 'statistics', source: SOURCE.tencentAegis }, [
    {
      name: 'AEGIS_ID',
      description: 'Tencent Cloud RUM (Aegis) device id, sent with every monitoring report as aid.',
    },
    {
      name: 'aegis-web-retry-report-requests',
      description: 'Tencent Cloud RUM (Aegis) monitoring reports kept to be sent again after a failure.',
    },
    {
      name: '__MONITOR_SESSION_V1__',
      description: 'Tencent Cloud RUM (Aegis) monitoring session: id, start and last activity.',
    },
  ]),
  ...cookieGroup({ vendor: 'ByteDance', purpose: 'statistics', source: SOURCE.dataRangers }, [
    {
      prefix: '__tea_cache_tokens_',
      description: 'DataRangers / DataFinder (Tea SDK) web id and user id, per app.',
    },
  ]),
  ...cookieGroup({ vendor: 'Zendesk', purpose: 'essential', source: OCD_SOURCE }, [
    { prefix: 'ZD-', description: 'Zendesk Web Widget state and visitor ids (ZD-suid, ZD-buid, ZD-store…).' },
  ]),
  ...cookieGroup({ vendor: 'Intercom', purpose: 'essential', source: SOURCE.intercom }, [
    { prefix: 'intercom.', description: 'Intercom messenger state kept in the browser.' },
  ]),
  ...cookieGroup({ vendor: 'New Relic', purpose: 'statistics', source: SOURCE.newRelic }, [
    { name: 'NRBA_SESSION', description: 'New Relic browser agent session (id, expiry) for monitoring.' },
  ]),
  ...cookieGroup({ vendor: 'Sentry', purpose: 'session-replay', source: SOURCE.sentry }, [
    { name: 'sentryReplaySession', description: 'Sentry Session Replay: the recording session of this tab.' },
  ]),
  ...cookieGroup(
    { vendor: 'Firebase (Google)', purpose: 'essential', role: 'authentication', source: SOURCE.firebase },
    [
      {
        pattern: '^firebase:authuser:[^:]+:.+$',
        description: 'Firebase Authentication: the signed-in user and tokens, per API key and app.',
      },
      {
        name: 'firebaseLocalStorageDb',
        description: 'IndexedDB database where Firebase Authentication keeps the signed-in user.',
      },
      {
        name: 'firebase-heartbeat-database',
        purpose: 'statistics',
        description: 'IndexedDB database of Firebase SDK usage heartbeats sent to Google.',
      },
      {
        name: 'firebase-installations-database',
        purpose: 'statistics',
        description: 'IndexedDB database of the Firebase installation id of this browser.',
      },
    ],
  ),
  ...cookieGroup({ vendor: 'Plausible', purpose: 'essential', role: 'consent', source: SOURCE.plausible }, [
    { name: 'plausible_ignore', description: 'Tells Plausible not to count this browser’s visits.' },
  ]),
  ...cookieGroup({ vendor: 'Umami', purpose: 'essential', role: 'consent', source: SOURCE.umami }, [
    { name: 'umami.disabled', description: 'Tells Umami not to count this browser’s visits.' },
  ]),
  ...cookieGroup({ vendor: 'TikTok (ByteDance)', purpose: 'advertising', source: SOURCE.tiktokPixel }, [
    { name: 'tt_appInfo', description: 'TikTok Pixel state kept in session storage.' },
    { name: 'tt_sessionId', description: 'TikTok Pixel session id.' },
    { name: 'tt_pixel_session_index', description: 'TikTok Pixel count of pages in the session.' },
  ]),
  ...cookieGroup({ vendor: GENERIC_CONVENTION_VENDOR, purpose: 'preferences', source: SOURCE.webStorage }, [
    {
      pattern:
        '^(?:search[_-]?history(?:[_-]?list)?|history[_-]?search|recent[_-]?search(?:es)?|search[_-]?keywords?|search[_-]?records?)$',
      description: "The site's own search history, kept in the browser for the visitor (policy §2, line 46).",
    },
    {
      pattern: '^(?:colou?r[_-]?(?:mode|scheme)|dark[_-]?mode)$',
      description: "The visitor's chosen light or dark colour scheme.",
    },
    {
      pattern: '^(?:user|access|auth|refresh|id|login)[_-]?token$',
      purpose: 'essential',
      role: 'authentication',
      description: 'A login token kept by the site’s own front end (accessToken, id_token…).',
    },
  ]),
];
