import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_ORDER, checkLayers, PLACES, placeOf, readSources, type SourceFile } from './layer-rule';

const ROOT = join(import.meta.dirname, '../..');
const file = (path: string, text: string): SourceFile => ({ path, text });
const dirs = (path: string) =>
  readdirSync(join(ROOT, path), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

describe('the layer rule', () => {
  // Parsing some 500 modules takes about 2 s alone, and three times that on a loaded CI machine.
  it('holds for the whole of src/ and entrypoints/', { timeout: 30_000 }, () => {
    expect(checkLayers(readSources(ROOT))).toEqual([]);
  });

  it('knows every folder: each core folder has its rank, each place its neighbours', () => {
    expect(dirs('src/core').filter((d) => !(CORE_ORDER as readonly string[]).includes(d))).toEqual([]);
    const places = new Set(Object.keys(PLACES).map((p) => p.split('/')[0]));
    expect(dirs('src').filter((d) => d !== 'core' && !places.has(d))).toEqual([]);
    expect(dirs('src/pages').filter((d) => !(`pages/${d}` in PLACES))).toEqual([]);
    expect(readSources(ROOT).filter((f) => placeOf(f.path) === 'loose')).toEqual([]);
  });

  it('fails on a deliberate back-up import added to a real module', () => {
    const sources = readSources(ROOT);
    const engine = sources.find((s) => s.path === 'src/core/engine/evaluate-policy.ts');
    if (!engine) throw new Error('evaluate-policy.ts moved');
    const broken = {
      ...engine,
      text: `import { buildReport } from '../report/build-report';\n${engine.text}`,
    };
    expect(checkLayers([broken])).toEqual([
      {
        file: 'src/core/engine/evaluate-policy.ts',
        imports: '../report/build-report',
        why: 'core/report sits above core/engine in CORE_ORDER',
      },
    ]);
  });

  it.each([
    [
      'a core folder importing one above it',
      'src/core/rules/a.ts',
      "import type { Report } from '../report/report-types';",
    ],
    ['the core importing glue', 'src/core/report/a.ts', "import { x } from '../../background/badge';"],
    ['the core importing a browser API', 'src/core/engine/a.ts', "import { browser } from 'wxt/browser';"],
    ['the core importing Node', 'src/core/evidence/a.ts', "import { readFileSync } from 'node:fs';"],
    [
      'the core using a browser global',
      'src/core/observations/a.ts',
      'export const k = () => chrome.storage.local;',
    ],
    [
      'the core importing the extension database',
      'src/core/recording/a.ts',
      "import type { D } from '../../stores/inspector-database';",
    ],
    [
      'the worker importing a page',
      'src/background/a.ts',
      "import { PopupApp } from '../pages/popup/PopupApp';",
    ],
    [
      'a content script importing the worker',
      'src/content/a.ts',
      "import { x } from '../background/visit-tracker';",
    ],
    [
      'the page world importing a content script',
      'src/page-hooks/a.ts',
      "import { x } from '../content/token-bucket';",
    ],
    [
      'shared page code importing one page',
      'src/pages/shared/a.ts',
      "import { x } from '../options/RetentionSection';",
    ],
    ['one page importing another', 'src/pages/popup/a.ts', "import { x } from '../report/ReportApp';"],
    [
      'a protocol importing the worker',
      'src/protocol/a.ts',
      "import type { Recorder } from '../background/recording/recorder';",
    ],
    [
      'the CLI importing the worker',
      'src/cli/a.ts',
      "import type { I } from '../background/start-inspector';",
    ],
    [
      'the Playwright fixture importing the CLI',
      'src/playwright/a.ts',
      "import { runAudit } from '../cli/run-audit';",
    ],
    [
      'product code importing test material',
      'src/cli/a.ts',
      "import { x } from '../../tests/support/reports';",
    ],
    [
      'a dynamic import up a layer',
      'src/core/rules/a.ts',
      "const m = () => import('../engine/evaluate-policy');",
    ],
    [
      'a type-only import up a layer',
      'src/core/policy/a.ts',
      "export type R = import('../report/report-types').Report;",
    ],
    ['an import through a path alias', 'src/core/rules/a.ts', "import { b } from '@/src/background/badge';"],
    ['the core importing WXT auto-imports', 'src/core/report/a.ts', "import { browser } from '#imports';"],
    [
      'the core importing a Node built-in without node:',
      'src/core/evidence/a.ts',
      "import { readFileSync } from 'fs';",
    ],
    [
      'the core importing the test driver',
      'src/core/report/a.ts',
      "import { chromium } from 'playwright-core';",
    ],
    ['the core using a global as a value', 'src/core/report/a.ts', 'export const ua = String(navigator);'],
    [
      'the core reaching a global through globalThis',
      'src/core/report/a.ts',
      'export const c = globalThis.chrome;',
    ],
    [
      'the core using an auto-imported global',
      'src/core/report/a.ts',
      "export const s = () => storage.getItem('local:x');",
    ],
    ['the core requiring a module', 'src/core/report/a.ts', "const fs = require('node:fs');"],
    [
      'a computed import in the core',
      'src/core/report/a.ts',
      "const m = (name: string) => import('../' + name);",
    ],
    ['a folder import up a layer', 'src/core/rules/a.ts', "import * as engine from '../engine';"],
    ['a module in no place', 'src/core/index.ts', "export * from './report/report-types';"],
    ['a module loose in src/', 'src/helpers.ts', 'export const a = 1;'],
    [
      'a content-script entrypoint importing the worker',
      'entrypoints/page-watch.content.ts',
      "import { x } from '../src/background/badge';",
    ],
    [
      'the core reaching a global by its name as a string',
      'src/core/report/a.ts',
      "export const c = globalThis['chrome'];",
    ],
    [
      'the core reaching a global through a cast',
      'src/core/report/a.ts',
      'export const c = (globalThis as any).chrome;',
    ],
    [
      'the page world entrypoint importing a content script',
      'entrypoints/page-hooks.content.ts',
      "import { x } from '../src/content/token-bucket';",
    ],
    [
      'a content-script entrypoint importing the page hooks',
      'entrypoints/page-watch.content.ts',
      "import { x } from '../src/page-hooks/install-page-hooks';",
    ],
    [
      'the background entrypoint importing a page',
      'entrypoints/background.ts',
      "import { x } from '../src/pages/popup/PopupApp';",
    ],
  ])('refuses %s', (_label, path, text) => {
    expect(checkLayers([file(path, text)])).toHaveLength(1);
  });

  it.each([
    [
      'a core folder importing one below it',
      'src/core/report/a.ts',
      "import { evaluatePolicy } from '../engine/evaluate-policy';",
    ],
    [
      'a page importing shared page code and stores',
      'src/pages/popup/a.ts',
      "import { t } from '../shared/i18n';\nimport { D } from '../../stores/inspector-database';",
    ],
    [
      'the worker importing a protocol and the core',
      'src/background/a.ts',
      "import { parseRequest } from '../protocol/worker-requests';\nimport { x } from '../core/report/tool';",
    ],
    [
      'a unit test beside its module importing test material',
      'src/core/rules/a.test.ts',
      "import { x } from '../../../tests/support/golden-cases';",
    ],
    [
      'a local variable named like a browser global',
      'src/core/recording/a.ts',
      'const browser = { name: "x" };\nexport const n = browser.name;',
    ],
    [
      'a comment naming a browser API',
      'src/core/wording/a.ts',
      '// what browser.i18n.getMessage does\nexport const a = 1;',
    ],
    [
      'a property or type named like a global',
      'src/core/report/a.ts',
      'export interface A { location: string; document: Document }\nexport const f = (a: A) => a.location;',
    ],
    ['a global named in a type', 'src/core/report/a.ts', 'export type W = typeof window;'],
    [
      'the CLI loading a script the user names',
      'src/cli/a.ts',
      'export const load = (path: string) => import(path);',
    ],
    [
      'a page entrypoint wiring its page',
      'entrypoints/popup/main.tsx',
      "import { PopupApp } from '../../src/pages/popup/PopupApp';",
    ],
  ])('allows %s', (_label, path, text) => {
    expect(checkLayers([file(path, text)])).toEqual([]);
  });
});
