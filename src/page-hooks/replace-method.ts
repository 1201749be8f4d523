import { disguiseAs, isDisguised } from './native-look';
import { apply, defineProperty, ownDescriptor } from './primordials';

/**
 * Replaces a method on a prototype with a wrapper that reports and then calls
 * the saved native with the same `this` and arguments, so the page sees the
 * same results and errors. What the reporter does is guarded: a hook must
 * never break the page. The wrapper reads as the native (native-look.ts), and
 * a method already wrapped (a frame reached twice) is left as it is, so a call
 * is reported once.
 */
// biome-ignore lint/suspicious/noExplicitAny: natives of every signature are wrapped alike.
type AnyFunction = (...args: any[]) => any;

export function replaceMethod<T extends object>(
  target: T | undefined,
  name: string,
  before: (self: unknown, args: unknown[]) => void,
  /** Told what the native returned, before the page gets it (a new window, to hook it first). */
  after?: (self: unknown, result: unknown, args: unknown[]) => void,
): void {
  if (!target) return;
  const descriptor = ownDescriptor(target, name);
  const native = descriptor?.value as AnyFunction | undefined;
  if (!descriptor || typeof native !== 'function' || isDisguised(native)) return;
  const wrapped = {
    [name](this: unknown, ...args: unknown[]) {
      try {
        before(this, args);
      } catch {
        // Reporting failed; the call itself must still happen.
      }
      const result = apply(native, this, args);
      if (after) {
        try {
          after(this, result, args);
        } catch {
          // As above.
        }
      }
      return result;
    },
  }[name] as AnyFunction;
  disguiseAs(wrapped, native);
  descriptor.value = wrapped;
  defineProperty(target, name, descriptor);
}

/** Wraps a property's setter the same way (document.cookie, img.src); `after` runs once it is set. */
export function replaceSetter<T extends object>(
  target: T | undefined,
  name: string,
  before: (self: unknown, value: unknown) => void,
  after?: (self: unknown) => void,
): void {
  if (!target) return;
  const descriptor = ownDescriptor(target, name);
  const set = descriptor?.set;
  if (!descriptor || !set || isDisguised(set)) return;
  const wrapped = {
    set [name](value: unknown) {
      try {
        before(this as unknown, value);
      } catch {
        // As above: never in the page's way.
      }
      apply(set, this, [value]);
      if (after) {
        try {
          after(this);
        } catch {
          // As above.
        }
      }
    },
  };
  const wrappedSet = ownDescriptor(wrapped, name)?.set as AnyFunction;
  disguiseAs(wrappedSet, set);
  descriptor.set = wrappedSet;
  defineProperty(target, name, descriptor);
}

/** Wraps a property's getter: `after` sees what it returns before the page does (a frame's window). */
export function replaceGetter<T extends object>(
  target: T | undefined,
  name: string,
  after: (self: unknown, value: unknown) => void,
): void {
  if (!target) return;
  const descriptor = ownDescriptor(target, name);
  const get = descriptor?.get;
  if (!descriptor || !get || isDisguised(get)) return;
  const wrapped = {
    get [name](): unknown {
      const value = apply(get, this, []);
      try {
        after(this, value);
      } catch {
        // As above.
      }
      return value;
    },
  };
  const wrappedGet = ownDescriptor(wrapped, name)?.get as AnyFunction;
  disguiseAs(wrappedGet, get);
  descriptor.get = wrappedGet;
  defineProperty(target, name, descriptor);
}

/** A saved getter, callable on any instance later, whatever the page redefines. */
export function savedGetter(
  target: object | undefined,
  name: string,
): ((self: unknown) => unknown) | undefined {
  const get = target ? ownDescriptor(target, name)?.get : undefined;
  if (!get) return undefined;
  return (self) => apply(get, self, []);
}
