import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import demoSession from '../../../tests/support/fixtures/demo-session.json';
import { GOLDEN_CASES } from '../../../tests/support/golden-cases';
import {
  cookieObservation,
  policyTextObservation,
  requestObservation,
} from '../../../tests/support/observations';
import { formatSummary } from '../../cli/format-summary';
import { evidenceLoss } from '../observations/evidence-loss';
import type { Observation, RecordedLog } from '../observations/observation';
import { PAYLOAD_MEANINGS } from '../payloads/meaning';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { buildReport } from './build-report';
import schema from './report.schema.json';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const page = { visitId: 'visit-1', tabId: 1, url: 'https://www.jeejio.com/', startedAt: 1_700_000_000_000 };
const tool = { name: 'jeejio-privacy-inspector', version: '0.1.0' };

function report(observations: Observation[] = recordedHomePage()) {
  return buildReport({ tool, policy, pages: [page], observations, generatedAt: 1_700_000_100_000 });
}

/** What the extension records on a page like the demo home page. */
function recordedHomePage() {
  return [
    cookieObservation({ id: 'a', name: 'JSESSIONID' }),
    cookieObservation({ id: 'b', name: 'user_phone', value: '13812345678', secure: false, httpOnly: false }),
    cookieObservation({
      id: 'c',
      name: 'IDE',
      domain: '.doubleclick.net',
      action: 'set-attempt',
      provenance: 'webRequest',
      url: 'https://ad.doubleclick.net/pixel.gif',
      expires: 1_800_000_000,
      session: false,
    }),
    cookieObservation({
      id: 'd',
      name: 'cart_id',
      warnings: ['Value of 5000 characters truncated to 4096.'],
    }),
  ];
}

describe('buildReport', () => {
  it('follows the published JSON Schema', () => {
    const built = report();
    expect(validate(built), JSON.stringify(validate.errors)).toBe(true);
  });

  it('follows the schema with a decoded analytics payload on a violation', () => {
    const built = report([
      requestObservation({
        url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-ABC&cid=1.2&uid=user-42',
      }),
    ]);
    const decoded = built.violations.flatMap((v) => v.decoded ?? []);
    expect(decoded).toContainEqual({
      vendor: 'Google Analytics 4',
      path: 'uid',
      meaning: 'account-id',
      value: 'u*****2',
    });
    expect(validate(built), JSON.stringify(validate.errors)).toBe(true);
    // The schema lists every meaning a decoded field may have, no more.
    expect(schema.definitions.violation.properties.decoded.items.properties.meaning.enum).toEqual([
      ...PAYLOAD_MEANINGS,
    ]);
  });

  it('names the tool, the policy and its hash', () => {
    expect(report()).toMatchObject({
      tool,
      policy: { id: policy.id, version: '2023-07-20', sha256: policy.sourceSha256 },
    });
  });

  it('classifies each observation, keeping unknown cookies visible as unclassified', () => {
    const byName = Object.fromEntries(report().observations.map((o) => [o.name, o]));
    expect(byName.IDE).toMatchObject({
      party: 'third-party',
      purpose: 'advertising',
      url: expect.any(String),
    });
    expect(byName.JSESSIONID).toMatchObject({ party: 'first-party', purpose: 'essential' });
    expect(byName.cart_id).toMatchObject({ purpose: 'unknown', vendor: null, classifiedBy: 'none' });
    expect(report().summary.unclassifiedCookies).toBe(2); // user_phone and cart_id
  });

  it('scores every clause of the policy', () => {
    const built = report();
    expect(built.scorecard).toHaveLength(policy.clauses.length);
    expect(built.scorecard.find((c) => c.clauseId === 'security.encryption')?.status).toBe('violated');
  });

  it('counts violations by severity and rule, each citing observations in the report', () => {
    const built = report();
    const ids = new Set(built.observations.map((o) => o.id));
    expect(built.summary.violations).toBe(built.violations.length);
    expect(built.summary.byRule['cookie-sensitive-in-clear']).toBe(1);
    for (const v of built.violations) for (const id of v.observationIds) expect(ids.has(id)).toBe(true);
  });

  it('reports no violation for a page with only a Secure, HttpOnly, first-party session cookie', () => {
    const clean = report([cookieObservation({ name: 'SESSIONID' })]);
    expect(clean.violations).toEqual([]);
    expect(formatSummary(clean)).toContain('No violations found.');
  });

  it('lists SDK probes apart, with the observations they cite, and counts them in the summary', () => {
    const built = report([
      ...recordedHomePage(),
      cookieObservation({ id: 'p1', name: 'AMP_TEST', action: 'set', observedAt: 1_700_000_000_010 }),
      cookieObservation({ id: 'p2', name: 'AMP_TEST', action: 'removed', observedAt: 1_700_000_000_011 }),
    ]);
    expect(validate(built), JSON.stringify(validate.errors)).toBe(true);
    expect(built.probes).toEqual([
      { kind: 'cookie', name: 'AMP_TEST', vendor: 'Amplitude', observationIds: ['p1', 'p2'] },
    ]);
    expect(built.summary.probes).toBe(1);
    const ids = new Set(built.observations.map((o) => o.id));
    expect(ids.has('p1') && ids.has('p2')).toBe(true);
    expect(built.violations.flatMap((v) => v.observationIds)).not.toContain('p1');
  });

  it('says the evidence is incomplete when a limit dropped some, without counting the loss as an observation', () => {
    const complete = report();
    expect(complete.evidence).toEqual({ complete: true, losses: [] });
    expect(complete.summary.evidenceComplete).toBe(true);

    const flooded = report([
      ...recordedHomePage(),
      evidenceLoss({ visit: page, cause: 'claim-rate', count: 4_000, observedAt: page.startedAt + 10 }),
    ]);
    expect(flooded.summary.evidenceComplete).toBe(false);
    expect(flooded.evidence?.losses).toMatchObject([
      { cause: 'claim-rate', count: 4_000, pages: [page.url] },
    ]);
    expect(flooded.observations.map((o) => o.id)).toEqual(complete.observations.map((o) => o.id));
    expect(flooded.violations).toEqual(complete.violations);
    expect(validate(flooded), JSON.stringify(validate.errors)).toBe(true);
  });

  it('replays the same log to the same verdicts', () => {
    const { generatedAt: _a, ...first } = report();
    const { generatedAt: _b, ...second } = report([...recordedHomePage()].reverse());
    expect(second.violations).toEqual(first.violations);
  });
});

