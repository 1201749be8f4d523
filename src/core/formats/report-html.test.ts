import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  beaconObservation as beacon,
  cookieObservation as cookie,
} from '../../../tests/support/observations';
import { demoReport } from '../../../tests/support/reports';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { formatClauseLocation } from '../policy/policy-model';
import { buildReport } from '../report/build-report';
import type { Report, ReportObservation, Violation } from '../report/report-types';
import { REPORT_HTML_BOUNDS, REPORT_HTML_CSP, toReportHtml, visibleText } from './report-html';
import { describePolicyRules } from './rule-descriptions';

const INJECTION = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const rules = describePolicyRules(policy);

function documentOf(report: Report) {
  const html = toReportHtml({ report, rules, screenshots: ['screenshots/page-1.png'] });
  return { html, document: parseHTML(html).document };
}

/** The demo report with page-controlled values made hostile wherever a page can reach. */
function hostile(): Report {
  const report = structuredClone(demoReport());
  const [first, second, third] = report.observations as [
    ReportObservation,
    ReportObservation,
    ReportObservation,
  ];
  first.name = INJECTION;
  first.value = `\u202egnp.exe${'\u200b'.repeat(3)} ${'v'.repeat(5000)}`;
  first.valueLength = 5000;
  second.pageUrl = 'javascript:alert(document.cookie)';
  second.url = 'data:text/html,<script>alert(3)</script>';
  third.scriptUrl = 'https://evil.example/"><script>alert(4)</script>';
  third.claimedScriptUrl = 'https://evil.example/claimed"><script>alert(6)</script>';
  third.domain = 'a\ud800b';
  const violation = report.violations[0];
  if (!violation) throw new Error('no violation');
  violation.summary = INJECTION;
  violation.subject = `${'s'.repeat(5000)}`;
  violation.pageUrls = ['javascript:alert(5)', ...violation.pageUrls];
  violation.observationIds = [first.id, ...violation.observationIds];
  return report;
}

/** Every element and attribute of the page: what the browser would act on. */
function elementsOf(document: Document): Element[] {
  return [...document.querySelectorAll('*')];
}

