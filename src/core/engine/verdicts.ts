import type { NotThisPage } from '../observations/observation';
import type { DecodedParameter } from '../payloads/decode-payload';
import type { Severity } from '../rules/rule';
import type { Phrase } from '../wording/phrase';

/** A rule broken, with the clause it breaks and the observations that show it: what the engine finds. */
export interface Violation {
  id: string;
  rule: string;
  /**
   * What it is about, as the rule names it ("IDE@.doubleclick.net/", an endpoint,
   * a storage key); the id is derived from the rule and the subject.
   */
  subject: string;
  title: string;
  severity: Severity;
  clause: {
    id: string;
    section: string;
    lines: { from: number; to: number };
    title: string;
    paraphrase: string;
    /** The policy's own words, a short phrase, where the clause turns on them. */
    quote?: string;
  };
  /** Definitions and related clauses the violation also rests on. */
  alsoCites: { id: string; section: string; lines: { from: number; to: number }; title: string }[];
  summary: string;
  /** The summary as catalogue keys and arguments, so the interface can word it in the reader's language. */
  summaryPhrase?: Phrase;
  /** Why it matters, for users who ask. */
  explanation: string;
  /** The first page where the violation was seen. */
  pageUrl: string;
  /** Every page where it was seen, first first. */
  pageUrls: string[];
  observationIds: string[];
  /**
   * The vendor payload fields that show the violation, decoded (vendor, the
   * path a reader finds in the request, what it means, its masked value);
   * each once, at most MAX_DECODED_PER_VIOLATION.
   */
  decoded?: DecodedParameter[];
  /** Decoded fields left out of `decoded` by its bound. */
  decodedDropped?: number;
  /**
   * False when every piece of evidence is a page hook's claim that the browser
   * could not confirm: the page could have forged it.
   */
  verified: boolean;
  /**
   * Set when no page it was seen on did it: every piece of evidence is a key
   * found in storage that an earlier page or another tab left there
   * (NotThisPage). The pages it lists only found it; nobody counts it against them.
   */
  notThisPage?: NotThisPage;
  /**
   * The finding it belongs to: violations of several rules about the same
   * request, cookie or key are one problem to a reader (see findings.ts).
   * Absent in reports made before findings were grouped.
   */
  findingId?: string;
  /**
   * Set by --repeat when seen in some visits of a page but not all: a finding
   * that comes and goes, which a comparison of two runs lists apart and
   * --fail-on-new does not count as new.
   */
  intermittent?: boolean;
}

/** How one clause of the policy fared: the scorecard the engine keeps beside its violations. */
/**
 * `contradicts-itself`: the policy's own text disagrees with itself (two
 * effective dates): true of the document whatever any page does, so never
 * counted as a promise a page broke.
 */
export type ClauseStatus = 'violated' | 'contradicts-itself' | 'kept' | 'not-observed' | 'not-checkable';

export interface ClauseVerdict {
  clauseId: string;
  section: string;
  lines: { from: number; to: number };
  title: string;
  status: ClauseStatus;
  violations: number;
  /** Why a clause is not checkable, or what the document itself gets wrong. */
  note?: string;
}
