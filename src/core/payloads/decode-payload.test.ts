import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { type DecodedPayload, decodePayload, identityParameters } from './decode-payload';
import { VENDOR_TABLES } from './vendors';

const base64 = (value: unknown) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))));
const hash = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));
const EMAIL_HASH = hash('alice@example.com');

/** "path meaning value" of each field: what a report lists. */
const fieldsOf = (payload: DecodedPayload | null) =>
  payload?.fields.map((f) => `${f.path} ${f.meaning} ${f.value}`) ?? [];
const identities = (payload: DecodedPayload | null) =>
  payload ? identityParameters(payload).map((f) => `${f.path} ${f.meaning} ${f.value}`) : [];

describe('vendor tables', () => {
  it('each cite a public source and say how their requests are recognised', () => {
    for (const table of VENDOR_TABLES) {
      expect(table.sources.length, table.vendor).toBeGreaterThan(0);
      for (const source of table.sources) expect(source, table.vendor).toMatch(/^https:\/\//);
      expect((table.endpoints?.length ?? 0) + (table.signatures?.length ?? 0), table.vendor).toBeGreaterThan(
        0,
      );
    }
  });
});

describe('decodePayload, by vendor', () => {
  it('Google Analytics 4: the user id set after login, the client id apart, events from the body lines', () => {
    const payload = decodePayload(
      'https://region1.google-analytics.com/g/collect?v=2&tid=G-ABCDE12345&cid=987654321.1700000000&uid=user-42&dl=https%3A%2F%2Fwww.jeejio.com%2Faccount%3Ftab%3D1',
      'en=page_view&_et=12\nen=login&ep.method=sms',
    );
    expect(payload?.vendor).toBe('Google Analytics 4');
    expect(identities(payload)).toEqual(['uid account-id u*****2']);
    expect(fieldsOf(payload)).toContain('cid device-id 987**************000');
    expect(fieldsOf(payload)).toContain('dl page-url https://www.jeejio.com/account');
    expect(fieldsOf(payload)).toContain('body[1].en event login');
  });

  it('Google Analytics 4 served from the site itself (server-side tagging) is known by its signature', () => {
    const payload = decodePayload('https://sgtm.jeejio.com/g/collect?v=2&tid=G-ABCDE12345&cid=1.2&uid=10086');
    expect(payload?.recognisedBy).toBe('signature');
    expect(identities(payload)).toEqual(['uid account-id 1***6']);
  });

  it('an anonymous GA4 hit names no one', () => {
    const payload = decodePayload('https://www.google-analytics.com/g/collect?v=2&tid=G-X1&cid=1.2&uid=');
    expect(payload?.vendor).toBe('Google Analytics 4');
    expect(identities(payload)).toEqual([]);
  });

  it('Universal Analytics: uid and an overridden IP address', () => {
    const payload = decodePayload(
      'https://www.google-analytics.com/collect?v=1&_v=j101&tid=UA-1234-1&cid=1.2&uid=member-9&uip=203.0.113.7&t=pageview',
    );
    expect(payload?.vendor).toBe('Google Universal Analytics');
    expect(identities(payload)).toEqual(['uid account-id me****-9']);
    expect(fieldsOf(payload)).toContain('uip ip-address 203.0.*.*');
  });

  it('Meta Pixel advanced matching: hashed email and phone, a clear email called what it is', () => {
    const payload = decodePayload(
      `https://www.facebook.com/tr/?id=1234567890123&ev=PageView&ud[em]=${EMAIL_HASH}&ud[ph]=${hash('8613812345678')}&udff[em]=Alice%40Example.com&fbp=fb.1.1700000000000.1`,
    );
    expect(payload?.vendor).toBe('Meta Pixel');
    expect(payload?.purpose).toBe('advertising');
    expect(identities(payload)).toEqual([
      `ud[em] email-hash ${EMAIL_HASH.slice(0, 8)}…`,
      `ud[ph] phone-hash ${hash('8613812345678').slice(0, 8)}…`,
      'udff[em] email a****@example.com',
    ]);
  });

  it('Mixpanel: the id from identify() inside base64 data, the anonymous $device: id ignored', () => {
    const event = (distinct: string) => ({
      event: '$mp_web_page_view',
      properties: { token: 'tok', mp_lib: 'web', distinct_id: distinct, $device_id: '18c9f0e1a2b' },
    });
    const body = (d: string) => `data=${encodeURIComponent(base64([event(d)]))}`;
    const identified = decodePayload('https://api-js.mixpanel.com/track/?ip=1', body('user-42'));
    expect(identities(identified)).toEqual(['data(base64)[0].properties.distinct_id account-id u*****2']);
    const anonymous = decodePayload('https://api-js.mixpanel.com/track/?ip=1', body('$device:18c9f0e1a2b'));
    expect(identities(anonymous)).toEqual([]);
  });

  it('Mixpanel profile update: email and phone under $set', () => {
    const body = `data=${encodeURIComponent(JSON.stringify([{ $token: 't', $distinct_id: 'user-42', $set: { $email: 'alice@example.com', $phone: '13812345678' } }]))}`;
    expect(identities(decodePayload('https://api-js.mixpanel.com/engage/', body))).toEqual([
      'data(json)[0].$distinct_id account-id u*****2',
      'data(json)[0].$set.$email email a****@example.com',
      'data(json)[0].$set.$phone phone 13*******78',
    ]);
  });

  it('Amplitude: user_id in the HTTP V2 body and in the old form field e', () => {
    const events = [
      { user_id: 'user-42', device_id: 'dev-1', event_type: 'login', library: 'amplitude-ts/2.0.0' },
    ];
    expect(
      identities(
        decodePayload('https://api2.amplitude.com/2/httpapi', JSON.stringify({ api_key: 'k', events })),
      ),
    ).toEqual(['events[0].user_id account-id u*****2']);
    expect(
      identities(
        decodePayload(
          'https://api.amplitude.com/',
          `client=k&e=${encodeURIComponent(JSON.stringify(events))}`,
        ),
      ),
    ).toEqual(['e(json)[0].user_id account-id u*****2']);
  });

  it('Segment: identify traits in a batch, on a first-party proxy too', () => {
    const batch = {
      batch: [
        {
          type: 'identify',
          userId: 'user-42',
          anonymousId: 'anon-7',
          messageId: 'm1',
          traits: { email: 'alice@example.com', name: 'Alice Zhang' },
          context: { library: { name: 'analytics.js', version: '2' } },
        },
      ],
    };
    const payload = decodePayload('https://seg.jeejio-cdn.example/v1/batch', JSON.stringify(batch));
    expect(payload?.vendor).toBe('Segment');
    expect(identities(payload)).toEqual([
      'batch[0].userId account-id u*****2',
      'batch[0].traits.email email a****@example.com',
      'batch[0].traits.name name A********',
    ]);
  });

  it('PostHog: identify names the user, an anonymous event whose distinct_id is the device id does not', () => {
    const props = { token: 'phc_x', $lib: 'web', $device_id: 'dev-1' };
    const identify = {
      event: '$identify',
      distinct_id: 'user-42',
      properties: { ...props, $anon_distinct_id: 'dev-1' },
    };
    const anonymous = { event: '$pageview', properties: { ...props, distinct_id: 'dev-1' } };
    expect(identities(decodePayload('https://us.i.posthog.com/e/', JSON.stringify(identify)))).toEqual([
      'distinct_id account-id u*****2',
    ]);
    expect(identities(decodePayload('https://us.i.posthog.com/e/', JSON.stringify(anonymous)))).toEqual([]);
  });

  it("Sensors Data on the site's own sa. host: login_id after login, nothing before it", () => {
    const event = (login: boolean) => ({
      distinct_id: login ? 'u1001' : '18c-anon',
      ...(login && { login_id: 'u1001' }),
      anonymous_id: '18c-anon',
      lib: { $lib: 'js', $lib_version: '1.27.11' },
      type: 'track',
      event: '$pageview',
      properties: { $url: 'https://www.jeejio.com/' },
    });
    const url = (login: boolean) =>
      `https://sa.jeejio.com/sa?project=default&data=${encodeURIComponent(base64(event(login)))}&ext=crc%3D1`;
    const payload = decodePayload(url(true));
    expect(payload).toMatchObject({ vendor: 'Sensors Data', recognisedBy: 'signature' });
    expect(identities(payload)).toEqual([
      'data(base64).login_id account-id u***1',
      'data(base64).distinct_id account-id u***1',
    ]);
    expect(identities(decodePayload(url(false)))).toEqual([]);
  });

  it('GrowingIO: userId in the event array, and the old gio.js cs1', () => {
    const events = [
      { deviceId: 'd-1', userId: 'user-42', eventType: 'PAGE', globalSequenceId: 3, path: '/x' },
    ];
    expect(
      identities(decodePayload('https://napi.growingio.com/v3/projects/p1/collect', JSON.stringify(events))),
    ).toEqual(['[0].userId account-id u*****2']);
    const old = [{ u: 'd-1', s: 's-1', t: 'page', tm: 1700000000000, cs1: 'member-9', p: '/x' }];
    expect(identities(decodePayload('https://collect.jeejio.com/v3/x/s', JSON.stringify(old)))).toEqual([
      '[0].cs1 account-id me****-9',
    ]);
  });

  it('Baidu Tongji: the page and referrer, no identity of its own', () => {
    const payload = decodePayload(
      'https://hm.baidu.com/hm.gif?si=0123456789abcdef0123456789abcdef&u=https%3A%2F%2Fwww.jeejio.com%2F&su=https%3A%2F%2Fwww.baidu.com%2F&rnd=1&lt=1700000000',
    );
    expect(payload?.vendor).toBe('Baidu Tongji');
    expect(identities(payload)).toEqual([]);
    expect(fieldsOf(payload)).toContain('su referrer https://www.baidu.com/');
  });

  it('Tencent Aegis: the uin a site configures, also through its own hostUrl', () => {
    const query =
      'id=Yrm6vSbWqbOJqn82xn&uin=user-42&version=1.41.14&aid=a-1&sessionId=session-1&from=https%3A%2F%2Fwww.jeejio.com%2F';
    expect(identities(decodePayload(`https://rumt-zh.com/collect/pv?${query}`))).toEqual([
      'uin account-id u*****2',
    ]);
    expect(decodePayload(`https://rum.jeejio.com/collect/pv?${query}`)?.vendor).toBe(
      'Tencent Cloud RUM (Aegis)',
    );
  });

  it('TikTok Pixel: identify() sends the hashed email and external id', () => {
    const body = {
      event: 'Pageview',
      context: {
        pixel: { code: 'C1234567890' },
        library: { name: 'pixel.js', version: '2' },
        user: { email: EMAIL_HASH, external_id: hash('user-42'), phone_number: '' },
        page: { url: 'https://www.jeejio.com/', referrer: '' },
      },
    };
    const payload = decodePayload('https://analytics.tiktok.com/api/v2/pixel', JSON.stringify(body));
    expect(payload).toMatchObject({ vendor: 'TikTok Pixel', purpose: 'advertising' });
    expect(identities(payload)).toEqual([
      `context.user.external_id account-id ${hash('user-42').slice(0, 3)}****************${hash('user-42').slice(-3)}`,
      `context.user.email email-hash ${EMAIL_HASH.slice(0, 8)}…`,
    ]);
  });

  it('an unknown endpoint without any vendor signature is no vendor payload', () => {
    expect(decodePayload('https://collect.tracker.example/c?uid=10086')).toBeNull();
    expect(decodePayload('https://www.jeejio.com/api/orders', '{"userId":"42"}')).toBeNull();
  });
});
