import type { GoldenCase } from './golden-cases';
import {
  beaconObservation as beacon,
  cookieObservation as cookie,
  requestObservation as request,
  storageObservation as storage,
} from './observations';

/*
 * Golden cases for the Chinese vendor pack and SDK probes: vendors' cookies,
 * storage and hits, collectors the site hosts itself, and probes that must not
 * count as tracking next to look-alikes that must.
 */

const T = 1_700_000_000_000;
const PHONE = '13812345678';
const GIO_PROJECT = '91eaf9b283361032';
/** A 51.la visitor id, as its v6 script writes it. */
const LA51_VISITOR = 'c1bc85b3-c9c6-59c9-a555-8b23626d612d';
const LONG_AGO = 1_000_000_000;

/** A cookie an SDK writes and removes within a few milliseconds, as the cookies API reports it. */
function probedCookie(name: string, value: string, domain: string, at: number) {
  return [
    cookie({ name, value, domain, httpOnly: false, secure: false, action: 'set', observedAt: at }),
    cookie({ name, value, domain, httpOnly: false, secure: false, action: 'removed', observedAt: at + 4 }),
  ];
}

export const VENDOR_GOLDEN_CASES: GoldenCase[] = [
  // --- Chinese analytics cookies and storage: statistics, which the policy declares -----------------------
  {
    name: 'Sensors Data cross-subdomain id on the site',
    observations: [
      cookie({
        name: 'sensorsdata2015jssdkcross',
        domain: '.jeejio.com',
        value: '%7B%22distinct_id%22%3A%2218b8f3c2a1e4d-0a1b2c3d%22%7D',
        httpOnly: false,
      }),
    ],
    expect: [],
  },
  {
    name: 'GrowingIO web SDK session cookie, per project',
    observations: [
      cookie({
        name: `${GIO_PROJECT}_gdp_session_id`,
        domain: '.jeejio.com',
        value: 'a1b2c3d4',
        httpOnly: false,
      }),
    ],
    expect: [],
  },
  {
    name: 'Zhuge.io _zg visitor cookie',
    observations: [
      cookie({
        name: '_zg',
        domain: '.jeejio.com',
        value: '%7B%22uuid%22%3A%20%22174ec8efe52155-048ac06c%22%2C%22sid%22%3A%201700000000%7D',
        httpOnly: false,
      }),
    ],
    expect: [],
  },
  {
    name: '51.la visitor id cookie',
    observations: [cookie({ name: '__51vcke__JkIGvjjs25ETn0wz', value: LA51_VISITOR, httpOnly: false })],
    expect: [],
  },
  {
    name: 'Tencent Aegis device id in local storage',
    observations: [storage({ key: 'AEGIS_ID', value: '6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9' })],
    expect: [],
  },

  // --- Chinese vendors' cookies on their own domains, and advertising ones --------------------------------
  {
    name: 'Tencent pgv_pvid set on qq.com',
    observations: [
      cookie({
        name: 'pgv_pvid',
        domain: '.qq.com',
        value: '8362542080',
        action: 'set-attempt',
        provenance: 'webRequest',
        url: 'https://pingjs.qq.com/h5/stats.js',
      }),
    ],
    expect: ['cookie-third-party-recipient'],
  },
  {
    name: 'Alibaba cna set on mmstat.com',
    observations: [
      cookie({
        name: 'cna',
        domain: '.mmstat.com',
        value: 'YuVcDKp/IhQCAXL/FAmu3PJk',
        action: 'set-attempt',
        provenance: 'webRequest',
        url: 'https://log.mmstat.com/eg.js',
      }),
    ],
    expect: ['cookie-third-party-recipient'],
  },
  {
    name: 'Baidu Union CPROID on baidu.com',
    observations: [
      cookie({
        name: 'CPROID',
        domain: '.baidu.com',
        value: 'F2B5A1C3D4E5F60718293A4B5C6D7E8F:FG=1',
        action: 'set-attempt',
        provenance: 'webRequest',
        url: 'https://pos.baidu.com/s?di=u123',
      }),
    ],
    expect: ['cookie-undeclared-purpose', 'cookie-third-party-recipient'],
  },
  {
    name: 'ByteDance tt_webid as a first-party cookie',
    observations: [
      cookie({ name: 'tt_webid', domain: '.jeejio.com', value: '7300000000000000000', httpOnly: false }),
    ],
    expect: ['cookie-undeclared-purpose'],
  },
  {
    name: 'TikTok pixel session id in session storage',
    observations: [
      storage({ area: 'sessionStorage', key: 'tt_sessionId', value: 'a1b2c3d4e5f6::1700000000' }),
    ],
    expect: ['storage-undeclared-purpose'],
  },

  // --- Collectors the site hosts itself: first-party, with the SDK's purpose ------------------------------
  {
    name: 'Sensors Data collector on sa.jeejio.com with page data only',
    observations: [
      beacon({
        url: 'https://sa.jeejio.com/sa.gif?project=production&data=eyJ0eXBlIjoidHJhY2sifQ%3D%3D&ext=crc%3D1',
        resourceType: 'image',
        beaconSignals: ['detached-image'],
      }),
    ],
    expect: [],
  },
  {
    name: 'Sensors Data collector on sa.jeejio.com carrying the phone number',
    observations: [
      beacon({
        url: `https://sa.jeejio.com/sa?project=production&$identity_mobile=${PHONE}`,
        method: 'POST',
      }),
    ],
    expect: ['beacon-over-collection'],
  },
  {
    name: "GrowingIO collector on the site's own host",
    observations: [
      beacon({
        url: `https://gio.jeejio.com/v3/projects/${GIO_PROJECT}/collect?stm=1700000000000&compress=1`,
      }),
    ],
    expect: [],
  },
  {
    name: 'Zhuge.io collector hosted by the site',
    observations: [
      request({
        url: 'https://tongji.jeejio.com/web_event/web.gif?method=web_event_srv.upload&event=%7B%22sln%22%3A%22itn%22%7D',
        resourceType: 'image',
      }),
    ],
    expect: [],
  },

  {
    name: "51.la visitor id sent to the site's own log host (its collector, known by the SDK's cookie)",
    observations: [
      cookie({ name: '__51vcke__JkIGvjjs25ETn0wz', value: LA51_VISITOR, httpOnly: false }),
      beacon({ url: `https://log.jeejio.com/t/v?vc=${LA51_VISITOR}&p=%2Fproducts` }),
    ],
    expect: [],
  },

  // --- Third-party analytics hits ------------------------------------------------------------------------
  {
    name: 'Tencent Aegis report with page data only',
    observations: [
      beacon({
        url: 'https://aegis.qq.com/collect/pv?id=abcdEfgh&uin=&version=1.41.14&aid=6f1e2d3c&env=production',
      }),
    ],
    expect: [],
  },
  {
    name: "51.la beacon carrying the site's own visitor id cookie",
    observations: [
      cookie({ name: '__51vcke__JkIGvjjs25ETn0wz', value: LA51_VISITOR, httpOnly: false }),
      beacon({ url: `https://collect-v6.51.la/v6/collect?dt=4&id=JkIGvjjs25ETn0wz&vc=${LA51_VISITOR}` }),
    ],
    expect: ['third-party-disclosure', 'statistics-identifiable', 'beacon-over-collection'],
  },

  // --- Network hits to advertising vendors: each a hit of an undeclared purpose ---------------------------
  {
    name: 'Ocean Engine conversion request',
    observations: [request({ url: 'https://analytics.oceanengine.com/api/v2/conversion', method: 'POST' })],
    expect: ['hit-undeclared-purpose'],
  },
  {
    name: 'Baidu Union ad request',
    observations: [
      request({ url: 'https://pos.baidu.com/s?di=u123&dri=0&dis=0', resourceType: 'sub_frame' }),
    ],
    expect: ['hit-undeclared-purpose'],
  },
  {
    name: 'Tencent Ads (GDT) request',
    observations: [request({ url: 'https://mi.gdt.qq.com/gdt_mview.fcg?posid=123', resourceType: 'script' })],
    expect: ['hit-undeclared-purpose'],
  },
  {
    name: 'Kuaishou ad platform request',
    observations: [request({ url: 'https://e.kuaishou.com/rest/web/log', method: 'POST' })],
    expect: ['hit-undeclared-purpose'],
  },

  // --- SDK probes: written and removed at once, judged by no rule ----------------------------------------
  {
    name: 'TikTok cookie test written and removed at once (a probe)',
    observations: probedCookie('_tt_enable_cookie', '1', '.jeejio.com', T),
    expect: [],
  },
  {
    name: 'TikTok _tt_enable_cookie kept (not a probe)',
    observations: [cookie({ name: '_tt_enable_cookie', value: '1', domain: '.jeejio.com', httpOnly: false })],
    expect: ['cookie-undeclared-purpose'],
  },
  {
    name: "Sensors Data domain test in a third party's frame, removal unseen (known probe)",
    observations: [
      cookie({
        name: 'sensorsdata_domain_test',
        value: 'true',
        domain: '.sensorsdata.cn',
        action: 'set',
        frameUrl: 'https://static.sensorsdata.cn/sdk/iframe.html',
      }),
    ],
    expect: [],
  },
  {
    name: 'Sensors Data id cookie in the same third-party frame (not a probe)',
    observations: [
      cookie({
        name: 'sensorsdata2015jssdkcross',
        value: '%7B%22distinct_id%22%3A%2218b8f3c2a1e4d%22%7D',
        domain: '.sensorsdata.cn',
        action: 'set',
        frameUrl: 'https://static.sensorsdata.cn/sdk/iframe.html',
      }),
    ],
    expect: ['cookie-third-party-recipient'],
  },
  {
    name: 'login-like test cookie written and expired by a script at once (a probe)',
    observations: [
      cookie({
        name: 'token_test',
        value: '1',
        httpOnly: false,
        secure: false,
        action: 'script-write',
        provenance: 'page-hook',
        observedAt: T,
      }),
      cookie({
        name: 'token_test',
        value: '',
        httpOnly: false,
        secure: false,
        action: 'script-write',
        provenance: 'page-hook',
        expires: LONG_AGO,
        observedAt: T + 300,
      }),
    ],
    expect: [],
  },
  {
    name: 'login token removed at logout ten minutes later (not a probe)',
    observations: [
      cookie({
        name: 'user_token',
        value: 'f3a9c1d2e4b5',
        httpOnly: false,
        secure: false,
        action: 'set',
        observedAt: T,
      }),
      cookie({
        name: 'user_token',
        value: 'f3a9c1d2e4b5',
        httpOnly: false,
        secure: false,
        action: 'removed',
        observedAt: T + 10 * 60_000,
      }),
    ],
    expect: ['cookie-login-insecure'],
  },
  {
    name: "an ad SDK's storage test in session storage (a probe)",
    observations: [
      storage({
        area: 'sessionStorage',
        key: '_ttp',
        value: 'test',
        action: 'set',
        provenance: 'page-hook',
        observedAt: T,
      }),
      storage({
        area: 'sessionStorage',
        key: '_ttp',
        value: '',
        action: 'removed',
        provenance: 'page-hook',
        observedAt: T + 2,
      }),
    ],
    expect: [],
  },
  {
    name: 'Baidu ad cookie removed three seconds after it was set (not a probe)',
    observations: [
      cookie({
        name: 'BAIDUID',
        domain: '.jeejio.com',
        value: 'F2B5A1C3D4E5F607:FG=1',
        httpOnly: false,
        action: 'set',
        observedAt: T,
      }),
      cookie({
        name: 'BAIDUID',
        domain: '.jeejio.com',
        value: 'F2B5A1C3D4E5F607:FG=1',
        httpOnly: false,
        action: 'removed',
        observedAt: T + 3_000,
      }),
    ],
    expect: ['cookie-undeclared-purpose'],
  },
];
