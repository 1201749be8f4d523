import type { Report } from '../report/report-types';

/** The human summary printed after an audit: a table of violations, then totals. */
export function formatSummary(report: Report): string {
  const lines: string[] = [];
  const s = report.summary;
  lines.push(
    `Audited ${s.pages} page(s): ${s.cookies} cookies (${s.unclassifiedCookies} unclassified), ${s.observations} observations.`,
  );
  lines.push(
    `Policy: ${report.policy.id} ${report.policy.version} (sha256 ${report.policy.sha256.slice(0, 12)}…)`,
  );
  if (report.violations.length === 0) {
    lines.push('No violations found.');
    return lines.join('\n');
  }
  const rows = report.violations.map((v) => [
    v.severity.toUpperCase(),
    v.rule,
    `${v.clause.section} l.${v.clause.lines.from}-${v.clause.lines.to}`,
    truncate(pageLabel(v.pageUrl), 40),
    truncate(v.summary, 90),
  ]);
  const header = ['SEVERITY', 'RULE', 'CLAUSE', 'PAGE', 'WHAT'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  lines.push('', format(header), ...rows.map(format), '');
  lines.push(
    `${s.violations} violation(s): ${s.bySeverity.high} high, ${s.bySeverity.medium} medium, ${s.bySeverity.low} low.`,
  );
  return lines.join('\n');
}

function pageLabel(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url;
  }
}

function truncate(text: string, max: number): string {
  // Control characters from hostile cookie names must not drive the terminal.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '?');
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}
