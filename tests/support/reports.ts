import type { RecordedLog } from '../../src/core/observations/observation';
import { JEEJIO_POLICY_2023_07 as policy } from '../../src/core/policy/jeejio-policy-2023-07';
import { buildReport } from '../../src/core/report/build-report';
import type { Report, Violation } from '../../src/core/report/report-types';
import log from './fixtures/demo-session.json';

/** The report of the recorded demo session: six pages, every kind of violation the demo site shows. */
export function demoReport(): Report {
  return buildReport({
    tool: { name: 'jeejio-privacy-inspector', version: '0.1.0' },
    policy,
    ...(log as unknown as RecordedLog),
    generatedAt: 1_700_000_000_000,
  });
}

/**
 * The report of some of the demo session's pages, with only their observations:
 * as an audit of those pages alone would make it (a shard, an earlier run).
 */
export function demoReportOf(urls: readonly string[], generatedAt = 1_700_000_000_000): Report {
  const recorded = log as unknown as RecordedLog;
  const pages = recorded.pages.filter((p) => urls.includes(p.url));
  const visits = new Set(pages.map((p) => p.visitId));
  return buildReport({
    tool: { name: 'jeejio-privacy-inspector', version: '0.1.0' },
    policy,
    pages,
    observations: recorded.observations.filter((o) => !('visitId' in o) || visits.has(String(o.visitId))),
    generatedAt,
  });
}

/** The demo report's violation of a rule about a subject, e.g. ('cookie-login-insecure', 'token@'). */
export function violationOf(report: Report, rule: string, subjectStart: string): Violation {
  const found = report.violations.find((v) => v.rule === rule && v.subject.startsWith(subjectStart));
  if (!found) throw new Error(`The demo report has no ${rule} violation about ${subjectStart}`);
  return found;
}

/** Markup, a CDATA end, XML-illegal control characters, a lone surrogate, an RTL override, a formula. */
export const HOSTILE_TEXT =
  '=HYPERLINK("x")<b>&amp; ]]> \u0000\u0001\u0008\u000b\u001b\u007f \ud800 \u202e, "q"\r\nend';

/** A demo report whose first violation carries hostile and huge values where page text can reach. */
export function hostileReport(): Report {
  const report = demoReport();
  const [first, ...rest] = report.violations;
  if (!first) throw new Error('The demo report has no violations');
  const huge = `${HOSTILE_TEXT} ${'x'.repeat(1_000_000)}`;
  return {
    ...report,
    violations: [
      {
        ...first,
        summary: HOSTILE_TEXT,
        subject: huge,
        observationIds: [...first.observationIds, ...Array.from({ length: 5000 }, (_, i) => `o-extra-${i}`)],
      },
      {
        ...first,
        id: 'v-huge',
        findingId: 'f-huge',
        summary: huge,
        pageUrl: 'not a URL <at all>',
        pageUrls: ['not a URL <at all>'],
      },
      ...rest,
    ],
  };
}
