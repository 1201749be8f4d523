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

/** Replaces `realm`'s `Function.prototype.toString` with one that shows each wrapper's native text. */
export function hookFunctionToString(realm: { Function: FunctionConstructor }): void {
  const prototype = realm.Function.prototype;
  const descriptor = ownDescriptor(prototype, 'toString');
  const own = descriptor?.value as ((this: unknown) => string) | undefined;
  if (!descriptor || typeof own !== 'function' || isDisguised(own)) return;
  const wrapped = {
    toString(this: unknown): string {
      const native = typeof this === 'function' ? nativeOf.get(this) : undefined;
      return apply(own, native ?? this, []) as string;
    },
  }.toString;
  disguiseAs(wrapped, own);
  descriptor.value = wrapped;
  defineProperty(prototype, 'toString', descriptor);
}
