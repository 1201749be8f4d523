import { describe, expect, it } from 'vitest';
import { unzipBundle } from '../../../tests/support/evidence-bundle';
import {
  cookieObservation,
  requestObservation,
  storageObservation,
} from '../../../tests/support/observations';
import type { Observation, PageVisit } from '../observations/observation';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { buildReport } from '../report/build-report';
import { buildBundle } from './build-bundle';
import { EMPTY_CHAIN, extendChain } from './hash-chain';
import { redactChainedLog, SECRETS_INCLUDED } from './redact-chain';
import { proofKeyOf, provesRedactedValue, redactionMark } from './redaction-scheme';
import { generateSigningKeys } from './signing';
import { verifyBundle } from './verify-bundle';

const SESSION_ID = '7D1C0F4E9A2B5C8D3E6F0A1B2C3D4E5F';
const LOGIN_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhdWRpdG9yIn0.c2lnbmF0dXJl';
const PASSWORD = 'correct-horse-battery';
const SECRETS = [SESSION_ID, LOGIN_TOKEN, PASSWORD];
const BUNDLE_KEY = crypto.getRandomValues(new Uint8Array(32));

/** What a recording made while logged in holds: the session cookie, the login token, the login form. */
function loggedInLog(): { pages: PageVisit[]; observations: Observation[] } {
  const pages = [
    { visitId: 'visit-1', tabId: 1, url: 'https://www.jeejio.com/', startedAt: 1_700_000_000_000 },
  ];
  const observations: Observation[] = [
    requestObservation({
      method: 'POST',
      url: 'https://www.jeejio.com/api/login',
      requestBody: `username=auditor&password=${PASSWORD}`,
    }),
    cookieObservation({
      name: 'JSESSIONID',
      value: SESSION_ID,
      action: 'set-attempt',
      provenance: 'webRequest',
      url: 'https://www.jeejio.com/api/login',
      rawHeader: `JSESSIONID=${SESSION_ID}; Path=/; HttpOnly`,
    }),
    cookieObservation({ name: 'token', value: LOGIN_TOKEN, domain: '.jeejio.com', hostOnly: false }),
    storageObservation({ key: 'token', value: LOGIN_TOKEN }),
    // A tracker that receives the session id: the evidence of that must survive redaction.
    requestObservation({
      url: `https://hm.baidu.com/hm.gif?si=abc&sid=${SESSION_ID}`,
      resourceType: 'image',
    }),
    cookieObservation({ name: '_ga', value: 'GA1.2.111111111.1700000000', domain: '.jeejio.com' }),
  ];
  return { pages, observations };
}

/** A recorded log of these observations on the logged-in pages: its report and its chain. */
function recordedLog(observations: Observation[]) {
  const { pages } = loggedInLog();
  const report = buildReport({
    tool: { name: 'jeejio-privacy-inspector', version: '0.1.0' },
    policy,
    pages,
    observations,
    generatedAt: 1_700_000_100_000,
  });
  return { report, pages, ...extendChain(EMPTY_CHAIN, observations) };
}

async function bundleOf(includeSecrets: boolean) {
  const log = recordedLog(loggedInLog().observations);
  const content = includeSecrets
    ? { ...log, secrets: SECRETS_INCLUDED }
    : redactChainedLog(log, BUNDLE_KEY, 'test bundle');
  const bundle = await buildBundle({
    ...content,
    keys: await generateSigningKeys({ extractable: false }),
    created: new Date('2025-01-02T03:04:05Z'),
  });
  return { ...bundle, recordedHead: log.head };
}

/** Every file of the zip that holds `value`, as UTF-8 or percent-encoded. */
function filesHolding(zip: Uint8Array, value: string): string[] {
  const decoder = new TextDecoder();
  return Object.entries(unzipBundle(zip))
    .filter(([, bytes]) => {
      const text = decoder.decode(bytes);
      return text.includes(value) || text.includes(encodeURIComponent(value));
    })
    .map(([name]) => name);
}

