import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES } from '../../../tests/support/golden-cases';
import { PURPOSES } from '../classify/purpose';
import { evaluatePolicy } from '../engine/evaluate-policy';
import { PERSONAL_DATA_TYPES, prepareCanaries } from '../personal-data/find-personal-data';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import en from './catalogues/en/messages.json';
import zh from './catalogues/zh_CN/messages.json';
import {
  andList,
  catalogueLookup,
  inEnglish,
  type Phrase,
  phrase,
  renderPhrase,
  renderPhraseParts,
} from './phrase';

const catalogue = {
  greet: { message: 'Hello $NAME$, $$5 off', placeholders: { name: { content: '$1' } } },
  pair: { message: '$B$ before $A$', placeholders: { a: { content: '$1' }, b: { content: '$2' } } },
  list_and: { message: '$A$ & $B$', placeholders: { a: { content: '$1' }, b: { content: '$2' } } },
};
const lookup = catalogueLookup(catalogue);

describe('phrases', () => {
  it('substitute named placeholders by position, as browser.i18n does, with $$ as a dollar sign', () => {
    expect(renderPhrase(phrase('greet', 'Ann'), lookup)).toBe('Hello Ann, $5 off');
    expect(renderPhrase(phrase('pair', 'a', 'b'), lookup)).toBe('b before a');
  });

  it('never read substituted text again, so page-chosen names stay as they are', () => {
    expect(renderPhrase(phrase('greet', '$1 $NAME$ $$'), lookup)).toBe('Hello $1 $NAME$ $$, $5 off');
  });

  it('nest, join lists and give nothing when any key is missing', () => {
    expect(renderPhrase(phrase('greet', andList(['a', 'b', 'c'])), lookup)).toBe('Hello a & b & c, $5 off');
    expect(renderPhrase(phrase('greet', andList([])), lookup)).toBe('Hello , $5 off');
    expect(renderPhrase(phrase('greet', phrase('missing')), lookup)).toBeUndefined();
    expect(() => inEnglish(phrase('no_such_key'))).toThrow(/No English wording/);
  });

  it('mark the page data in a worded sentence, nested and listed, apart from the catalogue text and numbers', () => {
    expect(renderPhraseParts(phrase('pair', 'a', phrase('greet', andList(['x', 'y']))), lookup)).toEqual([
      { text: 'Hello ', data: false },
      { text: 'x', data: true },
      { text: ' & ', data: false },
      { text: 'y', data: true },
      { text: ', $5 off before ', data: false },
      { text: 'a', data: true },
    ]);
    // Text the page chose that looks like a mark is data all the same.
    expect(renderPhraseParts(phrase('greet', '\uE0000\uE001 $1'), lookup)).toEqual([
      { text: 'Hello ', data: false },
      { text: '\uE0000\uE001 $1', data: true },
      { text: ', $5 off', data: false },
    ]);
    expect(renderPhraseParts(phrase('greet', 3), lookup)).toEqual([{ text: 'Hello 3, $5 off', data: false }]);
    expect(renderPhraseParts(phrase('greet', phrase('missing')), lookup)).toBeUndefined();
  });

  it('word every golden finding in English as the report says it, and in Chinese with no key missing', () => {
    const chinese = catalogueLookup(zh as Parameters<typeof catalogueLookup>[0]);
    const english = catalogueLookup(en as Parameters<typeof catalogueLookup>[0]);
    let checked = 0;
    for (const { observations, canaries } of GOLDEN_CASES) {
      const prepared = canaries
        ? prepareCanaries(canaries.map((c, i) => ({ id: `c${i}`, label: `my ${c.kind}`, ...c })))
        : undefined;
      const { violations, advice } = evaluatePolicy(
        observations,
        policy,
        prepared ? { canaries: prepared } : {},
      );
      for (const v of [...violations, ...advice]) {
        const p = v.summaryPhrase as Phrase;
        expect(renderPhrase(p, english)).toBe(v.summary);
        const inChinese = renderPhrase(p, chinese);
        expect(inChinese, v.summary).toBeDefined();
        expect(inChinese).not.toMatch(/\$[A-Z_]+\$/);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('have a wording for every purpose, kind of personal data and fingerprinting technique', () => {
    const keys = [
      ...PURPOSES.map((p) => `phrase_purpose_${p.replace(/-/g, '_')}`),
      ...PERSONAL_DATA_TYPES.map((t) => `phrase_data_${t.replace(/-/g, '_')}`),
      ...['canvas', 'audio', 'webgl', 'fonts'].map((t) => `phrase_fp_${t}`),
    ];
    for (const key of keys) {
      expect((en as Record<string, unknown>)[key], key).toBeDefined();
      expect((zh as Record<string, unknown>)[key], key).toBeDefined();
    }
  });
});
