import { describe, expect, it } from 'vitest';
import {
  beaconObservation as beacon,
  cookieObservation as cookie,
  requestObservation as request,
} from '../../../tests/support/observations';
import { evaluatePolicy } from '../engine/evaluate-policy';
import type { EvidenceObservation } from '../observations/observation';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { classifyObservation } from './classified-observation';
import { recognizeCollectorsByCookie } from './collectors-by-cookie';

const VISITOR = 'c1bc85b3-c9c6-59c9-a555-8b23626d612d';
const la51Cookie = cookie({ id: 'la', name: '__51vcke__JkIGvjjs25ETn0wz', value: VISITOR, httpOnly: false });

function classificationOf(observations: EvidenceObservation[], id: string) {
  const found = recognizeCollectorsByCookie(observations.map((o) => classifyObservation(o))).find(
    (c) => c.observation.id === id,
  );
  return found?.classification;
}

describe('recognizeCollectorsByCookie', () => {
  it("takes a first-party request carrying an SDK cookie's value for that SDK's collector, and says why", () => {
    const hit = beacon({ id: 'hit', url: `https://log.jeejio.com/t/v?vc=${VISITOR}&p=%2F` });
    const result = classificationOf([la51Cookie, hit], 'hit');
    expect(result).toMatchObject({ vendor: '51.la', purpose: 'statistics', matchedBy: 'cookie-signature' });
    expect(result?.reason).toContain(
      `51.la collector on "log.jeejio.com", a host of the page's own site jeejio.com`,
    );
    expect(result?.reason).toContain('"__51vcke__JkIGvjjs25ETn0wz", the 51.la SDK\'s own cookie');
    expect(result?.reason).toContain("site's own server, for the SDK's purpose, statistics");
  });

  it('finds the value in a POST body too', () => {
    const gio = cookie({ id: 'g', name: 'gdp_user_id', value: '4f1c7e2a-9b3d-4e8f-a6c5-1d2e3f4a5b6c' });
    const post = request({
      id: 'post',
      url: 'https://www.jeejio.com/api/log',
      method: 'POST',
      requestBody: '{"u":"4f1c7e2a-9b3d-4e8f-a6c5-1d2e3f4a5b6c","e":"page"}',
    });
    expect(classificationOf([gio, post], 'post')).toMatchObject({
      vendor: 'GrowingIO',
      matchedBy: 'cookie-signature',
    });
  });

  it('leaves alone a request carrying a login cookie, a third-party request and a request the catalogue knows', () => {
    const session = cookie({ id: 's', name: 'JSESSIONID', value: '9f86d081884c7d659a2feaa0c55ad015' });
    const api = request({
      id: 'api',
      url: 'https://www.jeejio.com/api/me?sid=9f86d081884c7d659a2feaa0c55ad015',
    });
    expect(classificationOf([session, api], 'api')).toMatchObject({ vendor: null, matchedBy: 'none' });

    const away = beacon({ id: 'away', url: `https://collect-v6.51.la/v6/collect?vc=${VISITOR}` });
    expect(classificationOf([la51Cookie, away], 'away')).toMatchObject({
      vendor: '51.la',
      matchedBy: 'host',
    });

    const sa = beacon({ id: 'sa', url: `https://sa.jeejio.com/sa?project=p&vc=${VISITOR}` });
    expect(classificationOf([la51Cookie, sa], 'sa')).toMatchObject({
      vendor: 'Sensors Data',
      matchedBy: 'url',
    });
  });

  it('ignores a short SDK cookie value and a removed cookie', () => {
    const short = cookie({ id: 'short', name: '__51laig__', value: '26' });
    const hit = request({ id: 'hit', url: 'https://www.jeejio.com/x?n=26' });
    expect(classificationOf([short, hit], 'hit')?.matchedBy).toBe('none');
    const removed = cookie({ ...la51Cookie, id: 'gone', action: 'removed' });
    const later = request({ id: 'later', url: `https://www.jeejio.com/x?vc=${VISITOR}` });
    expect(classificationOf([removed, later], 'later')?.matchedBy).toBe('none');
  });

  it('reaches the evaluation, which still treats the collector as first-party', () => {
    const hit = beacon({ id: 'hit', url: `https://log.jeejio.com/t/v?vc=${VISITOR}` });
    const evaluation = evaluatePolicy([la51Cookie, hit], policy);
    const collector = evaluation.classified.find((c) => c.observation.id === 'hit');
    expect(collector).toMatchObject({ party: 'first-party', classification: { vendor: '51.la' } });
    expect(evaluation.violations).toEqual([]);
  });
});
