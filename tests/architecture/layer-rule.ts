import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * The layer rule, written once. Code is arranged by where it runs, around a
 * browser-free core; imports run down this page, never up it.
 *
 * Inside `src/core`, folders form a strict order, lowest first: a core module
 * imports its own folder and folders listed before it, nothing else in `src/`.
 */
export const CORE_ORDER = [
  'util',
  'wording',
  'classify',
  'personal-data',
  'policy',
  'settings',
  'sites',
  'observations',
  'rules',
  'engine',
  'report',
  'config',
  'formats',
  'evidence',
  'recording',
] as const;

/**
 * Every other place in `src/`, and the places it may import besides itself.
 * Longer prefixes win, so `pages/shared` is a place of its own.
 */
export const PLACES: Record<string, readonly string[]> = {
  // The channels between the places below: browser-free, shared by both ends.
  protocol: ['core'],
  // What the worker and the extension pages both open: IndexedDB, storage.local.
  stores: ['core'],
  background: ['core', 'protocol', 'stores'],
  content: ['core', 'protocol'],
  'page-hooks': ['core', 'protocol'],
  'pages/shared': ['core', 'protocol', 'stores'],
  'pages/popup': ['core', 'protocol', 'stores', 'pages/shared'],
  'pages/options': ['core', 'protocol', 'stores', 'pages/shared'],
  'pages/report': ['core', 'protocol', 'stores', 'pages/shared'],
  // Node side: starting a browser with the built extension and reaching its worker.
  harness: ['core', 'protocol'],
  'demo-site': ['core'],
  cli: ['core', 'protocol', 'harness', 'demo-site'],
  playwright: ['core', 'protocol', 'harness'],
};

/** Packages that are browser APIs (or wrap them): the core never imports these. */
const BROWSER_PACKAGES = [/^wxt(\/|$)/, /^@wxt-dev\//, /^webextension-polyfill$/, /^dexie$/, /^node:/];
/** Globals that reach the browser or its extension APIs. */
const BROWSER_GLOBALS = new Set(['chrome', 'browser', 'indexedDB', 'localStorage', 'document', 'window']);

export interface SourceFile {
  /** Path from the project root, with forward slashes. */
  path: string;
  text: string;
}

export interface Breach {
  file: string;
  imports: string;
  why: string;
}

/** The place a path belongs to: `core/<folder>`, a key of PLACES, `tests`, or null outside both. */
export function placeOf(path: string): string | null {
  if (path.startsWith('tests/')) return 'tests';
  if (!path.startsWith('src/')) return null;
  const inSrc = path.slice(4);
  const core = /^core\/([^/]+)\//.exec(inSrc);
  if (core) return `core/${core[1]}`;
  const places = Object.keys(PLACES).sort((a, b) => b.length - a.length);
  return places.find((p) => inSrc.startsWith(`${p}/`)) ?? 'src';
}

/** Why `from` may not import `to`, or null when it may. */
function refusal(from: string, to: string): string | null {
  if (from === to) return null;
  if (to === 'tests') return 'nothing in src/ imports test material';
  if (to === null || to === 'src') return null;
  if (from.startsWith('core/')) {
    const rank = (p: string) => CORE_ORDER.indexOf(p.slice(5) as (typeof CORE_ORDER)[number]);
    if (!to.startsWith('core/')) return `the core imports nothing outside src/core (here ${to})`;
    if (rank(from) < 0 || rank(to) < 0) return `${from} or ${to} is missing from CORE_ORDER`;
    return rank(to) < rank(from) ? null : `${to} sits above ${from} in CORE_ORDER`;
  }
  const allowed = PLACES[from];
  if (!allowed) return from === 'src' ? null : `${from} is not a known place`;
  const target = to.startsWith('core/') ? 'core' : to;
  return allowed.includes(target) ? null : `${from} may import only ${allowed.join(', ')} (not ${to})`;
}

/** Module specifiers a file imports, re-exports or loads, type-only ones included. */
export function importsOf(file: SourceFile): string[] {
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) specifiers.push(literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

/** Uses of a browser global (`browser.storage`, `document.cookie`) as a value; a local of that name is not one. */
function browserGlobalsOf(file: SourceFile): string[] {
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, false);
  const declared = new Set<string>();
  const used = new Set<string>();
  const visit = (node: ts.Node): void => {
    if ((ts.isVariableDeclaration(node) || ts.isParameter(node)) && ts.isIdentifier(node.name))
      declared.add(node.name.text);
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      BROWSER_GLOBALS.has(node.expression.text)
    ) {
      used.add(node.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...used].filter((name) => !declared.has(name));
}

const isTestMaterial = (path: string) => /\.(test|spec)\.tsx?$/.test(path) || path.startsWith('tests/');

/** Every import in `files` that breaks the rule. Tests beside their modules are test material, not bound by it. */
export function checkLayers(files: readonly SourceFile[]): Breach[] {
  const breaches: Breach[] = [];
  for (const file of files) {
    if (isTestMaterial(file.path)) continue;
    const from = placeOf(file.path);
    if (from === null) continue;
    for (const specifier of importsOf(file)) {
      if (from.startsWith('core/') && BROWSER_PACKAGES.some((p) => p.test(specifier))) {
        breaches.push({ file: file.path, imports: specifier, why: 'the core uses no browser or Node API' });
        continue;
      }
      if (!specifier.startsWith('.')) continue;
      const target = posix.normalize(posix.join(posix.dirname(file.path), specifier));
      const why = refusal(from, placeOf(target) ?? (target.startsWith('public/') ? 'public' : 'outside'));
      if (why) breaches.push({ file: file.path, imports: specifier, why });
    }
    if (from.startsWith('core/')) {
      for (const global of browserGlobalsOf(file))
        breaches.push({ file: file.path, imports: global, why: 'the core uses no browser or Node API' });
    }
  }
  return breaches;
}

/** The project's own sources under `src/`, as the checker reads them. */
export function readSources(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|mts|mjs)$/.test(entry.name))
        files.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(join(root, 'src'));
  return files;
}
