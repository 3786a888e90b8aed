/** report-lint with templates: --template, --list-templates, --derive-template, .report-author.json. */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_PATH } from '../support/fixtures';
import { writeWorkspace } from '../support/workspace';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const EXAMPLE = EXAMPLE_PATH;

function lint(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const json = (out: string) => JSON.parse(out) as { files: Array<{ template: string | null; diagnostics: Array<{ code: string; message: string }> }> };
const outlineCodes = (out: string) => json(out).files[0]!.diagnostics.map((d) => d.code).filter((c) => c !== 'unfilled-placeholder');

before(() => {
  if (!existsSync(CLI)) assert.equal(spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT }).status, 0);
});

function workspace(files: Record<string, string>): string {
  return writeWorkspace('report-lint-', files);
}

test('--template by id or Chinese name: the example passes annual-summary', () => {
  for (const ref of ['annual-summary', '年度工作总结']) {
    const r = lint(['--format', 'json', '--template', ref, EXAMPLE]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(json(r.stdout).files[0]!.template, 'annual-summary');
    assert.deepEqual(outlineCodes(r.stdout), []);
  }
});

test('--list-templates --format json lists every built-in with an absolute path', () => {
  const r = lint(['--list-templates', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as Array<{ id: string; name: string; path: string }>;
  assert.equal(rows.length, 8);
  for (const row of rows) {
    assert.ok(row.path.startsWith('/') && existsSync(row.path), row.path);
    assert.deepEqual(Object.keys(row), ['id', 'name', 'path']);
  }
  assert.ok(rows.some((t) => t.id === 'duty-report' && t.name === '述职报告'));
});

test('--derive-template: the example passes what is derived from it; a removed section is missing', () => {
  const derived = lint(['--derive-template', EXAMPLE]);
  assert.equal(derived.code, 0, derived.stderr);
  const lines = readFileSync(EXAMPLE, 'utf8').split('\n');
  const three = lines.findIndex((l) => l.startsWith('三、'));
  const four = lines.findIndex((l) => l.startsWith('四、'));
  const dir = workspace({ 'derived.md': derived.stdout, 'without-3.md': [...lines.slice(0, three), ...lines.slice(four)].join('\n') });
  const same = lint(['--format', 'json', '--template', 'derived.md', EXAMPLE], dir);
  assert.equal(same.code, 0, same.stderr);
  assert.deepEqual(outlineCodes(same.stdout), []);
  const removed = lint(['--format', 'json', '--template', 'derived.md', 'without-3.md'], dir);
  assert.equal(removed.code, 1);
  assert.ok(outlineCodes(removed.stdout).includes('missing-section'));
});

test('a malformed template: file, line and column on stderr, exit 2, no stack trace', () => {
  const dir = workspace({ 'bad.md': '---\nid: bad\nname: 坏模板\nsections:\n  - id: a\n    titel: 甲\n---\n一、甲\n', 'r.md': '一、甲\n二、乙\n' });
  const r = lint(['--template', 'bad.md', 'r.md'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /bad\.md:5:5: sections\[0\]: missing property "title"/);
  assert.doesNotMatch(r.stderr, /\bat .+:\d+:\d+\)/);
});

test('an unknown --template is a usage problem (exit 2); an unknown one in front matter is a diagnostic', () => {
  const dir = workspace({ 'r.md': '---\ntemplate: 不存在\n---\n一、甲\n二、乙\n' });
  const cli = lint(['--template', 'no-such-template', 'r.md'], dir);
  assert.equal(cli.code, 2);
  assert.match(cli.stderr, /Unknown template: no-such-template/);
  const fm = lint(['--format', 'json', 'r.md'], dir);
  assert.equal(fm.code, 1);
  assert.deepEqual(outlineCodes(fm.stdout), ['unknown-template']);
});

test('front matter names a template by its Chinese name', () => {
  const dir = workspace({ 'r.md': '---\ntemplate: 述职报告\n---\n一、履职情况\n内容。\n' });
  const r = lint(['--format', 'json', 'r.md'], dir);
  assert.equal(json(r.stdout).files[0]!.template, 'duty-report');
  assert.ok(outlineCodes(r.stdout).includes('missing-section'));
});

test('.report-author.json maps globs to templates, names a folder of templates and sets severities', () => {
  const own = '---\nid: club-summary\nname: 社团总结\nsections:\n  - {id: a, title: 活动情况}\n  - {id: b, title: 下学期计划}\n---\n一、活动情况\n二、下学期计划\n';
  const dir = workspace({
    '.report-author.json': JSON.stringify({ templatesFolder: 'tpl', templates: { 'clubs/**/*.md': '社团总结' }, severity: { 'unfilled-placeholder': 'off' } }),
    'tpl/club.md': own,
    'clubs/2024/a.md': '一、活动情况\n举办**次。\n',
    'other.md': '一、甲\n举办**次。\n',
  });
  const mapped = lint(['--format', 'json', 'clubs/2024/a.md'], dir);
  assert.equal(json(mapped.stdout).files[0]!.template, join(dir, 'tpl/club.md'));
  assert.deepEqual(outlineCodes(mapped.stdout), ['missing-section']);
  assert.deepEqual(json(lint(['--format', 'json', 'other.md'], dir).stdout).files[0]!.diagnostics, []);
  const listed = JSON.parse(lint(['--list-templates', '--format', 'json'], dir).stdout) as Array<{ id: string }>;
  assert.equal(listed[0]!.id, 'club-summary');
});

test('"recognize": false in .report-author.json turns recognition by title or file name off', () => {
  const report = '# 2025年述职报告\n\n一、履职情况\n内容。\n';
  const on = workspace({ 'r.md': report });
  assert.deepEqual(outlineCodes(lint(['--format', 'json', 'r.md'], on).stdout), ['template-recognized', 'too-few-children', 'missing-section', 'missing-section']);
  const off = workspace({ '.report-author.json': '{ "recognize": false }', 'r.md': report });
  const r = json(lint(['--format', 'json', 'r.md'], off).stdout).files[0]!;
  assert.equal(r.template, null);
  assert.deepEqual(outlineCodes(lint(['--format', 'json', 'r.md'], off).stdout), []);
});

test('a malformed .report-author.json is an input error with its location', () => {
  const dir = workspace({ '.report-author.json': '{\n  "severity": { "numbering-gap": "loud" }\n}\n', 'r.md': '一、甲\n' });
  const r = lint(['r.md'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\.report-author\.json:2:\d+: severity\.numbering-gap: must be one of/);
});
