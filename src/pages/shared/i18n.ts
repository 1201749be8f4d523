import { browser } from 'wxt/browser';
import type { Purpose } from '../../core/classify/purpose';
import type { ObservationKind, Provenance } from '../../core/observations/observation';
import shippedModel from '../../core/policy/models/jeejio-privacy-policy-2023-07.json';
import type { Violation } from '../../core/report/report-types';
import type { Severity } from '../../core/rules/rule';
import english from '../../core/wording/catalogues/en/messages.json';
import { clauseMessageKey, ruleMessageKey } from '../../core/wording/message-keys';
import {
  catalogueLookup,
  inEnglish,
  type Phrase,
  type PhraseArg,
  phrase,
  renderPhrase,
  renderPhraseParts,
  type WordedPart,
} from '../../core/wording/phrase';
import { vendorMessageKey } from '../../core/wording/vendor-name';

export type MessageKey = keyof typeof english;

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
  // The model names sections as the policy numbers them ("§7"); its opening text has no number.
  const section = location.section === 'preamble' ? t('section_preamble') : location.section;
  return from === to
    ? t('clause_location_line', section, from)
    : t('clause_location_lines', section, from, to);
}

/** A phrase in the browser's language, or in English where a key is missing. */
export function phraseText(p: Phrase): string {
  return inBrowserLanguage(p) ?? inEnglish(p);
}

/**
 * A phrase in the browser's language in parts, its page data marked (see
 * renderPhraseParts); in English where a key is missing. Vendors are named as
 * the reader knows them.
 */
export function phraseParts(p: Phrase): WordedPart[] {
  const local = withLocalVendorNames(p);
  return (
    renderPhraseParts(local, browserLookup) ??
    renderPhraseParts(local, englishLookup) ?? [{ text: inEnglish(p), data: false }]
  );
}

/** A violation's one-line summary in parts; the report's English, as data-free text, where it has no phrase. */
export function violationSummaryParts(violation: Pick<Violation, 'summary' | 'summaryPhrase'>): WordedPart[] {
  if (!violation.summaryPhrase) return [{ text: violation.summary, data: false }];
  return phraseParts(violation.summaryPhrase);
}

/** A vendor's name as the reader knows it (百度统计 for Baidu Tongji), or as the catalogue writes it. */
export function vendorLabel(name: string): string {
  return message(vendorMessageKey(name)) || name;
}

/** Each vendor named in the phrase by the catalogue's word for it, where there is one. */
function withLocalVendorNames(p: Phrase): Phrase {
  if (p.key === 'vendor_name' && typeof p.args[0] === 'string') {
    const key = vendorMessageKey(p.args[0]);
    return message(key) ? phrase(key) : p;
  }
  return {
    key: p.key,
    args: p.args.map((arg): PhraseArg => (typeof arg === 'object' ? withLocalVendorNames(arg) : arg)),
  };
}

function browserLookup(key: string, substitutions: string[]): string | undefined {
  try {
    return message(key, substitutions) || undefined;
  } catch {
    return undefined;
  }
}

const englishLookup = catalogueLookup(english as Parameters<typeof catalogueLookup>[0]);

function inBrowserLanguage(p: Phrase): string | undefined {
  return renderPhrase(withLocalVendorNames(p), browserLookup);
}

/** Whether the interface speaks English: wording kept in English only needs no "in English" note then. */
export function isEnglishInterface(): boolean {
  return interfaceLanguage().toLowerCase().startsWith('en');
}

/**
 * The language the interface's words come from (`zh-CN`): the catalogue the
 * browser chose, which can differ from the browser's own language.
 */
function interfaceLanguage(): string {
  return (message('@@ui_locale') || browser.i18n.getUILanguage()).replace(/_/g, '-');
}

/** A moment, as the interface's language writes dates and times. */
export function dateTimeText(at: string | number): string {
  const date = new Date(at);
  try {
    return date.toLocaleString(interfaceLanguage());
  } catch {
    return date.toLocaleString();
  }
}

const PROVENANCE_KEYS = {
  'cookies-api': 'provenance_cookies_api',
  webRequest: 'provenance_webRequest',
  dom: 'provenance_dom',
  'page-hook': 'provenance_page_hook',
  extension: 'provenance_extension',
} as const satisfies Record<Provenance, MessageKey>;

/** How an observation was seen: the browser's cookie store, its network, the page's content, the page hooks. */
export function provenanceLabel(provenance: Provenance): string {
  return t(PROVENANCE_KEYS[provenance]);
}

const ACTION_KEYS: Record<string, MessageKey> = {
  present: 'action_present',
  set: 'action_set',
  removed: 'action_removed',
  cleared: 'action_cleared',
  'set-attempt': 'action_set_attempt',
  'script-write': 'action_script_write',
};

/** What happened to it, in plain words; an action this build does not word is shown as recorded. */
export function actionLabel(action: string): string {
  const key = ACTION_KEYS[action];
  return key ? t(key) : action;
}

const KIND_KEYS = {
  cookie: 'kind_cookie',
  storage: 'kind_storage',
  beacon: 'kind_beacon',
  request: 'kind_request',
  fingerprint: 'kind_fingerprint',
  'policy-text': 'kind_policy_text',
  'evidence-loss': 'kind_evidence_loss',
  'link-decoration': 'kind_link_decoration',
} as const satisfies Record<ObservationKind, MessageKey>;

export function kindLabel(kind: ObservationKind): string {
  return t(KIND_KEYS[kind]);
}

/** The note shortText puts where it cut a long value: its full length, in the reader's language. */
export const cutNote = (length: number): string => t('text_cut', length);
