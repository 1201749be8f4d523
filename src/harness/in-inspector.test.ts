import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Inspector } from '../protocol/inspector';
import { inInspector } from './in-inspector';

/** A worker as Playwright drives one: it evaluates the expression in its own global scope. */
function workerWith(globals: Record<string, unknown>) {
  return { evaluate: async (expression: unknown) => runInNewContext(String(expression), { ...globals }) };
}

const inspector = {
  pageReadingState: (url: string) => (url.endsWith('/done') ? 'reported' : 'waiting'),
  record: async (observations: unknown[]) => void observations,
} as unknown as Inspector;

describe('inInspector', () => {
  it('runs the function in the worker with its inspector and the argument, as JSON', async () => {
    const worker = workerWith({ jeejioInspector: inspector });
    await expect(
      inInspector(worker, (i, url) => i.pageReadingState(url), 'https://www.jeejio.com/done'),
    ).resolves.toBe('reported');
    await expect(
      inInspector(worker, (_i, arg) => arg, { quote: 'it\'s "x"', list: [1, null], missing: undefined }),
    ).resolves.toEqual({ quote: 'it\'s "x"', list: [1, null] });
    await expect(inInspector(worker, (_i, arg) => arg === undefined)).resolves.toBe(true);
  });

  it('runs source that names its inner functions, as tsx compiles it', async () => {
    const worker = workerWith({ jeejioInspector: inspector });
    const use = new Function(
      'return (i, n) => { const twice = __name(() => n * 2, "twice"); return twice(); }',
    )();
    await expect(inInspector(worker, use as (i: Inspector, n: number) => number, 21)).resolves.toBe(42);
  });

  it('runs a method written in shorthand', async () => {
    const worker = workerWith({ jeejioInspector: inspector });
    const calls = {
      async read(i: Inspector, url: string) {
        return i.pageReadingState(url);
      },
    };
    await expect(inInspector(worker, calls.read, 'https://www.jeejio.com/done')).resolves.toBe('reported');
  });

  it('says so when the worker has not started its inspector', async () => {
    await expect(inInspector(workerWith({}), (i) => i.ready)).rejects.toThrow(/not started its inspector/);
  });
});
