import { describe, expect, it } from 'vitest';
import { createAuditProgress, progressLine } from './audit-progress';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, isTTY, columns: 60, write: (text: string) => written.push(text) };
}

describe('progressLine', () => {
  it('counts pages and names the ones in progress, cut to the terminal width', () => {
    expect(
      progressLine({ done: 3, total: 10, crawling: false, current: ['https://www.jeejio.com/'] }, 80),
    ).toBe('Auditing 3/10 pages · https://www.jeejio.com/');
    expect(progressLine({ done: 0, total: 20, crawling: true, current: [] }, 80)).toBe(
      'Auditing 0/≤20 pages',
    );
    const long = progressLine(
      { done: 1, total: 2, crawling: false, current: [`https://www.jeejio.com/${'x'.repeat(100)}`] },
      40,
    );
    expect(long).toHaveLength(39);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('createAuditProgress', () => {
  it('writes plain lines when stderr is not a terminal', () => {
    const out = stream(false);
    const progress = createAuditProgress(out, {});
    progress.start(2, false);
    progress.visiting('https://www.jeejio.com/');
    progress.visited('https://www.jeejio.com/', { ms: 1234 });
    progress.visiting('https://open.jeejio.com/');
    progress.visited('https://open.jeejio.com/', { ms: 30_000, error: 'Timeout 30000ms exceeded.' });
    progress.end();
    expect(out.written.join('')).toBe(
      [
        'Visiting https://www.jeejio.com/',
        '[1/2] https://www.jeejio.com/ in 1.2 s',
        'Visiting https://open.jeejio.com/',
        '[2/2] https://open.jeejio.com/ failed: Timeout 30000ms exceeded.',
        '',
      ].join('\n'),
    );
  });

  it('writes plain lines in CI even on a terminal', () => {
    const out = stream(true);
    createAuditProgress(out, { CI: 'true' }).visiting('https://www.jeejio.com/');
    expect(out.written).toEqual(['Visiting https://www.jeejio.com/\n']);
  });

  it('redraws one line on a terminal, keeping messages above it, and ends on a fresh line', () => {
    const out = stream(true);
    const progress = createAuditProgress(out, {});
    progress.start(2, false);
    progress.visiting('https://www.jeejio.com/');
    progress.visited('https://www.jeejio.com/', { ms: 900 });
    progress.message('A warning');
    progress.end();
    const clear = '\r\u001b[2K';
    expect(out.written).toEqual([
      `${clear}Auditing 0/2 pages`,
      `${clear}Auditing 0/2 pages · https://www.jeejio.com/`,
      `${clear}Auditing 1/2 pages`,
      `${clear}A warning\n`,
      `${clear}Auditing 1/2 pages`,
      `${clear}Auditing 1/2 pages\n`,
    ]);
    expect(out.written.join('').split('\n')).toHaveLength(3);
  });

  it('takes 80 columns when the terminal does not say (columns 0, as under script(1))', () => {
    const out = { ...stream(true), columns: 0 };
    const progress = createAuditProgress(out, {});
    progress.start(1, false);
    progress.visiting(`https://www.jeejio.com/${'a'.repeat(30)}`);
    expect(out.written.at(-1)).toBe(
      `\r\u001b[2KAuditing 0/1 pages · https://www.jeejio.com/${'a'.repeat(30)}`,
    );
  });
});
