import { describe, expect, it } from 'vitest';
import {
  beaconObservation,
  cookieObservation,
  fingerprintObservation,
  storageObservation,
} from '../../../tests/support/observations';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { buildReport } from '../report/build-report';
import { corroborate, isVerified } from './corroborate';
import { evaluatePolicy } from './evaluate-policy';

const SCRIPT = 'https://collect.tracker.example/sdk.js';
const BEACON_URL = 'https://collect.tracker.example/c?uid=42&phone=13812345678';

const claimedBeacon = (overrides = {}) =>
  beaconObservation({
    provenance: 'page-hook',
    url: BEACON_URL,
    resourceType: 'ping',
    beaconSignals: ['send-beacon'],
    scriptUrl: SCRIPT,
    ...overrides,
  });
const seenBeacon = (overrides = {}) =>
  beaconObservation({ provenance: 'webRequest', url: BEACON_URL, ...overrides });

describe('corroborate', () => {
  it('confirms a claimed beacon by the request the browser saw, and lends the request its script', () => {
    const claim = claimedBeacon();
    const seen = seenBeacon();
    const { confirmedBy, scriptOf } = corroborate([claim, seen]);
    expect(confirmedBy.get(claim.id)).toBe(seen.id);
    expect(scriptOf.get(seen.id)).toBe(SCRIPT);
  });

  it('leaves a claim alone when the browser saw nothing like it, or saw it on another visit', () => {
    const claim = claimedBeacon();
    expect(corroborate([claim]).confirmedBy.size).toBe(0);
    expect(corroborate([claim, seenBeacon({ visitId: 'visit-2' })]).confirmedBy.size).toBe(0);
    // A pixel in the markup proves nothing was sent: a <noscript> image never is.
    expect(corroborate([claim, seenBeacon({ provenance: 'dom' })]).confirmedBy.size).toBe(0);
    expect(corroborate([claim, seenBeacon({ url: `${BEACON_URL}&x=1` })]).confirmedBy.size).toBe(0);
  });

  it('confirms cookie writes by name and value, and storage writes by the extension’s own reading', () => {
    const write = cookieObservation({
      provenance: 'page-hook',
      action: 'script-write',
      name: 'uid',
      value: 'u1',
    });
    const jar = cookieObservation({ action: 'set', name: 'uid', value: 'u1' });
    const other = cookieObservation({ action: 'set', name: 'uid', value: 'u2' });
    expect(corroborate([write, other]).confirmedBy.size).toBe(0);
    expect(corroborate([write, other, jar]).confirmedBy.get(write.id)).toBe(jar.id);

    const set = storageObservation({ provenance: 'page-hook', action: 'set', key: 'k', value: 'v' });
    const read = storageObservation({ provenance: 'dom', action: 'present', key: 'k', value: 'v' });
    expect(corroborate([set, read]).confirmedBy.get(set.id)).toBe(read.id);
  });

  it('confirms a pixel found in the markup only by the request the browser saw, and lends it no script', () => {
    const pixel = beaconObservation({
      provenance: 'dom',
      url: BEACON_URL,
      beaconSignals: ['noscript-pixel'],
    });
    expect(corroborate([pixel]).confirmedBy.size).toBe(0);
    const seen = seenBeacon();
    const { confirmedBy, scriptOf } = corroborate([pixel, seen]);
    expect(confirmedBy.get(pixel.id)).toBe(seen.id);
    expect(scriptOf.size).toBe(0);
    const withFragment = beaconObservation({ provenance: 'dom', url: `${BEACON_URL}#top` });
    expect(corroborate([withFragment, seen]).confirmedBy.get(withFragment.id)).toBe(seen.id);
  });

  it('never confirms one claim by another claim', () => {
    const a = claimedBeacon();
    const b = claimedBeacon();
    expect(corroborate([a, b]).confirmedBy.size).toBe(0);
  });
});

