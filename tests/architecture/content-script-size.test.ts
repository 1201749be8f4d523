import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadedWith, ROOT } from './module-graph';

/**
 * The content scripts run in every frame of a monitored page, compiled again in
 * each (#16): they report what the page did and leave judging to the worker.
 * None of them loads a classifier or a catalogue: the public suffix list alone
 * (`tldts`, via party.ts) is 160 kB of script, two thirds of what page-watch
 * held when a shared constant pulled it in.
 */
const JUDGING = [
  'src/core/classify/party.ts',
  'src/core/classify/classify-host.ts',
  'src/core/classify/host-catalog.ts',
  'src/core/classify/classify-request.ts',
  'src/core/observations/link-decoration.ts',
];

const CONTENT_SCRIPTS = ['entrypoints/page-watch.content.ts', 'entrypoints/page-hooks.content.ts'];

describe('the content scripts in every frame', () => {
  it.each(CONTENT_SCRIPTS)('%s loads no classifier', (entry) => {
    const loaded = loadedWith(entry, { dynamic: true });
    expect(loaded.size).toBeGreaterThan(3);
    expect(JUDGING.filter((path) => loaded.has(path))).toEqual([]);
  });

  it('would catch a constant imported from a module that classifies', () => {
    const reader = join(ROOT, 'src/content/read-outbound-links.ts');
    const loaded = loadedWith('entrypoints/page-watch.content.ts', {
      read: (path) => {
        const text = readFileSync(path, 'utf8');
        return path === reader
          ? `import { decoratedLinks } from '../core/observations/link-decoration';\n${text}`
          : text;
      },
    });
    expect(loaded).toContain('src/core/classify/party.ts');
  });
});
