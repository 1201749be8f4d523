import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { UsageError } from '../harness/usage-error';

/** What a --login script receives: a fresh tab in the audit's own browser, so its cookies carry over. */
export interface LoginScriptArguments {
  page: Page;
  context: BrowserContext;
  /** The origin of the first URL to audit, such as https://www.jeejio.com */
  baseUrl: string;
}

/** The default export of a --login file. */
export type LoginScript = (args: LoginScriptArguments) => Promise<void> | void;

/** The login script threw or timed out: the pages behind the login cannot be audited, so nothing is. */
export class LoginScriptError extends Error {
  override name = 'LoginScriptError';
}

/**
 * Imports the tester's login script (an ES module, or TypeScript, which the
 * audit's tsx runtime compiles) before any browser starts, so a wrong path or
 * a file without a default-exported function is a usage error at once.
 */
export async function loadLoginScript(path: string): Promise<LoginScript> {
  const absolute = resolve(path);
  try {
    if (!(await stat(absolute)).isFile()) throw new UsageError(`The login script ${path} is not a file.`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `Cannot read the login script ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(absolute).href)) as { default?: unknown };
  } catch (error) {
    throw new UsageError(`The login script ${path} could not be loaded: ${firstLine(error)}`);
  }
  if (typeof module.default !== 'function') {
    throw new UsageError(
      `The login script ${path} must export a default function, such as ` +
        'export default async ({ page, baseUrl }) => { await page.goto(baseUrl + "/login"); … }',
    );
  }
  return module.default as LoginScript;
}

/** Runs the script once in its own tab, which is closed afterwards; the session cookies stay in the context. */
export async function runLoginScript(
  script: LoginScript,
  options: { context: BrowserContext; baseUrl: string; timeoutMs: number; path: string },
): Promise<void> {
  const page = await options.context.newPage();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new LoginScriptError(
            `The login script ${options.path} did not finish within ${options.timeoutMs} ms.`,
          ),
        ),
      options.timeoutMs,
    );
  });
  try {
    await Promise.race([script({ page, context: options.context, baseUrl: options.baseUrl }), timedOut]);
  } catch (error) {
    if (error instanceof LoginScriptError) throw error;
    throw new LoginScriptError(`The login script ${options.path} failed: ${firstLine(error)}`);
  } finally {
    clearTimeout(timer);
    await page.close().catch(() => {});
  }
}

function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
}
