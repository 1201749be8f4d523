import { hostGroup } from './catalog-helpers';
import type { HostCatalogEntry } from './catalog-types';

/*
 * Hosts of global trackers and services. The source is the vendor's own
 * documentation of the hosts its tags use where there is one; otherwise the
 * EasyList / EasyPrivacy repository, whose lists name the host (cited as a
 * public reference only: no list data is bundled).
 */
const SOURCE = {
  easylist: 'https://github.com/easylist/easylist',
  googleTagCsp: 'https://developers.google.com/tag-platform/security/guides/csp',
  reCaptcha: 'https://developers.google.com/recaptcha/docs/faq',
  googleCookies: 'https://policies.google.com/technologies/cookies',
  metaCookies: 'https://www.facebook.com/privacy/policies/cookies/',
  microsoftUet: 'https://learn.microsoft.com/en-us/advertising/guides/universal-event-tracking',
  azureMonitorEndpoints: 'https://learn.microsoft.com/en-us/azure/azure-monitor/ip-addresses',
  segment: 'https://segment.com/docs/connections/sources/catalog/libraries/website/javascript/',
  newRelicNetworks: 'https://docs.newrelic.com/docs/new-relic-solutions/get-started/networks/',
  datadogSites: 'https://docs.datadoghq.com/getting_started/site/',
  sentry: 'https://docs.sentry.io/platforms/javascript/',
  hubspot: 'https://knowledge.hubspot.com/domains-and-urls/ssl-and-domain-security-in-hubspot',
  marketo: 'https://developers.marketo.com/javascript-api/lead-tracking/',
  pinterest: 'https://policy.pinterest.com/en/cookies',
  x: 'https://help.x.com/en/rules-and-policies/x-cookies',
  snap: 'https://snap.com/en-US/cookie-policy',
  reddit: 'https://www.redditinc.com/policies/cookies',
  criteo: 'https://www.criteo.com/privacy/',
  taboola: 'https://www.taboola.com/policies/privacy-policy',
  tradeDesk: 'https://www.thetradedesk.com/us/privacy',
  quantcast: 'https://www.quantcast.com/privacy/',
  matomoCloud: 'https://matomo.org/faq/general/faq_146/',
  plausible: 'https://plausible.io/docs/plausible-script',
  umami: 'https://umami.is/docs',
  vercelAnalytics: 'https://vercel.com/docs/analytics',
  fathom: 'https://usefathom.com/docs',
  turnstile: 'https://developers.cloudflare.com/turnstile/',
  hcaptcha: 'https://docs.hcaptcha.com/',
} as const;

const CDN_NOTE = 'a content and script CDN; what it serves decides the purpose';
const CHAT_NOTE = 'a customer-support chat widget';

const GOOGLE_AND_META: readonly HostCatalogEntry[] = [
  ...hostGroup({ vendor: 'Google', purpose: 'unknown', source: SOURCE.googleTagCsp }, [
    { domain: 'google.com', note: "Google's main domain (search, accounts, tags); only some paths say more" },
    { domain: 'gstatic.com', note: `Google's static files, ${CDN_NOTE}` },
    { domain: 'googleapis.com', note: 'Google APIs, hosted libraries and fonts' },
    { domain: 'googletagservices.com', purpose: 'advertising', note: 'Google Publisher Tag ad scripts' },
    { domain: '2mdn.net', purpose: 'advertising', note: 'DoubleClick ad creatives', source: SOURCE.easylist },
    {
      domain: 'app-measurement.com',
      vendor: 'Google Analytics for Firebase',
      purpose: 'statistics',
      source: SOURCE.easylist,
    },
    {
      domain: 'googleoptimize.com',
      vendor: 'Google Optimize',
      purpose: 'statistics',
      source: SOURCE.easylist,
    },
    {
      domain: 'recaptcha.net',
      vendor: 'Google reCAPTCHA',
      purpose: 'essential',
      note: 'bot detection for forms',
      source: SOURCE.reCaptcha,
    },
  ]),
  ...hostGroup({ vendor: 'YouTube (Google)', purpose: 'social', source: SOURCE.googleCookies }, [
    { domain: 'youtube.com', note: 'YouTube, including embedded players' },
    { domain: 'youtube-nocookie.com', note: "YouTube's privacy-enhanced embedded player" },
    { domain: 'ytimg.com', purpose: 'unknown', note: `YouTube images and scripts, ${CDN_NOTE}` },
  ]),
  ...hostGroup({ vendor: 'Meta', purpose: 'social', source: SOURCE.metaCookies }, [
    { domain: 'instagram.com', note: 'Instagram, including embedded posts' },
    { domain: 'cdninstagram.com', purpose: 'unknown', note: `Instagram media, ${CDN_NOTE}` },
    { domain: 'fbcdn.net', purpose: 'unknown', note: `Meta media and scripts, ${CDN_NOTE}` },
  ]),
];

