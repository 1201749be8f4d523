import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COOKIE_RULES } from '../rules/cookie-rules';
import { JEEJIO_POLICY_2023_07 as policy } from './jeejio-policy-2023-07';
import { clauseById } from './policy-model';

// The policy text lives beside the project checkout (shared/seed), not in it.
const POLICY_TEXT = resolve(__dirname, '../../../shared/seed', policy.sourceFile);

describe('Jeejio policy model', () => {
  it('gives every rule a clause that exists', () => {
    for (const rule of COOKIE_RULES) expect(() => clauseById(policy, rule.clauseId)).not.toThrow();
  });

  it('has unique clause ids and sensible line ranges', () => {
    expect(new Set(policy.clauses.map((c) => c.id)).size).toBe(policy.clauses.length);
    for (const c of policy.clauses) {
      expect(c.lines.from).toBeGreaterThanOrEqual(1);
      expect(c.lines.to).toBeGreaterThanOrEqual(c.lines.from);
    }
  });

  it('declares only the cookie purposes of §7 and the recipients of §4', () => {
    expect(policy.declaredCookiePurposes).not.toContain('advertising');
    expect(policy.allowedRecipients).toEqual(['certification', 'affiliate', 'push-notification', 'payment']);
  });

  describe.runIf(existsSync(POLICY_TEXT))('against the policy text in shared/seed', () => {
    const text = existsSync(POLICY_TEXT) ? readFileSync(POLICY_TEXT) : Buffer.alloc(0);
    const lines = text.toString('utf8').split('\n');

    it('was written from exactly this text', () => {
      expect(createHash('sha256').update(text).digest('hex')).toBe(policy.sourceSha256);
    });

    it.each(policy.clauses.filter((c) => c.quote))('quotes $id from the lines it cites', (clause) => {
      const cited = lines.slice(clause.lines.from - 1, clause.lines.to).join('\n');
      expect(cited).toContain(clause.quote);
    });
  });
});
