import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadedWith, ROOT } from './module-graph';

/** What holds the reference tables' 0.9 MB: the JSON files and the one module that bundles them. */
const BUNDLED = [
  'src/core/classify/bundled-reference-tables.ts',
  'src/core/classify/open-cookie-database/ocd-cookies.json',
  'src/core/classify/cname-trackers/cname-trackers.json',
];

/** The extension's scripts: its worker, its content scripts and its pages. */
const EXTENSION_ENTRIES = [
  'entrypoints/background.ts',
  'entrypoints/page-hooks.content.ts',
  'entrypoints/page-watch.content.ts',
  'entrypoints/popup/main.tsx',
  'entrypoints/report/main.tsx',
  'entrypoints/options/main.tsx',
];

describe('the reference tables (#16)', () => {
  it.each(EXTENSION_ENTRIES)('%s never holds them: the extension reads them from its package', (entry) => {
    const loaded = loadedWith(entry, { dynamic: true });
    expect(loaded.size).toBeGreaterThan(1);
    expect(BUNDLED.filter((path) => loaded.has(path))).toEqual([]);
  });

  it('the worker reaches the code that classifies, so the walk would see a table imported there', () => {
    const loaded = loadedWith('entrypoints/background.ts');
    expect(loaded).toContain('src/core/classify/open-cookie-database/match-ocd.ts');
    expect(loaded).toContain('src/core/classify/cname-trackers/cname-tracker-list.ts');
    expect(loaded).toContain('src/stores/packaged-reference-tables.ts');
  });

  it('would catch a classifier importing its table again', () => {
    const matcher = join(ROOT, 'src/core/classify/open-cookie-database/match-ocd.ts');
    const loaded = loadedWith('entrypoints/background.ts', {
      read: (path) => {
        const text = readFileSync(path, 'utf8');
        return path === matcher ? `import ocdFile from './ocd-cookies.json';\n${text}` : text;
      },
    });
    expect(loaded).toContain('src/core/classify/open-cookie-database/ocd-cookies.json');
  });

  it('the command line classifies with the bundled copies', () => {
    expect(loadedWith('src/cli/bin.ts', { dynamic: true })).toContain(
      'src/core/classify/bundled-reference-tables.ts',
    );
  });
});
