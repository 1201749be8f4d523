import { MAX_CLAIM_URL_CHARS, MAX_CLAIM_VALUE_CHARS } from '../protocol/page-claims';
import { matches, resolveUrl, sliceText, toText } from './primordials';

/** A value as text for a claim, cut to the claim's bound; the real length goes along. */
export function boundedText(value: unknown, max = MAX_CLAIM_VALUE_CHARS): { text: string; length: number } {
  const text = typeof value === 'string' ? value : toText(value);
  return { text: text.length > max ? sliceText(text, 0, max) : text, length: text.length };
}

const WEB_URL = /^https?:\/\//i;

/** An absolute http(s) URL, or undefined for anything a beacon cannot be sent to (data:, blob:, junk). */
export function absoluteWebUrl(value: unknown, base: string): string | undefined {
  const url = resolveUrl(toText(value), base);
  return url !== undefined && matches(WEB_URL, url) && url.length <= MAX_CLAIM_URL_CHARS ? url : undefined;
}

/**
 * A request body as text: strings and form data as they are, binary bodies by
 * their size only. Reading a stream would consume it, so streams are named, not read.
 */
export function describeBody(body: unknown): { body?: string; bodyLength?: number } {
  if (body === undefined || body === null) return {};
  let text: string;
  if (typeof body === 'string') text = body;
  else if (body instanceof URLSearchParams) text = body.toString();
  else if (body instanceof FormData) {
    const parts: string[] = [];
    for (const [name, value] of body) {
      parts.push(
        `${encodeURIComponent(name)}=${encodeURIComponent(typeof value === 'string' ? value : `[file ${value.name}]`)}`,
      );
      if (parts.length >= 200) break;
    }
    text = parts.join('&');
  } else if (body instanceof Blob) text = `[binary body, ${body.size} bytes]`;
  else if (body instanceof ArrayBuffer) text = `[binary body, ${body.byteLength} bytes]`;
  else if (ArrayBuffer.isView(body)) text = `[binary body, ${body.byteLength} bytes]`;
  else if (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) text = '[stream body]';
  else text = String(body);
  const { text: bounded, length } = boundedText(text);
  return { body: bounded, bodyLength: length };
}
