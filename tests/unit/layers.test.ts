/**
 * The architecture held (see ARCHITECTURE.md): which layer may import which, and no runtime
 * import cycle among the project's modules. Imports are read from the sources; `import type`
 * (and imports whose every name is a type) vanish at runtime and count for neither rule,
 * except that the extension may not even name the engine's internals beyond its allowlist.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const SOURCES = ['server/src', 'client/src', 'shared', 'webview/src'];

interface Import {
  from: string;
  /** Project file (relative to the root, `/`-separated) or package name. */
  to: string;
  local: boolean;
  typeOnly: boolean;
  line: number;
}

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...files(rel));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

function resolveLocal(from: string, spec: string): string {
  const base = resolve(ROOT, dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(ROOT, candidate).split(sep).join('/');
  }
  return relative(ROOT, base).split(sep).join('/');
}

const STATEMENT = /^\s*(import|export)\s+(type\s+)?([\s\S]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/gm;

export function importsOf(file: string, text: string = readFileSync(join(ROOT, file), 'utf8')): Import[] {
  const out: Import[] = [];
  for (const m of text.matchAll(STATEMENT)) {
    const spec = m[4] ?? m[5] ?? m[6]!;
    const clause = m[3] ?? '';
    // `import { type A, type B } from` is type-only too; `typeof import('x')` in a cast is not an import.
    const named = /^\{([\s\S]*)\}$/.exec(clause.trim());
    const allTypes = !!named && named[1]!.split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '));
    const typeOnly = !!m[2] || allTypes;
    const local = spec.startsWith('.');
    const line = text.slice(0, m.index).split('\n').length;
    out.push({ from: file, to: local ? resolveLocal(file, spec) : spec, local, typeOnly, line });
  }
  return out;
}

const all = SOURCES.flatMap(files);
const imports = all.flatMap((f) => importsOf(f));
const where = (i: Import) => `${i.from}:${i.line} imports ${i.to}`;
const isBuiltin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]!);

/** The engine's modules the extension may bundle: the chip's HTML and the words on it, the value check of the fill command. */
const CLIENT_MAY_BUNDLE = new Set([
  'server/src/core/preview/chip.ts',
  'server/src/core/preview/labels.ts',
  'server/src/core/preview/source.ts',
  'server/src/core/placeholderValue.ts',
  // The codes' documentation links (workspace check): data, no imports.
  'server/src/core/codes.ts',
]);

test('the import reader sees runtime, type-only and re-exported imports', () => {
  const found = importsOf(
    'server/src/server/x.ts',
    "import { a } from '../core';\nimport type { B } from '../core/types';\nimport { type C, type D } from './y';\nexport { e } from 'yaml';\nconst f = require('./z');\n",
  );
  assert.deepEqual(
    found.map((i) => [i.to, i.typeOnly, i.line]),
    [['server/src/core/index.ts', false, 1], ['server/src/core/types.ts', true, 2], ['server/src/server/y', true, 3], ['yaml', false, 4], ['server/src/server/z', false, 5]],
  );
});

test('the core imports nothing of the server, the CLI, Node I/O, the client, vscode or Node built-ins', () => {
  const bad = imports.filter((i) => {
    if (!i.from.startsWith('server/src/core/')) return false;
    // Data it is built with (JSON Schemas) is bundled, not I/O.
    if (i.local) return !i.to.startsWith('server/src/core/') && !/^schemas\/[^/]+\.json$/.test(i.to);
    return isBuiltin(i.to) || i.to === 'vscode' || i.to.startsWith('vscode-languageserver/') || i.to === 'vscode-languageserver' || i.to === 'vscode-jsonrpc';
  });
  assert.deepEqual(bad.map(where), []);
});

test('Node I/O, the CLI and the server glue stay in their lanes', () => {
  const rules: Array<[from: string, forbidden: string[]]> = [
    ['server/src/node/', ['server/src/server/', 'server/src/cli/', 'client/']],
    ['server/src/cli/', ['server/src/server/', 'client/']],
    ['server/src/server/', ['server/src/cli/', 'client/']],
    ['shared/', ['server/', 'client/', 'webview/']],
    ['webview/src/', ['server/', 'client/']],
  ];
  const bad = imports.filter((i) => i.local && !i.typeOnly && rules.some(([from, forbidden]) => i.from.startsWith(from) && forbidden.some((f) => i.to.startsWith(f))));
  assert.deepEqual(bad.map(where), []);
});

test('the extension holds no engine: it imports shared/ and, of the core, only the chip, the value check and the codes', () => {
  const bad = imports.filter(
    (i) => i.from.startsWith('client/') && i.local && !i.typeOnly && !i.to.startsWith('client/') && !i.to.startsWith('shared/') && !CLIENT_MAY_BUNDLE.has(i.to),
  );
  assert.deepEqual(bad.map(where), []);
  // What it may bundle of the core pulls in no more of it.
  const leaks = imports.filter((i) => CLIENT_MAY_BUNDLE.has(i.from) && i.local && !i.typeOnly && !CLIENT_MAY_BUNDLE.has(i.to));
  assert.deepEqual(leaks.map(where), []);
  const packages = imports.filter((i) => i.from.startsWith('client/') && !i.local && !i.typeOnly).map((i) => i.to);
  for (const engine of ['unified', 'remark-parse', 'rehype-stringify', 'yaml', 're2js', 'picomatch']) assert.ok(!packages.includes(engine), engine);
});

test('the extension and shared/ speak LSP through vscode-jsonrpc only: no language client or protocol library at runtime', () => {
  // The LSP client is client/src/lsp; vscode-languageserver-protocol is for its types only.
  const bad = imports.filter(
    (i) => (i.from.startsWith('client/') || i.from.startsWith('shared/')) && !i.local && !i.typeOnly && /^vscode-language(client|server)/.test(i.to),
  );
  assert.deepEqual(bad.map(where), []);
  assert.ok(imports.some((i) => i.from.startsWith('client/src/lsp/') && i.to === 'vscode-jsonrpc/node' && !i.typeOnly), 'the client reads its imports');
});

/** Strongly connected components of more than one module (or a module importing itself): Tarjan's algorithm. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return cycles;
}

test('the cycle finder finds a cycle through three modules and a module importing itself, not a diamond', () => {
  const g = new Map([['a', ['b', 'c']], ['b', ['d']], ['c', ['d']], ['d', ['e']], ['e', ['b']], ['f', ['f']]]);
  assert.deepEqual(cyclesOf(g), [['b', 'd', 'e'], ['f']]);
  assert.deepEqual(cyclesOf(new Map([['a', ['b', 'c']], ['b', ['d']], ['c', ['d']]])), []);
});

test('no runtime import cycle among the project modules', () => {
  const graph = new Map<string, string[]>();
  for (const i of imports) if (i.local && !i.typeOnly) graph.set(i.from, [...(graph.get(i.from) ?? []), i.to]);
  assert.deepEqual(cyclesOf(graph), []);
});
