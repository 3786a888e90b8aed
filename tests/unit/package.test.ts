/**
 * `npm run package` builds a .vsix that holds only what runs. The script runs on a copy of
 * the repository in a temporary folder (node_modules linked in), so that its production
 * build never rewrites dist/ under tests running at the same time. The copy includes
 * sources, tests and a stray source map in dist/, so the exclusions are really exercised.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const ROOT = join(__dirname, '../..');
const SKIP = new Set(['node_modules', '.git', 'test-results', '.cache']);
const MAX_BYTES = 2 * 1024 * 1024;
/** The extension's own bundle (issue 10): activation loads all of it on the first Markdown file. */
const MAX_EXTENSION_BYTES = 200 * 1024;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  offset: number;
}

let work: string;
let vsix: string;
let zip: Buffer;
let entries: Entry[];

/** The entries of a zip file, from its central directory. */
function listZip(buf: Buffer): Entry[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'not a zip file: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'bad central directory entry');
    const nameLength = buf.readUInt16LE(p + 28);
    out.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      offset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

function readEntry(name: string): string {
  const e = entries.find((x) => x.name === name);
  assert.ok(e, `${name} is not in the package`);
  const start = e.offset + 30 + zip.readUInt16LE(e.offset + 26) + zip.readUInt16LE(e.offset + 28);
  const data = zip.subarray(start, start + e.compressedSize);
  return (e.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

const names = () => entries.map((e) => e.name);

before(() => {
  work = mkdtempSync(join(tmpdir(), 'report-author-package-'));
  cpSync(ROOT, work, {
    recursive: true,
    filter: (src) => !SKIP.has(basename(src)) && !src.endsWith('.vsix'),
  });
  symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
  // A source map left by a development build must stay out of the package.
  mkdirSync(join(work, 'dist'), { recursive: true });
  writeFileSync(join(work, 'dist/extension.js.map'), '{}');
  execFileSync('npm', ['run', 'package'], { cwd: work, input: '', stdio: ['pipe', 'pipe', 'pipe'], timeout: 300_000 });
  vsix = join(work, 'report-author.vsix');
  zip = readFileSync(vsix);
  entries = listZip(zip);
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the package is under 2 MB', () => {
  assert.ok(statSync(vsix).size < MAX_BYTES, `${statSync(vsix).size} bytes`);
});

test('dist/extension.js in the package is at most 200 KB', () => {
  const extension = readEntry('extension/dist/extension.js');
  const bytes = Buffer.byteLength(extension, 'utf8');
  assert.ok(bytes <= MAX_EXTENSION_BYTES, `dist/extension.js is ${bytes} bytes`);
});

test('the package holds the bundles, templates, schemas, grammars, translations and docs', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const expected = [
    'extension/package.json',
    'extension/package.nls.json',
    'extension/package.nls.zh-cn.json',
    'extension/dist/extension.js',
    'extension/dist/server.js',
    'extension/dist/webview.js',
    // The workspace check runs report-lint as a task.
    'extension/dist/cli.js',
    'extension/media/preview.css',
    'extension/media/icon.png',
    'extension/templates/annual-summary.md',
    'extension/schemas/report-author-config.schema.json',
    'extension/schemas/report-template.schema.json',
    'extension/l10n/bundle.l10n.zh-cn.json',
    ...manifest.contributes.grammars.map((g: { path: string }) => `extension/${g.path.replace(/^\.\//, '')}`),
  ];
  assert.deepEqual(expected.filter((n) => !names().includes(n)), []);
  // vsce renames the docs (readme.md, changelog.md, LICENSE.txt).
  for (const doc of ['readme.md', 'changelog.md', 'license']) {
    assert.ok(names().some((n) => n.toLowerCase().startsWith(`extension/${doc}`)), doc);
  }
});

test('the package holds no sources, source maps, tests, samples or node_modules', () => {
  const stray = names().filter(
    (n) =>
      /\.(ts|map)$/.test(n) ||
      /(^|\/)node_modules\//.test(n) ||
      /^extension\/(server|client|shared|tests|samples|\.ci|\.vscode)\//.test(n) ||
      /^extension\/(tsconfig\.json|esbuild\.|package-lock\.json|\.vscodeignore)/.test(n),
  );
  assert.deepEqual(stray, []);
});

test('every file the packaged manifest points to is in the package', () => {
  const packaged = JSON.parse(readEntry('extension/package.json'));
  const paths = [
    packaged.main,
    ...packaged.contributes.grammars.map((g: { path: string }) => g.path),
    ...packaged.contributes.jsonValidation.map((j: { url: string }) => j.url),
    `${packaged.l10n}/bundle.l10n.zh-cn.json`,
  ];
  assert.deepEqual(
    paths.map((p: string) => `extension/${p.replace(/^\.\//, '')}`).filter((n) => !names().includes(n)),
    [],
  );
});

test('the bundles in the package are the production build', () => {
  for (const name of ['extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/cli.js']) {
    assert.doesNotMatch(readEntry(name), /sourceMappingURL/, name);
  }
});
