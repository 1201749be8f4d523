import { batchLines } from './decode-batch';
import { parseJsonDocument } from './decode-json';
import { decodeQuery, looksLikeQuery, queryOf } from './decode-query';
import { DecodeBudget } from './limits';
import { nestedPayload } from './nested-value';
import { addLeaf, collectRecords, type PayloadRecord } from './payload-records';

/** Everything one request says, as records of named values. */
export interface DecodedRequest {
  records: PayloadRecord[];
  /** Values, records, layers or text the bounds left unread. */
  dropped: number;
}

/**
 * Reads a request's URL query and body, whatever the encoding: form fields,
 * JSON, one event per line, base64 JSON, and payloads nested in parameters.
 *
 * Binary bodies cannot be read: the worker decodes a raw body as UTF-8 text
 * and a page hook keeps only a binary body's size, so gzip'd payloads
 * (PostHog's `compression=gzip-js`, Amplitude's and Sensors Data's optional
 * gzip) arrive mangled and are not decoded.
 */
export function decodeRequest(url: string, body?: string): DecodedRequest {
  const budget = new DecodeBudget();
  const records: PayloadRecord[] = [];
  const query = queryOf(budget.bounded(url));
  if (query) addForm(decodeQuery(query), '', budget, records);
  if (body) {
    const text = budget.bounded(body);
    const lines = batchLines(text);
    if (lines) {
      for (const [i, line] of lines.entries()) decodeBodyPart(line, `body[${i}]`, budget, records);
    } else decodeBodyPart(text, '', budget, records);
  }
  return { records, dropped: budget.dropped };
}

function decodeBodyPart(text: string, at: string, budget: DecodeBudget, records: PayloadRecord[]): void {
  const trimmed = text.trim();
  const first = trimmed[0];
  if (first === '{' || first === '[') {
    const parsed = parseJsonDocument(trimmed, budget);
    if (parsed !== undefined) collectRecords(parsed, at, 0, budget, records);
  } else if (looksLikeQuery(trimmed)) addForm(decodeQuery(trimmed), at, budget, records);
  else {
    const nested = nestedPayload(trimmed, budget);
    if (nested) collectRecords(nested.value, `${at}(${nested.encoding})`, 1, budget, records);
  }
}

/** A query string or form body is one record; a repeated name keeps its first value. */
function addForm(
  pairs: readonly [string, string][],
  at: string,
  budget: DecodeBudget,
  records: PayloadRecord[],
): void {
  if (pairs.length === 0 || !budget.takeRecord()) return;
  const record: PayloadRecord = { at, leaves: new Map() };
  records.push(record);
  for (const [name, value] of pairs)
    if (!record.leaves.has(name)) addLeaf(record, name, value, 0, budget, records);
}
