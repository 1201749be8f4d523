import { describe, expect, it } from 'vitest';
import { demoReport } from '../../tests/support/reports';
import { describePolicyRules } from '../core/formats/rule-descriptions';
import { JEEJIO_POLICY_2023_07 as policy } from '../core/policy/jeejio-policy-2023-07';
import { renderFormats } from './render-formats';

describe('renderFormats', () => {
  const input = { report: demoReport(), rules: describePolicyRules(policy) };

  it('makes a file for each format asked for besides report.json', () => {
    const files = renderFormats(['json', 'junit', 'sarif', 'csv'], input);
    expect(files.map((f) => [f.format, f.fileName])).toEqual([
      ['junit', 'report.junit.xml'],
      ['sarif', 'report.sarif'],
      ['csv', 'findings.csv'],
    ]);
    expect(JSON.parse(files[1]?.content ?? '')).toMatchObject({ version: '2.1.0' });
  });

  it('makes report.html for html: the self-contained page', () => {
    const [file, ...rest] = renderFormats(['json', 'html'], input);
    expect(rest).toEqual([]);
    expect(file).toMatchObject({ format: 'html', fileName: 'report.html' });
    expect(file?.content).toMatch(
      /^<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"\/><meta http-equiv="Content-Security-Policy"/,
    );
    expect(file?.content).toContain(input.report.violations[0]?.summary);
  });
});
