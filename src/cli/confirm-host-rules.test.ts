import { describe, expect, it } from 'vitest';
import { parseHostRules } from '../core/config/host-rules';
import { confirmHostRules, HostRulesNotApplied } from './confirm-host-rules';

const rules = parseHostRules(
  'MAP www.jeejio.com 10.0.0.5:8443, MAP *.jeejio.com staging.internal, MAP hm.baidu.com ~NOTFOUND, EXCLUDE static.jeejio.com',
);
const resolveStaging = async (host: string) => (host === 'staging.internal' ? ['10.0.0.6', '::1'] : []);

describe('confirmHostRules', () => {
  it('confirms a page that came from the address its host is mapped to', async () => {
    await expect(
      confirmHostRules(rules, {
        url: 'https://www.jeejio.com/',
        servedFrom: { ipAddress: '10.0.0.5', port: 8443 },
      }),
    ).resolves.toBe('www.jeejio.com answered from 10.0.0.5:8443, as the host rules map it.');
  });

  it('resolves a mapped name, keeping the URL port, and reads IPv6 in brackets', async () => {
    const served = async (ipAddress: string) =>
      confirmHostRules(
        rules,
        { url: 'https://iot.jeejio.com/shop', servedFrom: { ipAddress, port: 443 } },
        resolveStaging,
      );
    await expect(served('10.0.0.6')).resolves.toMatch(/iot\.jeejio\.com answered from 10\.0\.0\.6:443/);
    await expect(served('[::1]')).resolves.toMatch(/answered from ::1:443/);
    await expect(served('::ffff:10.0.0.6')).resolves.toMatch(/answered from 10\.0\.0\.6:443/);
  });

  it('has nothing to confirm for a host no MAP rule covers', async () => {
    for (const url of ['https://static.jeejio.com/', 'https://example.org/']) {
      await expect(
        confirmHostRules(rules, { url, servedFrom: { ipAddress: '93.184.215.14', port: 443 } }),
      ).resolves.toBeUndefined();
    }
  });

  it('stops when the page came from another address, saying which host went where', async () => {
    const check = confirmHostRules(rules, {
      url: 'https://www.jeejio.com/',
      servedFrom: { ipAddress: '203.0.113.7', port: 443 },
    });
    await expect(check).rejects.toBeInstanceOf(HostRulesNotApplied);
    await expect(check).rejects.toThrow(
      'The host rules send www.jeejio.com to 10.0.0.5:8443, but the first page, https://www.jeejio.com/, came from 203.0.113.7:443.',
    );
  });

  it('stops on the right address but another port', async () => {
    await expect(
      confirmHostRules(rules, {
        url: 'https://www.jeejio.com/',
        servedFrom: { ipAddress: '10.0.0.5', port: 443 },
      }),
    ).rejects.toThrow(/came from 10\.0\.0\.5:443/);
  });

  it('names what a mapped name resolves to when the page came from elsewhere', async () => {
    await expect(
      confirmHostRules(
        rules,
        { url: 'https://iot.jeejio.com/', servedFrom: { ipAddress: '203.0.113.7', port: 443 } },
        resolveStaging,
      ),
    ).rejects.toThrow(/came from 203\.0\.113\.7:443 \(staging\.internal is 10\.0\.0\.6, ::1 here\)/);
  });

  it('stops when nothing answered, when Chromium named no address, or when the name does not resolve', async () => {
    await expect(
      confirmHostRules(rules, { url: 'https://www.jeejio.com/', failure: 'net::ERR_CONNECTION_REFUSED' }),
    ).rejects.toThrow(
      /send www\.jeejio\.com to 10\.0\.0\.5:8443, .* got no answer there \(net::ERR_CONNECTION_REFUSED\)/,
    );
    await expect(
      confirmHostRules(rules, { url: 'https://www.jeejio.com/', servedFrom: null }),
    ).rejects.toThrow(/without Chromium naming the address/);
    const unresolvable = async () => {
      throw new Error('getaddrinfo ENOTFOUND staging.internal');
    };
    await expect(
      confirmHostRules(
        rules,
        { url: 'https://iot.jeejio.com/', servedFrom: { ipAddress: '10.0.0.6', port: 443 } },
        unresolvable,
      ),
    ).rejects.toThrow(/staging\.internal does not resolve here/);
  });

  it('stops when a host mapped to ~NOTFOUND loaded anyway', async () => {
    await expect(
      confirmHostRules(rules, {
        url: 'https://hm.baidu.com/',
        servedFrom: { ipAddress: '1.2.3.4', port: 443 },
      }),
    ).rejects.toThrow(/send hm\.baidu\.com to ~NOTFOUND, .* loaded all the same/);
  });
});