const MICROSOFT_AND_ADOBE: readonly HostCatalogEntry[] = [
  ...hostGroup(
    { vendor: 'Microsoft Advertising (Bing)', purpose: 'advertising', source: SOURCE.microsoftUet },
    [{ domain: 'c.bing.com', note: 'Bing id (MUID) synchronisation for ads' }],
  ),
  ...hostGroup(
    { vendor: 'Azure Application Insights', purpose: 'statistics', source: SOURCE.azureMonitorEndpoints },
    ['applicationinsights.azure.com', 'js.monitor.azure.com', 'dc.services.visualstudio.com'],
  ),
  ...hostGroup({ vendor: 'Adobe Audience Manager', purpose: 'advertising', source: SOURCE.easylist }, [
    { domain: 'demdex.net', note: 'Audience Manager cross-site id and data collection' },
  ]),
  ...hostGroup({ vendor: 'Adobe Analytics', purpose: 'statistics', source: SOURCE.easylist }, [
    { domain: 'omtrdc.net', note: 'Adobe Analytics and Target data collection' },
    { domain: '2o7.net', note: 'legacy Adobe Analytics (Omniture) data collection' },
    {
      domain: 'adobedc.net',
      vendor: 'Adobe Experience Platform',
      note: 'Adobe Edge Network data collection',
    },
    { domain: 'adobedtm.com', vendor: 'Adobe Experience Platform Tags', note: 'Adobe tag manager (Launch)' },
    { domain: 'everesttech.net', vendor: 'Adobe Advertising', purpose: 'advertising' },
  ]),
];