describe('formatSummary', () => {
  it('prints a row per violation with its clause, without terminal control characters', () => {
    const text = formatSummary(
      report([cookieObservation({ name: 'user_\u001b[31mphone', value: '13812345678' })]),
    );
    expect(text).toMatch(/HIGH\s+cookie-sensitive-in-clear\s+§6, line 89/);
    expect(text).not.toContain('\u001b');
  });
});

describe('report.json for every kind of observation', () => {
  it('follows the schema for the golden table and the recorded demo session together', () => {
    const observations = [
      ...GOLDEN_CASES.flatMap((c) => c.observations),
      ...(demoSession as unknown as RecordedLog).observations,
      policyTextObservation('A changed policy.'),
    ];
    const built = buildReport({ tool, policy, pages: [page], observations, generatedAt: 0 });
    expect(validate(built), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(new Set(built.observations.map((o) => o.kind))).toEqual(
      new Set(['cookie', 'storage', 'request', 'beacon', 'fingerprint', 'policy-text']),
    );
  });
  it("lists a single-page app's routes as pages of their own, marked as route changes", () => {
    const route = {
      visitId: 'visit-2',
      tabId: 1,
      url: 'https://www.jeejio.com/app/ads',
      startedAt: page.startedAt + 500,
      startedBy: 'route-change' as const,
    };
    const ad = cookieObservation({
      id: 'ad',
      name: 'IDE',
      domain: '.doubleclick.net',
      action: 'set-attempt',
      provenance: 'webRequest',
      url: 'https://ad.doubleclick.net/pixel.gif',
      visitId: route.visitId,
      pageUrl: route.url,
    });
    const built = buildReport({ tool, policy, pages: [route, page], observations: [ad], generatedAt: 0 });
    expect(built.pages.map((p) => [p.url, p.startedBy])).toEqual([
      ['https://www.jeejio.com/', undefined],
      ['https://www.jeejio.com/app/ads', 'route-change'],
    ]);
    expect(built.observations[0]?.pageUrl).toBe(route.url);
    expect(validate(built), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });
});

describe('buildReport of links carrying ids', () => {
  it('lists decorated links and bounces apart, with vendor and purpose, judged by no rule, in the schema', async () => {
    const { navigationObservation, outboundLinkObservations } = await import(
      '../observations/link-decoration'
    );
    const visit = { tabId: 1, visitId: 'visit-1', url: 'https://www.jeejio.com/' };
    const link = outboundLinkObservations(
      ['https://shop.example/?gclid=EAIaIQob&bd_vid=90327204'],
      visit,
      page.startedAt + 1,
    );
    const bounce = navigationObservation(
      ['https://ad.doubleclick.net/clk?id=1', 'https://shop.example/landing?gclid=EAIaIQob'],
      visit,
      page.startedAt + 2,
      'req-1',
    );
    const built = report([...link, ...(bounce ? [bounce] : [])]);
    expect(validate(built), JSON.stringify(validate.errors)).toBe(true);
    expect(built.linkDecorations?.map((d) => [d.via, d.params.map((p) => p.name)])).toEqual([
      ['link', ['gclid', 'bd_vid']],
      ['navigation', ['gclid']],
    ]);
    expect(built.linkDecorations?.[1]?.bouncedThrough).toEqual([
      { host: 'ad.doubleclick.net', vendor: 'Google', purpose: 'advertising' },
    ]);
    expect(built.observations).toEqual([]);
    expect(built.violations).toEqual([]);
    expect(JSON.stringify(built)).not.toContain('90327204');
  });

  it('has no list when nothing left the pages carrying ids', () => {
    expect(report().linkDecorations).toBeUndefined();
  });
});
