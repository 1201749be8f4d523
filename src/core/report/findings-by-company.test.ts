import { describe, expect, it } from 'vitest';
import log from '../../../tests/support/fixtures/demo-session.json';
import type { RecordedLog } from '../observations/observation';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { buildReport } from './build-report';
import { findingsByCompany } from './findings-by-company';

describe('findingsByCompany', () => {
  const report = buildReport({
    tool: { name: 'test', version: '0' },
    policy,
    ...(log as unknown as RecordedLog),
    generatedAt: 0,
  });
  const byId = new Map(report.observations.map((o) => [o.id, o]));
  const groups = findingsByCompany(report.findings, byId);

  it('puts every finding in exactly one group, the largest first', () => {
    expect(groups.flatMap((g) => g.findingIds).sort()).toEqual(report.findings.map((f) => f.id).sort());
    const sizes = groups.map((g) => g.findingIds.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('names the companies the catalogues know, the site itself, and an unlisted host by its name', () => {
    const keys = groups.map((g) => g.key);
    expect(keys).toEqual(
      expect.arrayContaining(['vendor:Google', 'vendor:Baidu Tongji', 'vendor:Meta', 'site']),
    );
    expect(keys).toContain('host:collect.tracker.example');
    // The site's own: its login cookies and the phone number it keeps in clear.
    const site = groups.find((g) => g.key === 'site');
    const siteSummaries = report.findings
      .filter((f) => site?.findingIds.includes(f.id))
      .map((f) => f.summary);
    expect(siteSummaries.some((s) => s.includes('user_phone'))).toBe(true);
  });
});
