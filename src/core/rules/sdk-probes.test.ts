import { describe, expect, it } from 'vitest';
import {
  cookieObservation as cookie,
  storageObservation as storage,
} from '../../../tests/support/observations';
import { evaluatePolicy } from '../engine/evaluate-policy';
import type { EvidenceObservation, Observation } from '../observations/observation';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { type ClassifiedCookie, type ClassifiedStorage, classifyObservation } from './classified-observation';
import { RuleContext } from './rule-context';
import { findSdkProbes, PROBE_WINDOW_MS } from './sdk-probes';

const T = 1_700_000_000_000;
const PAST = 1_000_000_000;

function probesIn(observations: EvidenceObservation[]) {
  const classified = observations.map((o) => classifyObservation(o));
  return findSdkProbes(
    classified.filter((c): c is ClassifiedCookie => c.observation.kind === 'cookie'),
    classified.filter((c): c is ClassifiedStorage => c.observation.kind === 'storage'),
  );
}

describe('findSdkProbes: written and removed at once', () => {
  it('finds a cookie the browser reports set and removed within milliseconds', () => {
    const { probes, probeIds } = probesIn([
      cookie({ id: 'set', name: 'AMP_TEST', action: 'set', value: '1700000000000', observedAt: T }),
      cookie({ id: 'gone', name: 'AMP_TEST', action: 'removed', value: '1700000000000', observedAt: T + 3 }),
    ]);
    expect(probes).toEqual([
      { kind: 'cookie', name: 'AMP_TEST', vendor: 'Amplitude', observationIds: ['set', 'gone'] },
    ]);
    expect([...probeIds]).toEqual(['set', 'gone']);
  });

  it('counts a script expiring the cookie (max-age=0) as its removal', () => {
    const { probes } = probesIn([
      cookie({ id: 'w', name: 'x_check', action: 'script-write', provenance: 'page-hook', observedAt: T }),
      cookie({
        id: 'd',
        name: 'x_check',
        action: 'script-write',
        provenance: 'page-hook',
        expires: PAST,
        observedAt: T + 400,
      }),
    ]);
    expect(probes.map((p) => p.name)).toEqual(['x_check']);
  });

  it('finds a storage key set and removed by a page script, with the vendor its classification names', () => {
    const { probes } = probesIn([
      storage({ id: 's1', key: 'AEGIS_ID', action: 'set', value: 'abc', observedAt: T }),
      storage({ id: 's2', key: 'AEGIS_ID', action: 'removed', value: '', observedAt: T + 1 }),
    ]);
    expect(probes).toEqual([
      { kind: 'storage', name: 'AEGIS_ID', vendor: 'Tencent Aegis', observationIds: ['s1', 's2'] },
    ]);
  });

  it('lets the time decide when the removal is listed before its write in the same millisecond', () => {
    const { probes } = probesIn([
      cookie({ id: 'r', name: 'probe', action: 'removed', observedAt: T }),
      cookie({ id: 'w', name: 'probe', action: 'set', observedAt: T }),
    ]);
    expect(probes).toHaveLength(1);
  });

  it('groups one test tried on several parent domains into one probe', () => {
    const tried = ['.www.jeejio.com', '.jeejio.com'].flatMap((domain, i) => [
      cookie({ name: 'gioCookie', value: 'yes', domain, action: 'set', observedAt: T + i * 10 }),
      cookie({ name: 'gioCookie', value: 'yes', domain, action: 'removed', observedAt: T + i * 10 + 1 }),
    ]);
    const { probes } = probesIn(tried);
    expect(probes).toHaveLength(1);
    expect(probes[0]).toMatchObject({ kind: 'cookie', name: 'gioCookie', vendor: 'GrowingIO' });
    expect(probes[0]?.observationIds).toHaveLength(4);
  });
});

describe('findSdkProbes: known probe names', () => {
  it('takes a known test name with its test value for a probe even when its removal was not seen', () => {
    const { probes } = probesIn([
      cookie({ id: 'sa', name: 'sajssdk_2015_cookie_access_test', value: '1', action: 'set', observedAt: T }),
      storage({
        id: 'ss',
        area: 'sessionStorage',
        key: '__session_storage_support__',
        value: 'testIsSupportStorage',
      }),
    ]);
    expect(probes).toEqual([
      {
        kind: 'cookie',
        name: 'sajssdk_2015_cookie_access_test',
        vendor: 'Sensors Data',
        observationIds: ['sa'],
      },
      {
        kind: 'storage',
        name: '__session_storage_support__',
        vendor: 'Sensors Data',
        observationIds: ['ss'],
      },
    ]);
  });

  it('does not take a known test name holding another value for a probe', () => {
    expect(
      probesIn([cookie({ name: 'gioCookie', value: 'u-8c1f2a', action: 'set', observedAt: T })]).probes,
    ).toEqual([]);
  });
});

