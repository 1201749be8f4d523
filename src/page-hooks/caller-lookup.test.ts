import { createContext, Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { type CallerLookup, callerOfFrames, createCallerLookup } from './caller-script';

/**
 * A fresh V8 realm stands for the page: its own Error, hooks installed in it
 * before any "page script", and page scripts run under the URL the browser
 * would have loaded them from (vm's filename is what V8's call sites report,
 * just as the browser's script URL is).
 */
function page(): { run: (code: string, url: string) => unknown; lookup: CallerLookup } {
  const context = createContext({});
  const realmError = new Script('Error').runInContext(context) as ErrorConstructor;
  const lookup = createCallerLookup(realmError);
  context.lookup = lookup;
  return { run: (code, url) => new Script(code, { filename: url }).runInContext(context), lookup };
}

const SDK = 'https://cdn.tracker.example/sdk.js';
const PAGE = 'https://www.jeejio.com/hostile';
const WECHAT = 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js';

describe('createCallerLookup in real V8 stacks', () => {
  it('names the script the browser loaded that called the hook', () => {
    const { run } = page();
    expect(run('lookup()', SDK)).toBe(SDK);
    expect(run('[1].map(() => lookup())[0]', SDK)).toBe(SDK);
  });

  it('finds the caller below more of the hook’s own frames than it first looks at', () => {
    const { run } = page();
    // The hook's side: frames of the extension's own script, fifteen deep before the lookup.
    run(
      'globalThis.deep = (n) => (n === 0 ? lookup() : deep(n - 1))',
      'chrome-extension://abcdef/page-hooks.js',
    );
    expect(run('deep(15)', SDK)).toBe(SDK);
    expect(run('deep(2)', SDK)).toBe(SDK);
  });

  it('does not believe a sourceURL comment: eval’d code counts as inline, an inline script as its page', () => {
    const { run } = page();
    expect(run(`eval('lookup()\\n//# sourceURL=${WECHAT}')`, PAGE)).toBeUndefined();
    expect(run(`(0, eval)('lookup()\\n//# sourceURL=${WECHAT}')`, PAGE)).toBeUndefined();
    expect(run(`new Function('return lookup()\\n//# sourceURL=${WECHAT}')()`, PAGE)).toBeUndefined();
    // An inline <script> ending in a sourceURL comment: the browser still loaded it as part of the page.
    expect(run(`lookup()\n//# sourceURL=${WECHAT}`, PAGE)).toBe(PAGE);
    // What the printed stack says, which is why it is not read: the claimed URL, no trace of eval.
    expect(run(`eval('new Error().stack\\n//# sourceURL=${WECHAT}')`, PAGE)).toContain(
      `at eval (${WECHAT}:1:1)`,
    );
  });

  it('is not fooled by a replaced Error.prepareStackTrace, and the page still gets its own formatter back', () => {
    const { run } = page();
    run(`Error.prepareStackTrace = () => 'Error\\n    at ${WECHAT}:1:1'`, PAGE);
    expect(run('lookup()', SDK)).toBe(SDK);
    expect(run('new Error().stack', PAGE)).toBe(`Error\n    at ${WECHAT}:1:1`);
    expect(run('typeof Error.prepareStackTrace', PAGE)).toBe('function');
    // Nor can it put a formatter in the slot some other way.
    expect(() =>
      run(`Object.defineProperty(Error, 'prepareStackTrace', { value: () => '' })`, PAGE),
    ).toThrow();
    expect(run('lookup()', SDK)).toBe(SDK);
  });

  it('is not fooled by a patched call-site prototype, a replaced Error.captureStackTrace, nor a zero stack limit', () => {
    const { run } = page();
    run(
      `let proto;
       Error.prepareStackTrace = (e, sites) => { proto = Object.getPrototypeOf(sites[0]); return ''; };
       new Error().stack;
       proto.getFileName = () => '${WECHAT}';
       proto.isEval = () => false;
       Error.captureStackTrace = (o) => { o.stack = 'at ${WECHAT}:1:1'; };
       Error.stackTraceLimit = 0;`,
      PAGE,
    );
    expect(run('lookup()', SDK)).toBe(SDK);
    // The page's own limit is left as it set it.
    expect(run('Error.stackTraceLimit', PAGE)).toBe(0);
  });

  it('never names the forged script when the page replaces its global Error', () => {
    const { run } = page();
    run(`globalThis.Error = function Error() { return { stack: 'Error\\n    at ${WECHAT}:1:1' }; };`, PAGE);
    // Chromium's V8 formats with the realm's own Error, so the lookup still names the SDK there
    // (tests/e2e/hostile-page.spec.ts); Node's stack polyfill asks the replaced global instead,
    // and then the lookup names nobody. Either way, never the page's pick.
    expect([SDK, undefined]).toContain(run('lookup()', SDK));
  });
});

describe('callerOfFrames', () => {
  const HOOK = 'chrome-extension://abcdefghijklmnop/content-scripts/page-hooks.js';
  it('skips the hook’s own and native frames and stops at eval’d code', () => {
    expect(
      callerOfFrames([
        { fileName: HOOK, isEval: false },
        { fileName: undefined, isEval: false },
        { fileName: SDK, isEval: false },
      ]),
    ).toBe(SDK);
    expect(
      callerOfFrames([
        { fileName: HOOK, isEval: false },
        { fileName: undefined, isEval: true },
        { fileName: SDK, isEval: false },
      ]),
    ).toBeUndefined();
    expect(callerOfFrames([{ fileName: 'node:internal/x', isEval: false }])).toBeUndefined();
    expect(
      callerOfFrames([{ fileName: `https://x.example/${'a'.repeat(4000)}`, isEval: false }])?.length,
    ).toBe(2048);
  });
});

describe('createCallerLookup without V8 call sites', () => {
  it('reads the printed stack, as Gecko writes it', () => {
    const GECKO_STACK = `report@moz-extension://1234/content-scripts/page-hooks.js:1:20
track@https://cdn.tracker.example/sdk.js:3:40`;
    // An Error whose engine never calls a formatter: Gecko's, even with its Error.captureStackTrace.
    function GeckoError(this: { stack: string }) {
      this.stack = GECKO_STACK;
    }
    GeckoError.captureStackTrace = () => {};
    const lookup = createCallerLookup(GeckoError as unknown as ErrorConstructor);
    expect(lookup()).toBe(SDK);
  });
});
