import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JEEJIO_POLICY_2023_07 as policy } from './jeejio-policy-2023-07';
import { policyLineHashes } from './policy-text';

// The policy text lives beside the project checkout (shared/seed), not in it.
const POLICY_TEXT = resolve(__dirname, '../../../../shared/seed', policy.sourceFile);

describe('Jeejio policy model', () => {
  it('binds every rule to a clause that a browser can check', () => {
    for (const rule of policy.rules) {
      expect(policy.clauses.find((c) => c.id === rule.clause)?.checkable, rule.id).toBe(true);
    }
  });

  it('covers every line of the policy text with some clause or the table of contents', () => {
    const covered = new Set<number>();
    for (const c of policy.clauses) for (let l = c.lines.from; l <= c.lines.to; l++) covered.add(l);
    const uncovered = Array.from({ length: 108 }, (_, i) => i + 1).filter((l) => !covered.has(l));
    // Lines 1-6 are the preamble and 13-25 the table of contents and introduction.
    expect(uncovered.every((l) => l <= 6 || (l >= 13 && l <= 25))).toBe(true);
  });

  it('declares only the cookie purposes of §7 and the recipients of §4', () => {
    expect(policy.declaredCookiePurposes).toEqual(['essential', 'preferences', 'statistics']);
    expect(policy.allowedRecipients).toEqual(['certification', 'affiliate', 'push-notification', 'payment']);
  });

  describe.runIf(existsSync(POLICY_TEXT))('against the policy text in shared/seed', () => {
    const text = existsSync(POLICY_TEXT) ? readFileSync(POLICY_TEXT) : Buffer.alloc(0);
    const lines = text.toString('utf8').split('\n');

    it('was written from exactly this text', () => {
      expect(createHash('sha256').update(text).digest('hex')).toBe(policy.sourceSha256);
      expect(policy.sourceLineHashes).toEqual(policyLineHashes(text.toString('utf8')));
    });

    it.each(policy.clauses.filter((c) => c.quote))('quotes $id from the lines it cites', (clause) => {
      const cited = lines.slice(clause.lines.from - 1, clause.lines.to).join('\n');
      expect(cited).toContain(clause.quote);
    });
  });
});
