import { INSPECTOR_GLOBAL, type Inspector } from '../protocol/inspector';

/**
 * Where the inspector lives: Chromium's service worker (a Playwright Worker),
 * or Firefox's background page (ExtensionBackground). Evaluates an expression
 * there, awaiting a promise, and hands back its value as JSON.
 */
export interface InspectorHost {
  evaluate(expression: string): Promise<unknown>;
}

/**
 * Runs `use` in the extension's worker with its inspector and returns what it
 * returns: the one way Node-side code (the audit, the Playwright fixture,
 * benches, end-to-end tests) reaches the worker. Like any function Playwright
 * evaluates, `use` travels as source text: it must not close over anything of
 * this process. What it needs goes in `arg`, which travels as JSON. One round
 * trip, as a plain `evaluate` takes: the audit polls the worker this way.
 */
export async function inInspector<Result, Arg = undefined>(
  worker: InspectorHost,
  use: (inspector: Inspector, arg: Arg) => Result | Promise<Result>,
  arg?: Arg,
): Promise<Result> {
  const argument = arg === undefined ? 'undefined' : JSON.stringify(arg);
  // A method written in shorthand (`run(i) { … }`) prints without `function`; as Playwright does, add it.
  let source = use.toString();
  try {
    new Function(`(${source})`);
  } catch {
    source = source.startsWith('async ') ? `async function ${source.slice(6)}` : `function ${source}`;
  }
  // tsx (esbuild's keepNames) wraps named inner functions in __name(); the worker has no such helper.
  const expression = `(async () => {
    const __name = (target) => target;
    const inspector = globalThis[${JSON.stringify(INSPECTOR_GLOBAL)}];
    if (!inspector) throw new Error('The extension worker has not started its inspector yet.');
    return (${source})(inspector, ${argument});
  })()`;
  return (await worker.evaluate(expression)) as Result;
}
