import { describe, expect, it } from 'vitest';
import type { Violation } from '../report/report-types';
import { buildFindingsCsv, csvField } from './findings-csv';

function violation(overrides: Partial<Violation> = {}): Violation {
  return {
    id: 'v-1',
    rule: 'cookie-sensitive-in-clear',
    title: 'Sensitive data in a cookie',
    severity: 'high',
    clause: {
      id: 'security.encryption',
      section: '6',
      lines: { from: 89, to: 89 },
      title: 'Security measures',
      paraphrase: 'Personal data is protected.',
    },
    alsoCites: [],
    summary: 'Cookie user_phone holds a phone number',
    explanation: '…',
    pageUrl: 'https://www.jeejio.com/',
    pageUrls: ['https://www.jeejio.com/', 'https://open.jeejio.com/'],
    observationIds: ['c-1', 'c-2'],
    verified: true,
    ...overrides,
  };
}

describe('buildFindingsCsv', () => {
  it('writes a header and one CRLF-ended row per violation', () => {
    const csv = buildFindingsCsv([
      violation(),
      violation({ id: 'v-2', clause: { ...violation().clause, lines: { from: 92, to: 93 } } }),
    ]);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[0]).toBe(
      'violation_id,rule,severity,verified,clause_id,section,lines,clause_title,title,summary,page_url,page_urls,observation_ids',
    );
    expect(lines[1]).toBe(
      'v-1,cookie-sensitive-in-clear,high,true,security.encryption,6,89,Security measures,Sensitive data in a cookie,' +
        'Cookie user_phone holds a phone number,https://www.jeejio.com/,https://www.jeejio.com/ https://open.jeejio.com/,c-1 c-2',
    );
    expect(lines[2]).toContain(',92-93,');
  });

  it('quotes fields with commas, quotes or line breaks, doubling quotes (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('plain')).toBe('plain');
    const csv = buildFindingsCsv([violation({ summary: 'Cookie "a,b"\r\nset' })]);
    expect(csv).toContain(',"Cookie ""a,b""\r\nset",');
  });

  it('keeps text from the audited site from running as a spreadsheet formula', () => {
    expect(csvField('=HYPERLINK("https://evil.example","x")')).toBe(
      '"\'=HYPERLINK(""https://evil.example"",""x"")"',
    );
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe('"\'\r=1"');
    expect(csvField('a=1')).toBe('a=1');
    const csv = buildFindingsCsv([violation({ summary: '=cmd|"/c calc"!A1' })]);
    expect(csv).toContain(',"\'=cmd|""/c calc""!A1",');
  });

  it('is just the header when nothing was violated', () => {
    expect(buildFindingsCsv([]).split('\r\n')).toHaveLength(2);
  });
});
