import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { GoldenCase } from './golden-cases';
import { beaconObservation as beacon, requestObservation as request } from './observations';

/**
 * Analytics and advertising SDK payloads, built the way each SDK builds them,
 * after the site called `identify('user-42')` (or before it, for the cases
 * that must stay quiet). What the user sees: the account id or contact
 * details reaching the vendor, named by the vendor's own field.
 */

const USER = 'user-42';
const EMAIL = 'alice@example.com';
const PHONE = '13812345678';
const sha = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));
/** Base64 of JSON, as mixpanel-js, PostHog and sa-sdk-javascript encode their `data=`. */
const base64Json = (value: unknown) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))));
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

const mixpanelEvent = (distinctId: string, extra: Record<string, unknown> = {}) => ({
  event: '$mp_web_page_view',
  properties: {
    token: '0123456789abcdef0123456789abcdef',
    mp_lib: 'web',
    $lib_version: '2.55.0',
    $device_id: '18c9f0e1a2b-0d1e2f3a4b5c6d',
    distinct_id: distinctId,
    $current_url: 'https://www.jeejio.com/account',
    ...extra,
  },
});

const sensorsEvent = (loggedIn: boolean) => ({
  distinct_id: loggedIn ? 'u1001' : '18c9f0e1a2b-anon',
  ...(loggedIn && { login_id: 'u1001', identities: { $identity_login_id: 'u1001' } }),
  anonymous_id: '18c9f0e1a2b-anon',
  lib: { $lib: 'js', $lib_method: 'code', $lib_version: '1.27.11' },
  type: 'track',
  event: '$pageview',
  properties: { $url: 'https://www.jeejio.com/', $referrer: '' },
  _track_id: 123456789,
});
const sensorsUrl = (host: string, loggedIn: boolean) =>
  `https://${host}/sa?project=default&data=${encodeURIComponent(base64Json(sensorsEvent(loggedIn)))}&ext=crc%3D-12345`;

const segmentCall = (fields: Record<string, unknown>) => ({
  messageId: 'ajs-next-1700000000000-abc',
  anonymousId: 'b5f1c2d3-anon',
  context: {
    library: { name: 'analytics.js', version: 'next-1.64.0' },
    page: { url: 'https://www.jeejio.com/' },
  },
  ...fields,
});

const posthogProps = { token: 'phc_abcdef', $lib: 'web', $lib_version: '1.96.0', $device_id: '018c-device' };

const growingioEvent = (userId?: string) => ({
  deviceId: 'a1b2c3d4-device',
  ...(userId !== undefined && { userId }),
  sessionId: 's-1',
  eventType: 'PAGE',
  platform: 'Web',
  domain: 'www.jeejio.com',
  path: '/account',
  globalSequenceId: 7,
  eventSequenceId: 3,
  timestamp: 1_700_000_000_000,
});

const aegisQuery = (uin: string) =>
  form({
    id: 'Yrm6vSbWqbOJqn82xn',
    uin,
    version: '1.41.14',
    aid: 'f3a1c2b4-aid',
    env: 'production',
    platform: '3',
    sessionId: 'session-1700000000',
    from: 'https://www.jeejio.com/',
    referer: '',
  });

