import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Observation } from '../../src/core/observations/observation';
import { PAYLOAD_GOLDEN_CASES } from './golden-cases-payloads';
import { VENDOR_GOLDEN_CASES } from './golden-cases-vendors';
import {
  beaconObservation as beacon,
  cookieObservation as cookie,
  fingerprintObservation as fingerprint,
  requestObservation as request,
  storageObservation as storage,
} from './observations';

/**
 * The golden table: observations in, the rules they break out (or none).
 * Every rule has cases that must fire and cases that must not; the names say
 * what a user would see on the page.
 */
export interface GoldenCase {
  name: string;
  observations: Observation[];
  /** Rule ids of the expected violations, one per violation, in any order. */
  expect: string[];
  /** The user's own contact details, to be found wherever they leak. */
  canaries?: { kind: 'phone' | 'email'; value: string }[];
}

const DAY = 86_400;
const NOW_S = 1_700_000_000;
const GA_ID = 'GA1.1.987654321.1700000000';
const PHONE = '13812345678';
const FORGED_WECHAT_SCRIPT = 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js';
const ID_NUMBER = '11010519491231002X';
const hex = (hash: (b: Uint8Array) => Uint8Array, text: string) => bytesToHex(hash(utf8ToBytes(text)));

export const GOLDEN_CASES: GoldenCase[] = [
  // --- Compliant first-party behaviour: nothing to report -------------------------------------------------
  {
    name: 'Secure HttpOnly first-party session cookie',
    observations: [cookie({ name: 'SESSIONID' })],
    expect: [],
  },
  {
    name: 'JSESSIONID seen in the jar and as a header',
    observations: [
      cookie(),
      cookie({ action: 'set-attempt', provenance: 'webRequest', url: 'https://www.jeejio.com/' }),
    ],
    expect: [],
  },
  {
    name: 'language preference cookie',
    observations: [cookie({ name: 'lang', value: 'en', httpOnly: false })],
    expect: [],
  },
  {
    name: 'first-party Google Analytics cookie (usage habits are declared)',
    observations: [
      cookie({
        name: '_ga',
        domain: '.jeejio.com',
        value: GA_ID,
        httpOnly: false,
        expires: NOW_S + 390 * DAY,
        session: false,
      }),
    ],
    expect: [],
  },
  {
    name: 'Baidu Tongji first-party visit-time cookie',
    observations: [cookie({ name: 'Hm_lvt_0123456789abcdef', value: '1700000000', httpOnly: false })],
    expect: [],
  },
  {
    name: 'CSRF token readable by scripts (it must be)',
    observations: [cookie({ name: 'XSRF-TOKEN', httpOnly: false, value: 'f00dfeedbeef' })],
    expect: [],
  },
  {
    name: 'unclassified first-party cookie',
    observations: [cookie({ name: 'cart_id', value: 'x1' })],
    expect: [],
  },
  {
    name: 'Alipay payment cookie (allowed recipient)',
    observations: [
      cookie({
        name: 'ALIPAYJSESSIONID',
        domain: '.alipay.com',
        action: 'set-attempt',
        provenance: 'webRequest',
        url: 'https://mapi.alipay.com/gateway/pixel.gif',
      }),
    ],
    expect: [],
  },
  {
    name: 'cookie from another Jeejio host',
    observations: [cookie({ name: 'sid', domain: 'open.jeejio.com' })],
    expect: [],
  },
  {
    name: 'removal of an advertising cookie',
    observations: [cookie({ name: 'IDE', domain: '.doubleclick.net', action: 'removed' })],
    expect: [],
  },
  {
    name: 'search history in local storage (declared, §2 line 46)',
    observations: [storage({ key: 'search_history', value: '["iot sensor","wifi module"]' })],
    expect: [],
  },
  {
    name: 'search history holding a phone number the user searched for',
    observations: [storage({ key: 'searchHistory', value: `["${PHONE}"]` })],
    expect: [],
  },
  {
    name: 'first-party statistics pixel with page address and referrer',
    observations: [
      beacon({
        url: 'https://www.jeejio.com/stat.gif?page=%2Fproducts&ref=https%3A%2F%2Fwww.baidu.com%2F&t=1700000000&sw=1920&sh=1080',
      }),
    ],
    expect: [],
  },
  {
    name: 'third-party analytics beacon with only page data',
    observations: [
      beacon({
        url: 'https://hm.baidu.com/hm.gif?si=0123&u=https%3A%2F%2Fwww.jeejio.com%2F&ds=1920x1080&lang=zh-cn&rnd=1234',
      }),
    ],
    expect: [],
  },
  {
    name: 'plain HTTP request with no personal data',
    observations: [request({ url: 'http://static.jeejio.com/logo.png' })],
    expect: [],
  },
  {
    name: 'login cookie on a plain HTTP page (nothing to secure there)',
    observations: [cookie({ name: 'JSESSIONID', secure: false, pageUrl: 'http://www.jeejio.com/' })],
    expect: [],
  },
  {
    name: 'preferences cookie kept a year',
    observations: [cookie({ name: 'theme', value: 'dark', expires: NOW_S + 365 * DAY, session: false })],
    expect: [],
  },
  {
    name: 'payment request carrying the phone number (allowed recipient)',
    observations: [request({ url: `https://openapi.alipay.com/gateway.do?mobile=${PHONE}` })],
    expect: [],
  },
  {
    name: 'first-party API call with the account id',
    observations: [request({ url: 'https://www.jeejio.com/api/orders?uid=42' })],
    expect: [],
  },
  {
    name: 'cookie deleted and set again with a new value',
    observations: [
      cookie({ name: 'tracker_id', value: 'aaaaaaaaaaaa1111', observedAt: 1 }),
      cookie({ name: 'tracker_id', action: 'removed', value: 'aaaaaaaaaaaa1111', observedAt: 2 }),
      cookie({ name: 'tracker_id', action: 'set', value: 'bbbbbbbbbbbb2222', observedAt: 3 }),
    ],
    expect: [],
  },
  {
    name: 'short flag cookie deleted and set back',
    observations: [
      cookie({ name: 'seen', value: '1', observedAt: 1 }),
      cookie({ name: 'seen', action: 'removed', value: '1', observedAt: 2 }),
      cookie({ name: 'seen', action: 'set', value: '1', observedAt: 3 }),
    ],
    expect: [],
  },
  {
    name: 'session id that looks random',
    observations: [cookie({ name: 'JSESSIONID', value: '9f86d081884c7d659a2feaa0c55ad015' })],
    expect: [],
  },
  {
    name: 'millisecond timestamp in a cookie',
    observations: [cookie({ name: 'ts', value: '1700000000123' })],
    expect: [],
  },
  {
    name: 'storage entry of unknown purpose',
    observations: [storage({ key: 'layout_state', value: '{"sidebar":true}' })],
    expect: [],
  },

  // --- §7 lines 92-93: undeclared purposes ------------------------------------------------------------------
  {
    name: 'DoubleClick IDE cookie',
    observations: [
      cookie({
        name: 'IDE',
        domain: '.doubleclick.net',
        action: 'set-attempt',
        provenance: 'webRequest',
        url: 'https://ad.doubleclick.net/pixel.gif',
      }),
    ],
    expect: ['cookie-undeclared-purpose', 'cookie-third-party-recipient'],
  },
  {
    name: 'Meta _fbp set as a first-party cookie',
    observations: [
      cookie({
        name: '_fbp',
        domain: '.jeejio.com',
        value: 'fb.1.1700000000000.1234567890',
        httpOnly: false,
      }),
    ],
    expect: ['cookie-undeclared-purpose'],
  },
  {
    name: 'Meta _fbc click id',
    observations: [
      cookie({ name: '_fbc', domain: '.jeejio.com', value: 'fb.1.1700000000000.IwAR0abc', httpOnly: false }),
    ],
    expect: ['cookie-undeclared-purpose'],
  },
  {
    name: 'Google Ads conversion linker _gcl_au',
    observations: [
      cookie({ name: '_gcl_au', domain: '.jeejio.com', value: '1.1.123456789.1700000000', httpOnly: false }),
    ],
    expect: ['cookie-undeclared-purpose'],
  },
  {
    name: 'Microsoft UET _uetsid',
    observations: [
      cookie({
        name: '_uetsid',
        domain: '.jeejio.com',
        value: 'abcdef0123456789abcdef0123456789',
        httpOnly: false,
      }),
    ],
    expect: ['cookie-undeclared-purpose'],
  },
  {
    name: 'TikTok pixel _ttp',
    observations: [
      cookie({ name: '_ttp', domain: '.jeejio.com', value: '2Xyz0123456789abcdefghijk', httpOnly: false }),
    ],
    expect: ['cookie-undeclared-purpose'],
  },
  {
    name: 'Hotjar session recording cookie',
    observations: [
      cookie({
        name: '_hjSessionUser_123456',
        domain: '.jeejio.com',
        value: 'eyJpZCI6IjEifQ==',
        httpOnly: false,
      }),
    ],
    expect: ['cookie-undeclared-purpose'],
  },
  {
    name: 'Bing MUID from bat.bing.com',
    observations: [
      cookie({
        name: 'MUID',
        domain: '.bing.com',
        action: 'set-attempt',
        provenance: 'webRequest',
        url: 'https://bat.bing.com/action/0',
      }),
    ],
    expect: ['cookie-undeclared-purpose', 'cookie-third-party-recipient'],
  },
  {
    name: 'Baidu HMACCOUNT third-party identifier',
    observations: [
      cookie({
        name: 'HMACCOUNT',
        domain: '.hm.baidu.com',
        value: 'ABCDEF0123456789',
        action: 'set-attempt',
        provenance: 'webRequest',
        url: 'https://hm.baidu.com/hm.js',
      }),
    ],
    expect: ['cookie-undeclared-purpose', 'cookie-third-party-recipient'],
  },
  {
    name: 'Meta fr cookie on facebook.com',
    observations: [
      cookie({
        name: 'fr',
        domain: '.facebook.com',
        action: 'set-attempt',
        provenance: 'webRequest',
        url: 'https://www.facebook.com/tr',
      }),
    ],
    expect: ['cookie-undeclared-purpose', 'cookie-third-party-recipient'],
  },
  {
    name: 'the same advertising cookie on two pages is one violation',
    observations: [
      cookie({ name: '_fbp', domain: '.jeejio.com', httpOnly: false }),
      cookie({
        name: '_fbp',
        domain: '.jeejio.com',
        httpOnly: false,
        pageUrl: 'https://www.jeejio.com/clean',
        visitId: 'visit-2',
      }),
    ],
    expect: ['cookie-undeclared-purpose'],
  },

  // --- §7 line 93: local storage counts as cookies ------------------------------------------------------------
  {
    name: 'Hotjar key in local storage',
    observations: [storage({ key: '_hjSessionUser_123456', value: 'eyJpZCI6IjEifQ==' })],
    expect: ['storage-undeclared-purpose'],
  },
  {
    name: 'Meta pixel key in local storage',
    observations: [storage({ key: '_fbp', value: 'fb.1.1700000000000.1234567890' })],
    expect: ['storage-undeclared-purpose'],
  },
  {
    name: 'TikTok pixel key in session storage',
    observations: [storage({ area: 'sessionStorage', key: '_ttp', value: '2Xyz0123456789abcdefghijk' })],
    expect: ['storage-undeclared-purpose'],
  },
  {
    name: 'removed advertising storage key',
    observations: [storage({ key: '_fbp', action: 'removed', value: '' })],
    expect: [],
  },
  {
    name: 'Mixpanel key in local storage (statistics, declared)',
    observations: [storage({ key: 'mp_0123456789abcdef_mixpanel', value: '{"distinct_id":"x"}' })],
    expect: [],
  },

  // --- §6 line 89 with §1/§2: sensitive information in clear ------------------------------------------------
  {
    name: 'phone number in a cookie',
    observations: [cookie({ name: 'user_phone', value: PHONE, httpOnly: false, secure: false })],
    expect: ['cookie-sensitive-in-clear'],
  },
  {
    name: 'phone number with +86 in a cookie',
    observations: [cookie({ name: 'p', value: `%2B86${PHONE}` })],
    expect: ['cookie-sensitive-in-clear'],
  },
  {
    name: 'ID number inside JSON in a cookie',
    observations: [cookie({ name: 'profile', value: encodeURIComponent(`{"idNo":"${ID_NUMBER}"}`) })],
    expect: ['cookie-sensitive-in-clear'],
  },
  {
    name: 'password in a cookie',
    observations: [cookie({ name: 'login_password', value: 'hunter2' })],
    expect: ['cookie-sensitive-in-clear'],
  },
  {
    name: 'Base64 phone number in a cookie',
    observations: [cookie({ name: 'u', value: btoa(`mobile=${PHONE}`) })],
    expect: ['cookie-sensitive-in-clear'],
  },
  {
    name: 'bank card number in a cookie',
    observations: [cookie({ name: 'last_card', value: '6222020200112233446' })],
    expect: ['cookie-sensitive-in-clear'],
  },
  {
    name: 'email address in a cookie (personal, medium)',
    observations: [cookie({ name: 'contact', value: 'alice%40example.com' })],
    expect: ['cookie-sensitive-in-clear'],
  },
  {
    name: 'phone number in local storage',
    observations: [storage({ key: 'userInfo', value: `{"mobile":"${PHONE}","name":"x"}` })],
    expect: ['cookie-sensitive-in-clear'],
  },
  {
    name: 'ID number in session storage',
    observations: [storage({ area: 'sessionStorage', key: 'kyc', value: ID_NUMBER })],
    expect: ['cookie-sensitive-in-clear'],
  },
  {
    name: 'ID number with a wrong check digit is not flagged',
    observations: [cookie({ name: 'n', value: '110105194912310021' })],
    expect: [],
  },
  {
    name: 'eleven digits inside a longer number are not a phone',
    observations: [cookie({ name: 'oid', value: '913812345678' })],
    expect: [],
  },
  {
    name: 'phone number seen twice for one cookie is one violation',
    observations: [
      cookie({ name: 'user_phone', value: PHONE, action: 'present' }),
      cookie({ name: 'user_phone', value: PHONE, action: 'set-attempt', provenance: 'webRequest' }),
    ],
    expect: ['cookie-sensitive-in-clear'],
  },

  // --- §6 line 89: login cookies without Secure / HttpOnly -----------------------------------------------
  {
    name: 'token without HttpOnly',
    observations: [cookie({ name: 'token', httpOnly: false, value: 'deadbeefdeadbeef' })],
    expect: ['cookie-login-insecure'],
  },
  {
    name: 'PHPSESSID without Secure and HttpOnly',
    observations: [
      cookie({ name: 'PHPSESSID', httpOnly: false, secure: false, value: 'abcdef0123456789abcdef0123' }),
    ],
    expect: ['cookie-login-insecure'],
  },
  {
    name: 'session cookie without Secure',
    observations: [cookie({ name: 'SESSIONID', secure: false })],
    expect: ['cookie-login-insecure'],
  },
  {
    name: 'compound login name session_token',
    observations: [cookie({ name: 'session_token', httpOnly: false })],
    expect: ['cookie-login-insecure'],
  },
  {
    name: 'access_token readable by scripts',
    observations: [cookie({ name: 'access_token', httpOnly: false })],
    expect: ['cookie-login-insecure'],
  },
  {
    name: 'connect.sid without flags',
    observations: [cookie({ name: 'connect.sid', httpOnly: false, secure: false })],
    expect: ['cookie-login-insecure'],
  },
  {
    name: 'non-login cookie without flags',
    observations: [cookie({ name: 'lang', secure: false, httpOnly: false })],
    expect: [],
  },
  {
    name: 'removed login cookie',
    observations: [cookie({ name: 'token', httpOnly: false, action: 'removed' })],
    expect: [],
  },
  {
    // The page named a WeChat script as the writer (a sourceURL comment or a replaced prepareStackTrace does it).
    name: 'token without HttpOnly, which the page claims a WeChat script wrote',
    observations: [
      cookie({
        name: 'token',
        httpOnly: false,
        value: 'deadbeefdeadbeef',
        provenance: 'page-hook',
        action: 'script-write',
        scriptUrl: FORGED_WECHAT_SCRIPT,
      }),
      cookie({ name: 'token', httpOnly: false, value: 'deadbeefdeadbeef', action: 'set' }),
    ],
    expect: ['cookie-login-insecure'],
  },
  {
    name: 'a cookie no table knows, which the page claims a WeChat script wrote, stays unknown',
    observations: [
      cookie({
        name: 'zz_state',
        value: 'q1',
        provenance: 'page-hook',
        action: 'script-write',
        scriptUrl: FORGED_WECHAT_SCRIPT,
      }),
      cookie({ name: 'zz_state', value: 'q1', action: 'set' }),
    ],
    expect: [],
  },

  // --- §6 line 89: plain HTTP ------------------------------------------------------------------------------
  {
    name: 'phone number sent over plain HTTP',
    observations: [request({ url: `http://api.jeejio.com/login?mobile=${PHONE}` })],
    expect: ['plain-http-personal-data'],
  },
  {
    name: 'ID number posted over plain HTTP',
    observations: [
      request({ url: 'http://api.jeejio.com/kyc', method: 'POST', requestBody: `idno=${ID_NUMBER}` }),
    ],
    expect: ['plain-http-personal-data'],
  },
  {
    name: 'login cookie set over plain HTTP',
    observations: [
      cookie({
        name: 'JSESSIONID',
        action: 'set-attempt',
        provenance: 'webRequest',
        url: 'http://www.jeejio.com/login',
        secure: false,
        pageUrl: 'http://www.jeejio.com/login',
      }),
    ],
    expect: ['plain-http-personal-data'],
  },
  {
    name: 'phone number over HTTPS is not a plain-HTTP problem',
    observations: [request({ url: `https://api.jeejio.com/login?mobile=${PHONE}` })],
    expect: [],
  },

  // --- §4 lines 60-70: third parties ------------------------------------------------------------------------
  {
    name: 'unknown third-party cookie',
    observations: [
      cookie({
        name: 'x',
        domain: 'tracker.example',
        action: 'set-attempt',
        provenance: 'webRequest',
        url: 'https://tracker.example/p.gif',
      }),
    ],
    expect: ['cookie-third-party-recipient'],
  },
  {
    name: 'phone number sent to a third party',
    observations: [request({ url: `https://collect.tracker.example/c?mobile=${PHONE}` })],
    expect: ['third-party-disclosure'],
  },
  {
    name: 'email posted to a third party as JSON',
    observations: [
      request({
        url: 'https://api.crm.example/track',
        method: 'POST',
        requestBody: '{"email":"alice@example.com","event":"signup"}',
      }),
    ],
    expect: ['third-party-disclosure'],
  },
  {
    name: 'account id sent to a third party',
    observations: [request({ url: 'https://collect.tracker.example/c?uid=10086' })],
    expect: ['third-party-disclosure'],
  },
  {
    name: "account id sent to a tracker's collector under a Jeejio name (CNAME alias of Adobe's)",
    observations: [
      request({
        url: 'https://metrics.jeejio.com/collect?uid=10086',
        canonicalName: 'jeejio.sc.omtrdc.net',
        canonicalNameBy: 'audit-resolver',
        cnameChain: ['metrics.jeejio.com', 'jeejio.sc.omtrdc.net'],
      }),
    ],
    expect: ['third-party-disclosure', 'statistics-identifiable'],
  },
  {
    name: "account id sent to a Jeejio host that is an alias of Jeejio's own CDN name stays first-party",
    observations: [
      request({ url: 'https://metrics.jeejio.com/collect?uid=10086', canonicalName: 'www.jeejio.com' }),
    ],
    expect: [],
  },
  {
    name: 'first-party identifier cookie value sent to a third party',
    observations: [
      cookie({ id: 'jeejio-uid', name: 'jeejio_uid', value: 'u_7f3a9c2e5b1d4f60', httpOnly: false }),
      request({ url: 'https://collect.tracker.example/c?cid=u_7f3a9c2e5b1d4f60' }),
    ],
    expect: ['third-party-disclosure'],
  },
  {
    name: 'third-party request with only page data',
    observations: [request({ url: 'https://cdn.example/lib.js?v=3' })],
    expect: [],
  },
  {
    name: 'the same endpoint called twice with personal data is one violation',
    observations: [
      request({ url: `https://collect.tracker.example/c?mobile=${PHONE}` }),
      request({ url: `https://collect.tracker.example/c?mobile=${PHONE}&n=2` }),
    ],
    expect: ['third-party-disclosure'],
  },
  {
    name: 'canary phone number sent to a third party in MD5',
    canaries: [{ kind: 'phone', value: PHONE }],
    observations: [request({ url: `https://collect.tracker.example/c?ph=${hex(md5, PHONE)}` })],
    expect: ['third-party-disclosure'],
  },
  {
    name: 'canary email SHA-256 sent to Meta',
    canaries: [{ kind: 'email', value: 'Alice@Example.com' }],
    observations: [
      request({
        url: `https://www.facebook.com/tr?id=1&ev=PageView&ud[em]=${hex(sha256, 'alice@example.com')}`,
      }),
    ],
    expect: ['third-party-disclosure', 'hit-undeclared-purpose'],
  },
  {
    name: 'canary absent from a third-party request',
    canaries: [{ kind: 'email', value: 'alice@example.com' }],
    observations: [request({ url: 'https://www.facebook.com/tr?id=1&ev=PageView' })],
    // The pixel is still an advertising hit; what the canary check finds is that no email went with it.
    expect: ['hit-undeclared-purpose'],
  },

  // --- §7 lines 92-95: hits judged by their own purpose --------------------------------------------------
  {
    name: 'Meta pixel PageView with no cookie at all (third-party cookies blocked)',
    observations: [
      beacon({ url: 'https://www.facebook.com/tr?id=1&ev=PageView&dl=https%3A%2F%2Fwww.jeejio.com%2F' }),
    ],
    expect: ['hit-undeclared-purpose'],
  },
  {
    name: 'DoubleClick activity pixel',
    observations: [
      request({
        url: 'https://ad.doubleclick.net/activity;src=123;type=sales;cat=buy;ord=1',
        resourceType: 'image',
      }),
    ],
    expect: ['hit-undeclared-purpose'],
  },
  {
    name: 'Meta pixel script and its hits on two pages are one finding',
    observations: [
      request({ url: 'https://connect.facebook.net/en_US/fbevents.js', resourceType: 'script' }),
      beacon({ url: 'https://www.facebook.com/tr?id=1&ev=PageView', pageUrl: 'https://www.jeejio.com/' }),
      beacon({ url: 'https://www.facebook.com/tr?id=1&ev=ViewContent', pageUrl: 'https://open.jeejio.com/' }),
    ],
    expect: ['hit-undeclared-purpose'],
  },
  {
    name: 'Microsoft Clarity session recording upload',
    observations: [request({ url: 'https://k.clarity.ms/collect', method: 'POST', requestBody: '{"e":[]}' })],
    expect: ['hit-undeclared-purpose'],
  },
  {
    name: 'anonymous Baidu Tongji statistics hit stays within the declared purposes',
    observations: [beacon({ url: 'https://hm.baidu.com/hm.gif?si=0123&u=https%3A%2F%2Fwww.jeejio.com%2F' })],
    expect: [],
  },
  {
    name: 'anonymous third-party Google Analytics page view stays within the declared purposes',
    observations: [
      beacon({ url: 'https://region1.google-analytics.com/g/collect?v=2&tid=G-X&cid=1.2&en=page_view' }),
    ],
    expect: [],
  },
  {
    name: 'Alipay checkout request (a payment recipient the policy allows)',
    observations: [request({ url: 'https://openapi.alipay.com/gateway.do?method=alipay.trade.page.pay' })],
    expect: [],
  },

  // --- §3 line 57: identifiable statistics ------------------------------------------------------------------
  {
    name: 'Baidu Tongji request with the phone number',
    observations: [request({ url: `https://hm.baidu.com/hm.gif?si=0123&ep=${PHONE}` })],
    expect: ['statistics-identifiable', 'third-party-disclosure'],
  },
  {
    name: 'Google Analytics hit with a user id',
    observations: [request({ url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-X&uid=10086' })],
    expect: ['statistics-identifiable', 'third-party-disclosure'],
  },
  {
    name: 'Google Analytics hit with only a page view',
    observations: [
      request({
        url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-X&dl=https%3A%2F%2Fwww.jeejio.com%2F&dr=&sr=1920x1080',
      }),
    ],
    expect: [],
  },
  {
    name: 'first-party statistics endpoint with a user id stays first-party',
    observations: [request({ url: 'https://stat.jeejio.com/collect?uid=10086' })],
    expect: [],
  },

  // --- §7 line 95: web beacons ------------------------------------------------------------------------------
  {
    name: 'beacon carrying form contents',
    observations: [
      beacon({
        url: 'https://www.jeejio.com/log',
        method: 'POST',
        requestBody: 'event=submit&realname=Zhang%20San&page=%2Fsignup',
      }),
    ],
    expect: ['beacon-over-collection'],
  },
  {
    name: 'first-party beacon with the phone number',
    observations: [beacon({ url: `https://www.jeejio.com/b.gif?phone=${PHONE}` })],
    expect: ['beacon-over-collection'],
  },
  {
    name: 'third-party beacon with an account id',
    observations: [beacon({ url: 'https://collect.tracker.example/b?user_id=42&p=%2F' })],
    expect: ['beacon-over-collection', 'third-party-disclosure'],
  },
  {
    name: 'beacon with screen size and language only',
    observations: [beacon({ url: 'https://www.jeejio.com/b.gif?sr=1920x1080&lang=zh-CN&dpr=2&tz=-480' })],
    expect: [],
  },
  {
    name: 'beacon with an empty user id',
    observations: [beacon({ url: 'https://www.jeejio.com/b.gif?uid=&p=%2F' })],
    expect: [],
  },

  // --- §7 line 96: deleted identifiers restored ----------------------------------------------------------
  {
    name: 'identifier cookie restored after deletion',
    observations: [
      cookie({ name: 'tracker_id', value: 'aaaaaaaaaaaa1111', observedAt: 1, action: 'set' }),
      cookie({ name: 'tracker_id', action: 'removed', value: 'aaaaaaaaaaaa1111', observedAt: 2 }),
      cookie({ name: 'tracker_id', action: 'set', value: 'aaaaaaaaaaaa1111', observedAt: 3 }),
    ],
    expect: ['identifier-respawned'],
  },
  {
    name: 'identifier restored from local storage',
    observations: [
      storage({ key: 'tid_backup', value: 'u_7f3a9c2e5b1d4f60' }),
      cookie({ name: 'tid', value: 'u_7f3a9c2e5b1d4f60', observedAt: 10, action: 'set' }),
      cookie({ name: 'tid', action: 'removed', value: 'u_7f3a9c2e5b1d4f60', observedAt: 20 }),
      cookie({ name: 'tid', action: 'set', value: 'u_7f3a9c2e5b1d4f60', observedAt: 30 }),
    ],
    expect: ['identifier-respawned'],
  },
  {
    name: 'a script deletes its own cookie and writes it again (the site’s bookkeeping, not a respawn)',
    observations: [
      cookie({ name: 'sdk_state', value: 'u_7f3a9c2e5b1d4f60', observedAt: 1_000, action: 'set' }),
      cookie({
        name: 'sdk_state',
        value: '',
        expires: 0,
        session: false,
        observedAt: 1_400,
        action: 'script-write',
        provenance: 'page-hook',
      }),
      cookie({ name: 'sdk_state', action: 'removed', value: 'u_7f3a9c2e5b1d4f60', observedAt: 1_050 }),
      cookie({ name: 'sdk_state', action: 'set', value: 'u_7f3a9c2e5b1d4f60', observedAt: 1_100 }),
    ],
    expect: [],
  },
  {
    name: 'cookie removed and never set again',
    observations: [
      cookie({ name: 'tid', value: 'u_7f3a9c2e5b1d4f60', observedAt: 10, action: 'set' }),
      cookie({ name: 'tid', action: 'removed', value: 'u_7f3a9c2e5b1d4f60', observedAt: 20 }),
    ],
    expect: [],
  },

  // --- Retention (advisory) ------------------------------------------------------------------------------------
  {
    name: 'statistics cookie kept two years',
    observations: [
      cookie({
        name: '_ga',
        domain: '.jeejio.com',
        value: GA_ID,
        httpOnly: false,
        expires: NOW_S + 730 * DAY,
        session: false,
        observedAt: NOW_S * 1000,
      }),
    ],
    expect: ['retention-too-long'],
  },
  {
    name: 'login cookie kept five years',
    observations: [
      cookie({
        name: 'remember_me',
        value: 'r_0123456789abcdef',
        expires: NOW_S + 5 * 365 * DAY,
        session: false,
        observedAt: NOW_S * 1000,
      }),
    ],
    expect: ['retention-too-long'],
  },
  {
    name: 'statistics cookie kept a year',
    observations: [
      cookie({
        name: '_ga',
        domain: '.jeejio.com',
        value: GA_ID,
        httpOnly: false,
        expires: NOW_S + 365 * DAY,
        session: false,
        observedAt: NOW_S * 1000,
      }),
    ],
    expect: [],
  },
  { name: 'session cookie has no retention', observations: [cookie({ name: 'SESSIONID' })], expect: [] },
  {
    name: 'advertising cookie kept long is judged by purpose, not retention',
    observations: [
      cookie({
        name: '_fbp',
        domain: '.jeejio.com',
        httpOnly: false,
        expires: NOW_S + 900 * DAY,
        session: false,
        observedAt: NOW_S * 1000,
      }),
    ],
    expect: ['cookie-undeclared-purpose'],
  },

  // --- Fingerprinting (§7 lines 92-93: device identifiers are a technology like cookies) ------------------
  {
    name: 'third-party script reads back a canvas after drawing text',
    observations: [fingerprint()],
    expect: ['fingerprinting'],
  },
  {
    name: 'inline script asks WebGL for the graphics card',
    observations: [
      fingerprint({ technique: 'webgl', detail: 'asked WebGL for the graphics card', scriptUrl: undefined }),
    ],
    expect: ['fingerprinting'],
  },
  {
    name: 'the same canvas readback on two pages is one violation',
    observations: [
      fingerprint(),
      fingerprint({ pageUrl: 'https://www.jeejio.com/clean', visitId: 'visit-2' }),
    ],
    expect: ['fingerprinting'],
  },
  {
    name: 'a page that draws a chart and reads no fingerprint',
    observations: [storage({ key: 'chartTheme', value: 'dark' })],
    expect: [],
  },
  // --- Page-hook claims count like browser observations, confirmed or not ---------------------------------
  {
    name: 'advertising cookie written by a script (page hook) and confirmed by the cookies API',
    observations: [
      cookie({
        name: '_fbp',
        domain: '.jeejio.com',
        value: 'fb.1.1700000000000.123456789',
        httpOnly: false,
        action: 'script-write',
        provenance: 'page-hook',
        scriptUrl: 'https://connect.facebook.net/en_US/fbevents.js',
      }),
      cookie({
        name: '_fbp',
        domain: '.jeejio.com',
        value: 'fb.1.1700000000000.123456789',
        httpOnly: false,
        action: 'set',
      }),
    ],
    expect: ['cookie-undeclared-purpose'],
  },
  {
    name: 'language preference written by a first-party script (page hook)',
    observations: [
      cookie({
        name: 'lang',
        value: 'zh-CN',
        httpOnly: false,
        action: 'script-write',
        provenance: 'page-hook',
        scriptUrl: 'https://www.jeejio.com/static/app.js',
      }),
    ],
    expect: [],
  },
  ...VENDOR_GOLDEN_CASES,
  // Analytics SDK payloads, decoded by vendor tables (#14 item 3).
  ...PAYLOAD_GOLDEN_CASES,
];
