import { describe, expect, it } from 'vitest';
import model from './models/jeejio-privacy-policy-2023-07.json';
import { PolicyModelError, parsePolicyModel } from './parse-policy-model';

const text = (value: unknown) => JSON.stringify(value);
const withChange = (change: (m: typeof model) => unknown) => text(change(structuredClone(model)));

describe('parsePolicyModel', () => {
  it('accepts the Jeejio model', () => {
    expect(parsePolicyModel(text(model)).id).toBe('jeejio-privacy-policy');
  });

  it.each([
    ['text that is not JSON', '{"id": ', /not valid JSON/],
    ['deep nesting', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, /nests 100000 levels deep/],
    ['an oversized file', `"${'x'.repeat(600_000)}"`, /limit is/],
    [
      'an unknown rule type',
      withChange((m) => ({ ...m, rules: [{ ...m.rules[0], type: 'rm-rf' }] })),
      /Unknown rule type "rm-rf"/,
    ],
    [
      'a rule citing a missing clause',
      withChange((m) => ({ ...m, rules: [{ ...m.rules[0], clause: 'nowhere' }] })),
      /unknown clause "nowhere"/,
    ],
    [
      'a catastrophic regular expression',
      withChange((m) => ({ ...m, declaredLocalStorageKeys: ['^(a+)+$'] })),
      /nested repetition/,
    ],
    [
      'an unanchored regular expression',
      withChange((m) => ({ ...m, declaredLocalStorageKeys: ['search'] })),
      /anchored/,
    ],
    [
      'an invalid regular expression',
      withChange((m) => ({ ...m, declaredLocalStorageKeys: ['^(unclosed$'] })),
      /not a regular expression/,
    ],
    [
      'an unknown purpose',
      withChange((m) => ({ ...m, declaredCookiePurposes: ['mind-reading'] })),
      /declaredCookiePurposes/,
    ],
    [
      'a clause without a reason for being unchecked',
      withChange((m) => ({ ...m, clauses: m.clauses.map((c) => ({ ...c, notCheckableReason: undefined })) })),
      /must say why/,
    ],
    [
      'duplicate clause ids',
      withChange((m) => ({ ...m, clauses: [...m.clauses, m.clauses[0]] })),
      /duplicate clause id/,
    ],
    ['a wrong model version', withChange((m) => ({ ...m, modelVersion: 2 })), /modelVersion/],
  ])('refuses %s with a clear error', (_label, input, message) => {
    expect(() => parsePolicyModel(input)).toThrow(PolicyModelError);
    expect(() => parsePolicyModel(input)).toThrow(message);
  });
});
