import type { PageRealm } from './page-realm';
import { replaceGetter, replaceMethod, replaceSetter, savedGetter } from './replace-method';

/** Called with every window the page may get hold of; it hooks those it can reach and has not yet. */
export type ReachWindow = (candidate: unknown) => void;

const nothing = () => {};

/**
 * Windows the page makes: an iframe without a source or with `srcdoc`, a frame
 * it `document.open`s, a `window.open('')`. They get fresh built-ins, and no
 * content script runs in them before the page can call their untouched
 * `toDataURL` or `document.cookie` synchronously. So every way the page gets
 * such a window is wrapped to hand it to `reach` first: the frame elements'
 * `contentWindow` and `contentDocument`, `window.open`, and, for
 * `window[0]`/`frames[0]` (indexed access no script can wrap), every call that
 * inserts into the document is followed by a pass over the frame's child
 * windows, so a frame the insertion made is reached before the call returns.
 */
export function hookNewFrames(realm: PageRealm, reach: ReachWindow): void {
  const viewOf = savedGetter(realm.Document.prototype, 'defaultView');
  const reachWindow = (_self: unknown, value: unknown) => reach(value);
  const reachDocument = (_self: unknown, value: unknown) => {
    if (typeof value === 'object' && value !== null) reach(viewOf?.(value));
  };
  const frameElements = [realm.HTMLIFrameElement, realm.HTMLFrameElement, realm.HTMLObjectElement];
  for (let i = 0; i < frameElements.length; i++) {
    const prototype = frameElements[i]?.prototype;
    replaceGetter(prototype, 'contentWindow', reachWindow);
    replaceGetter(prototype, 'contentDocument', reachDocument);
  }
  replaceMethod(realm, 'open', nothing, (_self, opened) => reach(opened));

  const frameCount = savedGetter(realm, 'length');
  const reachChildren = () => {
    const count = frameCount?.(realm);
    if (typeof count !== 'number') return;
    // Indexed access on a window yields its child frames; a page cannot redefine it.
    for (let i = 0; i < count; i++) reach((realm as unknown as Record<number, unknown>)[i]);
  };
  const afterInsert = () => reachChildren();
  const insertingMethods: ReadonlyArray<readonly [object | undefined, readonly string[]]> = [
    [realm.Node.prototype, ['appendChild', 'insertBefore', 'replaceChild']],
    [
      realm.Element.prototype,
      [
        'append',
        'prepend',
        'after',
        'before',
        'replaceWith',
        'replaceChildren',
        'insertAdjacentElement',
        'insertAdjacentHTML',
        'setHTMLUnsafe',
      ],
    ],
    [realm.CharacterData.prototype, ['after', 'before', 'replaceWith']],
    [realm.Document.prototype, ['write', 'writeln', 'append', 'prepend', 'replaceChildren']],
    [realm.Range.prototype, ['insertNode', 'surroundContents']],
  ];
  for (let i = 0; i < insertingMethods.length; i++) {
    // Indexed, not destructured: a frame made late is hooked after the page may have replaced the array iterator.
    const entry = insertingMethods[i] as (typeof insertingMethods)[number];
    const names = entry[1];
    for (let j = 0; j < names.length; j++) replaceMethod(entry[0], names[j] as string, nothing, afterInsert);
  }
  const insertingSetters = [realm.Element.prototype, realm.ShadowRoot?.prototype];
  for (let i = 0; i < insertingSetters.length; i++) {
    replaceSetter(insertingSetters[i], 'innerHTML', nothing, afterInsert);
    replaceSetter(insertingSetters[i], 'outerHTML', nothing, afterInsert);
  }
  // Frames already in the markup when the hooks start (the parser made them first).
  reachChildren();
}
