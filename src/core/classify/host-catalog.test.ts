import { describe, expect, it } from 'vitest';
import { HOST_CATALOG } from './host-catalog';
import { PURPOSES } from './purpose';

describe('HOST_CATALOG', () => {
  it('holds at least 150 hosts', () => {
    expect(HOST_CATALOG.length).toBeGreaterThanOrEqual(150);
  });

  it('keeps notes short and plain', () => {
    for (const entry of HOST_CATALOG) {
      if (entry.note !== undefined) {
        expect(entry.note.trim().length, entry.domain).toBeGreaterThan(3);
        expect(entry.note.length, entry.domain).toBeLessThan(120);
      }
    }
  });

  it.each(HOST_CATALOG.map((entry) => [entry.domain, entry] as const))(
    '%s is a bare lower-case host with a vendor, a valid purpose and an https source',
    (_, entry) => {
      expect(entry.domain).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(entry.vendor.trim()).not.toBe('');
      expect(PURPOSES).toContain(entry.purpose);
      expect(new URL(entry.source).protocol).toBe('https:');
    },
  );

  it('has no duplicate domains', () => {
    const domains = HOST_CATALOG.map((entry) => entry.domain);
    expect(domains.filter((domain, index) => domains.indexOf(domain) !== index)).toEqual([]);
  });

  it('leaves out jeejio.com, the first party under inspection', () => {
    const jeejio = HOST_CATALOG.filter(
      (entry) => entry.domain === 'jeejio.com' || entry.domain.endsWith('.jeejio.com'),
    );
    expect(jeejio).toEqual([]);
  });

  it.each([
    ['alipay.com', 'payment'],
    ['tenpay.com', 'payment'],
    ['pay.weixin.qq.com', 'payment'],
    ['unionpay.com', 'payment'],
    ['stripe.com', 'payment'],
    ['paypal.com', 'payment'],
    ['jpush.cn', 'push-notification'],
    ['jiguang.cn', 'push-notification'],
    ['getui.com', 'push-notification'],
    ['igexin.com', 'push-notification'],
  ])('lists %s as an allowed %s recipient', (domain, recipient) => {
    expect(HOST_CATALOG.find((entry) => entry.domain === domain)?.recipient).toBe(recipient);
  });

  it('gives a recipient only to payment and push services', () => {
    const recipients = HOST_CATALOG.filter((entry) => entry.recipient !== undefined);
    for (const entry of recipients) expect(['payment', 'push-notification']).toContain(entry.recipient);
    expect(HOST_CATALOG.find((entry) => entry.domain === 'doubleclick.net')?.recipient).toBeUndefined();
  });
});
