import { classifyCookie } from '../classify/classify-cookie';
import { classifyStorageKey } from '../classify/classify-storage-key';
import type { Observation, PageVisit } from '../observations/observation';
import type { Report } from '../report/report-types';
import { isCredentialFieldName } from './credential-fields';
import { MIN_EMBEDDED_SECRET_LENGTH, type RedactionSummary, redactionMark } from './redaction-scheme';

export interface Redaction {
  observations: Observation[];
  pages: PageVisit[];
  summary: RedactionSummary;
  /** The report with the same marks in place of the same values. */
  redactReport(report: Report): Report;
}

/** A cookie or storage key the classifier marks as a login or session credential. */
function isCredentialObservation(o: Observation): boolean {
  if (o.kind === 'cookie')
    return classifyCookie({ name: o.name, domain: o.domain }).role === 'authentication';
  if (o.kind === 'storage')
    return classifyStorageKey({ key: o.key, origin: o.origin, area: o.area }).role === 'authentication';
  return false;
}

const QUERY_FIELD = /(?:^|[?&;#\s])([A-Za-z0-9_.[\]-]+)=([^&;#\s"]*)/g;
const JSON_FIELD = /"([A-Za-z0-9_.-]+)"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

/** Values of credential-named fields in a URL, a form body or a JSON body, as written and decoded. */
function credentialFieldValues(text: string, into: Set<string>): void {
  for (const [, name, raw] of text.matchAll(QUERY_FIELD)) {
    if (!name || !raw || !isCredentialFieldName(name)) continue;
    into.add(raw);
    const decoded = tryDecode(raw.replaceAll('+', ' '));
    if (decoded) into.add(decoded);
  }
  for (const [, name, raw] of text.matchAll(JSON_FIELD)) {
    if (!name || !raw || !isCredentialFieldName(name)) continue;
    into.add(raw);
    try {
      into.add(JSON.parse(`"${raw}"`) as string);
    } catch {
      // Not a JSON string after all: the raw text is replaced, which is what is there.
    }
  }
}

function tryDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Whether JSON writes a text as it is: no quote, backslash, control character or lone surrogate to escape. */
function writtenAsIs(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 || unit === 0x22 || unit === 0x5c) return false;
  }
  return text.isWellFormed();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Finds the credentials in a recorded log and replaces them with their
 * marks: the values of login and session cookies and storage keys (also in
 * their Set-Cookie header), and of credential-named fields in request URLs and
 * bodies, wherever else they occur. Personal data is left as it is: the
 * report masks it as always.
 */
export function redactSecrets(
  observations: readonly Observation[],
  pages: readonly PageVisit[],
  bundleKey: Uint8Array,
  /** The JCS text of each observation, where the caller has it: an observation whose text holds no value is passed over whole. */
  observationTexts?: readonly string[],
): Redaction {
  const whole = new Set<Observation>();
  const values = new Set<string>();
  // Most observations share their page's URL (and many a request URL): each text is read once.
  const readUrls = new Set<string>();
  for (const o of observations) {
    if (isCredentialObservation(o) && 'value' in o && o.value !== '') {
      whole.add(o);
      values.add(o.value);
    }
    for (const text of [o.pageUrl, o.frameUrl, 'url' in o ? o.url : undefined])
      if (text && !readUrls.has(text)) {
        readUrls.add(text);
        credentialFieldValues(text, values);
      }
    if ('requestBody' in o && o.requestBody) credentialFieldValues(o.requestBody, values);
  }
  for (const page of pages) credentialFieldValues(page.url, values);

  const marks = new Map<string, string>();
  for (const value of values) {
    const mark = redactionMark(bundleKey, value);
    marks.set(value, mark);
    // As it appears percent-encoded in a URL or a form body.
    const encoded = encodeURIComponent(value);
    if (encoded !== value) marks.set(encoded, mark);
  }
  const embedded = [...marks.keys()].filter((v) => v.length >= MIN_EMBEDDED_SECRET_LENGTH);
  // Longest first, so a value that contains another is replaced whole.
  embedded.sort((a, b) => b.length - a.length);
  const pattern = embedded.length > 0 ? new RegExp(embedded.map(escapeRegExp).join('|'), 'g') : undefined;
  const replace = (text: string) =>
    pattern ? text.replace(pattern, (found) => marks.get(found) as string) : text;
  // A value JSON writes as it is shows in an observation's JCS text wherever it shows in its strings, so a
  // text without one spares walking the observation (a match in a member name only means it is walked).
  const texts = embedded.every(writtenAsIs) ? observationTexts : undefined;
  const holdsNoValue = (i: number) => {
    const text = texts?.[i];
    return !pattern || (text !== undefined && text.search(pattern) === -1);
  };

  let changedCount = 0;
  const wholeMarks = new Map<string, string>();
  const redacted = observations.map((o, i) => {
    let copy = holdsNoValue(i) ? o : redactStrings(o, replace);
    if (whole.has(o) && 'value' in o) {
      copy = { ...copy } as typeof o;
      const mark = marks.get(o.value) as string;
      copy.value = mark;
      wholeMarks.set(o.id, mark);
      if (copy.kind === 'cookie' && o.kind === 'cookie' && o.rawHeader !== undefined) {
        // A short value is not replaced as a substring; in its own header it is, by its name.
        copy.rawHeader = replace(o.rawHeader).split(`${o.name}=${o.value}`).join(`${o.name}=${mark}`);
      }
    }
    if (copy !== o) changedCount += 1;
    return copy;
  });
  return {
    observations: redacted,
    pages: pages.map((page) => redactStrings(page, replace)),
    summary: { values: new Set(marks.values()).size, observations: changedCount },
    redactReport(report) {
      const copy = redactStrings(report, replace);
      // A short credential is replaced where it is an observation's value, as in the chain.
      const observations = copy.observations.map((r) => {
        const mark = wholeMarks.get(r.id);
        return mark !== undefined && r.value !== undefined && r.value !== mark ? { ...r, value: mark } : r;
      });
      return { ...copy, observations };
    },
  };
}

/** `value` with `replace` applied to every string in it; the same object when nothing changed. */
function redactStrings<T>(value: T, replace: (text: string) => string): T {
  if (typeof value === 'string') return replace(value) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      const next = redactStrings(item, replace);
      changed ||= next !== item;
      return next;
    });
    return (changed ? out : value) as T;
  }
  if (typeof value !== 'object' || value === null) return value;
  let out: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const next = redactStrings(item, replace);
    if (next === item) continue;
    out ??= { ...(value as Record<string, unknown>) };
    out[key] = next;
  }
  return (out ?? value) as T;
}
