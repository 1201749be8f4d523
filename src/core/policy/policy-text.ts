import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * A policy line in a form that survives re-publishing: Unicode-normalised,
 * case- and whitespace-folded, without list numbering or bullets. What remains differing
 * is a change of wording.
 */
export function normalizePolicyLine(line: string): string {
  return line
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^(?:[-•*·]\s+|(?:\d{1,2}|[a-z])[.)、]\s*)/, '');
}

/** A short fingerprint of one normalised line: enough to compare, nothing to reconstruct the text from. */
export function policyLineHash(line: string): string {
  return bytesToHex(sha256(utf8ToBytes(normalizePolicyLine(line)))).slice(0, 16);
}

/** Fingerprints of every non-empty line of a policy text, in order (empty lines give ''). */
export function policyLineHashes(text: string): string[] {
  return text.split(/\r?\n/).map((line) => (normalizePolicyLine(line) === '' ? '' : policyLineHash(line)));
}
