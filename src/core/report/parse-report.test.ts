import { describe, expect, it } from 'vitest';
import { demoReport } from '../../../tests/support/reports';
import { parseReport, ReportFileError } from './parse-report';

describe('parseReport', () => {
  it('reads back a report as it was written, fields it does not check included', () => {
    const report = demoReport();
    expect(parseReport(JSON.stringify(report))).toEqual(report);
  });

  it('refuses what is not JSON, not an object, or not a report, naming where', () => {
    expect(() => parseReport('{"schemaVersion": 1,')).toThrow(/not valid JSON/);
    expect(() => parseReport('[]')).toThrow(/a report is a JSON object/);
    expect(() => parseReport('{"hello": "world"}')).toThrow(ReportFileError);
    const report = demoReport();
    const broken = { ...report, violations: [{ ...report.violations[0], rule: 7 }] };
    expect(() => parseReport(JSON.stringify(broken))).toThrow(/violations\.0\.rule: /);
    expect(() => parseReport(JSON.stringify({ ...report, schemaVersion: 2 }))).toThrow(/schemaVersion: /);
  });

  it('refuses a text nested far deeper than a report before parsing it', () => {
    expect(() => parseReport(`${'['.repeat(10_000)}${']'.repeat(10_000)}`)).toThrow(
      /nests 10000 levels deep/,
    );
  });
});
