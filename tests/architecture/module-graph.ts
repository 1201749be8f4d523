import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

export const ROOT = join(import.meta.dirname, '../..');

export interface GraphOptions {
  /** Reads a source file (a test passes one that adds an import). */
  read?: (path: string) => string;
  /** Follow `import()` too: what a script may load later, not only what it loads as it starts. */
  dynamic?: boolean;
}

/** Relative modules a file loads: value imports and re-exports (not `import type`), and `import()` when asked. */
function importsOf(path: string, text: string, dynamic: boolean): string[] {
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
  if (dynamic) {
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      )
        found.push(node.arguments[0].text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found.filter((s) => s.startsWith('.'));
}

function resolve(from: string, specifier: string): string | null {
  const base = join(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
    if (/\.(ts|tsx|json)$/.test(candidate) && existsSync(candidate)) return candidate;
  return null;
}

/** Every source file (JSON included) loaded with the entry, as paths from the project root. */
export function loadedWith(entry: string, options: GraphOptions = {}): Set<string> {
  const read = options.read ?? ((p: string) => readFileSync(p, 'utf8'));
  const seen = new Set<string>();
  const queue = [join(ROOT, entry)];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    const path = relative(ROOT, file);
    if (seen.has(path)) continue;
    seen.add(path);
    if (file.endsWith('.json')) continue;
    for (const specifier of importsOf(file, read(file), options.dynamic ?? false)) {
      const next = resolve(file, specifier);
      if (next) queue.push(next);
    }
  }
  return seen;
}
