import { describe, expect, it } from 'vitest';
import { UsageError } from '../harness/usage-error';
import { parseVerifyArguments } from './verify-arguments';

const FINGERPRINT = '0123456789abcdef'.repeat(4);

describe('parseVerifyArguments', () => {
  it('reads the bundle and a fingerprint however it was grouped', () => {
    expect(parseVerifyArguments(['b.zip'])).toEqual({ bundle: 'b.zip', help: false });
    const grouped = FINGERPRINT.toUpperCase().match(/.{4}/g)?.join(' ') ?? '';
    expect(parseVerifyArguments(['b.zip', '--fingerprint', grouped])).toEqual({
      bundle: 'b.zip',
      fingerprint: FINGERPRINT,
      help: false,
    });
    expect(parseVerifyArguments(['--help'])).toMatchObject({ help: true });
    expect(parseVerifyArguments(['b.zip', '--tsa-cert', 'root.pem', '--tsa-cert', 'tsa.der'])).toEqual({
      bundle: 'b.zip',
      tsaCerts: ['root.pem', 'tsa.der'],
      help: false,
    });
  });

  it.each([
    ['no bundle', []],
    ['two bundles', ['a.zip', 'b.zip']],
    ['a short fingerprint', ['b.zip', '--fingerprint', 'abcd']],
    ['an unknown option', ['b.zip', '--force']],
  ])('refuses %s as a usage error', (_label, argv) => {
    expect(() => parseVerifyArguments(argv)).toThrow(UsageError);
  });
});
