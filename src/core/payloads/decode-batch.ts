import { looksLikeQuery } from './decode-query';

/**
 * The lines of a body that carries one event per line, or undefined when the
 * body is not such a batch. GA4's gtag.js batches events this way (the hit's
 * shared parameters in the URL, each event's in a body line), and some SDKs
 * send newline-delimited JSON.
 */
export function batchLines(body: string): string[] | undefined {
  if (!body.includes('\n')) return undefined;
  const lines = body.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length < 2) return undefined;
  const queries = lines.every(looksLikeQuery);
  const json = lines.every((line) => line.trimStart().startsWith('{'));
  return queries || json ? lines : undefined;
}
