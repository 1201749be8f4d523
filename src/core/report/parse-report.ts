import * as v from 'valibot';
import { SEVERITY_ORDER } from '../rules/rule';
import { maxJsonNesting } from '../util/json-nesting';
import type { Report } from './report-types';

/**
 * A report of 100,000 observations is about 150 MB (an observation is 1 to 1.5 KB
 * as written); the bound leaves room and stays well under the longest string
 * Node can hold (about 512 MB), which the file is read into.
 */
export const MAX_REPORT_BYTES = 256 * 1024 * 1024;
/** report.json nests decoded payloads a few levels inside a violation; far deeper is not ours. */
const MAX_DEPTH = 32;
const MAX_PROBLEMS_SHOWN = 8;

export class ReportFileError extends Error {
  override name = 'ReportFileError';
}

const Lines = v.object({ from: v.number(), to: v.number() });
const Severity = v.picklist(SEVERITY_ORDER);
const Strings = v.array(v.string());

/**
 * What comparing and merging read of a report, and what every format reads
 * of it, checked; the rest is carried as it is (objects are loose: a later
 * version's fields pass through).
 */
const ViolationSchema = v.looseObject({
  id: v.string(),
  rule: v.string(),
  subject: v.string(),
  title: v.string(),
  severity: Severity,
  clause: v.looseObject({ id: v.string(), section: v.string(), lines: Lines, title: v.string() }),
  alsoCites: v.array(v.looseObject({ id: v.string(), section: v.string(), lines: Lines })),
  summary: v.string(),
  pageUrl: v.string(),
  pageUrls: Strings,
  observationIds: Strings,
  verified: v.boolean(),
  findingId: v.optional(v.string()),
  intermittent: v.optional(v.boolean()),
});

const ReportSchema = v.looseObject({
  schemaVersion: v.literal(1),
  tool: v.looseObject({ name: v.string(), version: v.string() }),
  browser: v.optional(v.looseObject({ name: v.string(), version: v.string(), userAgent: v.string() })),
  policy: v.looseObject({ id: v.string(), version: v.string(), sha256: v.string() }),
  ruleSetVersion: v.string(),
  generatedAt: v.string(),
  pages: v.array(v.looseObject({ url: v.string(), visitId: v.string(), startedAt: v.string() })),
  observations: v.array(
    v.looseObject({
      id: v.string(),
      kind: v.string(),
      name: v.string(),
      domain: v.string(),
      pageUrl: v.string(),
      party: v.picklist(['first-party', 'third-party']),
      vendor: v.nullable(v.string()),
    }),
  ),
  violations: v.array(ViolationSchema),
  findings: v.array(
    v.looseObject({
      id: v.string(),
      severity: Severity,
      rules: Strings,
      violationIds: Strings,
      observationIds: Strings,
      pageUrls: Strings,
    }),
  ),
  advice: v.optional(v.array(ViolationSchema)),
  scorecard: v.array(v.looseObject({ clauseId: v.string(), status: v.string(), violations: v.number() })),
  summary: v.looseObject({ findings: v.number(), pages: v.number() }),
  errors: v.optional(v.array(v.looseObject({ url: v.string(), message: v.string() }))),
});

/**
 * Reads a report.json written by an earlier audit (for --compare, or a shard's
 * for `audit merge`) from its text, refusing what is not one with an error
 * that names each problem and where it is ("violations.3.rule: …").
 */
export function parseReport(json: string): Report {
  if (json.length > MAX_REPORT_BYTES) {
    throw new ReportFileError(`It is ${json.length} characters long; the limit is ${MAX_REPORT_BYTES}.`);
  }
  const depth = maxJsonNesting(json);
  if (depth > MAX_DEPTH) {
    throw new ReportFileError(`It nests ${depth} levels deep; a report nests at most ${MAX_DEPTH}.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new ReportFileError(`It is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ReportFileError('It is not a report.json: a report is a JSON object.');
  }
  const result = v.safeParse(ReportSchema, raw);
  if (!result.success) {
    const problems = result.issues
      .slice(0, MAX_PROBLEMS_SHOWN)
      .map((issue) => `${v.getDotPath(issue) ?? '(top level)'}: ${issue.message}`);
    const more = result.issues.length - problems.length;
    throw new ReportFileError(
      `It is not a report.json this version can read:\n- ${problems.join('\n- ')}${more > 0 ? `\n- and ${more} more` : ''}`,
    );
  }
  // The checked fields are the Report's; the loose rest is carried as the report wrote it.
  return result.output as unknown as Report;
}