export const PAYLOAD_GOLDEN_CASES: GoldenCase[] = [
  // --- Vendor payloads that name the account or its contact details --------------------------------------
  {
    name: 'Mixpanel event after identify(), account id inside base64 data',
    observations: [
      request({
        url: 'https://api-js.mixpanel.com/track/?verbose=1&ip=1&_=1700000000000',
        method: 'POST',
        requestBody: form({ data: base64Json([mixpanelEvent(USER, { $user_id: USER })]) }),
      }),
    ],
    expect: ['third-party-disclosure', 'statistics-identifiable'],
  },
  {
    name: 'Mixpanel image hit with the account id in the data parameter of the URL',
    observations: [
      request({
        url: `https://api-js.mixpanel.com/track/?data=${encodeURIComponent(base64Json(mixpanelEvent(USER)))}&img=1`,
        resourceType: 'image',
      }),
    ],
    expect: ['third-party-disclosure', 'statistics-identifiable'],
  },
  {
    name: 'Mixpanel people.set() sends the email and phone number',
    observations: [
      request({
        url: 'https://api-js.mixpanel.com/engage/?verbose=1',
        method: 'POST',
        requestBody: form({
          data: JSON.stringify([
            {
              $token: 'tok',
              $distinct_id: USER,
              $set: { $email: EMAIL, $phone: PHONE, $name: 'Alice Zhang' },
            },
          ]),
        }),
      }),
    ],
    expect: ['third-party-disclosure', 'statistics-identifiable'],
  },
  {
    name: 'Mixpanel event sent with sendBeacon on leaving the page',
    observations: [
      beacon({
        url: 'https://api-js.mixpanel.com/track/?verbose=1',
        method: 'POST',
        requestBody: form({ data: base64Json([mixpanelEvent(USER)]) }),
      }),
    ],
    expect: ['beacon-over-collection', 'third-party-disclosure', 'statistics-identifiable'],
  },
  {
    name: 'Segment batch with identify() traits: account id and email',
    observations: [
      request({
        url: 'https://api.segment.io/v1/batch',
        method: 'POST',
        requestBody: JSON.stringify({
          batch: [
            segmentCall({ type: 'identify', userId: USER, traits: { email: EMAIL, name: 'Alice Zhang' } }),
          ],
          sentAt: '2023-11-14T22:13:20.000Z',
        }),
      }),
    ],
    expect: ['third-party-disclosure', 'statistics-identifiable'],
  },
  {
    name: 'Segment track call repeating the phone number in context.traits',
    observations: [
      request({
        url: 'https://api.segment.io/v1/t',
        method: 'POST',
        requestBody: JSON.stringify(
          segmentCall({ type: 'track', event: 'Order Placed', context: { traits: { phone: PHONE } } }),
        ),
      }),
    ],
    expect: ['third-party-disclosure', 'statistics-identifiable'],
  },
  {
    name: 'Segment through a proxy on an unlisted host, known by its payload',
    observations: [
      request({
        url: 'https://evs.cdn-proxy.example/v1/i',
        method: 'POST',
        requestBody: JSON.stringify(segmentCall({ type: 'identify', userId: USER })),
      }),
    ],
    expect: ['third-party-disclosure', 'statistics-identifiable'],
  },
  {
    name: 'Amplitude HTTP V2 upload with the user id',
    observations: [
      request({
        url: 'https://api2.amplitude.com/2/httpapi',
        method: 'POST',
        requestBody: JSON.stringify({
          api_key: 'abc123',
          events: [
            {
              user_id: USER,
              device_id: 'dev-5f3c',
              session_id: 1_700_000_000_000,
              event_type: '[Amplitude] Page Viewed',
              library: 'amplitude-ts/2.5.0',
            },
          ],
        }),
      }),
    ],
    expect: ['third-party-disclosure', 'statistics-identifiable'],
  },
  {
    name: 'older amplitude-js form upload with the user id in e',
    observations: [
      request({
        url: 'https://api.amplitude.com/',
        method: 'POST',
        requestBody: form({
          client: 'abc123',
          e: JSON.stringify([
            {
              user_id: USER,
              device_id: 'dev-5f3c',
              event_type: 'login',
              library: { name: 'amplitude-js', version: '8.21.0' },
            },
          ]),
          v: '2',
          upload_time: '1700000000000',
        }),
      }),
    ],
    expect: ['third-party-disclosure', 'statistics-identifiable'],
  },
  {
    name: 'PostHog $identify event names the user',
    observations: [
      request({
        url: 'https://us.i.posthog.com/e/?ip=1&_=1700000000000&ver=1.96.0',
        method: 'POST',
        requestBody: JSON.stringify({
          event: '$identify',
          distinct_id: USER,
          properties: { ...posthogProps, distinct_id: USER, $anon_distinct_id: '018c-device' },
          $set: { email: EMAIL },
        }),
      }),
    ],
    expect: ['third-party-disclosure', 'statistics-identifiable'],
  },
  {
    name: 'PostHog batch in base64 data with person properties',
    observations: [
      request({
        url: 'https://eu.i.posthog.com/batch/',
        method: 'POST',
        requestBody: form({
          data: base64Json([
            {
              event: '$pageview',
              properties: { ...posthogProps, distinct_id: USER, $set: { email: EMAIL } },
            },
          ]),
        }),
      }),
    ],
    expect: ['third-party-disclosure', 'statistics-identifiable'],
  },
  {
    name: "Sensors Data on the site's own sa. host after login: identifiable statistics",
    observations: [request({ url: sensorsUrl('sa.jeejio.com', true), resourceType: 'image' })],
    expect: ['statistics-identifiable'],
  },
  {
    name: 'Sensors Data cloud collector after login',
    observations: [
      request({ url: sensorsUrl('jeejio.datasink.sensorsdata.cn', true), resourceType: 'image' }),
    ],
    expect: ['third-party-disclosure', 'statistics-identifiable'],
  },
  {
    name: 'Sensors Data batch (data_list) posted to the own collector after login',
    observations: [
      request({
        url: 'https://sa.jeejio.com/sa?project=production',
        method: 'POST',
        requestBody: form({ data_list: base64Json([sensorsEvent(true), sensorsEvent(true)]), gzip: '9' }),
      }),
    ],
    expect: ['statistics-identifiable'],
  },
  {
    name: 'GrowingIO events carrying the user id',
    observations: [
      request({
        url: 'https://napi.growingio.com/v3/projects/91eaf9b283361032/collect?stm=1700000000000',
        method: 'POST',
        requestBody: JSON.stringify([growingioEvent(USER)]),
      }),
    ],
    expect: ['third-party-disclosure', 'statistics-identifiable'],
  },
  {
    name: "GrowingIO's older gio.js on an own collector with the login user in cs1",
    observations: [
      request({
        url: 'https://gio.jeejio.com/v3/91eaf9b283361032/s?stm=1700000000000',
        method: 'POST',
        requestBody: JSON.stringify([
          { u: 'a1b2-device', s: 's-1', t: 'page', tm: 1_700_000_000_000, cs1: USER, p: '/account' },
        ]),
      }),
    ],
    expect: ['statistics-identifiable'],
  },
  {
    name: 'Google Analytics 4 batched hit after login: uid in the URL, events in the body lines',
    observations: [
      request({
        url: `https://region1.google-analytics.com/g/collect?v=2&tid=G-ABCDE12345&gtm=45je3b00&_p=123&cid=987654321.1700000000&uid=${USER}&dl=https%3A%2F%2Fwww.jeejio.com%2Faccount`,
        method: 'POST',
        resourceType: 'ping',
        requestBody: 'en=page_view&_et=12\nen=login&ep.method=sms',
      }),
    ],
    expect: ['third-party-disclosure', 'statistics-identifiable'],
  },
  {
    name: "Google Analytics 4 through server-side tagging on the site's own host with the user id",
    observations: [
      request({
        url: `https://sgtm.jeejio.com/g/collect?v=2&tid=G-ABCDE12345&cid=987654321.1700000000&uid=${USER}&en=page_view`,
      }),
    ],
    expect: ['statistics-identifiable'],
  },
  {
    name: 'Universal Analytics hit with the user id',
    observations: [
      request({
        url: `https://www.google-analytics.com/collect?v=1&_v=j101&a=1&t=pageview&tid=UA-12345-1&cid=987654321.1700000000&uid=${USER}`,
        resourceType: 'image',
      }),
    ],
    expect: ['third-party-disclosure', 'statistics-identifiable'],
  },
  {
    name: 'Tencent Aegis reports with the uin the site configured',
    observations: [request({ url: `https://rumt-zh.com/collect/pv?${aegisQuery(USER)}` })],
    expect: ['third-party-disclosure', 'statistics-identifiable'],
  },
  // Advertising endpoints: the expectation is about disclosure only.
  {
    name: 'Meta Pixel advanced matching with the hashed email and phone',
    observations: [
      request({
        url: `https://www.facebook.com/tr/?id=1234567890123&ev=PageView&dl=https%3A%2F%2Fwww.jeejio.com%2F&ud[em]=${sha(EMAIL)}&ud[ph]=${sha(`86${PHONE}`)}&fbp=fb.1.1700000000000.123456789`,
        resourceType: 'image',
      }),
    ],
    expect: ['third-party-disclosure', 'hit-undeclared-purpose'],
  },
  {
    name: 'Meta Pixel with the account id as external_id',
    observations: [
      request({
        url: `https://www.facebook.com/tr/?id=1234567890123&ev=Lead&ud[external_id]=${sha(USER)}&fbp=fb.1.1700000000000.123456789`,
        resourceType: 'image',
      }),
    ],
    expect: ['third-party-disclosure', 'hit-undeclared-purpose'],
  },
  {
    name: 'TikTok Pixel after ttq.identify() with the hashed email',
    observations: [
      request({
        url: 'https://analytics.tiktok.com/api/v2/pixel',
        method: 'POST',
        requestBody: JSON.stringify({
          event: 'Pageview',
          message_id: 'messageId-1700000000000-1',
          context: {
            pixel: { code: 'C1A2B3C4D5E6F7G8H9I0' },
            library: { name: 'pixel.js', version: '2.2.0' },
            page: { url: 'https://www.jeejio.com/', referrer: '' },
            user: { email: sha(EMAIL), phone_number: '', external_id: '' },
          },
          properties: {},
        }),
      }),
    ],
    expect: ['third-party-disclosure', 'hit-undeclared-purpose'],
  },

  // --- Vendor payloads that name no one ---------------------------------------------------------------------
  {
    name: 'anonymous Google Analytics 4 hit with only the client id',
    observations: [
      request({
        url: 'https://region1.google-analytics.com/g/collect?v=2&tid=G-ABCDE12345&cid=987654321.1700000000&en=page_view&dl=https%3A%2F%2Fwww.jeejio.com%2F',
      }),
    ],
    expect: [],
  },
  {
    name: "Sensors Data on the site's own host before login (distinct id is the anonymous id)",
    observations: [request({ url: sensorsUrl('sa.jeejio.com', false), resourceType: 'image' })],
    expect: [],
  },
  {
    name: 'Sensors Data cloud collector before login',
    observations: [
      request({ url: sensorsUrl('jeejio.datasink.sensorsdata.cn', false), resourceType: 'image' }),
    ],
    expect: [],
  },
  {
    name: 'Mixpanel event before identify() ($device: id)',
    observations: [
      request({
        url: 'https://api-js.mixpanel.com/track/?verbose=1',
        method: 'POST',
        requestBody: form({ data: base64Json([mixpanelEvent('$device:18c9f0e1a2b-0d1e2f3a4b5c6d')]) }),
      }),
    ],
    expect: [],
  },
  {
    name: 'Segment page call with a null userId',
    observations: [
      request({
        url: 'https://api.segment.io/v1/p',
        method: 'POST',
        requestBody: JSON.stringify(segmentCall({ type: 'page', userId: null })),
      }),
    ],
    expect: [],
  },
  {
    name: 'Amplitude event whose user_id is the text "undefined"',
    observations: [
      request({
        url: 'https://api2.amplitude.com/2/httpapi',
        method: 'POST',
        requestBody: JSON.stringify({
          api_key: 'abc123',
          events: [
            {
              user_id: 'undefined',
              device_id: 'dev-5f3c',
              event_type: 'session_start',
              library: 'amplitude-ts/2.5.0',
            },
          ],
        }),
      }),
    ],
    expect: [],
  },
  {
    name: 'PostHog pageview before identify (distinct id is the device id)',
    observations: [
      request({
        url: 'https://us.i.posthog.com/e/?ip=1',
        method: 'POST',
        requestBody: JSON.stringify({
          event: '$pageview',
          properties: {
            ...posthogProps,
            distinct_id: '018c-device',
            $current_url: 'https://www.jeejio.com/',
          },
        }),
      }),
    ],
    expect: [],
  },
  {
    name: "GrowingIO on the site's own collector without a user id",
    observations: [
      request({
        url: 'https://gio.jeejio.com/v3/projects/91eaf9b283361032/collect',
        method: 'POST',
        requestBody: JSON.stringify([growingioEvent()]),
      }),
    ],
    expect: [],
  },
  {
    name: 'Tencent Aegis reports with an empty uin',
    observations: [request({ url: `https://rumt-zh.com/collect/pv?${aegisQuery('')}` })],
    expect: [],
  },
];
