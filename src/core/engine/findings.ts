import type { NotThisPage } from '../observations/observation';
import type { Severity } from '../rules/rule';
import { SEVERITY_ORDER } from '../rules/rule';
import { stableId } from '../util/stable-id';
import type { Phrase } from '../wording/phrase';
import type { Violation } from './verdicts';

/** A clause a finding breaks, as a reader needs it to look it up. */
export type CitedClause = Pick<Violation['clause'], 'id' | 'section' | 'lines' | 'title'>;

/**
 * One problem, as a reader counts them: the violations of every rule that
 * the same request, cookie or key breaks, with all their evidence. Six
 * requests of one SDK carrying a phone number are one finding citing §4, §6
 * and §7, not eighteen violations. Everything counted for people (badge,
 * popup, report, CLI table, CI formats) counts findings; `violations` keep
 * the rule-by-rule detail.
 */
export interface Finding {
  id: string;
  /** The most serious of its violations. */
  severity: Severity;
  /** The lead violation's title and summary: the most serious, then the first rule in the policy's order. */
  title: string;
  summary: string;
  summaryPhrase?: Phrase;
  /** Every clause broken, the lead's first, each once. */
  clauses: CitedClause[];
  /** The rules broken, the lead's first. */
  rules: string[];
  violationIds: string[];
  observationIds: string[];
  /** Every page where it was seen, first first. */
  pageUrls: string[];
  /** True when any of its violations rests on evidence the browser saw. */
  verified: boolean;
  /** Set when none of its violations was the page's own doing (Violation.notThisPage): shown apart, not counted. */
  notThisPage?: NotThisPage;
  /** `audit --repeat N`: in how many of the N visits its most often seen violation was seen. */
  seenInVisits?: { visits: number; of: number };
  /** Seen in some of those visits, not all. */
  intermittent?: boolean;
}

/**
 * Gives violations that share a primary piece of evidence (the request,
 * cookie or key a rule judged, not what it merely mentions) one finding id.
 * Only primaries link: a first-party cookie carried by requests to five
 * vendors would otherwise merge five recipients into one problem.
 *
 * @param primaries each violation's primary evidence ids, by violation id
 */
export function assignFindingIds(
  violations: readonly Violation[],
  primaries: ReadonlyMap<string, ReadonlySet<string>>,
): void {
  const parent = violations.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    // Path halving is enough here: groups are small.
    parent[i] = r;
    return r;
  };
  const ownerOf = new Map<string, number>();
  violations.forEach((v, i) => {
    for (const id of primaries.get(v.id) ?? []) {
      const owner = ownerOf.get(id);
      if (owner === undefined) ownerOf.set(id, i);
      else parent[root(i)] = root(owner);
    }
  });
  const groups = new Map<number, Violation[]>();
  violations.forEach((v, i) => {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(v);
    else groups.set(r, [v]);
  });
  for (const group of groups.values()) {
    const id = stableId('f', group.map((v) => v.id).sort());
    for (const v of group) v.findingId = id;
  }
}

/**
 * The findings that a list of violations makes, in the list's order of their
 * lead violations (so a list sorted by severity gives findings sorted by
 * severity). A violation without a finding id (a report from before findings)
 * is a finding of its own.
 */
export function findingsOf(violations: readonly Violation[]): Finding[] {
  const byId = new Map<string, Violation[]>();
  for (const v of violations) {
    const id = v.findingId ?? `f-${v.id}`;
    const group = byId.get(id);
    if (group) group.push(v);
    else byId.set(id, [v]);
  }
  return [...byId].map(([id, group]) => findingOfGroup(id, group));
}

function findingOfGroup(id: string, group: Violation[]): Finding {
  const lead = group.reduce((best, v) => (rank(v.severity) < rank(best.severity) ? v : best));
  const ordered = [lead, ...group.filter((v) => v !== lead)];
  const clauses = new Map<string, CitedClause>();
  for (const v of ordered) {
    const { id: clauseId, section, lines, title } = v.clause;
    if (!clauses.has(clauseId)) clauses.set(clauseId, { id: clauseId, section, lines, title });
  }
  const finding: Finding = {
    id,
    severity: lead.severity,
    title: lead.title,
    summary: lead.summary,
    clauses: [...clauses.values()],
    rules: [...new Set(ordered.map((v) => v.rule))],
    violationIds: ordered.map((v) => v.id),
    observationIds: [...new Set(ordered.flatMap((v) => v.observationIds))],
    pageUrls: [...new Set(ordered.flatMap((v) => v.pageUrls))],
    verified: group.some((v) => v.verified),
  };
  if (lead.summaryPhrase) finding.summaryPhrase = lead.summaryPhrase;
  if (group.every((v) => v.notThisPage)) finding.notThisPage = leadingReason(group.map((v) => v.notThisPage));
  // Seen in as many visits as its most often seen violation (audit --repeat).
  const counted = group.flatMap((v) => (v.seenInVisits ? [v.seenInVisits] : []));
  if (counted.length > 0) {
    const seen = counted.reduce((most, c) => (c.visits > most.visits ? c : most));
    finding.seenInVisits = { ...seen };
    if (seen.visits < seen.of) finding.intermittent = true;
  }
  return finding;
}

/** Of the reasons a page did not do something, the one to show: another tab's doing names a writer. */
export function leadingReason(reasons: Iterable<NotThisPage | undefined>): NotThisPage {
  for (const reason of reasons) if (reason === 'another-tab') return reason;
  return 'stored-earlier';
}

function rank(severity: Severity): number {
  return SEVERITY_ORDER.indexOf(severity);
}
