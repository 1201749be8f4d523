import { cookieGroup } from './catalog-helpers';
import type { CookieCatalogEntry } from './catalog-types';
import { OCD_REPOSITORY } from './open-cookie-database/ocd-types';

/*
 * Cookies of global vendors and of common web frameworks and infrastructure.
 *
 * Where a vendor publishes no per-cookie table, or its table moves too often
 * to cite, the source is the Open Cookie Database (Apache-2.0), whose entry
 * for the name says the same; a test checks that every entry citing it names
 * a cookie the database really lists.
 */
export const OCD_SOURCE = OCD_REPOSITORY;

const SOURCE = {
  googleCookies: 'https://policies.google.com/technologies/cookies',
  googleAds: 'https://business.safety.google/adscookies/',
  gcpLoadBalancing: 'https://cloud.google.com/load-balancing/docs/backend-service',
  adobeAlloy: 'https://github.com/adobe/alloy',
  segment: 'https://segment.com/docs/connections/sources/catalog/libraries/website/javascript/identity/',
  fullstory:
    'https://help.fullstory.com/hc/en-us/articles/360020829513-Why-does-Fullstory-use-First-Party-Cookies',
  datadogSdk: 'https://github.com/DataDog/browser-sdk',
  hubspot:
    'https://knowledge.hubspot.com/privacy-and-consent/what-cookies-does-hubspot-set-in-a-visitor-s-browser',
  marketo: 'https://developers.marketo.com/javascript-api/lead-tracking/',
  pinterest: 'https://policy.pinterest.com/en/cookies',
  x: 'https://help.x.com/en/rules-and-policies/x-cookies',
  criteoPrebid: 'https://github.com/prebid/Prebid.js/blob/master/modules/criteoIdSystem.js',
  prebidUserId: 'https://docs.prebid.org/dev-docs/modules/userId.html',
  uid2: 'https://github.com/IABTechLab/uid2-web-integrations',
  matomo: 'https://matomo.org/faq/general/faq_146/',
  stripe: 'https://docs.stripe.com/disputes/prevention/advanced-fraud-detection',
  awsClassicElb: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-sticky-sessions.html',
  f5Persistence: 'https://my.f5.com/manage/s/article/K6917',
  f5Asm: 'https://my.f5.com/manage/s/article/K6850',
  cloudflareAccess: 'https://developers.cloudflare.com/cloudflare-one/identity/authorization-cookie/',
  usPrivacy: 'https://github.com/InteractiveAdvertisingBureau/USPrivacy',
  iabTcf: 'https://github.com/InteractiveAdvertisingBureau/GDPR-Transparency-and-Consent-Framework',
  cookieConsentJs: 'https://github.com/orestbida/cookieconsent',
  wordpress: 'https://wordpress.org/documentation/article/wordpress-cookies/',
  woocommerce: 'https://woocommerce.com/document/woocommerce-cookies/',
  drupal: 'https://github.com/drupal/drupal',
  aspNetAntiforgery: 'https://learn.microsoft.com/en-us/aspnet/core/security/anti-request-forgery',
  aspNetSession: 'https://learn.microsoft.com/en-us/aspnet/core/fundamentals/app-state',
  aspNetCookieAuth: 'https://learn.microsoft.com/en-us/aspnet/core/security/authentication/cookie',
  keycloak: 'https://github.com/keycloak/keycloak',
  nextAuth: 'https://next-auth.js.org/configuration/options#cookies',
  authJs: 'https://github.com/nextauthjs/next-auth',
  supabase: 'https://github.com/supabase/ssr',
  codeigniter: 'https://codeigniter.com/user_guide/libraries/sessions.html',
  django: 'https://docs.djangoproject.com/en/stable/ref/settings/',
  springSecurity: 'https://docs.spring.io/spring-security/reference/servlet/authentication/rememberme.html',
  shopify: 'https://www.shopify.com/legal/cookies',
} as const;

