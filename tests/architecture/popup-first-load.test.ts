import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

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

/** Relative modules a file loads as it runs: value imports and re-exports, not `import type` nor `import()`. */
function staticImports(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly === true ||
        (clause !== undefined &&
          !clause.name &&
          clause.namedBindings !== undefined &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    }
  }
  return found.filter((s) => s.startsWith('.'));
}

function resolve(from: string, specifier: string): string | null {
  const base = join(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(candidate)) return candidate;
  return null;
}

/** Every source file loaded with the entry, as paths from the project root. */
function loadedWith(
  entry: string,
  read: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): Set<string> {
  const seen = new Set<string>();
  const queue = [join(ROOT, entry)];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    const path = relative(ROOT, file);
    if (seen.has(path)) continue;
    seen.add(path);
    for (const specifier of staticImports(file, read(file))) {
      const next = resolve(file, specifier);
      if (next) queue.push(next);
    }
  }
  return seen;
}

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
    const loaded = loadedWith('entrypoints/popup/main.tsx', (path) => {
      const text = readFileSync(path, 'utf8');
      return path === actions
        ? `import { registrableDomain } from '../../core/classify/party';\n${text}`
        : text;
    });
    expect(loaded).toContain('src/core/classify/party.ts');
  });
});
