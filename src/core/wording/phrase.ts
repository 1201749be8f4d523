import en from './catalogues/en/messages.json' with { type: 'json' };

/**
 * A sentence as a catalogue key with its arguments, so the interface can word
 * a finding in the reader's language while reports keep the English. An
 * argument is text taken as it is (a cookie name, a host) or another phrase.
 */
export interface Phrase {
  readonly key: string;
  readonly args: readonly PhraseArg[];
}

export type PhraseArg = string | number | Phrase;

export function phrase(key: string, ...args: PhraseArg[]): Phrase {
  return { key, args };
}

/** "a and b and c", worded by each language's `list_and`. */
export function andList(items: readonly PhraseArg[]): PhraseArg {
  return joinedList('list_and', items);
}

/** "a, b, c", worded by each language's `list_comma`. */
export function commaList(items: readonly PhraseArg[]): PhraseArg {
  return joinedList('list_comma', items);
}

/** Items joined pairwise by a two-place phrase, so each language chooses its own joiner. */
function joinedList(key: string, items: readonly PhraseArg[]): PhraseArg {
  return items.slice(1).reduce<PhraseArg>((joined, item) => phrase(key, joined, item), items[0] ?? '');
}

/** Finds a catalogue message with its substitutions made, or undefined when the catalogue lacks the key. */
export type MessageLookup = (key: string, substitutions: string[]) => string | undefined;

/** The phrase in one language; undefined if any key is missing, so the caller can fall back to English. */
export function renderPhrase(p: Phrase, lookup: MessageLookup): string | undefined {
  const args: string[] = [];
  for (const arg of p.args) {
    if (typeof arg !== 'object') {
      args.push(String(arg));
      continue;
    }
    const inner = renderPhrase(arg, lookup);
    if (inner === undefined) return undefined;
    args.push(inner);
  }
  return lookup(p.key, args);
}

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/**
 * What browser.i18n.getMessage does, for a catalogue held as data: named
 * placeholders become their `$1`…`$9` contents, those become substitutions,
 * and `$$` is a dollar sign. Substituted text is never read again, so a
 * cookie named "$1" stays "$1".
 */
export function catalogueLookup(catalogue: Catalogue): MessageLookup {
  return (key, substitutions) => {
    const entry = catalogue[key];
    if (!entry) return undefined;
    return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (whole, name: string | undefined) => {
      if (whole === '$$') return '$';
      const content = entry.placeholders?.[(name as string).toLowerCase()]?.content ?? '';
      const index = /^\$(\d)$/.exec(content)?.[1];
      return index === undefined ? content : (substitutions[Number(index) - 1] ?? '');
    });
  };
}

const english = catalogueLookup(en as Catalogue);

/** The English wording, as reports and the command line show it. */
export function inEnglish(p: Phrase): string {
  const text = renderPhrase(p, english);
  if (text === undefined) throw new Error(`No English wording for ${JSON.stringify(p).slice(0, 200)}`);
  return text;
}

/** A stretch of a worded phrase: catalogue text, or an argument taken as it is (page data, which no one translates). */
export interface WordedPart {
  readonly text: string;
  readonly data: boolean;
}

/** Stands in for argument `i` while the catalogue words the sentence; catalogue text never holds these. */
const ARG_MARK = /\uE000(\d+)\uE001/g;

/**
 * The phrase in one language, in parts: string arguments (a cookie name, a
 * host, a masked value) are data, marked so the interface can keep them from
 * translation tools and style them; catalogue text and numbers are not.
 * Undefined if any key is missing, as with renderPhrase.
 */
export function renderPhraseParts(p: Phrase, lookup: MessageLookup): WordedPart[] | undefined {
  const argParts: WordedPart[][] = [];
  for (const arg of p.args) {
    if (typeof arg === 'string') argParts.push([{ text: arg, data: true }]);
    else if (typeof arg === 'number') argParts.push([{ text: String(arg), data: false }]);
    else {
      const inner = renderPhraseParts(arg, lookup);
      if (inner === undefined) return undefined;
      argParts.push(inner);
    }
  }
  const template = lookup(
    p.key,
    argParts.map((_, i) => `\uE000${i}\uE001`),
  );
  if (template === undefined) return undefined;
  const parts: WordedPart[] = [];
  const push = (part: WordedPart) => {
    if (part.text === '') return;
    const last = parts.at(-1);
    if (last && last.data === part.data)
      parts[parts.length - 1] = { text: last.text + part.text, data: part.data };
    else parts.push(part);
  };
  let at = 0;
  for (const m of template.matchAll(ARG_MARK)) {
    push({ text: template.slice(at, m.index), data: false });
    for (const part of argParts[Number(m[1])] ?? []) push(part);
    at = m.index + m[0].length;
  }
  push({ text: template.slice(at), data: false });
  return parts;
}
