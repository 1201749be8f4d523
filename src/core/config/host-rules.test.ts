import { describe, expect, it } from 'vitest';
import { HostRulesError, mapHost, parseHostRules } from './host-rules';

describe('parseHostRules', () => {
  it('reads MAP and EXCLUDE rules as Chromium does, keywords in any case', () => {
    expect(
      parseHostRules(
        'MAP *.jeejio.com staging.internal:443 , exclude Login.jeejio.com,map x.test [::1]:8443',
      ),
    ).toEqual([
      { kind: 'map', pattern: '*.jeejio.com', host: 'staging.internal', port: 443 },
      { kind: 'exclude', pattern: 'login.jeejio.com' },
      { kind: 'map', pattern: 'x.test', host: '::1', port: 8443 },
    ]);
  });

  it('keeps the URL port when the replacement names none, and knows ~NOTFOUND', () => {
    expect(parseHostRules('MAP www.jeejio.com 10.0.0.5, MAP *.baidu.com ~NOTFOUND')).toEqual([
      { kind: 'map', pattern: 'www.jeejio.com', host: '10.0.0.5' },
      { kind: 'map', pattern: '*.baidu.com', host: '~NOTFOUND' },
    ]);
  });

  it.each([
    [
      'MAPP *.jeejio.com 10.0.0.5',
      /The host rule, "MAPP \*\.jeejio\.com 10\.0\.0\.5", starts with "MAPP", not MAP or EXCLUDE/,
    ],
    [
      'MAP * 127.0.0.1:8443, MAP *.jeejio.com',
      /Host rule 2 of 2, "MAP \*\.jeejio\.com", lacks what to map to/,
    ],
    ['EXCLUDE', /lacks the pattern to exclude/],
    ['MAP *.jeejio.com 10.0.0.5:99999', /whose port "99999" is not a number from 1 to 65535/],
    ['MAP *.jeejio.com 10.0.0.5:0', /port "0"/],
    ['MAP *.jeejio.com 10.0.0.5:https', /port "https"/],
    ['MAP *.jeejio.com 10.0.0.5,', /Host rule 2 of 2, "", is empty/],
    ['', /The host rule, "", is empty/],
    ['MAP  *.jeejio.com 10.0.0.5', /two spaces in a row/],
    ['MAP\t*.jeejio.com 10.0.0.5', /has a tab or line break between its words/],
    ['MAP *.jeejio.com 10.0.0.5 443', /has 4 words where 3 are read/],
    ['MAP https://www.jeejio.com 10.0.0.5', /a URL, where a host name is matched/],
    ['MAP *.jeejio.com https://staging.internal', /a URL, where host\[:port\] is read/],
    ['MAP *.jeejio.com *.staging.internal', /a pattern, where one host is read/],
    ['MAP *.jeejio.com me@staging.internal', /with a user name/],
    ['MAP *.jeejio.com stag!ng.internal', /host "stag!ng\.internal" is not a host name or IP address/],
    ['MAP *.jeejio.com [nothost]:443', /host "nothost" is not a host name or IP address/],
  ])('refuses %j, naming the rule and what is wrong', (text, message) => {
    expect(() => parseHostRules(text)).toThrow(HostRulesError);
    expect(() => parseHostRules(text)).toThrow(message);
  });

  it('explains the grammar in every refusal', () => {
    expect(() => parseHostRules('MAPP * 10.0.0.5')).toThrow(
      /"MAP pattern host\[:port\]" or "EXCLUDE pattern"/,
    );
  });
});

describe('mapHost', () => {
  const rules = parseHostRules(
    'MAP login.jeejio.com 10.0.0.9, MAP *.jeejio.com 10.0.0.5:8443, MAP *:8080 10.0.0.7, EXCLUDE static.jeejio.com, MAP *.baidu.com ~NOTFOUND',
  );

  it('applies the first MAP rule that matches, keeping the port when the rule gives none', () => {
    expect(mapHost(rules, 'LOGIN.jeejio.com', 443)).toEqual({ kind: 'address', host: '10.0.0.9', port: 443 });
    expect(mapHost(rules, 'www.jeejio.com', 443)).toEqual({ kind: 'address', host: '10.0.0.5', port: 8443 });
  });

  it('matches a pattern with a port against host:port', () => {
    expect(mapHost(rules, 'example.org', 8080)).toEqual({ kind: 'address', host: '10.0.0.7', port: 8080 });
    expect(mapHost(rules, 'example.org', 443)).toBeUndefined();
  });

  it('leaves excluded and unmatched hosts alone, and names ~NOTFOUND', () => {
    expect(mapHost(rules, 'static.jeejio.com', 443)).toBeUndefined();
    expect(mapHost(rules, 'jeejio.com', 443)).toBeUndefined();
    expect(mapHost(rules, 'hm.baidu.com', 443)).toEqual({ kind: 'not-found' });
  });

  it('reads `?` as one character and dots literally', () => {
    const [rule] = parseHostRules('MAP www?.jeejio.com 10.0.0.1');
    expect(rule && mapHost([rule], 'www2.jeejio.com', 443)).toBeDefined();
    expect(rule && mapHost([rule], 'www22.jeejio.com', 443)).toBeUndefined();
    expect(rule && mapHost([rule], 'www2xjeejio.com', 443)).toBeUndefined();
  });
});
