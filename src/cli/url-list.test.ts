import { describe, expect, it } from 'vitest';
import { UsageError } from '../harness/usage-error';
import { parseUrlList } from './url-list';

describe('parseUrlList', () => {
  it('reads one URL a line, skipping blank lines and comments, keeping fragments', () => {
    const text = [
      '# staging pages',
      'https://www.jeejio.com/',
      '',
      '   https://open.jeejio.com/docs#install   # the install guide',
      '\t# indented comment',
      'http://iot.jeejio.com/shop\r',
    ].join('\n');
    expect(parseUrlList(text, 'urls.txt')).toEqual({
      urls: ['https://www.jeejio.com/', 'https://open.jeejio.com/docs#install', 'http://iot.jeejio.com/shop'],
      warnings: [],
    });
  });

  it('keeps the first of a URL listed twice and warns, naming both lines', () => {
    const { urls, warnings } = parseUrlList('https://www.jeejio.com/\nhttps://www.jeejio.com/\n', 'u.txt');
    expect(urls).toEqual(['https://www.jeejio.com/']);
    expect(warnings).toEqual([
      'u.txt line 2: https://www.jeejio.com/ is already listed on line 1; visiting it once.',
    ]);
  });

  it('names every bad line with its number in one usage error', () => {
    const text =
      'https://www.jeejio.com/\nwww.jeejio.com/about\nftp://files.jeejio.com/\nhttps://a.jeejio.com/ https://b.jeejio.com/\n';
    let error: unknown;
    try {
      parseUrlList(text, 'urls.txt');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      [
        'urls.txt has lines that are not URLs to audit:',
        '  line 2: Not a URL: www.jeejio.com/about',
        '  line 3: Only http(s) URLs can be audited: ftp://files.jeejio.com/',
        '  line 4: one URL per line, found "https://a.jeejio.com/ https://b.jeejio.com/"',
      ].join('\n'),
    );
  });

  it('refuses a list with no URL at all', () => {
    expect(() => parseUrlList('# nothing yet\n\n', 'urls.txt')).toThrow('urls.txt lists no URL');
  });
});
