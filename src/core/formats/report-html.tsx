import { render } from 'preact-render-to-string';
import { findingsOf } from '../engine/findings';
import type { EvidenceKind } from '../observations/observation';
import { formatClauseLocation } from '../policy/policy-model';
import type { Changes, ReportComparison } from '../report/compare-reports';
import { lossPhrase } from '../report/evidence-completeness';
import type { ClauseStatus, Finding, Report, ReportObservation, Violation } from '../report/report-types';
import { SEVERITY_ORDER } from '../rules/rule';
import { inEnglish } from '../wording/phrase';
import { plural } from '../wording/plural';
import { type FindingStatus, type FormatInput, findingStatuses, statusOfFinding } from './format-input';
import { REPORT_HTML_CSS, REPORT_HTML_STYLE_SOURCE } from './report-html-style';
import { rulesForReport } from './rule-descriptions';
import { safeHref } from './safe-text';
import { firstOf } from './text-bounds';

/**
 * What report.html lists of each thing in full before saying how many more
 * report.json holds: the page must open, print and be read by a person.
 */
export const REPORT_HTML_BOUNDS = {
  violationsPerRule: 100,
  evidencePerViolation: 10,
  observationsPerKind: 200,
  pageUrlsPerViolation: 5,
  pages: 1000,
  /** Characters of a page-controlled value shown before it is cut, with its length said. */
  valueChars: 200,
  nameChars: 120,
} as const;

/**
 * No network, no script: only the one style sheet, by its hash, may apply.
 * Links still work when clicked (navigation is not a fetch of this page's).
 */
export const REPORT_HTML_CSP = `default-src 'none'; style-src ${REPORT_HTML_STYLE_SOURCE}; base-uri 'none'; form-action 'none'`;

export interface ReportHtmlInput extends FormatInput {
  /** Screenshots beside the page in an evidence bundle, by their path in it (named, not embedded). */
  screenshots?: readonly string[];
}

/**
 * The report as ONE self-contained HTML page for people: the verdict and the
 * scorecard of every clause, the violations by rule with their clause and
 * evidence, what was observed of each kind with how it was seen and whether
 * the browser confirmed it, the pages visited, and what made the report.
 * Every value is escaped by the renderer (preact-render-to-string); values a
 * page controls are also cut with their length said, with invisible and
 * direction-changing characters shown as escapes, and isolated with <bdi>;
 * only http(s) URLs become links.
 */
export function toReportHtml(input: ReportHtmlInput): string {
  return `<!DOCTYPE html>\n${render(<ReportDocument {...input} />)}\n`;
}

function ReportDocument({ report, rules, baselines, screenshots = [] }: ReportHtmlInput) {
  const statusOf = findingStatuses(baselines);
  const { cited: observationsById, byKind } = readObservations(report);
  const broken = report.scorecard.filter((c) => c.status === 'violated').length;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content={REPORT_HTML_CSP} />
        <meta name="referrer" content="no-referrer" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`Privacy report: ${broken} of ${report.scorecard.length} clauses broken`}</title>
        {/* A constant: the CSP admits it by its hash, so nothing from the report may go in it. */}
        <style dangerouslySetInnerHTML={{ __html: REPORT_HTML_CSS }} />
      </head>
      <body>
        <header>
          <h1>Privacy report</h1>
          <p class="meta">
            {`${report.tool.name} ${report.tool.version} · policy ${report.policy.id} version ${report.policy.version} · generated ${report.generatedAt}`}
          </p>
          <nav aria-label="Sections">
            <ul>
              <li>
                <a href="#verdict">Verdict</a>
              </li>
              {report.comparison && (
                <li>
                  <a href="#comparison">Compared</a>
                </li>
              )}
              <li>
                <a href="#scorecard">Scorecard</a>
              </li>
              <li>
                <a href="#violations">Findings</a>
              </li>
              {(report.advice?.length ?? 0) > 0 && (
                <li>
                  <a href="#advice">Advice</a>
                </li>
              )}
              {(report.linkDecorations?.length ?? 0) > 0 && (
                <li>
                  <a href="#link-decorations">Links carrying ids</a>
                </li>
              )}
              <li>
                <a href="#observations">Observations</a>
              </li>
              <li>
                <a href="#pages">Pages</a>
              </li>
              <li>
                <a href="#about">About this report</a>
              </li>
            </ul>
          </nav>
        </header>
        <main>
          <Verdict report={report} broken={broken} />
          {report.comparison && <Comparison comparison={report.comparison} />}
          <Scorecard report={report} />
          <Violations
            report={report}
            rules={rulesForReport(rules, report.violations).map((r) => r.id)}
            statusOf={statusOf}
            observationsById={observationsById}
          />
          <Advice report={report} observationsById={observationsById} />
          <Probes report={report} />
          <LinkDecorations report={report} />
          <Observations sections={byKind} />
          <Pages report={report} screenshots={screenshots} />
          <About report={report} />
        </main>
      </body>
    </html>
  );
}

