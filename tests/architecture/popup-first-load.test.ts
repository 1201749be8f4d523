import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadedWith, ROOT } from './module-graph';

/**
 * Modules the popup must not load when it opens: each is large (the public
 * suffix list, the cookie catalogue, the personal-data readers, the report
 * builder with every rule) and is needed only after a click, so it is loaded
 * then, with `import()`. Opening the popup is paid on every click of the
 * toolbar button (#16): 136 KB of script, against 505 KB with these in.
 */
const LOADED_ON_DEMAND = [
  'src/core/classify/party.ts',
  'src/core/classify/cookie-catalog.ts',
  'src/core/personal-data/find-personal-data.ts',
  'src/core/report/build-report.ts',
  'src/core/report/parameter-proof.ts',
];

describe("the popup's first load", () => {
  it('leaves out what is needed only after a click', () => {
    const loaded = loadedWith('entrypoints/popup/main.tsx');
    // The walk reaches the popup's own modules...
    expect(loaded).toContain('src/pages/popup/PopupApp.tsx');
    expect(loaded).toContain('src/pages/popup/VerdictActions.tsx');
    // ...and none of the large ones.
    expect(LOADED_ON_DEMAND.filter((path) => loaded.has(path))).toEqual([]);
  });

  it('would catch a static import of one of them', () => {
    const actions = join(ROOT, 'src/pages/popup/VerdictActions.tsx');
    const loaded = loadedWith('entrypoints/popup/main.tsx', {
      read: (path) => {
        const text = readFileSync(path, 'utf8');
        return path === actions
          ? `import { registrableDomain } from '../../core/classify/party';\n${text}`
          : text;
      },
    });
    expect(loaded).toContain('src/core/classify/party.ts');
  });
});
