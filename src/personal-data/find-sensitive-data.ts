/**
 * Finds personal information written in clear inside a cookie value (or any
 * string a site stores in the browser). Values are often URL-encoded, Base64
 * or JSON, so each plausible decoding is searched too.
 */

export type SensitiveDataType = 'phone-number' | 'id-number' | 'password' | 'email';

export interface SensitiveDataMatch {
  type: SensitiveDataType;
  /** The match with most of it masked, safe to show in a report. */
  masked: string;
  /** Which decoding of the value revealed it. */
  encoding: 'plain' | 'url-encoded' | 'base64';
}

/** Longer values are searched only up to this many characters, to bound the cost. */
const MAX_SCANNED_CHARS = 8192;

// Mainland China mobile numbers: 11 digits starting 13-19, optionally +86/0086.
// Digit look-arounds keep timestamps and long ids from matching.
const PHONE = /(?<![\d])(?:\+?86[- ]?|0086[- ]?)?(1[3-9]\d[- ]?\d{4}[- ]?\d{4})(?![\d])/g;
// Resident identity card number: 6-digit area, birth date, 3 digits, check digit.
const ID_NUMBER =
  /(?<![\dA-Za-z])([1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx])(?![\dA-Za-z])/g;
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}/g;
const PASSWORD_FIELD =
  /(?:^|[^A-Za-z])(?:pass(?:word)?|passwd|pwd)\s*["']?\s*[:=]\s*["']?([^"'&;,\s}]{1,200})/gi;
const PASSWORD_NAME = /(?:^|[_\-.])(?:pass(?:word)?|passwd|pwd)(?:$|[_\-.])/i;

export function findSensitiveData(name: string, value: string): SensitiveDataMatch[] {
  const matches: SensitiveDataMatch[] = [];
  const seen = new Set<string>();
  const add = (m: SensitiveDataMatch) => {
    const key = `${m.type}:${m.masked}`;
    if (!seen.has(key)) {
      seen.add(key);
      matches.push(m);
    }
  };

  if (PASSWORD_NAME.test(name) && value.trim() !== '') {
    add({ type: 'password', masked: mask(value), encoding: 'plain' });
  }
  for (const { text, encoding } of decodings(value.slice(0, MAX_SCANNED_CHARS))) {
    for (const m of text.matchAll(PHONE)) add({ type: 'phone-number', masked: mask(m[1] ?? m[0]), encoding });
    for (const m of text.matchAll(ID_NUMBER)) {
      const id = m[1] ?? '';
      if (hasValidIdChecksum(id)) add({ type: 'id-number', masked: mask(id), encoding });
    }
    for (const m of text.matchAll(EMAIL)) add({ type: 'email', masked: maskEmail(m[0]), encoding });
    for (const m of text.matchAll(PASSWORD_FIELD))
      add({ type: 'password', masked: mask(m[1] ?? ''), encoding });
  }
  return matches;
}

function decodings(value: string): Array<{ text: string; encoding: SensitiveDataMatch['encoding'] }> {
  const out: Array<{ text: string; encoding: SensitiveDataMatch['encoding'] }> = [
    { text: value, encoding: 'plain' },
  ];
  const urlDecoded = safeDecodeURIComponent(value);
  if (urlDecoded !== undefined && urlDecoded !== value)
    out.push({ text: urlDecoded, encoding: 'url-encoded' });
  const base64 = decodeBase64Text(urlDecoded ?? value);
  if (base64 !== undefined) out.push({ text: base64, encoding: 'base64' });
  return out;
}

function safeDecodeURIComponent(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** Decodes standard or URL-safe Base64 when the result is readable text. */
function decodeBase64Text(value: string): string | undefined {
  const compact = value.trim();
  if (compact.length < 8 || compact.length % 4 === 1 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact))
    return undefined;
  let binary: string;
  try {
    binary = atob(compact.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, ''));
  } catch {
    return undefined;
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  // Random identifiers decode to control characters; readable text does not.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point
  return /[\u0000-\u0008\u000e-\u001f\u007f]/.test(text) ? undefined : text;
}

/** GB 11643 check digit: weighted sum of the first 17 digits mod 11. */
export function hasValidIdChecksum(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const checks = '10X98765432';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (weights[i] ?? 0);
  return checks[sum % 11] === id[17]?.toUpperCase();
}

function mask(text: string): string {
  const compact = text.replace(/[- ]/g, '');
  if (compact.length <= 4) return '*'.repeat(compact.length);
  const keep = Math.min(3, Math.floor(compact.length / 4));
  return `${compact.slice(0, keep)}${'*'.repeat(compact.length - keep * 2)}${compact.slice(-keep)}`;
}

function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}${'*'.repeat(Math.max(1, local.length - 1))}@${domain}`;
}