function Verdict({ report, broken }: { report: Report; broken: number }) {
  const { summary } = report;
  return (
    <section id="verdict">
      <h2>Verdict</h2>
      <p class="verdict">
        {broken === 0
          ? 'No clause of the policy was seen broken.'
          : `${broken} of ${report.scorecard.length} clauses of the policy were seen broken, by ${summary.findings} ${plural(summary.findings, 'finding')} (${summary.violations} rule ${plural(summary.violations, 'violation')}).`}
      </p>
      <ul class="counts">
        {SEVERITY_ORDER.map((severity) => (
          <li>
            <span class={`severity ${severity}`}>{severity}</span> {summary.findingsBySeverity[severity]}
          </li>
        ))}
        <li>{`${summary.pages} ${plural(summary.pages, 'page')} visited`}</li>
        <li>{`${summary.observations} observations`}</li>
        <li>{`${summary.cookies} ${plural(summary.cookies, 'cookie')} (${summary.unclassifiedCookies} unclassified)`}</li>
      </ul>
      {report.errors && report.errors.length > 0 && (
        <>
          <p>These pages could not be loaded; their findings are missing, not clean:</p>
          <ul>
            {report.errors.map((e) => (
              <li>
                {Url({ url: e.url })} — {Text({ value: e.message, max: REPORT_HTML_BOUNDS.valueChars })}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.evidence && !report.evidence.complete && (
        <div class="losses" id="evidence-losses">
          <p>
            <strong>Evidence incomplete.</strong> Limits dropped or cut some of what the pages did; the
            findings rest on what was kept:
          </p>
          <ul>
            {report.evidence.losses.map((loss) => (
              <li data-cause={loss.cause}>
                {Text({ value: inEnglish(lossPhrase(loss)), max: REPORT_HTML_BOUNDS.valueChars })}
                {loss.perKey && loss.perKey.length > 0 && (
                  <>
                    {' Most seen: '}
                    {Text({
                      value: loss.perKey
                        .slice(0, 10)
                        .map(({ key, count }) => `${key} ×${count}`)
                        .join(', '),
                      max: REPORT_HTML_BOUNDS.valueChars,
                    })}
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** What is new and gone since the run compared with (--compare): findings first, then who was talked to and what was kept. */
function Comparison({ comparison: c }: { comparison: ReportComparison }) {
  const count = (changes: Changes<unknown>) => [changes.new.length, changes.gone.length] as const;
  const rows: [string, readonly [number, number]][] = [
    ['Findings', count(c.findings)],
    ['Third parties', count(c.thirdParties)],
    ['Cookies', count(c.cookies)],
    ['Storage keys', count(c.storageKeys)],
  ];
  const items = (changes: 'new' | 'gone') => [
    ...c.findings[changes].map((f) => (
      <li>
        <span class={`severity ${f.severity}`}>{f.severity}</span> <code>{f.rules.join(' + ')}</code>
        {f.intermittent ? ' (intermittent) ' : ' '}
        {Text({ value: f.summary, max: REPORT_HTML_BOUNDS.valueChars })}
      </li>
    )),
    ...c.thirdParties[changes].map((t) => (
      <li>
        third party {Text({ value: t.host, max: REPORT_HTML_BOUNDS.nameChars })}
        {t.vendor ? ` (${t.vendor})` : ''}
      </li>
    )),
    ...c.cookies[changes].map((k) => (
      <li>cookie {Text({ value: `${k.name}@${k.domain}`, max: REPORT_HTML_BOUNDS.nameChars })}</li>
    )),
    ...c.storageKeys[changes].map((k) => (
      <li>
        {`${k.area} key `}
        {Text({ value: `${k.key} (${k.origin})`, max: REPORT_HTML_BOUNDS.nameChars })}
      </li>
    )),
  ];
  const newItems = firstOf(items('new'), REPORT_HTML_BOUNDS.violationsPerRule);
  const goneItems = firstOf(items('gone'), REPORT_HTML_BOUNDS.violationsPerRule);
  return (
    <section id="comparison">
      <h2>Compared with an earlier run</h2>
      <p class="meta">{`The run of ${c.previous.generatedAt}: ${c.previous.pages} ${plural(c.previous.pages, 'page')}, ${c.previous.findings} ${plural(c.previous.findings, 'finding')}. Intermittent: seen in some visits of a page, not all.`}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">New</th>
            <th scope="col">Gone</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([what, [added, gone]]) => (
            <tr>
              <td>{what}</td>
              <td>{added}</td>
              <td>{gone}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {newItems.shown.length > 0 && (
        <>
          <h3>New</h3>
          <ul id="comparison-new">{newItems.shown}</ul>
          {newItems.more > 0 && <p class="more">{`…and ${newItems.more} more in report.json.`}</p>}
        </>
      )}
      {goneItems.shown.length > 0 && (
        <>
          <h3>Gone</h3>
          <ul id="comparison-gone">{goneItems.shown}</ul>
          {goneItems.more > 0 && <p class="more">{`…and ${goneItems.more} more in report.json.`}</p>}
        </>
      )}
    </section>
  );
}

const STATUS_LABEL: Record<ClauseStatus, string> = {
  violated: 'violated',
  'contradicts-itself': 'the policy contradicts itself',
  kept: 'kept',
  'not-observed': 'not observed',
  'not-checkable': 'not checkable',
};

function Scorecard({ report }: { report: Report }) {
  return (
    <section id="scorecard">
      <h2>Scorecard</h2>
      <p class="muted">
        Every clause of the policy: violated, kept, not observed (nothing it governs was seen), or not
        checkable from a browser; and where the policy's own text contradicts itself, which no page did and no
        count includes.
      </p>
      <table>
        <thead>
          <tr>
            <th>Clause</th>
            <th>Where</th>
            <th>Status</th>
            <th>Violations</th>
            <th>Note</th>
          </tr>
        </thead>
        <tbody>
          {report.scorecard.map((c) => (
            <tr id={`clause-${c.clauseId}`}>
              <td>{c.title}</td>
              <td>{formatClauseLocation(c)}</td>
              <td class={`status-${c.status}`}>{STATUS_LABEL[c.status]}</td>
              <td>{c.violations}</td>
              <td>{c.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The findings, under the rule that leads each (its most serious): one
 * entry per problem, naming every other clause the same evidence breaks.
 */
function Violations({
  report,
  rules,
  statusOf,
  observationsById,
}: {
  report: Report;
  rules: string[];
  statusOf: (violationId: string) => FindingStatus;
  observationsById: ReadonlyMap<string, ReportObservation>;
}) {
  const violationById = new Map(report.violations.map((v) => [v.id, v]));
  const byLead = groupBy(findingsOf(report.violations), (f) => f.rules[0] ?? '');
  const ruleIds = rules.filter((id) => byLead.has(id));
  return (
    <section id="violations">
      <h2>{`Findings (${report.summary.findings})`}</h2>
      {ruleIds.length === 0 && <p>None.</p>}
      {ruleIds.map((ruleId) => {
        const findings = byLead.get(ruleId) ?? [];
        const first = violationById.get(findings[0]?.violationIds[0] ?? '') as Violation;
        const { shown, more } = firstOf(findings, REPORT_HTML_BOUNDS.violationsPerRule);
        return (
          <section id={`rule-${ruleId}`}>
            <h3>{`${first.title} (${findings.length})`}</h3>
            <p>
              <code>{ruleId}</code> breaks <strong>{first.clause.title}</strong>,{' '}
              {formatClauseLocation(first.clause)}
              {first.alsoCites.length > 0 &&
                `; also cites ${first.alsoCites.map((c) => `${c.title} (${formatClauseLocation(c)})`).join('; ')}`}
              .
            </p>
            <p class="muted">{first.clause.paraphrase}</p>
            <p>{first.explanation}</p>
            {shown.map((f) => (
              <FindingEntry
                finding={f}
                violations={f.violationIds.flatMap((id) => violationById.get(id) ?? [])}
                status={statusOfFinding(f, statusOf)}
                observationsById={observationsById}
              />
            ))}
            {more > 0 && (
              <p class="more">{`…and ${more} more ${plural(more, 'finding')} led by this rule in report.json.`}</p>
            )}
          </section>
        );
      })}
    </section>
  );
}

/** Findings whose bound is guidance, not the policy: shown apart, never counted as broken promises. */
function Advice({
  report,
  observationsById,
}: {
  report: Report;
  observationsById: ReadonlyMap<string, ReportObservation>;
}) {
  const advice = report.advice ?? [];
  if (advice.length === 0) return null;
  const { shown, more } = firstOf(advice, REPORT_HTML_BOUNDS.violationsPerRule);
  return (
    <section id="advice">
      <h2>{`Advice (${advice.length})`}</h2>
      <p class="muted">
        Not broken promises: the policy sets no such bound. Each bound is guidance (a regulator's
        recommendation, or the auditor's own in the policy model) and counts in no verdict or exit code.
      </p>
      {shown.map((v) => (
        <article class="violation advice" id={`advice-${v.id}`}>
          <p>
            <strong>{v.title}</strong>: {Text({ value: v.summary, max: REPORT_HTML_BOUNDS.valueChars })}
          </p>
          <p class="meta">
            <code>{v.rule}</code> concerns {v.clause.title}, {formatClauseLocation(v.clause)} · seen on{' '}
            {Url({ url: v.pageUrl })} · evidence{' '}
            {v.observationIds.slice(0, REPORT_HTML_BOUNDS.evidencePerViolation).map((id, i) => (
              <>
                {i > 0 && '; '}
                {EvidenceLine({ id, observation: observationsById.get(id) })}
              </>
            ))}
          </p>
        </article>
      ))}
      {more > 0 && <p class="more">{`…and ${more} more in report.json.`}</p>}
    </section>
  );
}

function FindingEntry({
  finding: f,
  violations,
  status,
  observationsById,
}: {
  finding: Finding;
  violations: readonly Violation[];
  status: FindingStatus;
  observationsById: ReadonlyMap<string, ReportObservation>;
}) {
  const evidence = firstOf(f.observationIds, REPORT_HTML_BOUNDS.evidencePerViolation);
  const pages = firstOf(f.pageUrls, REPORT_HTML_BOUNDS.pageUrlsPerViolation);
  const [lead, ...others] = violations;
  return (
    <article class={`violation ${f.severity}`} id={`finding-${f.id}`}>
      <p>
        <span class={`severity ${f.severity}`}>{f.severity}</span>{' '}
        {Text({ value: f.summary, max: REPORT_HTML_BOUNDS.valueChars })}
        {!f.verified && <span class="claim"> (unverified claim: the browser could not confirm it)</span>}
      </p>
      {others.length > 0 && (
        <ul class="also-breaks">
          {others.map((v) => (
            <li>
              Also breaks <strong>{v.clause.title}</strong>, {formatClauseLocation(v.clause)} (
              <code>{v.rule}</code>
              ): {Text({ value: v.summary, max: REPORT_HTML_BOUNDS.valueChars })}
            </li>
          ))}
        </ul>
      )}
      {decodedOf(violations).length > 0 && (
        <ul class="decoded">
          {decodedOf(violations).map((d) => (
            <li>
              Decoded from {Text({ value: d.vendor, max: REPORT_HTML_BOUNDS.nameChars })}'s payload:{' '}
              <code>{Text({ value: d.path, max: REPORT_HTML_BOUNDS.nameChars })}</code> is{' '}
              {d.meaning.replace(/-/g, ' ')} (
              <code>{Text({ value: d.value, max: REPORT_HTML_BOUNDS.nameChars })}</code>)
            </li>
          ))}
        </ul>
      )}
      {status.state !== 'open' && (
        <p>
          {status.state === 'accepted' ? 'Accepted' : 'Acceptance expired'} until {status.baseline.expires} by{' '}
          {Text({ value: status.baseline.owner, max: REPORT_HTML_BOUNDS.nameChars })}:{' '}
          {Text({ value: status.baseline.reason, max: REPORT_HTML_BOUNDS.valueChars })}
        </p>
      )}
      <p class="meta">
        Subject {Text({ value: lead?.subject ?? '', max: REPORT_HTML_BOUNDS.valueChars })} · seen on{' '}
        {pages.shown.map((url, i) => (
          <>
            {i > 0 && ', '}
            {Url({ url })}
          </>
        ))}
        {pages.more > 0 && ` and ${pages.more} more ${plural(pages.more, 'page')}`} · id <code>{f.id}</code>
      </p>
      <p>Evidence:</p>
      <ul class="evidence">
        {evidence.shown.map((id) => (
          <li>{EvidenceLine({ id, observation: observationsById.get(id) })}</li>
        ))}
        {evidence.more > 0 && <li class="more">{`…and ${evidence.more} more in report.json`}</li>}
      </ul>
    </article>
  );
}

/** The decoded payload fields behind a finding's violations, each once. */
function decodedOf(violations: readonly Violation[]): NonNullable<Violation['decoded']> {
  const seen = new Set<string>();
  return violations
    .flatMap((v) => v.decoded ?? [])
    .filter((d) => {
      const key = `${d.vendor}\u0000${d.path}\u0000${d.meaning}\u0000${d.value}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Cookies and keys an SDK wrote only to test support: named, so a reader does not take them for tracking. */
function Probes({ report }: { report: Report }) {
  const probes = report.probes ?? [];
  if (probes.length === 0) return null;
  return (
    <section id="probes">
      <h2>{`SDK probes (${probes.length})`}</h2>
      <p class="muted">
        Written and removed at once to test whether cookies or storage work: not tracking, judged by no rule.
      </p>
      <ul>
        {probes.map((p) => (
          <li>
            {p.kind} <code>{Text({ value: p.name, max: REPORT_HTML_BOUNDS.nameChars })}</code>
            {p.vendor && <> by {Text({ value: p.vendor, max: REPORT_HTML_BOUNDS.nameChars })}</>} ·{' '}
            {p.observationIds.length} observations
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Links and navigations leaving the pages with click or person ids, and
 * bounces through trackers: what each parameter is and who reads it. Listed,
 * judged by no rule; the values are masked.
 */
function LinkDecorations({ report }: { report: Report }) {
  const items = report.linkDecorations ?? [];
  if (items.length === 0) return null;
  const max = REPORT_HTML_BOUNDS.nameChars;
  return (
    <section id="link-decorations">
      <h2>{`Links carrying ids (${items.length})`}</h2>
      <p class="muted">
        Links and navigations that leave the site with click or person ids added, and navigations bounced
        through a tracker on their way: listed with what each id is for, judged by no rule. Values are masked.
      </p>
      <ul>
        {items.map((d) => (
          <li>
            {d.via === 'link' ? 'Link ' : 'Navigation '}
            <Url url={d.url} /> on <Url url={d.pageUrl} />
            {d.params.length > 0 && (
              <ul>
                {d.params.map((p) => (
                  <li>
                    <code>{Text({ value: `${p.name}=${p.value}`, max })}</code>
                    {` (${p.valueLength} characters) on ${p.host}: ${p.carries} of ${p.vendor}, ${p.purpose}`}
                  </li>
                ))}
              </ul>
            )}
            {d.bouncedThrough && (
              <p>
                {`Bounced through ${d.bouncedThrough.map((b) => `${b.host} (${b.vendor}, ${b.purpose})`).join(', ')}: `}
                {Text({ value: (d.chain ?? []).join(' → '), max: REPORT_HTML_BOUNDS.nameChars * 8 })}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function EvidenceLine({ id, observation: o }: { id: string; observation: ReportObservation | undefined }) {
  if (!o) {
    return (
      <>
        <code>{visibleText(id, REPORT_HTML_BOUNDS.nameChars)}</code> (not among the report's observations)
      </>
    );
  }
  return (
    <>
      <code>{visibleText(id, REPORT_HTML_BOUNDS.nameChars)}</code> {o.kind}{' '}
      {Text({ value: o.name, max: REPORT_HTML_BOUNDS.nameChars })} on{' '}
      {Text({ value: o.domain, max: REPORT_HTML_BOUNDS.nameChars })} at {o.observedAt}, seen by {o.provenance}
      {o.verified ? ', verified' : ', an unverified claim'}
      {o.value !== undefined && (
        <>
          , value{' '}
          {Text({
            value: o.value,
            max: REPORT_HTML_BOUNDS.valueChars,
            length: o.valueLength,
            class: 'value',
          })}
        </>
      )}
    </>
  );
}

const KIND_SECTIONS: { title: string; kinds: readonly EvidenceKind[] }[] = [
  { title: 'Cookies', kinds: ['cookie'] },
  { title: 'Beacons and requests', kinds: ['beacon', 'request'] },
  { title: 'Storage', kinds: ['storage'] },
  { title: 'Fingerprinting', kinds: ['fingerprint'] },
  { title: 'Policy text', kinds: ['policy-text'] },
];

type KindSection = { shown: ReportObservation[]; total: number };

function Observations({ sections }: { sections: readonly KindSection[] }) {
  return (
    <section id="observations">
      <h2>Observations</h2>
      <p class="muted">
        How each was seen: cookies-api, webRequest and the extension's own reading of storage are the
        browser's; page-hook claims and what the page's markup shows are verified only when the browser saw
        the same.
      </p>
      {KIND_SECTIONS.map(({ title, kinds }, i) => {
        const { shown, total } = sections[i] as KindSection;
        const more = total - shown.length;
        return (
          <section id={`kind-${kinds[0]}`}>
            <h3>{`${title} (${total})`}</h3>
            {total === 0 ? (
              <p class="muted">None observed.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>Domain</th>
                    <th>Party, vendor, purpose</th>
                    <th>Seen by</th>
                    <th>Value or request</th>
                    <th>Page</th>
                  </tr>
                </thead>
                <tbody>{shown.map((o) => ObservationRow({ observation: o }))}</tbody>
              </table>
            )}
            {more > 0 && <p class="more">{`…and ${more} more in report.json.`}</p>}
          </section>
        );
      })}
    </section>
  );
}

function ObservationRow({ observation: o }: { observation: ReportObservation }) {
  const max = REPORT_HTML_BOUNDS.nameChars;
  return (
    <tr id={`observation-${o.id}`}>
      <td>
        {Text({ value: o.name, max })}
        {o.kind !== 'cookie' && o.kind !== 'storage' && <span class="muted">{` ${o.kind}`}</span>}
      </td>
      <td>{Text({ value: o.domain, max })}</td>
      <td>
        {`${o.party}, ${o.vendor ?? 'unknown vendor'}, ${o.purpose}`}
        <br />
        <span class="muted">
          {Text({ value: o.classificationReason, max: REPORT_HTML_BOUNDS.valueChars })}
        </span>
      </td>
      <td>
        {o.provenance}
        <br />
        {o.verified ? 'verified' : <span class="claim">unverified claim</span>}
        <br />
        <span class="muted">{o.observedAt}</span>
      </td>
      <td>
        {o.value !== undefined &&
          Text({ value: o.value, max: REPORT_HTML_BOUNDS.valueChars, length: o.valueLength, class: 'value' })}
        {o.url !== undefined && (
          <>
            {o.method !== undefined && `${o.method} `}
            {Url({ url: o.url })}
          </>
        )}
        {o.scriptUrl !== undefined && (
          <>
            <br />
            <span class="muted">by </span>
            {Url({ url: o.scriptUrl })}
          </>
        )}
        {o.claimedScriptUrl !== undefined && (
          <>
            <br />
            <span class="muted">by, the page claims, </span>
            {Url({ url: o.claimedScriptUrl })}
          </>
        )}
      </td>
      <td>{Url({ url: o.pageUrl })}</td>
    </tr>
  );
}

function Pages({ report, screenshots }: { report: Report; screenshots: readonly string[] }) {
  const violationsOn = new Map<string, number>();
  for (const f of findingsOf(report.violations)) {
    for (const url of new Set(f.pageUrls)) violationsOn.set(url, (violationsOn.get(url) ?? 0) + 1);
  }
  const { shown, more } = firstOf(report.pages, REPORT_HTML_BOUNDS.pages);
  return (
    <section id="pages">
      <h2>Pages visited</h2>
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>Page</th>
            <th>Visited at</th>
            <th>Findings seen</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p, i) => (
            <tr>
              <td>{i + 1}</td>
              <td>{Url({ url: p.url })}</td>
              <td>{p.startedAt}</td>
              <td>{violationsOn.get(p.url) ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 && <p class="more">{`…and ${more} more ${plural(more, 'page')} in report.json.`}</p>}
      {screenshots.length > 0 && (
        <p>
          {'Screenshots in this bundle: '}
          {screenshots.map((path, i) => (
            <>
              {i > 0 && ', '}
              <code>{path}</code>
            </>
          ))}
          .
        </p>
      )}
    </section>
  );
}

/** What the browser did with third parties' cookies, as its jar showed at the end of the audit. */
const THIRD_PARTY_COOKIE_MODES = {
  blocked: 'blocked (the browser refused every one)',
  allowed: 'allowed (the browser stored every one)',
  partitioned: 'partitioned (the browser kept each apart, in a jar of the site it was set on)',
  mixed: 'some stored, some refused',
} as const;

function About({ report }: { report: Report }) {
  return (
    <section id="about">
      <h2>About this report</h2>
      <table>
        <tbody>
          <tr>
            <th>Tool</th>
            <td>{`${report.tool.name} ${report.tool.version}`}</td>
          </tr>
          <tr>
            <th>Policy</th>
            <td>{`${report.policy.id}, version ${report.policy.version}`}</td>
          </tr>
          <tr>
            <th>Policy text SHA-256</th>
            <td>
              <code>{report.policy.sha256}</code>
            </td>
          </tr>
          <tr>
            <th>Rule set</th>
            <td>{report.ruleSetVersion}</td>
          </tr>
          {report.browser && (
            <tr>
              <th>Browser</th>
              <td>{`${report.browser.name} ${report.browser.version}`}</td>
            </tr>
          )}
          {report.scenario && (
            <tr>
              <th>Scenario</th>
              <td>{`${report.scenario.name}: ${report.scenario.description}`}</td>
            </tr>
          )}
          {report.summary.thirdPartyCookies && report.summary.thirdPartyCookies.mode !== 'unknown' && (
            <tr>
              <th>Third-party cookies</th>
              <td>{THIRD_PARTY_COOKIE_MODES[report.summary.thirdPartyCookies.mode]}</td>
            </tr>
          )}
          <tr>
            <th>Generated</th>
            <td>{report.generatedAt}</td>
          </tr>
        </tbody>
      </table>
      <p class="muted">
        The machine-readable report, with every observation and violation in full, is report.json. In an
        evidence bundle, <code>npm run verify -- bundle.zip --fingerprint KEY</code> checks that nothing in it
        was changed and that KEY, the fingerprint its signer gave you, signed it.
      </p>
    </section>
  );
}

/** Characters that hide or reorder text, or are not text at all: shown as \uXXXX escapes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is made visible
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A value a page controls, as text: hidden and direction-changing characters
 * shown as escapes, cut after `max` characters with its length said, and
 * isolated from the text around it.
 */
function Text({
  value,
  max,
  length = value.length,
  class: className,
}: {
  value: string;
  max: number;
  /** The value's length before the recorder cut it, when it did. */
  length?: number | undefined;
  class?: string;
}) {
  // Page data: never translated, and free to break anywhere to fit (a long URL or token must).
  return (
    <bdi class={className} {...PAGE_DATA}>
      {visibleText(value, max, length)}
    </bdi>
  );
}

export function visibleText(value: string, max: number, length = value.length): string {
  // Only what can be shown is read: a value can be megabytes long.
  const head = value.length > max ? value.slice(0, max) : value;
  const visible = head.replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (head === value && visible.length <= max && length <= value.length) return visible;
  // Never cut a surrogate pair in half.
  const cut = visible.slice(0, max).replace(/[\uD800-\uDBFF]$/, '');
  return `${cut}… (${length} characters)`;
}

/**
 * `translate="no"` as the HTML attribute: Preact's types know only the DOM
 * property's boolean, which a server render drops.
 */
const PAGE_DATA = { translate: 'no' } as unknown as { translate: boolean };

/** A URL as a link only when it is http(s); anything else (javascript:, data:) stays text. */
function Url({ url }: { url: string }) {
  const href = safeHref(url);
  const text = Text({ value: url, max: REPORT_HTML_BOUNDS.nameChars });
  return href ? (
    <a href={href} rel="noreferrer noopener">
      {text}
    </a>
  ) : (
    text
  );
}

/**
 * In one pass over the observations (a report can hold a hundred thousand,
 * and reading each costs more than the page): those the listed evidence
 * names, and for each of KIND_SECTIONS the first to list and how many there are.
 */
function readObservations(report: Report): { cited: Map<string, ReportObservation>; byKind: KindSection[] } {
  const wanted = new Set<string>();
  const listed = [
    ...[...groupBy(report.violations, (v) => v.rule).values()].flatMap((violations) =>
      violations.slice(0, REPORT_HTML_BOUNDS.violationsPerRule),
    ),
    ...(report.advice ?? []).slice(0, REPORT_HTML_BOUNDS.violationsPerRule),
  ];
  for (const v of listed) {
    for (const id of v.observationIds.slice(0, REPORT_HTML_BOUNDS.evidencePerViolation)) wanted.add(id);
  }
  const cited = new Map<string, ReportObservation>();
  const byKind = KIND_SECTIONS.map((): KindSection => ({ shown: [], total: 0 }));
  const sectionOf = new Map(
    KIND_SECTIONS.flatMap(({ kinds }, i) => kinds.map((kind) => [kind, byKind[i] as KindSection] as const)),
  );
  for (const o of report.observations) {
    if (wanted.has(o.id)) cited.set(o.id, o);
    const section = sectionOf.get(o.kind);
    if (!section) continue;
    section.total += 1;
    if (section.shown.length < REPORT_HTML_BOUNDS.observationsPerKind) section.shown.push(o);
  }
  return { cited, byKind };
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
