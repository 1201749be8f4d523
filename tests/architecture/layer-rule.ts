import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
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
  // What an analytics SDK's request says, decoded by vendor tables: classification and rules read it.
  'payloads',
  'classify',
  'personal-data',
  'policy',
  'settings',
  'sites',
  'observations',
  'rules',
  'engine',
  'report',
  // Audit scenarios (refusal, consent, GPC) and how their runs compare: built on reports.
  'scenarios',
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
  // The channels between the places below (types, validation, transport constants), shared by both ends.
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

/**
 * WXT's entrypoints, by what they start: each only wires the place it starts
 * (a content script never reaches into the worker, and so on).
 */
const ENTRYPOINTS: Record<string, readonly string[]> = {
  'entrypoints/background': ['core', 'protocol', 'stores', 'background'],
  'entrypoints/content': ['core', 'protocol', 'content'],
  'entrypoints/page-hooks': ['core', 'protocol', 'page-hooks'],
  'entrypoints/pages': [
    'core',
    'protocol',
    'stores',
    'pages/shared',
    'pages/popup',
    'pages/options',
    'pages/report',
  ],
};

/** Packages that are browser, extension, Node or test-driver APIs (or wrap them): the core never imports these. */
const PLATFORM_PACKAGES = [
  /^wxt(\/|$)/,
  /^@wxt-dev\//,
  /^#imports$/,
  /^webextension-polyfill$/,
  /^dexie$/,
  /^node:/,
  /^(playwright|playwright-core|@playwright\/test)(\/|$)/,
  new RegExp(`^(${builtinModules.map((m) => m.replace(/[/.]/g, '\\$&')).join('|')})(/|$)`),
];
/** Globals that reach the browser, its extension APIs or Node. */
const PLATFORM_GLOBALS = new Set([
  'chrome',
  'browser',
  'storage',
  'indexedDB',
  'localStorage',
  'sessionStorage',
  'document',
  'window',
  'navigator',
  'location',
  'self',
  'process',
  'Buffer',
]);
/** Places that run in Node and may load a module the user names. */
const NODE_FACES = new Set(['cli', 'harness', 'playwright', 'demo-site']);

/** WXT's path aliases (tsconfig paths), which make a non-relative import reach into the project. */
const ALIASES: [prefix: string, root: string][] = [
  ['@@/', ''],
  ['~~/', ''],
  ['@/', ''],
  ['~/', ''],
];

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

/**
 * The place a path belongs to: `core/<folder>`, a key of PLACES, an
 * `entrypoints/…` kind, `tests`, `loose` for a file of src/ in no place, or null
 * for the rest of the project. A folder's own path counts as inside it, so a
 * folder import (`'../background'`) is judged too.
 */
export function placeOf(path: string): string | null {
  if (path === 'tests' || path.startsWith('tests/')) return 'tests';
  if (path.startsWith('entrypoints/')) {
    if (/^entrypoints\/background(\.|\/)/.test(path)) return 'entrypoints/background';
    // The page world's script is the one named page-hooks; every other content script runs isolated.
    if (/^entrypoints\/page-hooks\.content(\.|\/)/.test(path)) return 'entrypoints/page-hooks';
    if (/^entrypoints\/([^/]*\.)?content(\.|\/|$)/.test(path)) return 'entrypoints/content';
    return 'entrypoints/pages';
  }
  if (!path.startsWith('src/')) return null;
  const inSrc = path.slice(4);
  const core = /^core\/([^/]+)\//.exec(inSrc) ?? /^core\/([^/.]+)$/.exec(inSrc);
  if (core) return `core/${core[1]}`;
  const places = Object.keys(PLACES).sort((a, b) => b.length - a.length);
  return places.find((p) => inSrc === p || inSrc.startsWith(`${p}/`)) ?? 'loose';
}

/** Why `from` may not import `to`, or null when it may. */
function refusal(from: string, to: string): string | null {
  if (from === to) return null;
  if (to === 'tests') return 'product code imports no test material';
  if (to === 'loose') return 'every module of src/ belongs to a place (a folder of src/ or of src/core)';
  if (to === null) return null;
  if (from.startsWith('core/')) {
    const rank = (p: string) => CORE_ORDER.indexOf(p.slice(5) as (typeof CORE_ORDER)[number]);
    if (!to.startsWith('core/')) return `the core imports nothing outside src/core (here ${to})`;
    if (rank(from) < 0 || rank(to) < 0) return `${from} or ${to} is missing from CORE_ORDER`;
    return rank(to) < rank(from) ? null : `${to} sits above ${from} in CORE_ORDER`;
  }
  const allowed = PLACES[from] ?? ENTRYPOINTS[from];
  if (!allowed) return `${from} is not a known place`;
  const target = to.startsWith('core/') ? 'core' : to;
  return allowed.includes(target) ? null : `${from} may import only ${allowed.join(', ')} (not ${to})`;
}

/**
 * Module specifiers a file imports, re-exports, loads or requires, type-only
 * ones included. A computed specifier cannot be judged, so it is given as
 * `<computed>` and refused.
 */
