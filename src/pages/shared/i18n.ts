import { browser } from 'wxt/browser';
import type { Purpose } from '../../core/classify/purpose';
import shippedModel from '../../core/policy/models/jeejio-privacy-policy-2023-07.json';
import type { Violation } from '../../core/report/report-types';
import type { Severity } from '../../core/rules/rule';
import type en from '../../core/wording/catalogues/en/messages.json';
import { clauseMessageKey, ruleMessageKey } from '../../core/wording/message-keys';
import { inEnglish, type Phrase, renderPhrase } from '../../core/wording/phrase';

export type MessageKey = keyof typeof en;

/**
 * The rule type of each binding of the shipped policy model, by the binding's
 * id: read from the model's JSON as it is, since the pages need nothing else
 * of it and validating the model on every popup open would cost time.
 */
const SHIPPED_RULE_TYPES = new Map<string, string>(
  (shippedModel.rules as { id: string; type: string }[]).map((r) => [r.id, r.type]),
);

/**
 * A catalogue message in the browser's language, through the extension i18n
 * API, which reads `_locales/<lang>/messages.json` (the build copies them from
 * src/core/wording/catalogues); empty when the catalogue lacks the key.
 */
function message(key: string, substitutions: string[] = []): string {
  return (browser.i18n.getMessage as (key: string, substitutions: string[]) => string)(key, substitutions);
}

/** An interface string; a key missing from the catalogue shows as itself, which the catalogue tests prevent. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return message(key, substitutions.map(String)) || key;
}

const PURPOSE_KEYS: Record<Purpose, MessageKey> = {
  essential: 'purpose_essential',
  preferences: 'purpose_preferences',
  statistics: 'purpose_statistics',
  advertising: 'purpose_advertising',
  social: 'purpose_social',
  'session-replay': 'purpose_session_replay',
  fingerprinting: 'purpose_fingerprinting',
  unknown: 'purpose_unknown',
};

export function purposeLabel(purpose: Purpose): string {
  return t(PURPOSE_KEYS[purpose]);
}

export function severityLabel(severity: Severity): string {
  return t(`severity_${severity}`);
}

/** A rule's title or explanation in the browser's language, or as the engine words it. */
export function ruleText(
  violation: Pick<Violation, 'rule' | 'title' | 'explanation'>,
  part: 'title' | 'explanation',
): string {
  // Violations name the policy's binding; the catalogue words rule types. A binding of another
  // policy model that the shipped one does not know keeps the report's English.
  const type = SHIPPED_RULE_TYPES.get(violation.rule);
  return (type && message(ruleMessageKey(type, part))) || violation[part];
}

/**
 * A clause's title, paraphrase or scorecard note in the browser's language.
 * The catalogue follows the shipped policy model (a test keeps its English
 * equal to the model); a clause it does not name keeps the model's wording.
 */
export function clauseText(
  clauseId: string,
  part: 'title' | 'paraphrase' | 'note',
  modelText: string,
): string {
  return message(clauseMessageKey(clauseId, part)) || modelText;
}

/** Where a clause sits in the policy text, worded for the reader: "§7, lines 92–93" or "§7 第 92–93 行". */
export function clauseLocation(location: { section: string; lines: { from: number; to: number } }): string {
  const { from, to } = location.lines;
  return from === to
    ? t('clause_location_line', location.section, from)
    : t('clause_location_lines', location.section, from, to);
}

/** A violation's one-line summary in the browser's language; the report's English where a key is missing. */
export function violationSummary(violation: Pick<Violation, 'summary' | 'summaryPhrase'>): string {
  if (!violation.summaryPhrase) return violation.summary;
  return inBrowserLanguage(violation.summaryPhrase) ?? violation.summary;
}

/** A phrase in the browser's language, or in English where a key is missing. */
export function phraseText(p: Phrase): string {
  return inBrowserLanguage(p) ?? inEnglish(p);
}

function inBrowserLanguage(p: Phrase): string | undefined {
  return renderPhrase(p, (key, substitutions) => {
    try {
      return message(key, substitutions) || undefined;
    } catch {
      return undefined;
    }
  });
}
