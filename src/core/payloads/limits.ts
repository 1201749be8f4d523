/**
 * How much of one request the decoders read. A hostile or merely huge payload
 * must not cost more than this; whatever a bound leaves unread is counted, so
 * a result can say it is partial.
 */
export const PAYLOAD_LIMITS = {
  /** Characters of the URL and of the body read (a captured body is at most 16 KB anyway). */
  maxTextChars: 65_536,
  /** Records (an event object, a batch item) read from one request. */
  maxRecords: 200,
  /** Values read from one request, over all its records. */
  maxLeaves: 2_000,
  /** Objects nested inside one record, and JSON nesting refused before parsing. */
  maxDepth: 8,
  /** Encodings unwrapped one inside the other (base64 inside a parameter inside a body). */
  maxLayers: 3,
  /** Nested encoded values decoded in one request. */
  maxDecodes: 32,
  /** Decoded fields reported for one request. */
  maxFields: 50,
} as const;

/** What the decoding of one request has spent, and what the bounds left unread. */
export class DecodeBudget {
  records = 0;
  leaves = 0;
  decodes = 0;
  /** Values, records, layers or text the bounds left unread. */
  dropped = 0;

  takeRecord(): boolean {
    if (this.records >= PAYLOAD_LIMITS.maxRecords) {
      this.dropped += 1;
      return false;
    }
    this.records += 1;
    return true;
  }

  takeLeaf(): boolean {
    if (this.leaves >= PAYLOAD_LIMITS.maxLeaves) {
      this.dropped += 1;
      return false;
    }
    this.leaves += 1;
    return true;
  }

  takeDecode(): boolean {
    if (this.decodes >= PAYLOAD_LIMITS.maxDecodes) {
      this.dropped += 1;
      return false;
    }
    this.decodes += 1;
    return true;
  }

  /** The text to read, cut to the bound (the cut counted once). */
  bounded(text: string): string {
    if (text.length <= PAYLOAD_LIMITS.maxTextChars) return text;
    this.dropped += 1;
    return text.slice(0, PAYLOAD_LIMITS.maxTextChars);
  }
}
