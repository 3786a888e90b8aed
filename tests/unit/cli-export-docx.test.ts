/**
 * `report-lint --export docx REPORT -o OUT.docx`, in-process through run() and once through the
 * bundled dist/cli.js: the file written, the count of unfilled placeholders on stderr,
 * --fail-on-placeholders, usage errors, images relative to the report, a template's layout.
 * (The export's own time is measured in export-docx.test.ts; a process start on a loaded
 * 2-core machine is not.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../../server/src/cli/run';
import { paragraphStarting, readDocx } from '../support/docx';
import { writeWorkspace } from '../support/workspace';

const ROOT = path.join(__dirname, '../..');
const SAMPLE = fs.readFileSync(path.join(ROOT, 'samples/annual-summary.md'), 'utf8');
const PNG = fs.readFileSync(path.join(ROOT, 'tests/fixtures/docx/figures/site.png'));

function workspace(files: Record<string, string | Uint8Array>): string {
  return writeWorkspace('ra-docx-', files);
}

async function cli(argv: string[], cwd: string, lang = 'en_US.UTF-8') {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, env: { LANG: lang } });
  return { code, stdout, stderr };
}

test('--export docx -o writes the Word file and says how many placeholders are left', async () => {
  const dir = workspace({ '年度总结.md': SAMPLE });
  const r = await cli(['--export', 'docx', '年度总结.md', '-o', 'out/年度总结.docx'], dir).catch((e) => ({ code: -1, stdout: '', stderr: String(e) }));
  assert.equal(r.stderr.includes('could not be written'), true, 'the folder out/ does not exist');
  assert.equal(r.code, 2);
  fs.mkdirSync(path.join(dir, 'out'));
  const ok = await cli(['--export', 'docx', '年度总结.md', '-o', 'out/年度总结.docx'], dir);
  assert.equal(ok.code, 0);
  assert.equal(ok.stdout, '');
  assert.equal(ok.stderr, 'report-lint: Wrote out/年度总结.docx; 38 placeholders are still to be filled (highlighted in the document).\n');
  const doc = await readDocx(fs.readFileSync(path.join(dir, 'out/年度总结.docx')));
  assert.equal(doc.paragraphs[0]!.style, 'Title');
  assert.equal(paragraphStarting(doc, '一、坚持党建引领').outlineLevel, 1);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'out')), ['年度总结.docx'], 'no temporary file left behind');

  const zh = await cli(['--export', 'docx', '年度总结.md', '--output=out/b.docx'], dir, 'zh_CN.UTF-8');
  assert.equal(zh.stderr, 'report-lint: 已写入 out/b.docx，还有 38 个占位符尚未填写（已在文档中突出显示）。\n');
});

test('--fail-on-placeholders exits 1 and writes nothing while placeholders are left; a filled report passes', async () => {
  const filled = SAMPLE.replace(/[*]+(?:\.[*]+)?/g, '12').replace(/^12街道/, '城关街道');
  const dir = workspace({ 'a.md': SAMPLE, 'b.md': filled });
  const r = await cli(['--export', 'docx', 'a.md', '-o', 'a.docx', '--fail-on-placeholders'], dir);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, 'report-lint: a.md: 38 placeholders are still to be filled; nothing written (--fail-on-placeholders).\n');
  assert.equal(fs.existsSync(path.join(dir, 'a.docx')), false);
  const ok = await cli(['--export', 'docx', 'b.md', '-o', 'b.docx', '--fail-on-placeholders'], dir);
  assert.equal(ok.stderr, 'report-lint: Wrote b.docx; no placeholders left to fill.\n');
  assert.equal(ok.code, 0);
  assert.ok(fs.statSync(path.join(dir, 'b.docx')).size > 5000);
});

test('usage errors: no -o, --style with docx, -o without --export, the report as its own output', async () => {
  const dir = workspace({ 'a.md': SAMPLE });
  const cases: [string[], string][] = [
    [['--export', 'docx', 'a.md'], '--export docx needs -o FILE.docx, the Word file to write'],
    [['--export', 'docx', 'a.md', '--style', 'editor', '-o', 'x.docx'], 'Option --style needs --export html'],
    [['a.md', '-o', 'x.docx'], 'Option -o needs --export'],
    [['a.md', '--fail-on-placeholders'], 'Option --fail-on-placeholders needs --export'],
    [['--export', 'docx', 'a.md', 'b.md', '-o', 'x.docx'], '--export docx takes exactly one file'],
    [['--export', 'pdf', 'a.md'], 'Invalid value "pdf" for --export: expected one of html, docx'],
  ];
  for (const [argv, message] of cases) {
    const r = await cli(argv, dir);
    assert.equal(r.code, 2, argv.join(' '));
    assert.ok(r.stderr.startsWith(`report-lint: ${message}\n`), `${argv.join(' ')}: ${r.stderr}`);
  }
  const self = await cli(['--export', 'docx', 'a.md', '-o', './a.md'], dir);
  assert.equal(self.code, 2);
  assert.match(self.stderr, /The output file is the report itself/);
  assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), SAMPLE, 'the report is untouched');
  const missing = await cli(['--export', 'docx', 'nope.md', '-o', 'x.docx'], dir);
  assert.equal(missing.code, 2);
});

test('images relative to the report are embedded; a missing one is a warning with its line', async () => {
  const text = '关于图片的报告\n\n一、现场情况\n\n![现场](img/site.png)\n\n二、其他\n\n![缺](img/none.png)\n';
  const dir = workspace({ 'sub/r.md': text, 'sub/img/site.png': PNG });
  const r = await cli(['--export', 'docx', 'sub/r.md', '-o', 'r.docx'], dir);
  assert.equal(r.code, 0);
  assert.equal(r.stderr.split('\n')[0], 'sub/r.md:9: The image img/none.png could not be read (no such file); its description is kept instead.');
  const doc = await readDocx(fs.readFileSync(path.join(dir, 'r.docx')));
  assert.equal(doc.paragraphs.flatMap((p) => p.runs).filter((x) => x.image).length, 1);
});

test('a template’s layout applies to the export (--template with a file)', async () => {
  const template = [
    '---',
    'id: company-report',
    'name: 公司报告',
    'layout:',
    '  fonts: { title: 微软雅黑, body: 宋体 }',
    '  sizes: { body: 小四 }',
    '  margins: { top: 25, bottom: 25, left: 25, right: 25 }',
    'sections:',
    '  - id: a',
    '    title: 概况',
    '---',
    '一、概况',
    '',
  ].join('\n');
  const dir = workspace({ 'company.template.md': template, 'r.md': '公司季度报告\n一、概况\n本季度营收**万元。\n' });
  const r = await cli(['--export', 'docx', 'r.md', '-o', 'r.docx', '--template', './company.template.md'], dir);
  assert.equal(r.code, 0, r.stderr);
  const doc = await readDocx(fs.readFileSync(path.join(dir, 'r.docx')));
  assert.deepEqual([doc.paragraphs[0]!.runs[0]!.eastAsia, paragraphStarting(doc, '本季度').runs[0]!.eastAsia, paragraphStarting(doc, '本季度').runs[0]!.size], ['微软雅黑', '宋体', 24]);
});

test('--export html -o writes the page to a file', async () => {
  const dir = workspace({ 'a.md': SAMPLE });
  const r = await cli(['--export', 'html', 'a.md', '-o', 'a.html'], dir);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '');
  assert.match(fs.readFileSync(path.join(dir, 'a.html'), 'utf8'), /^<!DOCTYPE html>/);
});

test('the bundled CLI exports the example report', { skip: !fs.existsSync(path.join(ROOT, 'dist/cli.js')) && 'not built' }, () => {
  const dir = workspace({ 'a.md': SAMPLE });
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), '--export', 'docx', 'a.md', '-o', 'a.docx'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' } });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /38 placeholders are still to be filled/);
  assert.ok(fs.statSync(path.join(dir, 'a.docx')).size > 5000);
});
