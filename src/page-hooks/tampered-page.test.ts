import { createContext, Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createClaimReporter } from './claim-reporter';
import { hookCookieWrites, hookWebStorage } from './hook-cookie-and-storage';
import type { PageRealm } from './page-realm';

/**
 * The hooks share their world with the page, which may replace any built-in
 * once its scripts run. Here the test's own realm is that shared world (the
 * hooks' code runs in it), and a vm realm stands for the frame whose storage
 * and cookies are hooked. Everything replaced throws, so any use of it after
 * install would lose the claim; it is put back before anything is asserted.
 */
function frame(): { run: (code: string) => unknown; realm: PageRealm } {
  const context = createContext({});
  const run = (code: string) => new Script(code).runInContext(context);
  run(`
    class Storage { constructor() { this.items = new Map(); } setItem(k, v) { this.items.set(String(k), String(v)); }
      removeItem(k) { this.items.delete(String(k)); } clear() { this.items.clear(); } }
    class Document {}
    Object.defineProperty(Document.prototype, 'cookie', { configurable: true, enumerable: true,
      get() { return this.jar ?? ''; }, set(v) { this.jar = String(v); } });
    globalThis.Storage = Storage; globalThis.Document = Document;
    globalThis.localStorage = new Storage(); globalThis.sessionStorage = new Storage();
    globalThis.document = new Document();
  `);
  return { run, realm: run('globalThis') as PageRealm };
}

const used: string[] = [];
const broken = (key: PropertyKey) => () => {
  used[used.length] = typeof key === 'symbol' ? 'Symbol.iterator' : `${key as string}`;
  throw new Error('replaced by the page');
};

/** What a hostile page replaces after the hooks are in: each with a function that throws. */
function tamperWithBuiltIns(): () => void {
  const targets: Array<[object, PropertyKey[]]> = [
    [Array.prototype, ['push', 'slice', 'map', 'join', Symbol.iterator]],
    [JSON, ['stringify', 'parse']],
    [Map.prototype, ['get', 'set', 'has']],
    [WeakMap.prototype, ['get', 'set', 'has']],
    [WeakSet.prototype, ['add', 'has']],
    [String.prototype, ['slice', 'toString']],
    [RegExp.prototype, ['test', 'exec']],
    [Object, ['defineProperty', 'getOwnPropertyDescriptor', 'assign']],
    [globalThis, ['String', 'URL']],
  ];
  const saved = targets.flatMap(([target, keys]) =>
    keys.map((key) => [target, key, Object.getOwnPropertyDescriptor(target, key)] as const),
  );
  const define = Reflect.defineProperty;
  // Indexed from here on: this very helper must not use what it replaces.
  for (let i = 0; i < saved.length; i++) {
    const entry = saved[i] as (typeof saved)[number];
    define(entry[0], entry[1], {
      __proto__: null,
      ...entry[2],
      value: broken(entry[1]),
    } as PropertyDescriptor);
  }
  return () => {
    for (let i = 0; i < saved.length; i++) {
      const entry = saved[i] as (typeof saved)[number];
      define(entry[0], entry[1], entry[2] as PropertyDescriptor);
    }
  };
}

describe('hooks a page tampers with after install', () => {
  it('still claim every call, and send them, when the page replaced the built-ins they use', async () => {
    const { run, realm } = frame();
    const sent: string[] = [];
    const { report } = createClaimReporter((json) => {
      sent[sent.length] = json;
    });
    hookWebStorage(report, realm);
    hookCookieWrites(report, realm);

    const restore = tamperWithBuiltIns();
    try {
      run(
        `localStorage.setItem('uid', 'u-123'); sessionStorage.removeItem('x'); document.cookie = 'sid=abc; path=/';`,
      );
    } finally {
      // The claims go out in a microtask queued by the first call: this one runs right after it, still tampered.
      queueMicrotask(restore);
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The page's own calls worked as before.
    expect(run('[localStorage.items.get("uid"), document.cookie]')).toEqual(['u-123', 'sid=abc; path=/']);
    expect(used).toEqual([]);
    const claims = sent.flatMap((json) => JSON.parse(json) as Array<Record<string, unknown>>);
    expect(claims).toEqual([
      expect.objectContaining({
        type: 'storage-write',
        area: 'localStorage',
        op: 'set',
        key: 'uid',
        value: 'u-123',
      }),
      expect.objectContaining({ type: 'storage-write', area: 'sessionStorage', op: 'remove', key: 'x' }),
      expect.objectContaining({ type: 'cookie-write', cookie: 'sid=abc; path=/' }),
    ]);
  });

  it('hook a frame made after the page polluted Object.prototype with a getter', () => {
    const { run, realm } = frame();
    const claims: unknown[] = [];
    Object.defineProperty(Object.prototype, 'get', { configurable: true, value: () => 'forged' });
    try {
      // A descriptor that inherited that `get` would make every definition throw.
      hookWebStorage((claim) => claims.push(claim), realm);
    } finally {
      delete (Object.prototype as { get?: unknown }).get;
    }
    run(`localStorage.setItem('late', '1')`);
    expect(claims).toEqual([expect.objectContaining({ type: 'storage-write', key: 'late', value: '1' })]);
  });
});