const ANALYTICS_AND_MONITORING: readonly HostCatalogEntry[] = [
  ...hostGroup({ vendor: 'Segment', purpose: 'statistics', source: SOURCE.segment }, [
    'segment.com',
    'segment.io',
  ]),
  ...hostGroup({ vendor: 'Heap (Contentsquare)', purpose: 'statistics', source: SOURCE.easylist }, [
    'heapanalytics.com',
  ]),
  ...hostGroup({ vendor: 'FullStory', purpose: 'session-replay', source: SOURCE.easylist }, [
    'fullstory.com',
  ]),
  ...hostGroup({ vendor: 'LogRocket', purpose: 'session-replay', source: SOURCE.easylist }, [
    'logrocket.com',
    'logrocket.io',
    'lr-ingest.io',
    'lr-ingest.com',
  ]),
  ...hostGroup({ vendor: 'Mouseflow', purpose: 'session-replay', source: SOURCE.easylist }, [
    'mouseflow.com',
  ]),
  ...hostGroup({ vendor: 'Crazy Egg', purpose: 'session-replay', source: SOURCE.easylist }, ['crazyegg.com']),
  ...hostGroup({ vendor: 'Smartlook', purpose: 'session-replay', source: SOURCE.easylist }, [
    'smartlook.com',
    'smartlook.cloud',
  ]),
  ...hostGroup({ vendor: 'Inspectlet', purpose: 'session-replay', source: SOURCE.easylist }, [
    'inspectlet.com',
  ]),
  ...hostGroup({ vendor: 'Lucky Orange', purpose: 'session-replay', source: SOURCE.easylist }, [
    'luckyorange.com',
    'luckyorange.net',
  ]),
  ...hostGroup({ vendor: 'Contentsquare', purpose: 'session-replay', source: SOURCE.easylist }, [
    'contentsquare.net',
  ]),
  ...hostGroup(
    {
      vendor: 'New Relic',
      purpose: 'statistics',
      note: 'browser performance and error monitoring',
      source: SOURCE.newRelicNetworks,
    },
    ['nr-data.net', 'js-agent.newrelic.com'],
  ),
  ...hostGroup(
    {
      vendor: 'Datadog RUM',
      purpose: 'statistics',
      note: 'real-user performance and error monitoring',
      source: SOURCE.datadogSites,
    },
    [
      'browser-intake-datadoghq.com',
      'browser-intake-datadoghq.eu',
      'browser-intake-us3-datadoghq.com',
      'browser-intake-us5-datadoghq.com',
      'browser-intake-ap1-datadoghq.com',
      'datadoghq-browser-agent.com',
    ],
  ),
  ...hostGroup(
    {
      vendor: 'Sentry',
      purpose: 'statistics',
      note: 'error and performance monitoring',
      source: SOURCE.sentry,
    },
    ['sentry.io', 'sentry-cdn.com'],
  ),
  ...hostGroup({ vendor: 'Matomo', purpose: 'statistics', source: SOURCE.matomoCloud }, [
    'matomo.cloud',
    'innocraft.cloud',
  ]),
  ...hostGroup({ vendor: 'Plausible', purpose: 'statistics', source: SOURCE.plausible }, ['plausible.io']),
  ...hostGroup({ vendor: 'Umami', purpose: 'statistics', source: SOURCE.umami }, ['umami.is']),
  ...hostGroup({ vendor: 'Fathom Analytics', purpose: 'statistics', source: SOURCE.fathom }, [
    'usefathom.com',
  ]),
  ...hostGroup({ vendor: 'Vercel Web Analytics', purpose: 'statistics', source: SOURCE.vercelAnalytics }, [
    'va.vercel-scripts.com',
  ]),
  ...hostGroup(
    { vendor: 'Optimizely', purpose: 'statistics', note: 'A/B testing', source: SOURCE.easylist },
    ['optimizely.com'],
  ),
  ...hostGroup(
    { vendor: 'VWO (Wingify)', purpose: 'statistics', note: 'A/B testing', source: SOURCE.easylist },
    ['visualwebsiteoptimizer.com'],
  ),
  ...hostGroup(
    { vendor: 'Comscore', purpose: 'statistics', note: 'audience measurement', source: SOURCE.easylist },
    ['scorecardresearch.com'],
  ),
];

const MARKETING_AND_CHAT: readonly HostCatalogEntry[] = [
  ...hostGroup(
    { vendor: 'HubSpot', purpose: 'advertising', note: 'marketing automation', source: SOURCE.hubspot },
    [
      'hubspot.com',
      'hs-scripts.com',
      'hs-analytics.net',
      'hscollectedforms.net',
      'hsadspixel.net',
      { domain: 'hs-banner.com', purpose: 'essential', note: 'HubSpot cookie-consent banner' },
      { domain: 'hsforms.com', purpose: 'essential', note: 'HubSpot forms' },
      { domain: 'hsforms.net', purpose: 'essential', note: 'HubSpot forms' },
      { domain: 'usemessages.com', purpose: 'essential', note: 'HubSpot chat' },
      { domain: 'hubapi.com', purpose: 'unknown', note: 'HubSpot API' },
    ],
  ),
  ...hostGroup(
    {
      vendor: 'Marketo (Adobe)',
      purpose: 'advertising',
      note: 'marketing automation',
      source: SOURCE.marketo,
    },
    ['marketo.com', 'marketo.net', 'mktoresp.com'],
  ),
  ...hostGroup({ vendor: 'Intercom', purpose: 'essential', note: CHAT_NOTE, source: SOURCE.easylist }, [
    'intercom.io',
    'intercomcdn.com',
  ]),
  ...hostGroup({ vendor: 'Zendesk', purpose: 'essential', note: CHAT_NOTE, source: SOURCE.easylist }, [
    'zendesk.com',
    'zdassets.com',
    'zopim.com',
  ]),
  ...hostGroup(
    { vendor: 'Drift (Salesloft)', purpose: 'essential', note: CHAT_NOTE, source: SOURCE.easylist },
    ['drift.com', 'driftt.com'],
  ),
  ...hostGroup({ vendor: 'Tawk.to', purpose: 'essential', note: CHAT_NOTE, source: SOURCE.easylist }, [
    'tawk.to',
  ]),
  ...hostGroup({ vendor: 'LiveChat', purpose: 'essential', note: CHAT_NOTE, source: SOURCE.easylist }, [
    'livechatinc.com',
  ]),
  ...hostGroup({ vendor: 'Crisp', purpose: 'essential', note: CHAT_NOTE, source: SOURCE.easylist }, [
    'crisp.chat',
  ]),
  ...hostGroup({ vendor: 'Olark', purpose: 'essential', note: CHAT_NOTE, source: SOURCE.easylist }, [
    'olark.com',
  ]),
  ...hostGroup(
    { vendor: 'Cloudflare Turnstile', purpose: 'essential', note: 'bot detection', source: SOURCE.turnstile },
    ['challenges.cloudflare.com'],
  ),
  ...hostGroup({ vendor: 'hCaptcha', purpose: 'essential', note: 'bot detection', source: SOURCE.hcaptcha }, [
    'hcaptcha.com',
  ]),
];

