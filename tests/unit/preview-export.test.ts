/** `report-lint --export html FILE`: a self-contained page on stdout, from the built CLI. */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_PATH, EXAMPLE as EXAMPLE_TEXT, EXAMPLE_PLACEHOLDERS } from '../support/fixtures';
import { writeWorkspace } from '../support/workspace';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const EXAMPLE = EXAMPLE_PATH;
const example = EXAMPLE_TEXT;

function lint(args: string[], cwd = ROOT, lang = 'en_US.UTF-8') {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

/** The newest modification time under `dir` (files ending in .ts). */
function newest(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => statSync(join(dir, f)).mtimeMs),
  );
}

before(() => {
  // `npm test` builds first; run alone, the test builds the CLI when it is missing or older than
  // its sources (never otherwise: other test files run the CLI at the same time).
  const sources = Math.max(newest(join(ROOT, 'server/src')), newest(join(ROOT, 'shared')));
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= sources) return;
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
});

function workspace(files: Record<string, string>): string {
  return writeWorkspace('report-export-', files);
}

const withoutFive = () => {
  const lines = example.split('\n');
  return lines.slice(0, lines.findIndex((l) => l.startsWith('五、'))).join('\n');
};

test('the example exports as one self-contained page: every placeholder an element, inline style, no script, nothing remote', () => {
  const r = lint(['--export', 'html', EXAMPLE]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const page = r.stdout;
  assert.match(page, /^<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">/);
  assert.match(page, /<\/html>\n$/);
  assert.equal(count(page, /<[a-z]+ [^>]*data-placeholder="(count|amount|percent|date|name|other)"/g), EXAMPLE_PLACEHOLDERS);
  assert.equal(count(page, /<style>/g), 1);
  assert.match(page, /<style>\n\/\*[\s\S]*\.ra-placeholder \{/);
  assert.equal(count(page, /<script|<link|<iframe|<img|\ssrc=|url\(|@import/g), 0);
  assert.equal(count(page.slice(page.indexOf('<body')), /<strong|<em/g), 0);
  // GB/T 9704 by default.
  assert.match(page, /<div class="ra-layout ra-style-gbt9704"/);
  assert.equal(count(page, /data-missing-section/g), 0);
});

test('--template is honoured: with section 五 removed, one missing-section element and no action', () => {
  const dir = workspace({ 'report.md': withoutFive() });
  const r = lint(['--export', 'html', '--template', 'annual-summary', 'report.md'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(count(r.stdout, /<[a-z]+ [^>]*data-missing-section="/g), 1);
  assert.match(r.stdout, /<section class="ra-ghost" id="ra-ghost-\d+" data-missing-section="problems"[^>]*><h2 class="ra-ghost-heading ra-level-1">五、存在的问题和不足<\/h2>/);
  assert.equal(count(r.stdout, /<button/g), 0);
  assert.match(r.stdout, /<p class="ra-template">Template: 年度工作总结<\/p>/);
  // Without a template, nothing is missing.
  assert.equal(count(lint(['--export', 'html', 'report.md'], dir).stdout, /data-missing-section/g), 0);
});

test('the template is chosen as for checking: front matter and .report-author.json', () => {
  const dir = workspace({
    'fm.md': '---\ntemplate: annual-summary\n---\n' + withoutFive(),
    'mapped/report.md': withoutFive(),
    '.report-author.json': JSON.stringify({ templates: { 'mapped/*.md': 'annual-summary' } }),
  });
  for (const file of ['fm.md', 'mapped/report.md']) {
    const r = lint(['--export', 'html', file], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(count(r.stdout, /data-missing-section="/g), 1, file);
  }
});

test('--style editor exports the plain page; the page speaks the locale', () => {
  const r = lint(['--export', 'html', '--style', 'editor', EXAMPLE], ROOT, 'zh_CN.UTF-8');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /<div class="ra-layout ra-style-editor"/);
  assert.match(r.stdout, /data-placeholder="count" data-label="数量" title="待填占位符：数量"/);
  assert.match(r.stdout, new RegExp(`待填占位符：${EXAMPLE_PLACEHOLDERS} 处`));
});

test('an unreadable input exits 2 with a clear message and prints no page', () => {
  const dir = workspace({ 'binary.md': 'a\0b' });
  for (const [file, message] of [
    ['missing.md', /^report-lint: missing\.md: file not found\n$/],
    ['.', /^report-lint: \.: is a directory, not a file\n$/],
    ['binary.md', /^report-lint: binary\.md: binary file \(contains NUL bytes\), not checked\n$/],
  ] as const) {
    const r = lint(['--export', 'html', file], dir);
    assert.equal(r.code, 2, file);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
});

test('usage errors exit 2: another format, two files, no file, an unknown template, a bad style', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--export', 'pdf', EXAMPLE], /Invalid value "pdf" for --export: expected one of html/],
    [['--export', 'html', EXAMPLE, EXAMPLE], /--export html takes exactly one file/],
    [['--export', 'html'], /--export html takes exactly one file/],
    [['--export', 'html', '--style', 'word', EXAMPLE], /Invalid value "word" for --style: expected one of gbt9704, editor/],
    [['--style', 'editor', EXAMPLE], /Option --style needs --export html/],
    [['--export', 'html', '--template', 'no-such-template', EXAMPLE], /Unknown template: no-such-template/],
  ];
  for (const [args, message] of cases) {
    const r = lint(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
});

test('--help lists --export and --style', () => {
  const r = lint(['--help']);
  assert.match(r.stdout, /--export html FILE +Print the report as a self-contained HTML page/);
  assert.match(r.stdout, /--style gbt9704\|editor +Page style of --export/);
});
