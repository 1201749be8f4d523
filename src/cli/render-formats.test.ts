import { describe, expect, it } from 'vitest';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { describePolicyRules } from '../report-formats/rule-descriptions';
import { demoReport } from '../test-support/reports';
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

  it('makes nothing for html rather than a stand-in', () => {
    expect(renderFormats(['json', 'html'], input)).toEqual([]);
  });
});