const GOOGLE_ACCOUNT_AND_ADS: readonly CookieCatalogEntry[] = cookieGroup(
  { vendor: 'Google', purpose: 'social', source: OCD_SOURCE },
  [
    {
      name: 'HSID',
      description:
        'Google account sign-in cookie (with SID); sent to Google by pages that embed its services.',
      source: SOURCE.googleCookies,
    },
    { name: 'SSID', description: 'Google account cookie that, with HSID and SID, keeps a user signed in.' },
    { name: 'APISID', description: 'Google account cookie used by embedded Google services and buttons.' },
    { name: 'SAPISID', description: 'Secure Google account cookie used by embedded Google services.' },
    { name: 'SIDCC', description: 'Google security cookie that protects a signed-in account from misuse.' },
    {
      prefix: '__Secure-1P',
      description: 'Google account cookies (1PSID, 1PAPISID, 1PSIDTS…) sent in first-party contexts.',
    },
    {
      name: 'AEC',
      purpose: 'essential',
      role: 'security',
      description:
        "Google cookie that makes sure requests in a session are the user's own, not a forged site's.",
      source: SOURCE.googleCookies,
    },
    {
      name: 'SOCS',
      purpose: 'essential',
      role: 'consent',
      description: "Stores the user's choices about Google's cookies.",
      source: SOURCE.googleCookies,
    },
    {
      name: '__Secure-ENID',
      purpose: 'preferences',
      description: 'Google cookie that remembers preferences such as language and results per page.',
      source: SOURCE.googleCookies,
    },
    {
      name: 'FPID',
      vendor: 'Google Analytics',
      purpose: 'statistics',
      description:
        'Server-side tagging client id: a first-party version of _ga set by the site’s tag server.',
    },
    {
      name: 'FPLC',
      vendor: 'Google Analytics',
      purpose: 'statistics',
      description: 'Cross-domain linker hash for FPID, used by server-side Google tagging.',
    },
    {
      name: 'FPAU',
      purpose: 'advertising',
      description: 'Server-side tagging version of _gcl_au, the Google Ads conversion linker id.',
    },
    {
      prefix: 'FPGCL',
      purpose: 'advertising',
      description: 'Server-side tagging versions of _gcl_aw, _gcl_dc and _gcl_gb: stored ad click ids.',
    },
    {
      name: 'ar_debug',
      purpose: 'advertising',
      description:
        'DoubleClick cookie for debugging the Attribution Reporting API that measures ad conversions.',
    },
    {
      name: 'receive-cookie-deprecation',
      purpose: 'advertising',
      description:
        'DoubleClick cookie that opts the browser into Chrome’s third-party cookie phase-out testing.',
    },
    {
      name: 'VISITOR_INFO1_LIVE',
      vendor: 'YouTube (Google)',
      purpose: 'advertising',
      description:
        'YouTube id on embedded players that estimates bandwidth and feeds recommendations and ads.',
      source: SOURCE.googleCookies,
    },
    {
      name: 'YSC',
      vendor: 'YouTube (Google)',
      description: 'YouTube session id set by embedded players to tie together a viewer’s actions.',
      source: SOURCE.googleCookies,
    },
    {
      name: 'VISITOR_PRIVACY_METADATA',
      vendor: 'YouTube (Google)',
      purpose: 'essential',
      role: 'consent',
      description: 'YouTube record of the viewer’s cookie-consent state.',
    },
    { name: 'LOGIN_INFO', vendor: 'YouTube (Google)', description: 'YouTube sign-in cookie.' },
  ],
);

const MICROSOFT_MORE: readonly CookieCatalogEntry[] = cookieGroup(
  { vendor: 'Microsoft', purpose: 'statistics', source: OCD_SOURCE },
  [
    {
      name: 'MSFPC',
      description: 'Microsoft first-party analytics id of its 1DS telemetry on Microsoft sites.',
    },
    {
      name: 'MUIDB',
      vendor: 'Microsoft Advertising (Bing)',
      purpose: 'advertising',
      description: 'Bing id that pairs with MUID for ad measurement.',
    },
    {
      name: 'ai_user',
      vendor: 'Azure Application Insights',
      description: 'Application Insights anonymous user id for usage and performance statistics.',
    },
    {
      name: 'ai_session',
      vendor: 'Azure Application Insights',
      description: 'Application Insights session id for usage and performance statistics.',
    },
    {
      name: 'ARRAffinity',
      vendor: 'Azure App Service',
      purpose: 'essential',
      role: 'load-balancing',
      description: 'Sends a visitor back to the same Azure App Service instance (sticky session).',
    },
    {
      name: 'ARRAffinitySameSite',
      vendor: 'Azure App Service',
      purpose: 'essential',
      role: 'load-balancing',
      description: 'SameSite=None copy of ARRAffinity for cross-site requests.',
    },
  ],
);

