import { type DecodeBudget, PAYLOAD_LIMITS } from './limits';
import { nestedPayload } from './nested-value';

/**
 * One event, hit or batch item of a payload, its values flattened. Vendor
 * tables name fields relative to a record (`traits.email`), the way SDK
 * documentation describes one event; `at` places the record in the request.
 */
export interface PayloadRecord {
  /** Where the record sits, as a reader finds it: '' for the top level, `batch[0]`, `data(base64)[1]`. */
  at: string;
  /** Values by path inside the record: `traits.email`, `ud[em]`, `properties.$user_id`. */
  leaves: Map<string, string>;
}

/** The path a reader finds: a record's place and a path inside it. */
export function joinPath(at: string, inside: string): string {
  if (!at) return inside;
  return inside.startsWith('[') ? `${at}${inside}` : `${at}.${inside}`;
}

/**
 * The records of a decoded value: an object is one record, each item of an
 * array is one. Arrays inside a record (Segment's `batch`, Amplitude's
 * `events`) give records of their own, so a batch item's fields are read
 * relative to the item, as the vendor documents them.
 */
export function collectRecords(
  value: unknown,
  at: string,
  layer: number,
  budget: DecodeBudget,
  out: PayloadRecord[],
): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null) collectRecords(item, `${at}[${i}]`, layer, budget, out);
    }
    return;
  }
  if (typeof value !== 'object' || value === null || !budget.takeRecord()) return;
  const record: PayloadRecord = { at, leaves: new Map() };
  out.push(record);
  flatten(value as Record<string, unknown>, '', 0, record, layer, budget, out);
}

function flatten(
  object: Record<string, unknown>,
  prefix: string,
  depth: number,
  record: PayloadRecord,
  layer: number,
  budget: DecodeBudget,
  out: PayloadRecord[],
): void {
  if (depth >= PAYLOAD_LIMITS.maxDepth) {
    budget.dropped += 1;
    return;
  }
  for (const key of Object.keys(object)) {
    const value = object[key];
    const inside = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value)) collectRecords(value, joinPath(record.at, inside), layer, budget, out);
    else if (typeof value === 'object' && value !== null)
      flatten(value as Record<string, unknown>, inside, depth + 1, record, layer, budget, out);
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      addLeaf(record, inside, String(value), layer, budget, out);
  }
}

/**
 * One value of a record; a value that is itself a payload (base64 JSON in
 * `data=`, JSON text in `e=`) is unwrapped into records of its own.
 */
export function addLeaf(
  record: PayloadRecord,
  inside: string,
  value: string,
  layer: number,
  budget: DecodeBudget,
  out: PayloadRecord[],
): void {
  if (!budget.takeLeaf()) return;
  record.leaves.set(inside, value);
  if (layer >= PAYLOAD_LIMITS.maxLayers) return;
  const nested = nestedPayload(value, budget);
  if (nested)
    collectRecords(
      nested.value,
      `${joinPath(record.at, inside)}(${nested.encoding})`,
      layer + 1,
      budget,
      out,
    );
}
