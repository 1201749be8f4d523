import { describe, expect, it } from 'vitest';
import { maskForDisplay } from './mask';
import { isIdentityMeaning, isPlaceholder, refineMeaning } from './meaning';

describe('meanings', () => {
  it('call a 64-hex "email" a hash, and a clear address in a hash field an email', () => {
    expect(refineMeaning('email', 'a'.repeat(64))).toBe('email-hash');
    expect(refineMeaning('email-hash', 'alice@example.com')).toBe('email');
    expect(refineMeaning('phone-hash', '+86 138 1234 5678')).toBe('phone');
    expect(refineMeaning('phone', 'f'.repeat(32))).toBe('phone-hash');
  });

  it('count account and contact details as identities, a device id not', () => {
    expect(isIdentityMeaning('account-id')).toBe(true);
    expect(isIdentityMeaning('email-hash')).toBe(true);
    expect(isIdentityMeaning('device-id')).toBe(false);
    expect(isIdentityMeaning('page-url')).toBe(false);
  });

  it('treat undefined, null and empty values as no identity', () => {
    for (const value of ['', 'undefined', 'null', ' NULL ', '0'])
      expect(isPlaceholder(value), value).toBe(true);
    expect(isPlaceholder('user-42')).toBe(false);
  });
});

describe('masking', () => {
  it('never shows a whole email, phone number or account id', () => {
    expect(maskForDisplay('email', 'Alice@Example.com')).toBe('a****@example.com');
    expect(maskForDisplay('phone', '138-1234-5678')).toBe('13*******78');
    expect(maskForDisplay('account-id', 'user-42')).toBe('u*****2');
    expect(maskForDisplay('name', '张三丰')).toBe('张**');
  });

  it('shows a page address without its query, where personal data rides', () => {
    expect(maskForDisplay('page-url', 'https://www.jeejio.com/p?mobile=13812345678')).toBe(
      'https://www.jeejio.com/p',
    );
  });
});
