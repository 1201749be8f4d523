import { describe, expect, it } from 'vitest';
import { COOKIE_CATALOG } from '../classify/cookie-catalog';
import { HOST_CATALOG } from '../classify/host-catalog';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { RULE_IMPLEMENTATIONS } from '../rules/rule-registry';
import en from './catalogues/en/messages.json';
import zh from './catalogues/zh_CN/messages.json';
import { clauseMessageKey, ruleMessageKey } from './message-keys';
import { vendorMessageKey } from './vendor-name';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const catalogues: [string, Catalogue][] = [
  ['en', en as Catalogue],
  ['zh_CN', zh as Catalogue],
];

describe('message catalogues', () => {
  it('have the same keys and placeholders in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries(en as Catalogue)) {
      const other = (zh as Catalogue)[key];
      // The same names bound to the same positions: the code passes substitutions by position.
      expect(other?.placeholders ?? {}, key).toEqual(entry.placeholders ?? {});
    }
  });

  it('name only vendors the catalogues know, the English entry as the catalogue writes the name', () => {
    const vendors = new Set([...COOKIE_CATALOG, ...HOST_CATALOG].map((entry) => entry.vendor));
    const vendorKeys = Object.entries(en as Catalogue).filter(([key]) => key.startsWith('vendor_name_'));
    expect(vendorKeys.length).toBeGreaterThan(30);
    for (const [key, { message }] of vendorKeys) {
      expect(vendors.has(message), message).toBe(true);
      expect(vendorMessageKey(message)).toBe(key);
    }
  });

  it('use every placeholder they declare, and declare every one they use', () => {
    for (const [lang, catalogue] of catalogues) {
      for (const [key, { message, placeholders }] of Object.entries(catalogue)) {
        const used = [...message.matchAll(/\$([A-Z_]+)\$/g)]
          .map((m) => (m[1] as string).toLowerCase())
          .sort();
        expect([...new Set(used)], `${lang} ${key}`).toEqual(Object.keys(placeholders ?? {}).sort());
      }
    }
  });

  it('word every rule type, and so every rule a policy model binds, in both languages', () => {
    const types = Object.keys(RULE_IMPLEMENTATIONS);
    expect(policy.rules.every((binding) => types.includes(binding.type))).toBe(true);
    for (const type of types) {
      for (const [lang, catalogue] of catalogues) {
        expect(catalogue[ruleMessageKey(type, 'title')]?.message, `${lang} ${type}`).toBeTruthy();
        expect(catalogue[ruleMessageKey(type, 'explanation')]?.message, `${lang} ${type}`).toBeTruthy();
      }
    }
  });

  it('hold no rule wording that no rule type uses', () => {
    const wanted = new Set(
      Object.keys(RULE_IMPLEMENTATIONS).flatMap((type) =>
        (['title', 'explanation'] as const).map((part) => ruleMessageKey(type, part)),
      ),
    );
    const ruleKeys = Object.keys(en).filter((key) => /^rule_.+_(title|explanation)$/.test(key));
    expect(ruleKeys.filter((key) => !wanted.has(key))).toEqual([]);
  });

  it('give every clause of the policy model its title and paraphrase in both languages, the English as the model words it', () => {
    const english = en as Catalogue;
    for (const clause of policy.clauses) {
      for (const [lang, catalogue] of catalogues) {
        for (const part of ['title', 'paraphrase'] as const) {
          expect(
            catalogue[clauseMessageKey(clause.id, part)]?.message,
            `${lang} ${clause.id} ${part}`,
          ).toBeTruthy();
        }
      }
      expect(english[clauseMessageKey(clause.id, 'title')]?.message).toBe(clause.title);
      expect(english[clauseMessageKey(clause.id, 'paraphrase')]?.message).toBe(clause.paraphrase);
      const note = clause.notCheckableReason ?? clause.documentFinding;
      expect(english[clauseMessageKey(clause.id, 'note')]?.message).toBe(note);
    }
  });
});
