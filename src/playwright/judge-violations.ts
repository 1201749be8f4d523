import * as v from 'valibot';
import { failingViolations } from '../core/config/exit-code';
import { FAIL_ON, type FailOn } from '../core/config/inspector-config-schema';
import { findingsOf } from '../core/engine/findings';
import type { Report, Violation } from '../core/report/report-types';

/** What toHaveNoViolations accepts: rules to leave out and the lowest severity that fails. */
export interface NoViolationsOptions {
  /** Rule ids (as report.json names them, such as "cookie-undeclared-purpose") that do not fail the check. */
  except?: string[];
  /** The lowest severity that fails (default "low": every violation fails). */
  failOn?: FailOn;
}

const OptionsSchema = v.strictObject({
  except: v.optional(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200)))),
  failOn: v.optional(v.picklist(FAIL_ON)),
});

export interface Judgement {
  /** The violations that fail the check, in the report's order. */
  failing: Violation[];
  /** Left out by `except`, or below `failOn`. */
  ignored: number;
  failOn: FailOn;
  except: string[];
}

/**
 * Which violations of a report fail toHaveNoViolations. The options come from
 * a test author's code, so they are checked: a misspelt key or a rule id the
 * policy does not have would otherwise silently let violations through.
 */
export function judgeViolations(report: Report, options: unknown, ruleIds: readonly string[]): Judgement {
  const parsed = v.safeParse(OptionsSchema, options ?? {});
  if (!parsed.success) {
    const problems = parsed.issues.map((issue) => `${v.getDotPath(issue) ?? 'options'}: ${issue.message}`);
    throw new Error(`toHaveNoViolations: invalid options (${problems.join('; ')}).`);
  }
  const except = parsed.output.except ?? [];
  const unknown = except.filter((rule) => !ruleIds.includes(rule));
  if (unknown.length > 0) {
    throw new Error(
      `toHaveNoViolations: except names ${unknown.map((r) => `"${r}"`).join(', ')}, which the policy has no rule for. ` +
        `Its rules are: ${ruleIds.join(', ')}.`,
    );
  }
  const failOn = parsed.output.failOn ?? 'low';
  const failing = failingViolations(
    report.violations.filter((violation) => !except.includes(violation.rule)),
    failOn,
  );
  return { failing, ignored: report.violations.length - failing.length, failOn, except };
}

/**
 * The failure message: one block per finding (one problem, however many rules
 * the same evidence breaks), each rule with its subject and clause, then the
 * pages and the summary.
 */
export function describeFailingViolations({ failing, ignored, failOn, except }: Judgement): string {
  const scope = [
    failOn === 'low' ? 'of any severity' : `at or above ${failOn} severity`,
    ...(except.length > 0 ? [`except ${except.join(', ')}`] : []),
  ].join(', ');
  const findings = findingsOf(failing);
  const byId = new Map(failing.map((v) => [v.id, v]));
  const lines = [
    `Expected no privacy violations ${scope}; found ${findings.length} finding(s) (${failing.length} rule violation(s)):`,
  ];
  for (const finding of findings) {
    lines.push('', `  ${finding.severity.toUpperCase()} finding ${finding.id}`);
    for (const violation of finding.violationIds.flatMap((id) => byId.get(id) ?? [])) {
      const { clause } = violation;
      const lineRange =
        clause.lines.from === clause.lines.to
          ? `line ${clause.lines.from}`
          : `lines ${clause.lines.from}–${clause.lines.to}`;
      lines.push(
        `    ${violation.rule}: ${printable(violation.subject)}`,
        `      breaks ${clause.section} "${clause.title}" (${lineRange})`,
      );
    }
    lines.push(
      `    on ${finding.pageUrls.map(printable).join(', ')}`,
      `    ${printable(finding.summary)}${finding.verified ? '' : ' (unverified claim: only the page reported it)'}`,
    );
  }
  if (ignored > 0) {
    const why = [
      ...(except.length > 0 ? ['left out by except'] : []),
      ...(failOn !== 'low' ? [`below ${failOn}`] : []),
    ];
    lines.push('', `${ignored} other violation(s) ${why.join(' or ')}.`);
  }
  return lines.join('\n');
}

/** Page-controlled text (cookie names, URLs) must not drive the terminal a test report is read in. */
function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing them is the point
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '?');
  return clean.length <= 300 ? clean : `${clean.slice(0, 299)}…`;
}