const SOCIAL: readonly HostCatalogEntry[] = [
  ...hostGroup({ vendor: 'Pinterest', purpose: 'social', source: SOURCE.pinterest }, [
    'pinterest.com',
    { domain: 'ct.pinterest.com', purpose: 'advertising', note: 'Pinterest conversion tag' },
    { domain: 'pinimg.com', purpose: 'unknown', note: `Pinterest images and scripts, ${CDN_NOTE}` },
  ]),
  ...hostGroup({ vendor: 'X (Twitter)', purpose: 'social', source: SOURCE.x }, [
    'twitter.com',
    'x.com',
    { domain: 'ads-twitter.com', purpose: 'advertising', note: 'X conversion-tracking pixel' },
    { domain: 'analytics.twitter.com', purpose: 'advertising', note: 'X conversion-tracking pixel' },
    { domain: 't.co', purpose: 'unknown', note: 'X link shortener (its /i/adsct path is the ads pixel)' },
    { domain: 'twimg.com', purpose: 'unknown', note: `X images and scripts, ${CDN_NOTE}` },
  ]),
  ...hostGroup({ vendor: 'Snap', purpose: 'social', source: SOURCE.snap }, [
    'snapchat.com',
    { domain: 'tr.snapchat.com', purpose: 'advertising', note: 'Snap Pixel events' },
    { domain: 'sc-static.net', purpose: 'advertising', note: 'Snap Pixel script' },
  ]),
  ...hostGroup({ vendor: 'Reddit', purpose: 'social', source: SOURCE.reddit }, [
    'reddit.com',
    { domain: 'alb.reddit.com', purpose: 'advertising', note: 'Reddit Pixel events' },
    { domain: 'redditstatic.com', purpose: 'unknown', note: `Reddit static files, ${CDN_NOTE}` },
  ]),
  ...hostGroup({ vendor: 'Quora', purpose: 'social', source: SOURCE.easylist }, [
    'quora.com',
    { domain: 'a.quora.com', purpose: 'advertising', note: 'Quora Pixel script' },
    { domain: 'q.quora.com', purpose: 'advertising', note: 'Quora Pixel events' },
  ]),
  ...hostGroup({ vendor: 'Yahoo', purpose: 'unknown', source: SOURCE.easylist }, [
    'yahoo.com',
    { domain: 'analytics.yahoo.com', purpose: 'advertising', note: 'Yahoo dot tag (conversion pixel)' },
    { domain: 'ads.yahoo.com', purpose: 'advertising' },
    { domain: 'yimg.com', note: `Yahoo static files, ${CDN_NOTE}` },
  ]),
  ...hostGroup({ vendor: 'ShareThis', purpose: 'social', note: 'share buttons', source: SOURCE.easylist }, [
    'sharethis.com',
  ]),
  ...hostGroup(
    { vendor: 'AddThis (Oracle)', purpose: 'social', note: 'share buttons', source: SOURCE.easylist },
    ['addthis.com'],
  ),
];

