/**
 * The built-ins the page hooks use after install, taken when this module is
 * evaluated: at document_start, before any page script. A page that later
 * replaces `Array.prototype.push`, `JSON.stringify`, `Map.prototype.get`,
 * `Object.defineProperty` or the array iterator changes nothing the hooks do.
 * Hook code calls these instead of the page's globals and prototypes, and
 * indexes arrays rather than iterating or destructuring them.
 */
export const apply = Reflect.apply;
export const defineProperty = Reflect.defineProperty;
export const getOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
export const getPrototypeOf = Reflect.getPrototypeOf;
export const setPrototypeOf = Reflect.setPrototypeOf;

/**
 * An own property's descriptor with no prototype. Defining a property reads
 * `get`, `set` and `value` through the descriptor's prototype chain too, so a
 * page that put a `get` on `Object.prototype` would make every definition
 * with an ordinary descriptor throw; frames the page makes are hooked after
 * its scripts ran, so this matters there.
 */
export function ownDescriptor(target: object, key: PropertyKey): PropertyDescriptor | undefined {
  const descriptor = getOwnPropertyDescriptor(target, key);
  if (descriptor) setPrototypeOf(descriptor, null);
  return descriptor;
}

/** A data property as a prototype-free descriptor: not enumerable, not writable, not configurable. */
export function fixedValue(value: unknown): PropertyDescriptor {
  const descriptor: PropertyDescriptor = {};
  setPrototypeOf(descriptor, null);
  descriptor.value = value;
  return descriptor;
}
const NativeString = String;
const NativeWeakMap = WeakMap;
const NativeWeakSet = WeakSet;
const NativeMap = Map;
const NativeSet = Set;
const NativeURL = URL;
const stringify = JSON.stringify;
const nativeJson = JSON;
const arraySliceFn = Array.prototype.slice;
const stringSliceFn = String.prototype.slice;
const regExpExecFn = RegExp.prototype.exec;
const weakMapGet = WeakMap.prototype.get;
const weakMapSet = WeakMap.prototype.set;
const weakSetHas = WeakSet.prototype.has;
const weakSetAdd = WeakSet.prototype.add;
const mapGet = Map.prototype.get;
const mapSet = Map.prototype.set;
const setHas = Set.prototype.has;
const setAdd = Set.prototype.add;
const setSize = Reflect.getOwnPropertyDescriptor(Set.prototype, 'size')?.get as (
  this: Set<unknown>,
) => number;
const urlHref = Reflect.getOwnPropertyDescriptor(URL.prototype, 'href')?.get as (this: URL) => string;

/** `String(value)`, as the engine's own String. */
export const toText = (value: unknown): string => NativeString(value);
export const sliceText = (text: string, start: number, end?: number): string =>
  apply(stringSliceFn, text, end === undefined ? [start] : [start, end]) as string;
export const sliceArray = <T>(array: readonly T[], start: number, end?: number): T[] =>
  apply(arraySliceFn, array, end === undefined ? [start] : [start, end]) as T[];
/** `pattern.test(text)` through the saved `exec`: `test` would look `exec` up on the page's prototype. */
export const matches = (pattern: RegExp, text: string): boolean =>
  apply(regExpExecFn, pattern, [text]) !== null;
/** `JSON.stringify`, or undefined when the value cannot be written (a cycle, a BigInt, a throwing toJSON). */
export const toJson = (value: unknown): string | undefined => {
  try {
    return apply(stringify, nativeJson, [value]) as string | undefined;
  } catch {
    return undefined;
  }
};
/** `new URL(input, base).href`, or undefined when it is no URL. */
export const resolveUrl = (input: string, base?: string): string | undefined => {
  try {
    return apply(urlHref, new NativeURL(input, base), []) as string;
  } catch {
    return undefined;
  }
};

/** Collections whose methods are the saved natives: the page can reach neither them nor their prototypes. */
export interface SafeWeakMap<K extends object, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
}
export const safeWeakMap = <K extends object, V>(): SafeWeakMap<K, V> => {
  const map = new NativeWeakMap<K, V>();
  return {
    get: (key) => apply(weakMapGet, map, [key]) as V | undefined,
    set: (key, value) => void apply(weakMapSet, map, [key, value]),
  };
};
export interface SafeWeakSet<T extends object> {
  has(value: T): boolean;
  add(value: T): void;
}
export const safeWeakSet = <T extends object>(): SafeWeakSet<T> => {
  const set = new NativeWeakSet<T>();
  return {
    has: (value) => apply(weakSetHas, set, [value]) as boolean,
    add: (value) => void apply(weakSetAdd, set, [value]),
  };
};
export interface SafeMap<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
}
export const safeMap = <K, V>(): SafeMap<K, V> => {
  const map = new NativeMap<K, V>();
  return {
    get: (key) => apply(mapGet, map, [key]) as V | undefined,
    set: (key, value) => void apply(mapSet, map, [key, value]),
  };
};
export interface SafeSet<T> {
  has(value: T): boolean;
  add(value: T): void;
  size(): number;
}
export const safeSet = <T>(): SafeSet<T> => {
  const set = new NativeSet<T>();
  return {
    has: (value) => apply(setHas, set, [value]) as boolean,
    add: (value) => void apply(setAdd, set, [value]),
    size: () => apply(setSize, set, []) as number,
  };
};