export function importsOf(file: SourceFile): string[] {
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  const literal = (node: ts.Node | undefined) =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : '<computed>';
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      specifiers.push(literal(node.moduleSpecifier));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      specifiers.push(literal(node.moduleReference.expression));
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      specifiers.push(literal(node.arguments[0]));
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      specifiers.push(literal(node.argument.literal));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

/**
 * Uses of a platform global (`browser.storage`, `String(document)`,
 * `globalThis.chrome`) as a value, not in comments, names of properties or
 * types. A name the file declares itself anywhere is taken as its own.
 */
function platformGlobalsOf(file: SourceFile): string[] {
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true);
  const declared = new Set<string>();
  const used = new Set<string>();
  const isName = (node: ts.Identifier): boolean => {
    const parent = node.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.name === node) {
      // globalThis.chrome is the global itself.
      return !(ts.isIdentifier(parent.expression) && parent.expression.text === 'globalThis');
    }
    return (
      ts.isTypeQueryNode(parent) ||
      ((ts.isPropertyAssignment(parent) ||
        ts.isPropertyDeclaration(parent) ||
        ts.isPropertySignature(parent) ||
        ts.isMethodDeclaration(parent) ||
        ts.isMethodSignature(parent) ||
        ts.isGetAccessor(parent) ||
        ts.isSetAccessor(parent) ||
        ts.isEnumMember(parent)) &&
        parent.name === node) ||
      ts.isQualifiedName(parent) ||
      ts.isTypeReferenceNode(parent) ||
      ts.isImportSpecifier(parent) ||
      ts.isExportSpecifier(parent)
    );
  };
  const visit = (node: ts.Node): void => {
    if (
      (ts.isVariableDeclaration(node) ||
        ts.isParameter(node) ||
        ts.isFunctionDeclaration(node) ||
        ts.isClassDeclaration(node) ||
        ts.isImportClause(node) ||
        ts.isImportSpecifier(node) ||
        ts.isNamespaceImport(node) ||
        ts.isBindingElement(node)) &&
      node.name &&
      ts.isIdentifier(node.name)
    ) {
      declared.add(node.name.text);
    } else if (ts.isIdentifier(node) && PLATFORM_GLOBALS.has(node.text) && !isName(node)) {
      used.add(node.text);
    } else if (
      // globalThis['chrome'], (globalThis as any).chrome
      ts.isElementAccessExpression(node) &&
      isGlobalThis(node.expression) &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      PLATFORM_GLOBALS.has(node.argumentExpression.text)
    ) {
      used.add(node.argumentExpression.text);
    } else if (
      ts.isPropertyAccessExpression(node) &&
      !ts.isIdentifier(node.expression) &&
      isGlobalThis(node.expression) &&
      PLATFORM_GLOBALS.has(node.name.text)
    ) {
      used.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...used].filter((name) => !declared.has(name));
}

const isTestMaterial = (path: string) => /\.(test|spec)\.tsx?$/.test(path) || path.startsWith('tests/');

/** `globalThis`, also behind parentheses or a type assertion. */
function isGlobalThis(node: ts.Expression): boolean {
  let inner = node;
  while (
    ts.isParenthesizedExpression(inner) ||
    ts.isAsExpression(inner) ||
    ts.isTypeAssertionExpression(inner)
  )
    inner = inner.expression;
  return ts.isIdentifier(inner) && inner.text === 'globalThis';
}

/** Where a specifier points inside the project, or null for a package. */
function targetOf(fromPath: string, specifier: string): string | null {
  if (specifier.startsWith('.')) return posix.normalize(posix.join(posix.dirname(fromPath), specifier));
  const alias = ALIASES.find(([prefix]) => specifier.startsWith(prefix));
  return alias ? posix.normalize(alias[1] + specifier.slice(alias[0].length)) : null;
}

/** Every import in `files` that breaks the rule. Tests beside their modules are test material, not bound by it. */
export function checkLayers(files: readonly SourceFile[]): Breach[] {
  const breaches: Breach[] = [];
  for (const file of files) {
    if (isTestMaterial(file.path)) continue;
    const from = placeOf(file.path);
    if (from === null) continue;
    if (from === 'loose') {
      breaches.push({ file: file.path, imports: '', why: 'every module of src/ belongs to a place' });
      continue;
    }
    const inCore = from.startsWith('core/');
    for (const specifier of importsOf(file)) {
      if (specifier === '<computed>') {
        // The Node faces load what the user names (a login script); elsewhere an import names its module.
        if (!NODE_FACES.has(from))
          breaches.push({ file: file.path, imports: specifier, why: 'an import names its module literally' });
        continue;
      }
      if (inCore && PLATFORM_PACKAGES.some((p) => p.test(specifier))) {
        breaches.push({ file: file.path, imports: specifier, why: 'the core uses no browser or Node API' });
        continue;
      }
      const target = targetOf(file.path, specifier);
      if (target === null) continue;
      const why = refusal(from, placeOf(target) ?? (target.startsWith('public/') ? 'public' : 'outside'));
      if (why) breaches.push({ file: file.path, imports: specifier, why });
    }
    if (inCore) {
      for (const global of platformGlobalsOf(file))
        breaches.push({ file: file.path, imports: global, why: 'the core uses no browser or Node API' });
    }
  }
  return breaches;
}

/** The project's own sources under `src/` and `entrypoints/`, as the checker reads them. */
export function readSources(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(entry.name))
        files.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(join(root, 'src'));
  walk(join(root, 'entrypoints'));
  return files;
}
