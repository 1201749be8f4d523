import { type DecodedRequest, decodeRequest } from './decode-request';
import { PAYLOAD_LIMITS } from './limits';
import { maskForDisplay } from './mask';
import { isIdentityMeaning, isPlaceholder, type PayloadMeaning, refineMeaning } from './meaning';
import { joinPath, type PayloadRecord } from './payload-records';
import type { VendorTable } from './vendor-table';
import { VENDOR_TABLES } from './vendors';

/** One field of a vendor's payload: where a reader finds it, what it means, its value as shown. */
export interface DecodedField {
  /** The payload path: `batch[0].traits.email`, `ud[em]`, `data(base64)[0].properties.$user_id`. */
  path: string;
  meaning: PayloadMeaning;
  /** Masked when the meaning is personal; never a whole email, phone number or account id. */
  value: string;
}

/** A decoded field with the vendor whose payload it is: the evidence a finding carries. */
export interface DecodedParameter extends DecodedField {
  vendor: string;
}

/** Which vendor SDK's payload a request is, and what it carries. */
export interface DecodedPayload {
  vendor: string;
  purpose: VendorTable['purpose'];
  /** The public page that documents the format. */
  source: string;
  /** Whether the vendor's own endpoint or the payload's signature (on any host) gave it away. */
  recognisedBy: 'endpoint' | 'signature';
  /** Fields with a value; placeholders and anonymous ids are left out. */
  fields: DecodedField[];
  /** Values, records or fields the bounds left unread. */
  dropped: number;
  /** Every path the vendor's table names, with or without a value here. */
  knownPaths: ReadonlySet<string>;
}

/** The vendor payload a request is, or null when no table recognises it. */
export function decodePayload(url: string, body?: string): DecodedPayload | null {
  const host = hostAndPath(url);
  const byEndpoint = host && VENDOR_TABLES.find((t) => matchesEndpoint(t, host.host, host.path));
  if (!byEndpoint && !mightCarryPayload(url, body)) return null;
  const decoded = decodeRequest(url, body);
  if (byEndpoint) return payloadOf(byEndpoint, 'endpoint', decoded);
  const bySignature = VENDOR_TABLES.find((t) => decoded.records.some((r) => matchesSignature(t, r)));
  return bySignature ? payloadOf(bySignature, 'signature', decoded) : null;
}

/** The fields that identify a person (account id, contact details, name), as a finding's evidence. */
export function identityParameters(payload: DecodedPayload): DecodedParameter[] {
  return payload.fields
    .filter((f) => isIdentityMeaning(f.meaning))
    .map((f) => ({ vendor: payload.vendor, ...f }));
}

function payloadOf(
  table: VendorTable,
  recognisedBy: DecodedPayload['recognisedBy'],
  decoded: DecodedRequest,
): DecodedPayload {
  const fields: DecodedField[] = [];
  const seen = new Set<string>();
  let dropped = decoded.dropped;
  for (const record of decoded.records) {
    for (const field of fieldsOf(table, record)) {
      const key = `${field.path}\u0000${field.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (fields.length >= PAYLOAD_LIMITS.maxFields) dropped += 1;
      else fields.push(field);
    }
  }
  return {
    vendor: table.vendor,
    purpose: table.purpose,
    source: table.sources[0] ?? '',
    recognisedBy,
    fields,
    dropped,
    knownPaths: new Set(table.fields.map((f) => f.path)),
  };
}

/**
 * The table's fields in one record. An account id that merely repeats the
 * record's device id (Sensors Data and PostHog before login) or that the SDK
 * marks as made up (Mixpanel's `$device:`) names no account.
 */
function fieldsOf(table: VendorTable, record: PayloadRecord): DecodedField[] {
  const deviceIds = new Set<string>();
  for (const spec of table.fields) {
    const value = record.leaves.get(spec.path);
    if (spec.meaning === 'device-id' && value) deviceIds.add(value);
  }
  const fields: DecodedField[] = [];
  for (const spec of table.fields) {
    const value = record.leaves.get(spec.path);
    if (value === undefined || isPlaceholder(value)) continue;
    if (spec.meaning === 'account-id' && (deviceIds.has(value) || table.anonymous?.test(value))) continue;
    const meaning = refineMeaning(spec.meaning, value);
    fields.push({ path: joinPath(record.at, spec.path), meaning, value: maskForDisplay(meaning, value) });
  }
  return fields;
}

function matchesEndpoint(table: VendorTable, host: string, path: string): boolean {
  return (table.endpoints ?? []).some(
    (e) => (host === e.host || host.endsWith(`.${e.host}`)) && (!e.path || e.path.test(path)),
  );
}

function matchesSignature(table: VendorTable, record: PayloadRecord): boolean {
  return (table.signatures ?? []).some((signature) =>
    signature.every(({ path, value }) => {
      const found = record.leaves.get(path);
      return found !== undefined && (!value || value.test(found));
    }),
  );
}

/** A request with neither a query nor a body has nothing a signature could match. */
function mightCarryPayload(url: string, body: string | undefined): boolean {
  return Boolean(body) || url.includes('?');
}

function hostAndPath(url: string): { host: string; path: string } | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)([^?#]*)/i.exec(url);
  if (!match) return undefined;
  const host = (match[1] ?? '').replace(/^.*@/, '').replace(/:\d+$/, '').toLowerCase();
  return { host, path: match[2] || '/' };
}