const ADOBE_COOKIES: readonly CookieCatalogEntry[] = cookieGroup(
  { vendor: 'Adobe Analytics', purpose: 'statistics', source: OCD_SOURCE },
  [
    { name: 's_cc', description: 'Adobe Analytics check that cookies are enabled.' },
    {
      name: 's_sq',
      description: 'Adobe Analytics ActivityMap record of the link clicked on the previous page.',
    },
    {
      prefix: 's_vi',
      description: 'Adobe Analytics visitor id (legacy, set on the tracking server domain).',
    },
    { name: 's_fid', description: 'Adobe Analytics fallback visitor id when s_vi cannot be set.' },
    { name: 's_ecid', description: 'First-party copy of the Adobe Experience Cloud visitor id (ECID).' },
    {
      name: 's_ppv',
      description: 'Adobe Analytics plugin that records how much of the previous page was seen.',
    },
    {
      prefix: 'AMCV_',
      vendor: 'Adobe Experience Cloud',
      description: 'Experience Cloud visitor id (ECID) for one Adobe organisation, shared by Adobe products.',
    },
    {
      prefix: 'AMCVS_',
      vendor: 'Adobe Experience Cloud',
      description: 'Session flag of the Experience Cloud visitor id service.',
    },
    {
      pattern: '^kndctr_[0-9a-f]{24}_adobeorg_(identity|consent|consent_check|cluster)$',
      vendor: 'Adobe Experience Platform Web SDK',
      description:
        'Web SDK cookies: ECID identity, consent state and edge cluster for one Adobe organisation.',
      source: SOURCE.adobeAlloy,
    },
    {
      name: 'demdex',
      vendor: 'Adobe Audience Manager',
      purpose: 'advertising',
      crossSite: true,
      description:
        'Audience Manager id on demdex.net that recognises a browser across sites for ad targeting.',
    },
    {
      name: 'dextp',
      vendor: 'Adobe Audience Manager',
      purpose: 'advertising',
      description: 'When Audience Manager last synced ids with a data partner.',
    },
    {
      name: 'dpm',
      vendor: 'Adobe Audience Manager',
      purpose: 'advertising',
      description: 'Audience Manager data-provider matching cookie on dpm.demdex.net.',
    },
    { name: 'mbox', vendor: 'Adobe Target', description: 'Adobe Target session and profile for A/B tests.' },
    {
      name: 'at_check',
      vendor: 'Adobe Target',
      description: 'Adobe Target test of whether cookies are accepted.',
    },
    {
      name: 'everest_g_v2',
      vendor: 'Adobe Advertising',
      purpose: 'advertising',
      description: 'Adobe Advertising id linking ad clicks to later visits.',
    },
    {
      name: 'everest_session_v2',
      vendor: 'Adobe Advertising',
      purpose: 'advertising',
      description: 'Adobe Advertising session id for click-through attribution.',
    },
  ],
);

const PRODUCT_ANALYTICS_MORE: readonly CookieCatalogEntry[] = [
  ...cookieGroup({ vendor: 'Segment', purpose: 'statistics', source: SOURCE.segment }, [
    { name: 'ajs_anonymous_id', description: 'Segment Analytics.js anonymous visitor id.' },
    { name: 'ajs_user_id', description: 'Segment Analytics.js id of the identified user.' },
    {
      name: 'ajs_group_id',
      description: 'Segment Analytics.js id of the group (account) the user belongs to.',
    },
  ]),
  ...cookieGroup({ vendor: 'Heap (Contentsquare)', purpose: 'statistics', source: OCD_SOURCE }, [
    { prefix: '_hp2_id.', description: 'Heap user id for one Heap environment (the suffix).' },
    { prefix: '_hp2_ses_props.', description: 'Heap session properties such as referrer and landing page.' },
    { prefix: '_hp2_', description: 'Other Heap (v2 snippet) cookies: properties and held events.' },
    { prefix: '_hp5_', description: 'Heap v5 snippet cookies: event properties and metadata.' },
  ]),
  ...cookieGroup({ vendor: 'FullStory', purpose: 'session-replay', source: SOURCE.fullstory }, [
    { name: 'fs_uid', description: 'FullStory user id that ties recorded sessions of one browser together.' },
    { name: 'fs_lua', description: 'FullStory time of the last user action, to split recorded sessions.' },
  ]),
  ...cookieGroup({ vendor: 'Crazy Egg', purpose: 'session-replay', source: OCD_SOURCE }, [
    { name: '_CEFT', description: 'Crazy Egg storage of page variants for heatmaps and recordings.' },
    { name: '_ceir', description: 'Crazy Egg flag for a returning visitor.' },
    { name: 'cebs', description: 'Crazy Egg session cookie for recordings.' },
    { prefix: 'cebsp', description: 'Crazy Egg session page-count cookie for recordings.' },
    { prefix: '_ce.', description: 'Crazy Egg tracking cookies (_ce.s session, _ce.gtld, _ce.cch…).' },
  ]),
  ...cookieGroup({ vendor: 'Datadog RUM', purpose: 'statistics', source: SOURCE.datadogSdk }, [
    { name: '_dd_s', description: 'Datadog browser SDK session (id, expiry) for real-user monitoring.' },
  ]),
  ...cookieGroup({ vendor: 'Optimizely', purpose: 'statistics', source: OCD_SOURCE }, [
    { name: 'optimizelyEndUserId', description: 'Optimizely visitor id for A/B tests.' },
    { name: 'optimizelyRedirectData', description: 'Optimizely data carried across a redirect experiment.' },
    { name: 'optimizelyDomainTestCookie', description: 'Optimizely probe for the top-level cookie domain.' },
  ]),
  ...cookieGroup({ vendor: 'VWO (Wingify)', purpose: 'statistics', source: OCD_SOURCE }, [
    { name: '_vwo_uuid', description: 'VWO visitor id for A/B tests.' },
    { name: '_vwo_uuid_v2', description: 'VWO visitor id (v2) for A/B tests.' },
    { name: '_vwo_sn', description: 'VWO session cookie.' },
    { name: '_vis_opt_s', description: 'VWO count of sessions of the visitor.' },
    { name: '_vis_opt_test_cookie', description: 'VWO test of whether cookies are accepted.' },
    { prefix: '_vis_opt_exp_', description: 'VWO experiment variation assigned to the visitor.' },
  ]),
  ...cookieGroup({ vendor: 'Dynatrace', purpose: 'statistics', source: OCD_SOURCE }, [
    { prefix: 'dtCookie', description: 'Dynatrace real-user-monitoring session id.' },
    { name: 'dtPC', description: 'Dynatrace id used to correlate server and browser actions.' },
    { name: 'dtLatC', description: 'Dynatrace measurement of server latency.' },
    { name: 'dtSa', description: 'Dynatrace intermediate store of a user action across pages.' },
    { prefix: 'rxVisitor', description: 'Dynatrace visitor id.' },
    { name: 'rxvt', description: 'Dynatrace session timeout.' },
  ]),
  ...cookieGroup({ vendor: 'Vimeo', purpose: 'statistics', source: OCD_SOURCE }, [
    { name: 'vuid', description: 'Vimeo analytics id set by embedded Vimeo players.' },
  ]),
];

