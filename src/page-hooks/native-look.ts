import {
  apply,
  defineProperty,
  getPrototypeOf,
  ownDescriptor,
  type SafeWeakMap,
  safeWeakMap,
  setPrototypeOf,
} from './primordials';

/**
 * Wrappers that read like the natives they replace. A page can test a method
 * for a hook by its `name`, its `length` or the text `Function.prototype.toString`
 * gives for it ("function toDataURL() { [native code] }"); if it saw a hook it
 * could behave differently while watched. Each wrapper takes its native's name
 * and length, and every realm the hooks reach gets a `toString` that answers
 * for a wrapper with its native's text, and for itself with its own native's.
 * One registry serves every realm (a page-made frame's wrappers come from here
 * too), so a wrapper reads as native whichever frame's `toString` is asked.
 */
const nativeOf: SafeWeakMap<object, object> = safeWeakMap();

/**
 * Makes `wrapper` read as `native`: same name, same length, same source text,
 * and the same prototype, which is its realm's `Function.prototype` (a wrapper
 * made here for a frame the page made would otherwise inherit this frame's).
 */
export function disguiseAs(wrapper: object, native: object): void {
  setPrototypeOf(wrapper, getPrototypeOf(native));
  const name = ownDescriptor(native, 'name');
  if (name) defineProperty(wrapper, 'name', name);
  const length = ownDescriptor(native, 'length');
  if (length) defineProperty(wrapper, 'length', length);
  nativeOf.set(wrapper, native);
}

/** Whether a function is one of the hooks' wrappers. */
export function isDisguised(fn: unknown): boolean {
  return (
    (typeof fn === 'function' || (typeof fn === 'object' && fn !== null)) && nativeOf.get(fn) !== undefined
  );
}

/**
 * The question a realm's `toString` answers when its hooks are in, and a
 * native one ignores (it takes no arguments): how the hooks, run again in a
 * window already hooked, know to leave it. It is asked, never listed: nothing
 * is added to the window for a page to find.
 */
const HOOKED_QUESTION = Symbol.for('jeejio-inspector.hooked');
const HOOKED_ANSWER = 'hooked';

/**
 * Other realms' `Function.prototype`, with the `toString` each had when met.
 * A frame's own hooks wrap its built-ins with functions only its registry
 * knows; when this realm's `toString` is asked about one, that frame's answers.
 */
const toStringOfRealm: SafeWeakMap<object, (this: unknown) => string> = safeWeakMap();

type Realm = { Function: FunctionConstructor };

/** Whether the hooks are already in `realm` (put there by its own run of them, or by the frame that made it). */
export function isHooked(realm: Realm): boolean {
  try {
    const realmToString = realm.Function.prototype.toString;
    // Asked as an argument, which a native ignores: `this` would be boxed in the sloppy-mode bundle.
    return apply(realmToString, realmToString, [HOOKED_QUESTION]) === HOOKED_ANSWER;
  } catch {
    return false;
  }
}

/** Notes another same-origin realm, so its hooks' wrappers read as native from here too. */
export function meetRealm(realm: Realm): void {
  try {
    const prototype = realm.Function.prototype;
    const theirToString = ownDescriptor(prototype, 'toString')?.value;
    if (typeof theirToString === 'function' && !isDisguised(theirToString))
      toStringOfRealm.set(prototype, theirToString);
  } catch {
    // Another origin's realm: nothing of it can be read, nor reached by a page here.
  }
}

/** Replaces `realm`'s `Function.prototype.toString` with one that shows each wrapper's native text. */
export function hookFunctionToString(realm: Realm): void {
  const prototype = realm.Function.prototype;
  const descriptor = ownDescriptor(prototype, 'toString');
  const own = descriptor?.value as ((this: unknown) => string) | undefined;
  if (!descriptor || typeof own !== 'function' || isDisguised(own)) return;
  const wrapped = {
    toString(this: unknown, question?: unknown): string {
      if (question === HOOKED_QUESTION) return HOOKED_ANSWER;
      if (typeof this === 'function') {
        const native = nativeOf.get(this);
        if (native !== undefined) return apply(own, native, []) as string;
        // Maybe another frame's wrapper: that frame's toString knows it.
        const theirs = toStringOfRealm.get(getPrototypeOf(this) as object);
        if (theirs !== undefined) return apply(theirs, this, []) as string;
      }
      return apply(own, this, []) as string;
    },
  }.toString;
  disguiseAs(wrapped, own);
  descriptor.value = wrapped;
  defineProperty(prototype, 'toString', descriptor);
}
