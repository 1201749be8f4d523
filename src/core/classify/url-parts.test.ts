import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostOfUrl, urlParts } from './url-parts';

describe('urlParts', () => {
  it.each([
    ['https://www.Jeejio.com/Path/A?Q=1#frag', 'https', 'www.jeejio.com', '/path/a', 'Q=1'],
    ['http://user:pw@host.example:8080/x', 'http', 'host.example', '/x', ''],
    ['https://[::1]:3000/a?b', 'https', '::1', '/a', 'b'],
    ['https://example.com', 'https', 'example.com', '/', ''],
    ['https://example.com?x=1', 'https', 'example.com', '/', 'x=1'],
    ['https://example.com./a#x?y', 'https', 'example.com', '/a', ''],
    ['wss://socket.example/s', 'wss', 'socket.example', '/s', ''],
  ])('%s', (url, scheme, host, path, query) => {
    expect(urlParts(url)).toEqual({ scheme, host, path, query });
    expect(hostOfUrl(url)).toBe(host);
  });

  it.each([['data:image/png;base64,xx'], ['about:blank'], ['/relative/path'], [''], ['not a url']])(
    '%j has no host',
    (url) => {
      expect(urlParts(url)).toBeNull();
      expect(hostOfUrl(url)).toBe('');
    },
  );

  it('agrees with the URL parser on the host of valid http URLs', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        expect(hostOfUrl(url)).toBe(new URL(url).hostname.replace(/^\[|\]$/g, '').replace(/\.$/, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        urlParts(text);
        hostOfUrl(text);
      }),
      { numRuns: 300 },
    );
  });
});