describe('a bundle recorded while logged in', () => {
  it('holds no session cookie, login token or password in any file by default, and still verifies', async () => {
    const bundle = await bundleOf(false);
    for (const secret of SECRETS) expect(filesHolding(bundle.zip, secret), secret).toEqual([]);
    const verdict = await verifyBundle(bundle.zip);
    expect(verdict.problems).toEqual([]);
    expect(verdict.status).toBe('intact');
    expect(bundle.manifest.secrets).toEqual({
      scheme: 'jeejio-redaction/1',
      handling: 'redacted',
      algorithm: 'HMAC-SHA-256',
      values: 3,
      observations: 5,
      keyId: 'test bundle',
      recordedChain: bundle.recordedHead,
    });
    expect(bundle.manifest.chain.head).not.toBe(bundle.recordedHead.head);
  });

  it('shows the same mark wherever a credential went, and the mark proves the value', async () => {
    const bundle = await bundleOf(false);
    const mark = redactionMark(BUNDLE_KEY, SESSION_ID);
    expect(filesHolding(bundle.zip, mark).sort()).toEqual(
      ['captured.har', 'observations.ndjson', 'report.html', 'report.json'].sort(),
    );
    expect(provesRedactedValue(mark, SESSION_ID, proofKeyOf(BUNDLE_KEY, SESSION_ID))).toBe(true);
    // Cookies that are no credential are kept as they were.
    expect(filesHolding(bundle.zip, 'GA1.2.111111111.1700000000')).toContain('observations.ndjson');
  });

  it('keeps them when asked to, says so in the manifest, and still verifies', async () => {
    const bundle = await bundleOf(true);
    for (const secret of SECRETS)
      expect(filesHolding(bundle.zip, secret), secret).toContain('observations.ndjson');
    expect(filesHolding(bundle.zip, SESSION_ID)).toContain('report.json');
    expect(bundle.manifest.secrets).toEqual({ scheme: 'jeejio-redaction/1', handling: 'included' });
    expect(bundle.manifest.chain.head).toBe(bundle.recordedHead.head);
    expect((await verifyBundle(bundle.zip)).status).toBe('intact');
  });

  it('keeps the recorded chain when there is nothing to redact', () => {
    const recorded = recordedLog([
      cookieObservation({ name: '_ga', value: 'GA1.2.1.2', domain: '.jeejio.com' }),
    ]);
    const content = redactChainedLog(recorded, BUNDLE_KEY, 'k');
    expect(content.entries).toBe(recorded.entries);
    expect(content.secrets).toMatchObject({ handling: 'redacted', values: 0 });
    expect(content.secrets).not.toHaveProperty('recordedChain');
  });
});

describe('redacting a recorded chain with the texts its entries hashed', () => {
  const redactBoth = (observations: Observation[]) => {
    const { observationTexts, ...withoutTexts } = recordedLog(observations);
    return {
      withTexts: redactChainedLog({ ...withoutTexts, observationTexts }, BUNDLE_KEY, 'k'),
      withoutTexts: redactChainedLog(withoutTexts, BUNDLE_KEY, 'k'),
    };
  };

  it('makes the same redacted chain, texts and report as redacting the observations alone', () => {
    const { withTexts, withoutTexts } = redactBoth(loggedInLog().observations);
    expect(withTexts).toEqual(withoutTexts);
    expect(withTexts.secrets).toMatchObject({ values: 3, observations: 5 });
    expect(JSON.stringify(withTexts.entries)).not.toContain(SESSION_ID);
  });

  it('still finds a credential that JSON writes escaped in the texts', () => {
    const quoted = 'abc"def\\ghi-0123456789';
    const observations = [
      cookieObservation({ name: 'JSESSIONID', value: quoted }),
      // The value as it is in the body; its JCS text holds it escaped.
      requestObservation({
        method: 'POST',
        url: 'https://www.jeejio.com/api',
        requestBody: `note=${quoted}`,
      }),
    ];
    const { withTexts, withoutTexts } = redactBoth(observations);
    expect(withTexts).toEqual(withoutTexts);
    expect(withTexts.secrets).toMatchObject({ observations: 2 });
    expect(JSON.stringify(withTexts.entries.map((e) => e.observation))).not.toContain('ghi-0123456789');
  });
});