describe('findSdkProbes: not probes', () => {
  it(`a cookie removed more than ${PROBE_WINDOW_MS} ms after it was written`, () => {
    const late = probesIn([
      cookie({ name: 'slow', action: 'set', observedAt: T }),
      cookie({ name: 'slow', action: 'removed', observedAt: T + PROBE_WINDOW_MS + 1 }),
    ]);
    expect(late.probes).toEqual([]);
  });

  it('a long-lived login cookie removed at logout', () => {
    const { probes, probeIds } = probesIn([
      cookie({ name: 'user_token', action: 'set', expires: 1_800_000_000, session: false, observedAt: T }),
      cookie({ name: 'user_token', action: 'removed', observedAt: T + 10 * 60_000 }),
    ]);
    expect(probes).toEqual([]);
    expect(probeIds.size).toBe(0);
  });

  it('a cookie the jar already held, even when removed at once', () => {
    const held = probesIn([
      cookie({ name: 'seen_before', action: 'present', observedAt: T }),
      cookie({ name: 'seen_before', action: 'removed', observedAt: T + 5 }),
    ]);
    expect(held.probes).toEqual([]);
  });

  it('a test written and removed, then written again and kept', () => {
    const kept = probesIn([
      cookie({ name: 'flag', action: 'set', observedAt: T }),
      cookie({ name: 'flag', action: 'removed', observedAt: T + 1 }),
      cookie({ name: 'flag', action: 'set', observedAt: T + 2 }),
    ]);
    expect(kept.probes).toEqual([]);
  });

  it('a removal alone, or the same name removed on another domain', () => {
    expect(probesIn([cookie({ name: 'IDE', domain: '.doubleclick.net', action: 'removed' })]).probes).toEqual(
      [],
    );
    const elsewhere = probesIn([
      cookie({ name: 'k', domain: 'www.jeejio.com', action: 'set', observedAt: T }),
      cookie({ name: 'k', domain: 'open.jeejio.com', action: 'removed', observedAt: T + 1 }),
    ]);
    expect(elsewhere.probes).toEqual([]);
  });
});

describe('probes in the evaluation', () => {
  const tiktokTest = [
    cookie({
      id: 'tt1',
      name: '_tt_enable_cookie',
      value: '1',
      domain: '.jeejio.com',
      action: 'set',
      observedAt: T,
    }),
    cookie({
      id: 'tt2',
      name: '_tt_enable_cookie',
      value: '1',
      domain: '.jeejio.com',
      action: 'removed',
      observedAt: T + 2,
    }),
  ];

  it('leaves probes out of what the rules read, and lists them', () => {
    const classified = tiktokTest.map((o) => classifyObservation(o));
    const context = new RuleContext(policy, classified);
    expect(context.cookies).toEqual([]);
    expect(context.probes).toEqual([
      {
        kind: 'cookie',
        name: '_tt_enable_cookie',
        vendor: 'TikTok (ByteDance)',
        observationIds: ['tt1', 'tt2'],
      },
    ]);
  });

  it('raises no violation for an advertising SDK’s probe, which kept it would', () => {
    const probed = evaluatePolicy(tiktokTest, policy);
    expect(probed.violations).toEqual([]);
    expect(probed.probes.map((p) => p.name)).toEqual(['_tt_enable_cookie']);

    const kept = evaluatePolicy([tiktokTest[0] as Observation], policy);
    expect(kept.violations.map((v) => v.rule)).toEqual(['cookie-undeclared-purpose']);
    expect(kept.probes).toEqual([]);
  });
});

describe('findSdkProbes: what lives on is no probe, however soon it goes', () => {
  // As the real Mixpanel SDK does on the demo site: a first try on the host, removed, then the
  // cookie on the parent domain, rewritten as the visitor is identified, gone only at the next
  // page's own dance. Between the rewrites it held the visitor's id: tracking, not a test.
  it('leaves a cookie that is rewritten, not removed, after a write', () => {
    const name = 'mp_token_mixpanel';
    const { probes } = probesIn([
      cookie({ id: 'host', name, domain: 'www.jeejio.com', action: 'set', value: '%7B%7D', observedAt: T }),
      cookie({
        id: 'host-gone',
        name,
        domain: 'www.jeejio.com',
        action: 'removed',
        value: '%7B%7D',
        observedAt: T + 1,
      }),
      cookie({
        id: 'a',
        name,
        domain: '.jeejio.com',
        action: 'set',
        value: '%7B%22distinct_id%22%3A%22d1%22%7D',
        observedAt: T + 5,
      }),
      cookie({
        id: 'b',
        name,
        domain: '.jeejio.com',
        action: 'set',
        value: '%7B%22distinct_id%22%3A%22u42%22%7D',
        observedAt: T + 30,
      }),
      cookie({
        id: 'c',
        name,
        domain: '.jeejio.com',
        action: 'removed',
        value: '%7B%22distinct_id%22%3A%22u42%22%7D',
        observedAt: T + 900,
      }),
    ]);
    // The host-only try is a probe; the parent domain's cookie is not.
    expect(probes.flatMap((p) => p.observationIds).sort()).toEqual(['host', 'host-gone']);
  });

  it('leaves an SDK queue of events stored until sent, however soon it is removed', () => {
    const queue = JSON.stringify([
      { event: 'Viewed shop', properties: { distinct_id: 'user-42', $phone: '13812345678' } },
    ]);
    const { probes } = probesIn([
      storage({ id: 'q', key: '__mpq_token_ev', action: 'set', value: queue, observedAt: T }),
      storage({ id: 'q-gone', key: '__mpq_token_ev', action: 'removed', value: queue, observedAt: T + 300 }),
    ]);
    expect(probes).toEqual([]);
  });

  it('counts one write reported by the browser and by a page hook as one', () => {
    const { probes } = probesIn([
      cookie({ id: 'api', name: 'x_check', action: 'set', value: '1', observedAt: T }),
      cookie({
        id: 'hook',
        name: 'x_check',
        action: 'script-write',
        provenance: 'page-hook',
        value: '1',
        observedAt: T + 2,
      }),
      cookie({ id: 'gone', name: 'x_check', action: 'removed', value: '1', observedAt: T + 3 }),
    ]);
    expect(probes.map((p) => p.name)).toEqual(['x_check']);
  });
});
