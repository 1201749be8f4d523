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
