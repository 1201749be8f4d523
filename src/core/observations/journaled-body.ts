import { MAX_BODY_CHARS, type ReportedBody } from './network-observation';

/** A request body in a form session storage keeps (JSON): raw bytes as base64, bounded as the report bounds them. */
export interface JournaledBody {
  formData?: Record<string, readonly string[]>;
  rawBase64?: string;
  /** The full length of the raw body, when only its start is kept. */
  rawLength?: number;
  error?: string;
}

const MAX_RAW_BYTES = MAX_BODY_CHARS * 4;

export function journaledBody(body: ReportedBody): JournaledBody {
  const journaled: JournaledBody = {};
  if (body.formData) journaled.formData = body.formData;
  if (body.error !== undefined) journaled.error = body.error;
  if (body.raw) {
    const chunks = body.raw.flatMap((part) => (part.bytes ? [new Uint8Array(part.bytes)] : []));
    const length = chunks.reduce((n, c) => n + c.length, 0);
    const kept = new Uint8Array(Math.min(length, MAX_RAW_BYTES));
    let offset = 0;
    for (const chunk of chunks) {
      if (offset >= kept.length) break;
      const part = chunk.subarray(0, kept.length - offset);
      kept.set(part, offset);
      offset += part.length;
    }
    let binary = '';
    for (let i = 0; i < kept.length; i += 0x8000)
      binary += String.fromCharCode(...kept.subarray(i, i + 0x8000));
    journaled.rawBase64 = btoa(binary);
    if (length > kept.length) journaled.rawLength = length;
  }
  return journaled;
}

/**
 * The body as the browser reported it, from its journaled form. A body cut
 * short keeps its start; the report only ever shows a bounded start anyway.
 */
export function reportedBody(journaled: JournaledBody): ReportedBody {
  const body: ReportedBody = {};
  if (journaled.formData) body.formData = journaled.formData;
  if (journaled.error !== undefined) body.error = journaled.error;
  if (journaled.rawBase64 !== undefined) {
    const binary = atob(journaled.rawBase64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    body.raw = [{ bytes: bytes.buffer }];
    if (journaled.rawLength !== undefined) body.rawLength = journaled.rawLength;
  }
  return body;
}
