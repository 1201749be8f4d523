import { terminalSafe } from '../util/terminal-safe';
import { plural } from '../wording/plural';
import type { Trace } from './page-traces';
import type { ScenarioDifference } from './scenario-comparison';

/** At most this many traces are named on a line; the rest are counted. */
const MAX_NAMED = 8;

/** The comparison as the command prints it: per scenario, what it stopped, what it did not, what it added. */
export function formatScenarioComparison(differences: readonly ScenarioDifference[]): string {
  if (differences.length === 0)
    return 'Only the default visit was made; there is nothing to compare it with.';
  const lines = ['Scenarios compared with the default visit:'];
  for (const d of differences) {
    lines.push(
      '',
      `${d.scenario}: findings counted once per page they were made on: ${d.goneFindings.length} gone, ${d.keptFindings.length} still made, ${d.newFindings.length} new.`,
    );
    for (const f of d.newFindings)
      lines.push(`  new: ${f.title}: ${f.summary} (${f.clause}) on ${f.pageUrl}`);
    for (const outcome of d.consent ?? []) {
      const answered = outcome.succeeded ? 'answered' : 'could not be answered';
      lines.push(`  ${outcome.pageUrl}: the ${outcome.cmp} banner ${answered} "${outcome.action}".`);
      lines.push(`    stored before any choice: ${named(outcome.beforeChoice)}`);
      lines.push(`    stored after the choice: ${named(outcome.afterChoice)}`);
    }
    if (d.consent?.length === 0)
      lines.push('  No page showed a banner the rule set knows; nothing was answered.');
    for (const page of d.pages) {
      if (page.stopped.length === 0 && page.kept.length === 0 && page.added.length === 0) continue;
      const verdict = page.stopped.length === 0 ? 'stopped nothing' : `stopped ${named(page.stopped)}`;
      lines.push(`  ${page.pageUrl}: ${page.gpc ? `GPC ${page.gpc}; ` : ''}${verdict}`);
      if (page.kept.length > 0) lines.push(`    still: ${named(page.kept)}`);
      if (page.added.length > 0) lines.push(`    only in ${d.scenario}: ${named(page.added)}`);
    }
    if (d.refusalLeft && d.refusalLeft.length > 0) {
      lines.push('  What refusing cookies did not stop:');
      for (const page of d.refusalLeft) lines.push(`    ${page.pageUrl}: ${named(page.traces)}`);
    }
    for (const support of d.gpcSupport ?? []) {
      const said =
        support.gpc === undefined
          ? `no GPC support resource (/.well-known/gpc.json ${support.problem ?? 'unreadable'})`
          : `/.well-known/gpc.json says "gpc": ${support.gpc} (the site's own word)`;
      lines.push(`  ${support.origin}: ${said}`);
      const ignoring = d.pages.filter(
        (page) =>
          page.gpc !== undefined && page.gpc !== 'honoured' && page.pageUrl.startsWith(`${support.origin}/`),
      );
      if (support.gpc === true && ignoring.length > 0)
        lines.push(
          `    yet ${count(ignoring.length, 'page')} of it did not honour GPC: ${ignoring.map((page) => page.pageUrl).join(', ')}`,
        );
    }
  }
  // Findings, pages and traces quote what pages chose (cookie names, storage keys, payload members):
  // every line is made safe to print in a terminal.
  return lines.map(terminalSafe).join('\n');
}

function named(traces: readonly Trace[]): string {
  if (traces.length === 0) return 'nothing';
  const shown = traces.slice(0, MAX_NAMED).map((t) => `${t.kind} ${t.key}`);
  const more = traces.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

function count(n: number, noun: string): string {
  return `${n} ${plural(n, noun)}`;
}
