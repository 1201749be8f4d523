import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zh from '../../../public/_locales/zh_CN/messages.json';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { RULE_IMPLEMENTATIONS } from '../rules/rule-registry';
import { clauseMessageKey, ruleMessageKey } from './message-keys';

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

  it('give every rule of the policy model a title and an explanation in both languages, the English as the engine words it', () => {
    for (const binding of policy.rules) {
      const rule = RULE_IMPLEMENTATIONS[binding.type];
      for (const [, catalogue] of catalogues) {
        expect(catalogue[ruleMessageKey(binding.id, 'title')]?.message, binding.id).toBeTruthy();
        expect(catalogue[ruleMessageKey(binding.id, 'explanation')]?.message, binding.id).toBeTruthy();
      }
      expect((en as Catalogue)[ruleMessageKey(binding.id, 'title')]?.message).toBe(rule.title);
      expect((en as Catalogue)[ruleMessageKey(binding.id, 'explanation')]?.message).toBe(rule.explanation);
    }
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
