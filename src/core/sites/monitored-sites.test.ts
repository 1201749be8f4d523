import { describe, expect, it } from 'vitest';
import { coveredBy, isMonitoredUrl, parseSiteEntry } from './monitored-sites';

describe('parseSiteEntry', () => {
  it.each([
    ['staging.example.com', 'staging.example.com'],
    ['  Staging.Example.COM  ', 'staging.example.com'],
    ['*.staging.example.com', 'staging.example.com'],
    ['https://staging.example.com:8443/login?x=1', 'staging.example.com'],
    ['http://*.qa.jeejio.cn/', 'qa.jeejio.cn'],
    ['foo.github.io', 'foo.github.io'],
    ['staging.example.', 'staging.example'],
    ['jenkins', 'jenkins'],
    ['例子.测试', 'xn--fsqu00a.xn--0zwm56d'],
  ])('accepts %j as the site %s and its subdomains', (input, domain) => {
    expect(parseSiteEntry(input)).toEqual({ domain, pattern: `*://*.${domain}/*` });
  });

  it('takes an IP address or localhost as exactly that host', () => {
    expect(parseSiteEntry('10.0.0.5:8080')).toEqual({ domain: '10.0.0.5', pattern: '*://10.0.0.5/*' });
    expect(parseSiteEntry('http://localhost:3000')).toEqual({
      domain: 'localhost',
      pattern: '*://localhost/*',
    });
  });

  it.each([
    ['', 'empty'],
    ['com', 'public-suffix'],
    ['github.io', 'public-suffix'],
    ['co.uk', 'public-suffix'],
    ['*.com', 'public-suffix'],
    ['staging.*.example.com', 'wildcard'],
    ['*', 'wildcard'],
    ['ftp://staging.example.com', 'scheme'],
    ['javascript:alert(1)', 'not-a-host'],
    ['https://user:pw@staging.example.com', 'credentials'],
    ['[::1]', 'ipv6'],
    ['bad host.com', 'not-a-host'],
    [`${'a'.repeat(300)}.com`, 'too-long'],
  ])('refuses %j: %s', (input, problem) => {
    expect(parseSiteEntry(input)).toEqual({ problem });
  });

  it('gives patterns that cover the host itself and its subdomains, and nothing else', () => {
    const entry = parseSiteEntry('staging.example.com');
    if ('problem' in entry) throw new Error(entry.problem);
    expect(isMonitoredUrl('https://staging.example.com/a', [entry.domain])).toBe(true);
    expect(isMonitoredUrl('https://m.staging.example.com/a', [entry.domain])).toBe(true);
    expect(isMonitoredUrl('https://evilstaging.example.com/a', [entry.domain])).toBe(false);
    expect(isMonitoredUrl('https://example.com/a', [entry.domain])).toBe(false);
  });
});

describe('coveredBy', () => {
  it('names the watched domain that already covers a host', () => {
    expect(coveredBy('open.jeejio.com', ['jeejio.com'])).toBe('jeejio.com');
    expect(coveredBy('jeejio.com', ['jeejio.com'])).toBe('jeejio.com');
    expect(coveredBy('notjeejio.com', ['jeejio.com'])).toBeUndefined();
  });
});
