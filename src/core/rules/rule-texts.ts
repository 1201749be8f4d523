import type { RuleType } from '../policy/policy-model-schema';
import { ruleMessageKey } from '../wording/message-keys';
import { inEnglish, phrase } from '../wording/phrase';

/**
 * A rule's title, or the paragraph for users who ask why it matters, in
 * English as reports word it. The message catalogues are the one source of
 * these texts, in every language; the extension's pages read them in the
 * browser's language.
 */
export function englishRuleText(type: RuleType, part: 'title' | 'explanation'): string {
  return inEnglish(phrase(ruleMessageKey(type, part)));
}