const MARKETING_AUTOMATION_AND_CHAT: readonly CookieCatalogEntry[] = [
  ...cookieGroup({ vendor: 'HubSpot', purpose: 'advertising', source: SOURCE.hubspot }, [
    {
      name: '__hstc',
      description: 'Main HubSpot visitor-tracking cookie: domain, first, last and current visit.',
    },
    { name: 'hubspotutk', description: 'HubSpot visitor id, tied to the contact on a form submission.' },
    { name: '__hssc', description: 'HubSpot session tracking: page views in the session.' },
    { name: '__hssrc', description: 'HubSpot flag telling whether the browser restarted (a new session).' },
    {
      name: '__hs_opt_out',
      purpose: 'essential',
      role: 'consent',
      description: 'Remembers that the visitor declined HubSpot cookies.',
    },
    {
      name: '__hs_do_not_track',
      purpose: 'essential',
      role: 'consent',
      description: 'Stops HubSpot tracking for this browser.',
    },
    {
      name: '__hs_initial_opt_in',
      purpose: 'essential',
      role: 'consent',
      description: 'Keeps the HubSpot banner from showing again in strict-consent mode.',
    },
    {
      name: '__hs_cookie_cat_pref',
      purpose: 'essential',
      role: 'consent',
      description: 'Categories of cookies the visitor consented to in the HubSpot banner.',
    },
    {
      name: 'messagesUtk',
      purpose: 'essential',
      description: 'HubSpot chat visitor id, so chat history survives page loads.',
    },
  ]),
  ...cookieGroup({ vendor: 'Marketo (Adobe)', purpose: 'advertising', source: SOURCE.marketo }, [
    { name: '_mkto_trk', description: 'Marketo Munchkin visitor id linking web activity to a lead.' },
  ]),
  ...cookieGroup({ vendor: 'Intercom', purpose: 'statistics', source: OCD_SOURCE }, [
    { prefix: 'intercom-id-', description: 'Intercom anonymous visitor id for the messenger, per app id.' },
    {
      prefix: 'intercom-session-',
      purpose: 'essential',
      description: 'Intercom messenger session, so conversations continue across pages.',
    },
    { prefix: 'intercom-device-id-', description: 'Intercom device id for the messenger.' },
  ]),
  ...cookieGroup({ vendor: 'Zendesk', purpose: 'essential', source: OCD_SOURCE }, [
    {
      name: '__zlcmid',
      description: 'Zendesk Chat (Zopim) visitor id so the chat widget keeps its history.',
    },
    { name: '_zendesk_session', description: 'Zendesk session of a help-center or widget visitor.' },
    { name: '_zendesk_shared_session', description: 'Zendesk session shared across Zendesk products.' },
    { name: '_zendesk_cookie', description: 'Zendesk preferences of the visitor.' },
  ]),
  ...cookieGroup({ vendor: 'LiveChat', purpose: 'essential', source: OCD_SOURCE }, [
    { name: '__lc_cid', description: 'LiveChat customer id that keeps the chat going across pages.' },
    { name: '__lc_cst', description: 'LiveChat customer token for the chat session.' },
  ]),
  ...cookieGroup({ vendor: 'Tawk.to', purpose: 'essential', source: OCD_SOURCE }, [
    { name: 'TawkConnectionTime', description: 'Tawk.to chat connection time.' },
  ]),
  ...cookieGroup({ vendor: 'Crisp', purpose: 'essential', source: OCD_SOURCE }, [
    { prefix: 'crisp-client', description: 'Crisp chat session of the visitor (crisp-client/session/…).' },
  ]),
];