const AD_TECH: readonly HostCatalogEntry[] = [
  ...hostGroup({ vendor: 'Criteo', purpose: 'advertising', source: SOURCE.criteo }, [
    'criteo.com',
    'criteo.net',
  ]),
  ...hostGroup({ vendor: 'Taboola', purpose: 'advertising', source: SOURCE.taboola }, ['taboola.com']),
  ...hostGroup({ vendor: 'Outbrain', purpose: 'advertising', source: SOURCE.easylist }, [
    'outbrain.com',
    'outbrainimg.com',
  ]),
  ...hostGroup({ vendor: 'Xandr (Microsoft)', purpose: 'advertising', source: SOURCE.easylist }, [
    'adnxs.com',
    'adnxs-simple.com',
  ]),
  ...hostGroup({ vendor: 'The Trade Desk', purpose: 'advertising', source: SOURCE.tradeDesk }, [
    'adsrvr.org',
  ]),
  ...hostGroup({ vendor: 'Quantcast', purpose: 'advertising', source: SOURCE.quantcast }, [
    'quantserve.com',
    'quantcount.com',
  ]),
  ...hostGroup({ vendor: 'Amazon Ads', purpose: 'advertising', source: SOURCE.easylist }, [
    'amazon-adsystem.com',
  ]),
  ...hostGroup({ vendor: 'Index Exchange', purpose: 'advertising', source: SOURCE.easylist }, [
    'casalemedia.com',
  ]),
  ...hostGroup({ vendor: 'Magnite (Rubicon Project)', purpose: 'advertising', source: SOURCE.easylist }, [
    'rubiconproject.com',
  ]),
  ...hostGroup({ vendor: 'PubMatic', purpose: 'advertising', source: SOURCE.easylist }, ['pubmatic.com']),
  ...hostGroup({ vendor: 'OpenX', purpose: 'advertising', source: SOURCE.easylist }, ['openx.net']),
  ...hostGroup({ vendor: 'TripleLift', purpose: 'advertising', source: SOURCE.easylist }, ['3lift.com']),
  ...hostGroup({ vendor: 'Teads', purpose: 'advertising', source: SOURCE.easylist }, ['teads.tv']),
  ...hostGroup(
    { vendor: 'ID5', purpose: 'advertising', note: 'cross-site ad identity', source: SOURCE.easylist },
    ['id5-sync.com'],
  ),
  ...hostGroup(
    { vendor: 'LiveRamp', purpose: 'advertising', note: 'cross-site ad identity', source: SOURCE.easylist },
    ['rlcdn.com'],
  ),
  ...hostGroup({ vendor: 'Lotame', purpose: 'advertising', source: SOURCE.easylist }, ['crwdcntrl.net']),
  ...hostGroup({ vendor: 'MediaMath', purpose: 'advertising', source: SOURCE.easylist }, ['mathtag.com']),
  ...hostGroup({ vendor: 'Oracle Advertising', purpose: 'advertising', source: SOURCE.easylist }, [
    'bluekai.com',
    { domain: 'moatads.com', note: 'ad viewability measurement' },
  ]),
  ...hostGroup(
    {
      vendor: 'Integral Ad Science',
      purpose: 'advertising',
      note: 'ad verification',
      source: SOURCE.easylist,
    },
    ['adsafeprotected.com'],
  ),
  ...hostGroup(
    { vendor: 'DoubleVerify', purpose: 'advertising', note: 'ad verification', source: SOURCE.easylist },
    ['doubleverify.com'],
  ),
  ...hostGroup({ vendor: 'Equativ (Smart AdServer)', purpose: 'advertising', source: SOURCE.easylist }, [
    'smartadserver.com',
  ]),
];

/** Global trackers and services. */
export const GLOBAL_HOSTS: readonly HostCatalogEntry[] = [
  ...GOOGLE_AND_META,
  ...MICROSOFT_AND_ADOBE,
  ...ANALYTICS_AND_MONITORING,
  ...MARKETING_AND_CHAT,
  ...SOCIAL,
  ...AD_TECH,
];
