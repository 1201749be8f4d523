import { describe, expect, it } from 'vitest';
import { mailtoHref } from './contact-mail';

const mail = (lines: string[]) => ({
  to: 'Service@jeejio.com',
  subject: 'Privacy: www.jeejio.com',
  intro: ['Hello,'],
  lines,
  outro: ['Thank you.'],
});

describe('mailtoHref', () => {
  it('writes the address, subject and body lines, encoded', () => {
    const { href, omitted } = mailtoHref(mail(['- Cookie "IDE" & more: 100%']), (n) => `${n} more`);
    expect(omitted).toBe(0);
    expect(href.startsWith('mailto:Service@jeejio.com?subject=Privacy%3A%20www.jeejio.com&body=')).toBe(true);
    const body = new URL(href).searchParams.get('body');
    expect(body).toBe('Hello,\n- Cookie "IDE" & more: 100%\nThank you.');
  });

  it('leaves out whole lines past the bound and says how many', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `- finding ${i} ${'x'.repeat(40)}`);
    const { href, omitted } = mailtoHref(mail(lines), (n) => `(and ${n} more)`, 2_000);
    expect(href.length).toBeLessThanOrEqual(2_000);
    expect(omitted).toBeGreaterThan(0);
    const body = new URL(href).searchParams.get('body') ?? '';
    expect(body).toContain(`(and ${omitted} more)`);
    expect(body).toContain('- finding 0 ');
    expect(body).not.toContain(`- finding ${60 - omitted} `);
    expect(body.endsWith('Thank you.')).toBe(true);
  });
});