const SOCIAL_AND_ADVERTISING: readonly CookieCatalogEntry[] = [
  ...cookieGroup({ vendor: 'Pinterest', purpose: 'advertising', source: SOURCE.pinterest }, [
    { name: '_pinterest_sess', purpose: 'social', description: 'Pinterest sign-in session.' },
    {
      name: '_pin_unauth',
      description: 'Pinterest tag id for a browser that is not signed in to Pinterest.',
    },
    {
      name: '_pinterest_ct_ua',
      description: 'Pinterest conversion-tag id linking ad views to site actions.',
    },
    { name: '_epik', description: 'Pinterest ad click id stored for conversion attribution.' },
    { name: '_derived_epik', description: 'Pinterest conversion id derived from an ad click or the tag.' },
  ]),
  ...cookieGroup({ vendor: 'X (Twitter)', purpose: 'advertising', source: SOURCE.x }, [
    {
      name: 'personalization_id',
      crossSite: true,
      description: 'X id that follows activity on sites with X buttons or the X pixel, for ads.',
    },
    { name: 'guest_id', description: 'X id of a browser that is not signed in.' },
    { name: 'guest_id_ads', description: 'X guest id used for advertising.' },
    { name: 'guest_id_marketing', description: 'X guest id used for marketing.' },
    { name: 'muc_ads', description: 'X id used to measure and personalise ads.' },
    { name: 'twid', purpose: 'social', description: 'X id of the signed-in account.' },
    { name: '_twitter_sess', purpose: 'social', description: 'X session cookie.' },
  ]),
  ...cookieGroup({ vendor: 'Snap', purpose: 'advertising', source: OCD_SOURCE }, [
    { name: '_scid', description: "Snap Pixel browser id on the advertiser's domain." },
    { name: '_scid_r', description: 'Snap Pixel copy of _scid kept for attribution.' },
    { name: 'sc_at', description: 'Snap id on snapchat.com used to measure and target ads.' },
    { name: '_schn', description: 'Snap Pixel session id.' },
  ]),
  ...cookieGroup({ vendor: 'Reddit', purpose: 'advertising', source: OCD_SOURCE }, [
    { name: '_rdt_uuid', description: "Reddit Pixel browser id on the advertiser's domain." },
  ]),
  ...cookieGroup({ vendor: 'Criteo', purpose: 'advertising', source: SOURCE.criteoPrebid }, [
    {
      name: 'cto_bundle',
      crossSite: true,
      description: 'Criteo bundle of ids on the publisher or advertiser domain that links to Criteo’s id.',
    },
    { name: 'cto_bidid', description: 'Criteo id used in header bidding.' },
  ]),
  ...cookieGroup({ vendor: 'Taboola', purpose: 'advertising', source: OCD_SOURCE }, [
    {
      name: 't_gid',
      crossSite: true,
      description: 'Taboola global user id used to recommend content and ads.',
    },
    { name: 'taboola_session_id', description: 'Taboola session id.' },
  ]),
  ...cookieGroup({ vendor: 'Outbrain', purpose: 'advertising', source: OCD_SOURCE }, [
    { name: 'obuid', description: 'Outbrain user id for recommendations and ads.' },
  ]),
  ...cookieGroup({ vendor: 'Xandr (Microsoft)', purpose: 'advertising', source: OCD_SOURCE }, [
    {
      name: 'uuid2',
      crossSite: true,
      description: 'Xandr (AppNexus) id on adnxs.com used across ad exchanges.',
    },
    { name: 'anj', description: 'Xandr data that speeds up ad auctions for the browser.' },
    { name: 'XANDR_PANID', description: 'Xandr id that stores the choice about personalised ads.' },
  ]),
  ...cookieGroup({ vendor: 'The Trade Desk', purpose: 'advertising', source: OCD_SOURCE }, [
    {
      name: 'TDID',
      crossSite: true,
      description: 'The Trade Desk id on adsrvr.org used across ad exchanges.',
    },
    { name: 'TDCPM', description: 'The Trade Desk data about ads shown to the browser.' },
  ]),
  ...cookieGroup({ vendor: 'Quantcast', purpose: 'advertising', source: OCD_SOURCE }, [
    { name: '__qca', description: 'Quantcast first-party id for audience measurement and ad targeting.' },
  ]),
  ...cookieGroup({ vendor: 'Amazon Ads', purpose: 'advertising', source: OCD_SOURCE }, [
    { name: 'ad-id', description: 'Amazon advertising id on amazon-adsystem.com.' },
    { name: 'ad-privacy', description: 'Amazon advertising opt-out choice.' },
  ]),
  ...cookieGroup({ vendor: 'Lotame', purpose: 'advertising', source: OCD_SOURCE }, [
    { name: '_cc_id', crossSite: true, description: 'Lotame audience id used across sites.' },
    { name: 'panoramaId', crossSite: true, description: 'Lotame Panorama cross-site id.' },
  ]),
  ...cookieGroup({ vendor: 'Prebid SharedID', purpose: 'advertising', source: SOURCE.prebidUserId }, [
    { name: '_pubcid', description: 'Prebid SharedID: a publisher first-party id passed to ad bidders.' },
    {
      name: 'idl_env',
      vendor: 'LiveRamp',
      crossSite: true,
      description: 'LiveRamp identity envelope (RampID) passed to ad bidders.',
    },
  ]),
  ...cookieGroup({ vendor: 'Unified ID 2.0', purpose: 'advertising', source: SOURCE.uid2 }, [
    {
      name: '__uid2_advertising_token',
      crossSite: true,
      description: 'UID2 token derived from a hashed email or phone, passed to ad bidders.',
    },
  ]),
];