describe('toReportHtml', () => {
  it('shows a script the page named for a browser-side fact as the page’s claim', () => {
    const report = structuredClone(demoReport());
    const seen = report.observations.find((o) => o.provenance === 'cookies-api') as ReportObservation;
    seen.claimedScriptUrl = 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js';
    const { document } = documentOf(report);
    const row = [...document.querySelectorAll('tr')].find((tr) =>
      tr.textContent?.includes('res.wx.qq.com/open/js/jweixin-1.6.0.js'),
    );
    expect(row?.textContent).toContain('by, the page claims,');
  });

  it('says in the verdict when the evidence is incomplete, each loss with the keys that flooded, as inert text', () => {
    expect(documentOf(demoReport()).document.querySelector('#evidence-losses')).toBeNull();
    const report: Report = {
      ...demoReport(),
      evidence: {
        complete: false,
        losses: [
          {
            cause: 'flood',
            count: 31_000,
            occurrences: 12,
            pages: ['https://www.jeejio.com/'],
            perKey: [{ key: `cookie ${INJECTION}`, count: 30_000 }],
          },
        ],
      },
    };
    const { document } = documentOf(report);
    const losses = document.querySelector('#verdict #evidence-losses');
    expect(losses?.textContent).toContain('Evidence incomplete.');
    expect(losses?.querySelector('[data-cause="flood"]')?.textContent).toContain(
      '31000 observations over the flood budget were kept only as counts per name (1 page(s)).',
    );
    expect(losses?.textContent).toContain(`cookie ${INJECTION} ×30000`);
    expect(document.querySelectorAll('script, img')).toHaveLength(0);
  });

  it('is one page that nothing can run in and that fetches nothing', () => {
    const { document } = documentOf(hostile());
    const elements = elementsOf(document);
    const tags = new Set(elements.map((e) => e.tagName.toLowerCase()));
    for (const tag of [
      'script',
      'img',
      'iframe',
      'object',
      'embed',
      'link',
      'base',
      'form',
      'svg',
      'video',
      'audio',
    ])
      expect(tags, tag).not.toContain(tag);
    for (const element of elements) {
      for (const { name, value } of element.attributes) {
        expect(name, `${element.tagName} ${name}`).not.toMatch(/^on/i);
        expect(name).not.toBe('style');
        expect(['src', 'srcset', 'action', 'formaction', 'poster', 'background']).not.toContain(name);
        if (name === 'href') expect(value).toMatch(/^(https?:\/\/|#)/);
      }
    }
    expect(document.querySelector('a[href^="javascript"], a[href^="data"]')).toBeNull();
  });

  it('allows only its own style sheet, by hash, under a CSP that comes before it', () => {
    const { document } = documentOf(demoReport());
    const head = [...document.head.children];
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(csp?.getAttribute('content')).toBe(REPORT_HTML_CSP);
    expect(REPORT_HTML_CSP).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; /);
    const styles = document.querySelectorAll('style');
    expect(styles).toHaveLength(1);
    expect(head.indexOf(csp as Element)).toBeLessThan(head.indexOf(styles[0] as Element));
    const hash = createHash('sha256')
      .update(styles[0]?.textContent ?? '')
      .digest('base64');
    expect(REPORT_HTML_CSP).toContain(`'sha256-${hash}'`);
    expect(styles[0]?.textContent).toContain('@media print');
  });

  it('shows page-controlled text as text: markup inert, hidden characters visible, long values cut with their length', () => {
    const { html, document } = documentOf(hostile());
    const text = document.body.textContent ?? '';
    expect(text).toContain(INJECTION);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
    expect(text).toContain('\\u202egnp.exe\\u200b\\u200b\\u200b');
    expect(text).not.toContain('\u202e');
    expect(text).toContain('… (5000 characters)');
    expect(text).not.toContain('v'.repeat(REPORT_HTML_BOUNDS.valueChars + 1));
    expect(text).not.toContain('s'.repeat(REPORT_HTML_BOUNDS.valueChars + 1));
    expect(text).toContain('javascript:alert(document.cookie)');
    expect(document.querySelectorAll('bdi').length).toBeGreaterThan(10);
  });

  it('gives the verdict and every clause of the scorecard with its status', () => {
    const report = demoReport();
    const { document } = documentOf(report);
    const verdict = document.querySelector('#verdict')?.textContent ?? '';
    const broken = report.scorecard.filter((c) => c.status === 'violated').length;
    expect(verdict).toContain(
      `${broken} of ${report.scorecard.length} clauses of the policy were seen broken`,
    );
    const rows = [...document.querySelectorAll('#scorecard tbody tr')];
    expect(rows).toHaveLength(report.scorecard.length);
    const labels = {
      violated: 'violated',
      'contradicts-itself': 'the policy contradicts itself',
      kept: 'kept',
      'not-observed': 'not observed',
      'not-checkable': 'not checkable',
    };
    report.scorecard.forEach((clause, i) => {
      const cells = [...(rows[i]?.querySelectorAll('td') ?? [])].map((td) => td.textContent);
      expect(cells.slice(0, 3)).toEqual([
        clause.title,
        expect.stringContaining(clause.section),
        labels[clause.status],
      ]);
    });
    expect(new Set(report.scorecard.map((c) => c.status)).size).toBeGreaterThanOrEqual(3);
  });

  it("counts among the clauses seen broken only what pages did, not the policy's own contradiction", () => {
    const clean = { ...demoReport(), violations: [], findings: [] };
    clean.scorecard = clean.scorecard.map((c) =>
      c.status === 'violated' ? { ...c, status: 'kept' as const, violations: 0 } : c,
    );
    const { document } = documentOf(clean);
    const row = document.querySelector('#clause-document\\.effective-date');
    expect(row?.textContent).toContain('the policy contradicts itself');
    expect(document.querySelector('#verdict')?.textContent ?? '').not.toMatch(/[1-9]\d* of \d+ clauses/);
  });

  it('lists one entry per finding under its lead rule, citing every clause, with its evidence and how it was seen', () => {
    const report = demoReport();
    const { document } = documentOf(report);
    const leadRules = new Set(report.findings.map((f) => f.rules[0]));
    const sections = [...document.querySelectorAll('#violations > section')];
    expect(sections.map((s) => s.id.replace(/^rule-/, '')).sort()).toEqual([...leadRules].sort());
    expect(document.querySelectorAll('#violations article')).toHaveLength(report.findings.length);
    expect(document.querySelector('#violations h2')?.textContent).toBe(
      `Findings (${report.findings.length})`,
    );
    const violation = report.violations[0];
    const article = document.querySelector(`#finding-${violation?.findingId}`);
    expect(article?.textContent).toContain(violation?.summary);
    // A Baidu beacon with a phone number breaks three promises: one entry, naming the other two clauses.
    const baidu = report.findings.find((f) => f.rules.includes('statistics-identifiable'));
    const also = document.querySelectorAll(`#finding-${baidu?.id} .also-breaks li`);
    expect(also).toHaveLength(2);
    const firstEvidence = report.observations.find((o) => o.id === violation?.observationIds[0]);
    expect(article?.querySelector('.evidence li')?.textContent).toContain(
      `seen by ${firstEvidence?.provenance}`,
    );
    const section = document.querySelector(`#rule-${violation?.rule}`)?.textContent ?? '';
    expect(section).toContain(violation?.clause.title);
    expect(section).toContain(formatClauseLocation(violation?.clause as Violation['clause']));
  });

  it('shows advice apart from the violations, as guidance the policy does not set', () => {
    const report = demoReport();
    const { document } = documentOf(report);
    const advice = report.advice ?? [];
    expect(advice.length).toBeGreaterThan(0);
    expect(document.querySelectorAll('#advice article')).toHaveLength(advice.length);
    expect(document.querySelector('#advice')?.textContent).toContain('Not broken promises');
    expect(document.querySelector('#violations')?.textContent).not.toContain('retention-too-long');
    // Its evidence is named as it was seen, not reported missing.
    const cited = report.observations.find((o) => o.id === advice[0]?.observationIds[0]);
    const shown = document.querySelector('#advice article')?.textContent ?? '';
    expect(shown).toContain(`seen by ${cited?.provenance}`);
    expect(shown).not.toContain("not among the report's observations");
    // Page-controlled text in advice is as inert as anywhere else.
    const hostileAdvice = structuredClone(report);
    (hostileAdvice.advice as Violation[])[0] = { ...(advice[0] as Violation), summary: INJECTION };
    const { document: hostileDoc } = documentOf(hostileAdvice);
    expect(hostileDoc.querySelector('#advice script, #advice img')).toBeNull();
  });

  it('lists the observations by kind, with provenance and verified flags, the pages and the versions', () => {
    const report = demoReport();
    const { document } = documentOf(report);
    const cookies = report.observations.filter((o) => o.kind === 'cookie');
    expect(document.querySelector('#kind-cookie h3')?.textContent).toBe(`Cookies (${cookies.length})`);
    expect(document.querySelectorAll('#kind-cookie tbody tr')).toHaveLength(
      Math.min(cookies.length, REPORT_HTML_BOUNDS.observationsPerKind),
    );
    for (const id of ['kind-beacon', 'kind-storage', 'kind-fingerprint'])
      expect(document.getElementById(id)).not.toBeNull();
    const claims = report.observations.filter((o) => !o.verified).length;
    expect(document.querySelectorAll('#observations .claim').length).toBe(
      Math.min(claims, document.querySelectorAll('#observations tbody tr').length),
    );
    const pages = [...document.querySelectorAll('#pages tbody tr')];
    expect(pages).toHaveLength(report.pages.length);
    expect(pages[0]?.textContent).toContain(report.pages[0]?.url);
    expect(document.querySelector('#pages')?.textContent).toContain('screenshots/page-1.png');
    const about = document.querySelector('#about')?.textContent ?? '';
    for (const value of [
      report.tool.version,
      report.policy.version,
      report.policy.sha256,
      report.ruleSetVersion,
    ])
      expect(about).toContain(value);
  });

  it('names the browser an audit ran in and what it did with third-party cookies', () => {
    const report = {
      ...demoReport(),
      browser: { name: 'Firefox', version: '153.0', userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0)' },
    };
    report.summary = {
      ...report.summary,
      thirdPartyCookies: { attempted: 3, stored: 0, partitioned: 3, refused: 0, mode: 'partitioned' },
    };
    const about = documentOf(report).document.querySelector('#about')?.textContent ?? '';
    expect(about).toContain('BrowserFirefox 153.0');
    expect(about).toContain('partitioned (the browser kept each apart');
    // A report the extension built names neither.
    const plain = documentOf(demoReport()).document.querySelector('#about')?.textContent;
    expect(plain).not.toContain('Browser');
  });

  it('lists a bounded number of each thing and says how many more report.json holds', () => {
    const report = structuredClone(demoReport());
    const cookie = report.observations.find((o) => o.kind === 'cookie') as ReportObservation;
    const extra = Array.from({ length: 500 }, (_, i) => ({ ...cookie, id: `many-${i}` }));
    report.observations = [...report.observations, ...extra];
    // A violation that is a finding on its own, so its evidence is all its finding shows.
    const violation = report.findings.find((f) => f.violationIds.length === 1);
    const only = report.violations.find((v) => v.id === violation?.violationIds[0]);
    if (violation && only) violation.observationIds = only.observationIds = extra.map((o) => o.id);
    const { document } = documentOf(report);
    expect(document.querySelectorAll('#kind-cookie tbody tr')).toHaveLength(
      REPORT_HTML_BOUNDS.observationsPerKind,
    );
    const total = report.observations.filter((o) => o.kind === 'cookie').length;
    expect(document.querySelector('#kind-cookie .more')?.textContent).toBe(
      `…and ${total - REPORT_HTML_BOUNDS.observationsPerKind} more in report.json.`,
    );
    report.pages = Array.from(
      { length: 1005 },
      (_, i) => ({ ...report.pages[0], url: `https://www.jeejio.com/${i}` }) as Report['pages'][number],
    );
    const pages = documentOf(report).document;
    expect(pages.querySelectorAll('#pages tbody tr')).toHaveLength(REPORT_HTML_BOUNDS.pages);
    expect(pages.querySelector('#pages .more')?.textContent).toBe('…and 5 more pages in report.json.');
    const evidence = document.querySelectorAll(`#finding-${violation?.id} .evidence li`);
    expect(evidence).toHaveLength(REPORT_HTML_BOUNDS.evidencePerViolation + 1);
    expect(evidence[evidence.length - 1]?.textContent).toBe(
      `…and ${500 - REPORT_HTML_BOUNDS.evidencePerViolation} more in report.json`,
    );
  });

  it('cuts text without splitting a surrogate pair, and says the recorded length of a value the recorder cut', () => {
    expect(visibleText(`${'a'.repeat(9)}😀b`, 10)).toBe(`${'a'.repeat(9)}… (12 characters)`);
    expect(visibleText('short', 10, 4096)).toBe('short… (4096 characters)');
    expect(visibleText('a\u0000b\u2067', 20)).toBe('a\\u0000b\\u2067');
    expect(visibleText('a\u0000b\u2067', 10)).toBe('a\\u0000b\\u… (4 characters)');
  });
});

describe('toReportHtml: decoded payloads and SDK probes', () => {
  it('shows what an SDK payload carried, masked, and lists probes apart as not tracking', () => {
    const report = buildReport({
      tool: { name: 'test', version: '0' },
      policy,
      pages: [{ visitId: 'visit-1', tabId: 1, url: 'https://www.jeejio.com/', startedAt: 1_700_000_000_000 }],
      observations: [
        beacon({
          url: 'https://api2.amplitude.com/2/httpapi',
          method: 'POST',
          requestBody: JSON.stringify({
            api_key: 'k',
            events: [{ user_id: 'acct-20231107', device_id: 'd-1' }],
          }),
        }),
        cookie({
          name: '_tt_enable_cookie',
          value: '1',
          domain: '.jeejio.com',
          httpOnly: false,
          action: 'set',
        }),
        cookie({
          name: '_tt_enable_cookie',
          value: '1',
          domain: '.jeejio.com',
          httpOnly: false,
          action: 'removed',
          observedAt: 1_700_000_000_100,
        }),
      ],
      generatedAt: 1_700_000_001_000,
    });
    const { document } = documentOf(report);
    const decoded = document.querySelector('#violations .decoded')?.textContent ?? '';
    expect(decoded).toContain("Decoded from Amplitude's payload");
    expect(decoded).toContain('events[0].user_id');
    expect(decoded).toContain('account id');
    expect(decoded).not.toContain('acct-20231107');
    const probes = document.querySelector('#probes')?.textContent ?? '';
    expect(probes).toContain('_tt_enable_cookie');
    expect(probes).toContain('not tracking');
  });
});

describe('report.html of links carrying ids', () => {
  it('lists each link and bounce with what its ids are for, page data as text', () => {
    const report: Report = {
      ...demoReport(),
      linkDecorations: [
        {
          id: 'ld-1',
          via: 'navigation',
          provenance: 'webRequest',
          observedAt: '2026-12-07T00:00:00.000Z',
          pageUrl: 'https://www.jeejio.com/links',
          url: 'https://ad.doubleclick.net/clk?id=1',
          params: [
            {
              name: 'bd_vid',
              vendor: 'Baidu Marketing (百度营销)',
              purpose: 'advertising',
              carries: 'click-id',
              value: '90**********89',
              valueLength: 14,
              host: 'shop.example',
            },
          ],
          chain: ['https://ad.doubleclick.net/clk?id=1', `https://shop.example/?x=${INJECTION}`],
          bouncedThrough: [{ host: 'ad.doubleclick.net', vendor: 'Google', purpose: 'advertising' }],
        },
      ],
    };
    const { html, document } = documentOf(report);
    const section = document.querySelector('#link-decorations');
    expect(section?.querySelector('h2')?.textContent).toBe('Links carrying ids (1)');
    expect(section?.textContent).toContain('bd_vid=90**********89');
    expect(section?.textContent).toContain('click-id of Baidu Marketing (百度营销), advertising');
    expect(section?.textContent).toContain('Bounced through ad.doubleclick.net (Google, advertising)');
    expect(html).not.toContain('<img src=x');
    expect(document.querySelector('nav a[href="#link-decorations"]')).not.toBeNull();
  });
});
