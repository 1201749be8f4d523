/**
 * Classification plus rules, per observation, on 100,000 observations grown
 * from a recorded demo session. Prints figures; the targets (median ≤ 5 µs,
 * p99 ≤ 50 µs) are checked by reading them, not by a timed test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateRules } from '../../src/core/engine/evaluate-policy';
import type { Observation, RecordedLog } from '../../src/core/observations/observation';
import { JEEJIO_POLICY_2023_07 as policy } from '../../src/core/policy/jeejio-policy-2023-07';
import { PROJECT_ROOT } from '../../src/harness/extension-build';
import { GOLDEN_CASES } from '../support/golden-cases';

const TOTAL = 100_000;

/** `pass` changes every varied value, so a later pass of the benchmark meets as few remembered answers as the first. */
export function grownObservations(total = TOTAL, pass = 0): Observation[] {
  const log = JSON.parse(
    readFileSync(join(PROJECT_ROOT, 'tests/support/fixtures/demo-session.json'), 'utf8'),
  ) as RecordedLog;
  // The recorded demo session brings real cookies; the golden cases add storage, requests and beacons.
  const seeds = [...log.observations, ...GOLDEN_CASES.flatMap((c) => c.observations)];
  const out: Observation[] = [];
  for (let i = 0; out.length < total; i++) {
    const seed = seeds[i % seeds.length] as Observation;
    const round = Math.floor(i / seeds.length);
    // Every copy is a distinct fact on a distinct visit, with names varied so caches see realistic churn.
    const variant = {
      ...seed,
      id: `${seed.id}-${round}`,
      visitId: `${seed.visitId}-${round % 500}`,
    } as Observation;
    if (variant.kind === 'cookie' && round % 3 === 1) variant.name = `${variant.name}_${round % 97}`;
    // Analytics cookies carry timestamps that change on every page view, so a quarter of values change too.
    if (variant.kind === 'cookie' && round % 4 === 2) {
      variant.value = variant.value.replace(/\d+(?=\D*$)/, String(1_700_000_000 + pass * 1_000_000 + round));
    }
    if ((variant.kind === 'request' || variant.kind === 'beacon') && round % 2 === 1) {
      variant.url = `${variant.url}${variant.url.includes('?') ? '&' : '?'}n=${round}.${pass}`;
    }
    out.push(variant);
  }
  return out;
}

export function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

const PASSES = 3;

export function benchRulesEngine(): void {
  // Warm up the JIT and the classifiers' caches as a long-running worker would be.
  for (const o of grownObservations(5_000, PASSES)) evaluateRules([o], policy);

  // This machine's other work shows in single passes, so the middle pass of three is the figure.
  const passes = Array.from({ length: PASSES }, (_, pass) => {
    const observations = grownObservations(TOTAL, pass);
    const times = new Float64Array(observations.length);
    for (let i = 0; i < observations.length; i++) {
      const start = performance.now();
      evaluateRules([observations[i] as Observation], policy);
      times[i] = (performance.now() - start) * 1000;
    }
    const sorted = Float64Array.from(times).sort();
    return { observations, times, median: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
  });
  const middle = [...passes].sort((a, b) => a.median - b.median)[1] ?? passes[0];
  if (!middle) return;
  const { observations } = middle;
  const times = middle.times;
  const byKind = new Map<string, number[]>();
  observations.forEach((o, i) => {
    const list = byKind.get(o.kind) ?? [];
    list.push(times[i] ?? 0);
    byKind.set(o.kind, list);
  });
  times.sort();

  // As the extension works: one evaluation per page visit (the badge and the popup evaluate a visit).
  const visits = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = visits.get(o.visitId);
    if (list) list.push(o);
    else visits.set(o.visitId, [o]);
  }
  const perVisit = new Float64Array(visits.size);
  let v = 0;
  for (const list of visits.values()) {
    const start = performance.now();
    evaluateRules(list, policy);
    perVisit[v++] = ((performance.now() - start) * 1000) / list.length;
  }
  perVisit.sort();

  const batchStart = performance.now();
  const { violations } = evaluateRules(observations, policy);
  const batchMs = performance.now() - batchStart;

  const kinds = new Map<string, number>();
  for (const o of observations) kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);
  console.log(
    `rules engine: ${observations.length} observations (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')})`,
  );
  console.log(
    `  per observation, evaluated alone (middle of ${PASSES} passes): median ${percentile(times, 0.5).toFixed(2)} µs, p99 ${percentile(times, 0.99).toFixed(2)} µs (targets ≤ 5 µs, ≤ 50 µs)`,
  );
  console.log(
    `    each pass: ${passes.map((p) => `median ${p.median.toFixed(2)} µs, p99 ${p.p99.toFixed(2)} µs`).join('; ')}`,
  );
  for (const [kind, list] of byKind) {
    const sorted = Float64Array.from(list).sort();
    console.log(
      `    ${kind}: median ${percentile(sorted, 0.5).toFixed(2)} µs, p99 ${percentile(sorted, 0.99).toFixed(2)} µs`,
    );
  }
  console.log(
    `  per observation, evaluated by page visit (${visits.size} visits of ~${Math.round(observations.length / visits.size)}): median ${percentile(perVisit, 0.5).toFixed(2)} µs, p99 ${percentile(perVisit, 0.99).toFixed(2)} µs`,
  );
  console.log(
    `  all at once: ${batchMs.toFixed(0)} ms, ${((batchMs * 1000) / observations.length).toFixed(2)} µs per observation, ${violations.length} violations`,
  );
}