const WEB_ANALYTICS_AND_PAYMENTS: readonly CookieCatalogEntry[] = [
  ...cookieGroup({ vendor: 'Matomo', purpose: 'statistics', source: SOURCE.matomo }, [
    { prefix: '_pk_id.', description: 'Matomo visitor id for one site (the suffix), 13 months.' },
    { prefix: '_pk_ses.', description: 'Matomo short-lived session cookie, 30 minutes.' },
    { prefix: '_pk_ref.', description: 'Matomo record of the referrer that brought the visitor, 6 months.' },
    { prefix: '_pk_cvar.', description: 'Matomo custom variables of the visit.' },
    {
      prefix: '_pk_hsr.',
      description: 'Matomo heatmap and session-recording state.',
      purpose: 'session-replay',
    },
    { prefix: '_pk_testcookie', description: 'Matomo check that cookies can be set.' },
    {
      name: 'mtm_consent',
      purpose: 'essential',
      role: 'consent',
      description: 'Remembers that the visitor consented to Matomo tracking.',
    },
    {
      name: 'mtm_consent_removed',
      purpose: 'essential',
      role: 'consent',
      description: 'Remembers that the visitor withdrew consent to Matomo tracking.',
    },
    {
      name: 'mtm_cookie_consent',
      purpose: 'essential',
      role: 'consent',
      description: 'Remembers that the visitor consented to Matomo cookies.',
    },
    {
      name: 'MATOMO_SESSID',
      purpose: 'essential',
      role: 'authentication',
      description: 'Session of a user signed in to the Matomo dashboard, or of its opt-out form.',
    },
  ]),
  ...cookieGroup({ vendor: 'Stripe', purpose: 'essential', role: 'security', source: SOURCE.stripe }, [
    { name: '__stripe_mid', description: 'Stripe.js fraud-prevention device id, one year.' },
    { name: '__stripe_sid', description: 'Stripe.js fraud-prevention session id, 30 minutes.' },
  ]),
];

const CONSENT_AND_SECURITY_MORE: readonly CookieCatalogEntry[] = [
  ...cookieGroup(
    { vendor: 'IAB US Privacy', purpose: 'essential', role: 'consent', source: SOURCE.usPrivacy },
    [{ name: 'usprivacy', description: 'IAB US Privacy (CCPA) string recording the opt-out of sale.' }],
  ),
  ...cookieGroup({ vendor: 'IAB TCF', purpose: 'essential', role: 'consent', source: SOURCE.iabTcf }, [
    { name: 'euconsent', description: 'IAB TCF v1 consent string (superseded by euconsent-v2).' },
  ]),
  ...cookieGroup({ vendor: 'Didomi', purpose: 'essential', role: 'consent', source: OCD_SOURCE }, [
    { name: 'didomi_token', description: "Didomi consent platform record of the visitor's choices." },
  ]),
  ...cookieGroup({ vendor: 'Complianz', purpose: 'essential', role: 'consent', source: OCD_SOURCE }, [
    {
      prefix: 'cmplz_',
      description: 'Complianz consent choice per category (cmplz_marketing, cmplz_statistics…).',
    },
  ]),
  ...cookieGroup({ vendor: 'Borlabs Cookie', purpose: 'essential', role: 'consent', source: OCD_SOURCE }, [
    { name: 'borlabs-cookie', description: 'Borlabs Cookie consent choices.' },
  ]),
  ...cookieGroup({ vendor: 'iubenda', purpose: 'essential', role: 'consent', source: OCD_SOURCE }, [
    { prefix: '_iub_cs-', description: 'iubenda consent choices for one cookie policy (the suffix).' },
  ]),
  ...cookieGroup(
    {
      vendor: 'CookieConsent (orestbida)',
      purpose: 'essential',
      role: 'consent',
      source: SOURCE.cookieConsentJs,
    },
    [{ name: 'cc_cookie', description: 'Consent choices saved by the open-source cookieconsent library.' }],
  ),
  ...cookieGroup({ vendor: 'Imperva', purpose: 'essential', role: 'security', source: OCD_SOURCE }, [
    {
      prefix: 'incap_ses_',
      description: 'Imperva (Incapsula) session used to tell people from attacking bots.',
    },
    { prefix: 'visid_incap_', description: 'Imperva (Incapsula) visitor id for bot and attack protection.' },
    {
      prefix: 'nlbi_',
      role: 'load-balancing',
      description: 'Imperva load-balancer cookie sending a visitor to the same server.',
    },
  ]),
  ...cookieGroup(
    { vendor: 'F5 BIG-IP', purpose: 'essential', role: 'load-balancing', source: SOURCE.f5Persistence },
    [
      {
        prefix: 'BIGipServer',
        description: 'F5 BIG-IP persistence cookie: which pool member serves the visitor.',
      },
      {
        pattern: '^ts[0-9a-f]{8}(_[0-9a-f]+)?$',
        role: 'security',
        description:
          'F5 BIG-IP ASM (web application firewall) cookie that checks the integrity of other cookies.',
        source: SOURCE.f5Asm,
      },
    ],
  ),
  ...cookieGroup({ vendor: 'Akamai', purpose: 'essential', role: 'security', source: OCD_SOURCE }, [
    { name: 'ak_bmsc', description: 'Akamai Bot Manager cookie that tells people from bots.' },
    { name: 'bm_sv', description: 'Akamai Bot Manager session-validation cookie.' },
    { name: '_abck', description: 'Akamai Bot Manager cookie holding the result of bot detection.' },
  ]),
  ...cookieGroup(
    {
      vendor: 'Amazon Web Services',
      purpose: 'essential',
      role: 'load-balancing',
      source: SOURCE.awsClassicElb,
    },
    [
      { name: 'AWSELB', description: 'AWS Classic Load Balancer sticky-session cookie.' },
      { name: 'AWSELBCORS', description: 'SameSite=None copy of AWSELB for cross-origin requests.' },
    ],
  ),
  ...cookieGroup(
    { vendor: 'Google Cloud', purpose: 'essential', role: 'load-balancing', source: SOURCE.gcpLoadBalancing },
    [{ name: 'GCLB', description: 'Google Cloud load balancer cookie for session affinity.' }],
  ),
  ...cookieGroup(
    {
      vendor: 'Cloudflare Access',
      purpose: 'essential',
      role: 'authentication',
      source: SOURCE.cloudflareAccess,
    },
    [
      {
        name: 'CF_Authorization',
        description: 'Cloudflare Access (Zero Trust) login token for a protected site.',
      },
    ],
  ),
];

