import type { Worker } from 'playwright-core';
import { INSPECTOR_GLOBAL, type Inspector } from '../protocol/inspector';

/**
 * Runs `use` in the extension's worker with its inspector and returns what it
 * returns: the one way Node-side code (the audit, the Playwright fixture,
 * benches, end-to-end tests) reaches the worker. Like any function Playwright
 * evaluates, `use` travels as source text: it must not close over anything of
 * this process, and what it needs goes in `arg`.
 */
export async function inInspector<Result, Arg = undefined>(
  worker: Pick<Worker, 'evaluateHandle'>,
  use: (inspector: Inspector, arg: Arg) => Result | Promise<Result>,
  arg?: Arg,
): Promise<Result> {
  const handle = await worker.evaluateHandle((name) => {
    const inspector = (globalThis as unknown as Record<string, Inspector | undefined>)[name];
    if (!inspector) throw new Error('The extension worker has not started its inspector yet.');
    return inspector;
  }, INSPECTOR_GLOBAL);
  try {
    // Arguments cross as JSON-like values (Playwright's serialisation), never as handles here.
    const run = use as (inspector: Inspector, arg: unknown) => Result | Promise<Result>;
    return (await handle.evaluate(run, arg as unknown)) as Result;
  } finally {
    // A worker the browser stopped meanwhile has dropped the handle already.
    void handle.dispose().catch(() => {});
  }
}
