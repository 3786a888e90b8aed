/**
 * The npm package: `npm pack` on a copy of the repository (its prepack script makes the
 * production build there, so dist/ under the other tests is left alone) gives a tarball of
 * only what runs, which installs into an empty prefix with working `report-lint` and
 * `report-language-server` commands and no devDependency.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { EXAMPLE, EXAMPLE_PLACEHOLDERS, ROOT } from '../support/fixtures';

const SKIP = new Set(['node_modules', '.git', 'test-results', '.cache', 'dist']);
const MAX_BYTES = 1.5 * 1024 * 1024;
/** What the tarball holds, and nothing else. */
const EXPECTED = [
  'package.json',
  'README.md',
  'LICENSE',
  'dist/cli.js',
  'dist/server.js',
  'media/preview.css',
  'schemas/report-author-config.schema.json',
  'schemas/report-template.schema.json',
  ...readdirSync(join(ROOT, 'templates')).map((t) => `templates/${t}`),
].sort();

let work = '';
let tarball = '';
let prefix = '';
let bin = '';
let packed: string[] = [];
const env = () => ({ ...process.env, PATH: [join(prefix, 'bin'), dirname(process.execPath), process.env.PATH].join(delimiter), LANG: 'en_US.UTF-8', LC_ALL: '', npm_config_yes: 'true' });

before(() => {
  work = mkdtempSync(join(tmpdir(), 'report-author-npm-'));
  const repo = join(work, 'repo');
  cpSync(ROOT, repo, { recursive: true, filter: (src) => !SKIP.has(basename(src)) && !/\.(vsix|tgz)$/.test(src) });
  symlinkSync(join(ROOT, 'node_modules'), join(repo, 'node_modules'), 'dir');
  // A development build's leftovers must stay out of the package.
  mkdirSync(join(repo, 'dist'));
  writeFileSync(join(repo, 'dist/cli.js.map'), '{}');
  writeFileSync(join(repo, 'dist/extension.js'), '// not for npm');
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
  const info = JSON.parse(out.slice(out.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = join(work, info[0]!.filename);
  packed = info[0]!.files.map((f) => f.path).sort();
  prefix = join(work, 'prefix');
  mkdirSync(prefix);
  // --offline: the package needs nothing from the registry.
  execFileSync('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
  bin = join(prefix, 'bin');
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the tarball holds only what runs, under 1.5 MB', () => {
  assert.deepEqual(packed, EXPECTED);
  assert.ok(statSync(tarball).size <= MAX_BYTES, `${statSync(tarball).size} bytes`);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.dependencies ?? {}, {}, 'the bundles carry everything they run');
  assert.deepEqual(manifest.bin, { 'report-lint': 'dist/cli.js', 'report-language-server': 'dist/server.js' });
  // The production build: minified, no source map reference.
  const cli = readFileSync(join(prefix, 'lib/node_modules/report-author/dist/cli.js'), 'utf8');
  assert.doesNotMatch(cli, /sourceMappingURL/);
});

test('the installed report-lint checks a report, lists the templates it carries and exports HTML', () => {
  const dir = mkdtempSync(join(work, 'use-'));
  writeFileSync(join(dir, 'report.md'), EXAMPLE);
  const check = spawnSync(join(bin, 'report-lint'), ['--format', 'json', 'report.md'], { cwd: dir, env: env(), encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  assert.equal(JSON.parse(check.stdout).summary.placeholders, EXAMPLE_PLACEHOLDERS);
  const list = spawnSync(join(bin, 'report-lint'), ['--list-templates', '--format', 'json'], { cwd: dir, env: env(), encoding: 'utf8' });
  const rows = JSON.parse(list.stdout) as Array<{ path: string }>;
  assert.equal(rows.length, 8);
  for (const row of rows) assert.ok(row.path.startsWith(join(prefix, 'lib/node_modules/report-author/templates/')), row.path);
  const html = spawnSync(join(bin, 'report-lint'), ['--export', 'html', 'report.md'], { cwd: dir, env: env(), encoding: 'utf8' });
  assert.equal(html.status, 0, html.stderr);
  assert.match(html.stdout, /<style>[\s\S]*\.ra-placeholder/);
  const version = spawnSync(join(bin, 'report-lint'), ['--version'], { env: env(), encoding: 'utf8' });
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
});

test('the installed report-language-server answers initialize and publishes diagnostics', async () => {
  const child = spawn(join(bin, 'report-language-server'), ['--stdio'], { env: env() });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  try {
    const diagnostics = new Promise<Array<{ code: string }>>((resolve) => {
      connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Array<{ code: string }> }) => {
        if (p.uri === 'file:///r/gap.md') resolve(p.diagnostics);
      });
    });
    connection.onRequest(() => null);
    connection.listen();
    const init = await connection.sendRequest<{ serverInfo: { name: string } }>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    assert.ok(init.serverInfo.name);
    connection.sendNotification('initialized', {});
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///r/gap.md', languageId: 'markdown', version: 1, text: '一、甲\n三、丙\n' } });
    assert.deepEqual((await diagnostics).map((d) => d.code), ['numbering-gap']);
  } finally {
    connection.dispose();
    child.kill();
  }
});