const FRAMEWORK_COOKIES: readonly CookieCatalogEntry[] = [
  ...cookieGroup(
    { vendor: 'WordPress', purpose: 'essential', role: 'authentication', source: SOURCE.wordpress },
    [
      { prefix: 'wordpress_logged_in_', description: 'WordPress login cookie: who is signed in.' },
      { prefix: 'wordpress_sec_', description: 'WordPress secure authentication cookie for the admin area.' },
      {
        name: 'wordpress_test_cookie',
        role: 'security',
        description: 'WordPress check, on the login page, that cookies are accepted.',
      },
      {
        prefix: 'wp-settings-',
        purpose: 'preferences',
        description: 'WordPress admin interface settings of a user.',
      },
      {
        prefix: 'comment_author_',
        purpose: 'preferences',
        description: "WordPress commenter's name, email or URL remembered for the next comment.",
      },
    ],
  ),
  ...cookieGroup({ vendor: 'WooCommerce', purpose: 'essential', source: SOURCE.woocommerce }, [
    { prefix: 'wp_woocommerce_session_', description: 'WooCommerce session holding the shopping cart.' },
    { name: 'woocommerce_cart_hash', description: 'WooCommerce hash telling when the cart changed.' },
    { name: 'woocommerce_items_in_cart', description: 'WooCommerce flag that the cart is not empty.' },
  ]),
  ...cookieGroup({ vendor: 'Drupal', purpose: 'essential', role: 'authentication', source: SOURCE.drupal }, [
    {
      pattern: '^s?sess[0-9a-f]{32}$',
      description: 'Drupal session cookie (SESS… over HTTP, SSESS… over HTTPS).',
    },
  ]),
  ...cookieGroup(
    { vendor: 'ASP.NET', purpose: 'essential', role: 'authentication', source: SOURCE.aspNetCookieAuth },
    [
      {
        prefix: '.AspNetCore.Antiforgery.',
        role: 'csrf',
        description: 'ASP.NET Core anti-forgery token.',
        source: SOURCE.aspNetAntiforgery,
      },
      {
        name: '__RequestVerificationToken',
        role: 'csrf',
        description: 'ASP.NET MVC anti-forgery token.',
        source: SOURCE.aspNetAntiforgery,
      },
      { name: '.AspNetCore.Session', description: 'ASP.NET Core session id.', source: SOURCE.aspNetSession },
      { name: '.AspNetCore.Cookies', description: 'ASP.NET Core cookie-authentication ticket.' },
      { prefix: '.AspNetCore.Identity.', description: 'ASP.NET Core Identity sign-in cookie.' },
      { name: '.ASPXAUTH', description: 'ASP.NET forms-authentication ticket.' },
      { prefix: 'ASPSESSIONID', description: 'Classic ASP session id.', source: OCD_SOURCE },
    ],
  ),
  ...cookieGroup(
    { vendor: 'Keycloak', purpose: 'essential', role: 'authentication', source: SOURCE.keycloak },
    [
      { name: 'KEYCLOAK_SESSION', description: 'Keycloak single-sign-on session of the realm.' },
      {
        name: 'KEYCLOAK_SESSION_LEGACY',
        description: 'Keycloak SSO session for browsers without SameSite=None.',
      },
      { name: 'KEYCLOAK_IDENTITY', description: 'Keycloak token identifying the signed-in user.' },
      {
        name: 'KEYCLOAK_IDENTITY_LEGACY',
        description: 'KEYCLOAK_IDENTITY for browsers without SameSite=None.',
      },
      { name: 'AUTH_SESSION_ID', description: 'Keycloak authentication session during login.' },
      { name: 'AUTH_SESSION_ID_LEGACY', description: 'AUTH_SESSION_ID for browsers without SameSite=None.' },
      { name: 'KC_RESTART', description: 'Keycloak state that lets an interrupted login restart.' },
    ],
  ),
  ...cookieGroup(
    { vendor: 'NextAuth.js', purpose: 'essential', role: 'authentication', source: SOURCE.nextAuth },
    [
      { name: 'next-auth.session-token', description: 'NextAuth.js session token.' },
      { name: '__Secure-next-auth.session-token', description: 'NextAuth.js session token over HTTPS.' },
      { name: 'next-auth.csrf-token', role: 'csrf', description: 'NextAuth.js CSRF token.' },
      {
        name: '__Host-next-auth.csrf-token',
        role: 'csrf',
        description: 'NextAuth.js CSRF token over HTTPS.',
      },
      { name: 'next-auth.callback-url', description: 'NextAuth.js page to return to after sign-in.' },
      { name: '__Secure-next-auth.callback-url', description: 'NextAuth.js return page over HTTPS.' },
      {
        name: 'authjs.session-token',
        vendor: 'Auth.js',
        description: 'Auth.js (NextAuth v5) session token.',
        source: SOURCE.authJs,
      },
      {
        name: '__Secure-authjs.session-token',
        vendor: 'Auth.js',
        description: 'Auth.js session token over HTTPS.',
        source: SOURCE.authJs,
      },
    ],
  ),
  ...cookieGroup(
    { vendor: 'Supabase', purpose: 'essential', role: 'authentication', source: SOURCE.supabase },
    [
      {
        pattern: '^sb-[a-z0-9]+-auth-token(\\.[0-9]+)?$',
        description: 'Supabase Auth session of a project (split into .0, .1… when large).',
      },
    ],
  ),
  ...cookieGroup(
    { vendor: 'CodeIgniter', purpose: 'essential', role: 'authentication', source: SOURCE.codeigniter },
    [{ name: 'ci_session', description: 'CodeIgniter session id.' }],
  ),
  ...cookieGroup({ vendor: 'Django', purpose: 'preferences', source: SOURCE.django }, [
    { name: 'django_language', description: 'Language chosen by the visitor on a Django site.' },
  ]),
  ...cookieGroup(
    {
      vendor: 'Spring Security',
      purpose: 'essential',
      role: 'authentication',
      source: SOURCE.springSecurity,
    },
    [{ name: 'remember-me', description: 'Spring Security persistent-login (remember-me) token.' }],
  ),
  ...cookieGroup({ vendor: 'Shopify', purpose: 'statistics', source: SOURCE.shopify }, [
    { name: '_shopify_y', description: 'Shopify analytics visitor id.' },
    { name: '_shopify_s', description: 'Shopify analytics session id.' },
    {
      name: '_shopify_sa_t',
      purpose: 'advertising',
      description: 'Shopify marketing attribution: time of the referral.',
    },
    {
      name: '_shopify_sa_p',
      purpose: 'advertising',
      description: 'Shopify marketing attribution: the referral.',
    },
    {
      name: '_tracking_consent',
      purpose: 'essential',
      role: 'consent',
      description: "Shopify record of the visitor's tracking consent.",
    },
    {
      name: 'secure_customer_sig',
      purpose: 'essential',
      role: 'authentication',
      description: 'Shopify login cookie of a customer account.',
    },
  ]),
];

/** Global vendors, infrastructure and frameworks. */
export const GLOBAL_COOKIE_CATALOG: readonly CookieCatalogEntry[] = [
  ...GOOGLE_ACCOUNT_AND_ADS,
  ...MICROSOFT_MORE,
  ...ADOBE_COOKIES,
  ...PRODUCT_ANALYTICS_MORE,
  ...MARKETING_AUTOMATION_AND_CHAT,
  ...SOCIAL_AND_ADVERTISING,
  ...WEB_ANALYTICS_AND_PAYMENTS,
  ...CONSENT_AND_SECURITY_MORE,
  ...FRAMEWORK_COOKIES,
];
