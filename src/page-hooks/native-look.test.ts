import { createContext, Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { hookFunctionToString } from './native-look';
import { replaceGetter, replaceMethod, replaceSetter } from './replace-method';

/** A fresh V8 realm stands for a page (or a frame it made): its own built-ins, its own Function.prototype.toString. */
function page(): { run: (code: string) => unknown; realm: typeof globalThis } {
  const context = createContext({});
  const run = (code: string) => new Script(code).runInContext(context);
  return { run, realm: run('globalThis') as typeof globalThis };
}

describe('hooked methods read as native to a page probing them', () => {
  it('keeps name, length, own keys and the native source text of a wrapped method', () => {
    const { run, realm } = page();
    const before = run('[JSON.stringify.toString(), JSON.stringify.name, JSON.stringify.length]');
    const keys = run('Reflect.ownKeys(JSON.stringify).join()');
    hookFunctionToString(realm);
    let calls = 0;
    replaceMethod(realm.JSON, 'stringify', () => calls++);

    expect(run('JSON.stringify({ a: 1 })')).toBe('{"a":1}');
    expect(calls).toBe(1);
    expect(run('[JSON.stringify.toString(), JSON.stringify.name, JSON.stringify.length]')).toEqual(before);
    expect(run('Function.prototype.toString.call(JSON.stringify)')).toBe(
      'function stringify() { [native code] }',
    );
    expect(run('Reflect.ownKeys(JSON.stringify).join()')).toBe(keys);
    expect(run('"prototype" in JSON.stringify')).toBe(false);
    // As with a native, it is no constructor.
    expect(() => run('new JSON.stringify()')).toThrow(/not a constructor/);
  });

  it('makes toString itself, and toString of toString, read as native', () => {
    const { run, realm } = page();
    hookFunctionToString(realm);
    expect(run('Function.prototype.toString.toString()')).toBe('function toString() { [native code] }');
    expect(run('Function.prototype.toString.toString.toString()')).toBe(
      'function toString() { [native code] }',
    );
    expect(run('Function.prototype.toString.name')).toBe('toString');
    // Ordinary functions still show their source, and a non-function still throws as it did.
    expect(run('(function f(a) { return a; }).toString()')).toBe('function f(a) { return a; }');
    expect(() => run('Function.prototype.toString.call({})')).toThrow(/requires that 'this' be a Function/);
  });

  it('keeps getters and setters named as the natives are ("get x", "set x")', () => {
    const { run, realm } = page();
    hookFunctionToString(realm);
    const seen: unknown[] = [];
    replaceGetter(realm.Map.prototype, 'size', (_self, value) => seen.push(value));
    expect(run('new Map([[1, 1]]).size')).toBe(1);
    expect(seen).toEqual([1]);
    expect(run('Object.getOwnPropertyDescriptor(Map.prototype, "size").get.toString()')).toBe(
      'function get size() { [native code] }',
    );
    expect(run('Object.getOwnPropertyDescriptor(Map.prototype, "size").get.name')).toBe('get size');
    // A native setter (Object.prototype.__proto__'s, as document.cookie's stands in Node), wrapped.
    replaceSetter(realm.Object.prototype, '__proto__', () => seen.push('set'));
    expect(run('const o = {}; o.__proto__ = Array.prototype; Array.isArray(o) || o instanceof Array')).toBe(
      true,
    );
    expect(seen).toEqual([1, 'set']);
    expect(run('Object.getOwnPropertyDescriptor(Object.prototype, "__proto__").set.toString()')).toBe(
      'function set __proto__() { [native code] }',
    );
    expect(run('Object.getOwnPropertyDescriptor(Object.prototype, "__proto__").set.name')).toBe(
      'set __proto__',
    );
  });

  it('wraps a method once, so a frame reached twice still reports each call once', () => {
    const { run, realm } = page();
    let calls = 0;
    replaceMethod(realm.JSON, 'stringify', () => calls++);
    replaceMethod(realm.JSON, 'stringify', () => calls++);
    run('JSON.stringify(1)');
    expect(calls).toBe(1);
  });
});