describe('verified evidence', () => {
  it('calls verified only what the browser saw: a never-fetched <noscript> pixel is not', () => {
    const pixel = beaconObservation({
      provenance: 'dom',
      url: BEACON_URL,
      beaconSignals: ['noscript-pixel'],
    });
    const alone = evaluatePolicy([pixel], policy);
    expect(alone.violations.length).toBeGreaterThan(0);
    expect(alone.violations.every((v) => v.verified === false)).toBe(true);
    expect(isVerified(pixel, alone.corroboration)).toBe(false);

    const fetched = evaluatePolicy([pixel, seenBeacon()], policy);
    expect(fetched.violations.every((v) => v.verified)).toBe(true);
    expect(isVerified(pixel, fetched.corroboration)).toBe(true);
  });

  it('holds a request from the page’s resource timing unverified, and the extension’s own storage reading verified', () => {
    const timed = beaconObservation({
      provenance: 'dom',
      url: BEACON_URL,
      beaconSignals: ['analytics-endpoint'],
    });
    const read = storageObservation({ provenance: 'dom', action: 'present', key: 'k', value: 'v' });
    const corroboration = corroborate([timed, read]);
    expect(isVerified(timed, corroboration)).toBe(false);
    expect(isVerified(read, corroboration)).toBe(true);
  });

  it('never lets a claimed writer reclassify the cookie the browser saw', () => {
    const write = cookieObservation({
      provenance: 'page-hook',
      action: 'script-write',
      name: 'token',
      value: 'deadbeefdeadbeef',
      httpOnly: false,
      scriptUrl: 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js',
    });
    const jar = cookieObservation({
      action: 'set',
      name: 'token',
      value: 'deadbeefdeadbeef',
      httpOnly: false,
    });
    const report = buildReport({
      tool: { name: 't', version: '0' },
      policy,
      pages: [],
      observations: [write, jar],
      generatedAt: 0,
    });
    const alone = buildReport({
      tool: { name: 't', version: '0' },
      policy,
      pages: [],
      observations: [jar],
      generatedAt: 0,
    });
    const seen = report.observations.find((o) => o.id === jar.id);
    const before = alone.observations[0];
    expect(seen).toMatchObject({
      vendor: before?.vendor,
      purpose: before?.purpose,
      classifiedBy: before?.classifiedBy,
      claimedScriptUrl: write.scriptUrl,
      verified: true,
    });
    expect(seen?.vendor).not.toBe('WeChat');
    expect(seen?.classificationReason).toContain('The page claims the script');
    expect(report.violations.map((v) => [v.rule, v.verified])).toEqual([['cookie-login-insecure', true]]);
  });

  it('marks a violation resting only on unconfirmed claims as unverified', () => {
    const { violations } = evaluatePolicy([claimedBeacon()], policy);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.every((v) => v.verified === false)).toBe(true);
  });

  it('marks the same violation verified once the browser saw the request', () => {
    const { violations } = evaluatePolicy([claimedBeacon(), seenBeacon()], policy);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.every((v) => v.verified)).toBe(true);
  });

  it('keeps fingerprinting a claim: nothing on the browser side can confirm it', () => {
    const { violations } = evaluatePolicy([fingerprintObservation()], policy);
    expect(violations.map((v) => [v.rule, v.verified])).toEqual([['fingerprinting', false]]);
  });

  it('says in the report which observations are claims and which script a confirmed request came from', () => {
    const claim = claimedBeacon();
    const seen = seenBeacon();
    const report = buildReport({
      tool: { name: 't', version: '0' },
      policy,
      pages: [],
      observations: [claim, seen, fingerprintObservation()],
      generatedAt: 0,
    });
    const byId = new Map(report.observations.map((o) => [o.id, o]));
    expect(byId.get(claim.id)).toMatchObject({ verified: true, confirmedBy: seen.id, scriptUrl: SCRIPT });
    // The browser saw the request; which script sent it is still only the page's word.
    expect(byId.get(seen.id)).toMatchObject({
      verified: true,
      claimedScriptUrl: SCRIPT,
      provenance: 'webRequest',
    });
    expect(byId.get(seen.id)).not.toHaveProperty('scriptUrl');
    const fp = report.observations.find((o) => o.kind === 'fingerprint');
    expect(fp).toMatchObject({ verified: false, technique: 'canvas', purpose: 'fingerprinting' });
  });
});
