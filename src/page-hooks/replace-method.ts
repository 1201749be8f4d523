/**
 * Replaces a method on a prototype with a wrapper that reports and then calls
 * the saved native with the same `this` and arguments, so the page sees the
 * same results and errors. What the reporter does is guarded: a hook must
 * never break the page.
 */
// biome-ignore lint/suspicious/noExplicitAny: natives of every signature are wrapped alike.
type AnyFunction = (...args: any[]) => any;

export function replaceMethod<T extends object>(
  target: T | undefined,
  name: string,
  before: (self: unknown, args: unknown[]) => void,
): void {
  if (!target) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, name);
  const native = descriptor?.value as AnyFunction | undefined;
  if (typeof native !== 'function') return;
  const apply = Reflect.apply;
  const wrapped = {
    [name](this: unknown, ...args: unknown[]) {
      try {
        before(this, args);
      } catch {
        // Reporting failed; the call itself must still happen.
      }
      return apply(native, this, args);
    },
  }[name] as AnyFunction;
  Object.defineProperty(target, name, { ...descriptor, value: wrapped });
}

/** Wraps a property's setter the same way (document.cookie, img.src). */
export function replaceSetter<T extends object>(
  target: T | undefined,
  name: string,
  before: (self: unknown, value: unknown) => void,
): void {
  if (!target) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, name);
  const set = descriptor?.set;
  if (!descriptor || !set) return;
  const apply = Reflect.apply;
  Object.defineProperty(target, name, {
    ...descriptor,
    set(this: unknown, value: unknown) {
      try {
        before(this, value);
      } catch {
        // As above: never in the page's way.
      }
      apply(set, this, [value]);
    },
  });
}

/** A saved getter, callable on any instance later, whatever the page redefines. */
export function savedGetter(
  target: object | undefined,
  name: string,
): ((self: unknown) => unknown) | undefined {
  const get = target ? Object.getOwnPropertyDescriptor(target, name)?.get : undefined;
  if (!get) return undefined;
  const apply = Reflect.apply;
  return (self) => apply(get, self, []);
}
