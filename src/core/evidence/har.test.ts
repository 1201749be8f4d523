import { createRequire } from 'node:module';
import Ajv from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  beaconObservation,
  cookieObservation,
  fingerprintObservation,
  requestObservation,
} from '../../../tests/support/observations';
import { buildHar } from './har';

// har-schema publishes the HAR 1.2 schema as draft-06 JSON Schema files that refer to each other.
const harSchemas = createRequire(import.meta.url)('har-schema') as Record<string, object>;
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addMetaSchema(draft06);
addFormats(ajv);
for (const schema of Object.values(harSchemas)) ajv.addSchema(schema);
const validateHar = ajv.getSchema('har.json#');

const creator = { name: 'jeejio-privacy-inspector', version: '0.1.0' };
const pages = [
  { visitId: 'visit-1', tabId: 1, url: 'https://www.jeejio.com/', startedAt: 1_700_000_000_000 },
];

describe('buildHar', () => {
  const observations = [
    cookieObservation(),
    beaconObservation({
      id: 'b-1',
      observedAt: 1_700_000_000_200,
      url: 'https://hm.baidu.com/hm.gif?si=abc&u=https%3A%2F%2Fwww.jeejio.com%2F',
      method: 'POST',
      requestBody: 'phone=13812345678&id=1',
      requestBodyLength: 4000,
      statusCode: 204,
      contentType: 'image/gif',
      beaconSignals: ['ping', 'analytics-endpoint'],
      scriptUrl: 'https://hm.baidu.com/hm.js',
    }),
    requestObservation({ id: 'r-1', observedAt: 1_700_000_000_100, visitId: 'unknown-visit' }),
    fingerprintObservation(),
  ];
  const har = buildHar({ pages, observations }, creator);

  it('is valid HAR 1.2 by the har-schema package', () => {
    expect(validateHar?.(har), JSON.stringify(validateHar?.errors)).toBe(true);
    // The schema is really applied: an entry without its required members fails.
    expect(validateHar?.({ log: { ...har.log, entries: [{ request: {} }] } })).toBe(false);
  });

  it('holds the requests and beacons only, oldest first, tied to their page and observation', () => {
    expect(har.log.version).toBe('1.2');
    expect(har.log.pages).toEqual([
      {
        startedDateTime: '2023-11-14T22:13:20.000Z',
        id: 'visit-1',
        title: 'https://www.jeejio.com/',
        pageTimings: {},
      },
    ]);
    expect(har.log.entries.map((e) => e._observationId)).toEqual(['r-1', 'b-1']);
    const [request, beacon] = har.log.entries;
    // A visit the log does not list is not referred to: HAR readers look pagerefs up.
    expect(request?.pageref).toBeUndefined();
    expect(beacon).toMatchObject({
      pageref: 'visit-1',
      startedDateTime: '2023-11-14T22:13:20.200Z',
      request: {
        method: 'POST',
        queryString: [
          { name: 'si', value: 'abc' },
          { name: 'u', value: 'https://www.jeejio.com/' },
        ],
        postData: { text: 'phone=13812345678&id=1', comment: 'Cut to 22 of 4000 characters.' },
        bodySize: 4000,
      },
      response: {
        status: 204,
        content: { mimeType: 'image/gif' },
        headers: [{ name: 'Content-Type', value: 'image/gif' }],
      },
      _kind: 'beacon',
      _beaconSignals: ['ping', 'analytics-endpoint'],
      _scriptUrl: 'https://hm.baidu.com/hm.js',
    });
  });

  it('puts what HAR has no field for in underscore fields only, as the format requires', () => {
    const known = new Set(Object.keys((harSchemas.entry as { properties: object }).properties));
    for (const entry of har.log.entries) {
      for (const key of Object.keys(entry)) expect(known.has(key) || key.startsWith('_'), key).toBe(true);
    }
  });

  it('gives an empty log for a session without requests', () => {
    const empty = buildHar({ pages: [], observations: [cookieObservation()] }, creator);
    expect(empty.log.entries).toEqual([]);
    expect(validateHar?.(empty)).toBe(true);
  });
});
