/**
 * report-lint as CI and editors' neighbours use it: folders with ignore files, standard input,
 * --fix, --config and the configuration file forms, --max-warnings, contradictions, colour,
 * aligned columns and Chinese severity words. The bundled dist/cli.js is spawned.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { OPTIONS } from '../../server/src/cli/args';
import { displayWidth, useColor } from '../../server/src/cli/format-text';
import { ROOT } from '../support/fixtures';
import { writeWorkspace } from '../support/workspace';

const CLI = path.join(ROOT, 'dist/cli.js');
let tmp = '';
before(() => {
  if (!fs.existsSync(CLI)) assert.equal(spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT }).status, 0);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-adopt-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function workspace(files: Record<string, string>): string {
  return writeWorkspace(path.join(tmp, 'ws-'), files);
}

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function lint(args: string[], cwd: string, options: { env?: NodeJS.ProcessEnv; input?: string | Buffer } = {}): Outcome {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...env, ...options.env }, input: options.input ?? '' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The files named in text output, in order, once each. */
const named = (stdout: string) => [...new Set(stdout.split('\n').filter((l) => /:\d+:\d+ /.test(l)).map((l) => l.slice(0, l.search(/:\d+:\d+ /))))];

const GAP = '一、甲\n正文。\n三、丙\n正文。\n';

test('a folder: every *.md below it, sorted; node_modules, .git, .gitignore and .report-authorignore exclusions left out', () => {
  const dir = workspace({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.git/notes.md': GAP,
    '.gitignore': 'build/\n*.draft.md\n!keep.draft.md\n',
    '.report-authorignore': 'archive/**\n',
    'reports/a.md': GAP,
    'reports/b.markdown': GAP,
    'reports/notes.txt': GAP,
    'reports/x.draft.md': GAP,
    'reports/keep.draft.md': GAP,
    'reports/sub/.gitignore': 'local.md\n',
    'reports/sub/local.md': GAP,
    'reports/sub/c.md': GAP,
    'reports/node_modules/pkg/readme.md': GAP,
    'build/out.md': GAP,
    'archive/2019/old.md': GAP,
    'top.md': GAP,
  });
  const all = lint(['.'], dir);
  assert.equal(all.code, 1, all.stderr);
  assert.deepEqual(named(all.stdout), ['reports/a.md', 'reports/b.markdown', 'reports/keep.draft.md', 'reports/sub/c.md', 'top.md']);
  assert.match(all.stdout, /^5 files: 5 errors, 0 warnings, 0 placeholders$/m);
  // A folder given by a relative path: paths shown relative to the working directory.
  assert.deepEqual(named(lint(['reports'], dir).stdout), ['reports/a.md', 'reports/b.markdown', 'reports/keep.draft.md', 'reports/sub/c.md']);
  // Globs obey the same exclusions; a file named outright is always checked.
  assert.deepEqual(named(lint(['**/*.md'], dir).stdout), ['reports/a.md', 'reports/keep.draft.md', 'reports/sub/c.md', 'top.md']);
  assert.deepEqual(named(lint(['build/out.md'], dir).stdout), ['build/out.md']);
  // So is a folder named outright, though what is ignored below it stays out.
  assert.deepEqual(named(lint(['build', 'archive/2019'], dir).stdout), ['build/out.md', 'archive/2019/old.md']);
  assert.deepEqual(named(lint(['reports/sub'], dir).stdout), ['reports/sub/c.md']);
  // Run from inside the folder, the ignore files above still count (the repository root has .git).
  assert.deepEqual(named(lint(['.'], path.join(dir, 'reports')).stdout), ['a.md', 'b.markdown', 'keep.draft.md', 'sub/c.md']);
});

test('a folder with no Markdown files is an input error naming it', () => {
  const dir = workspace({ 'empty/notes.txt': 'x\n' });
  const r = lint(['empty'], dir);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'report-lint: empty: no Markdown files in this folder\n');
});

test('- reads standard input; --stdin-filename names it and places it for the configuration and the template', () => {
  const dir = workspace({
    'clubs/.report-author.json': '{ "templates": { "*.md": "annual-summary" }, "severity": { "unfilled-placeholder": "off" } }',
  });
  const text = '一、主要工作\n开展活动**次。\n';
  const plain = lint(['-'], dir, { input: text });
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(plain.stdout, '<stdin>:2:5 warning unfilled-placeholder Placeholder ** is still to be filled (a count).\n1 file: 0 errors, 1 warning, 1 placeholder\n');
  const named = lint(['--format', 'json', '-', '--stdin-filename', 'clubs/总结.md'], dir, { input: '\uFEFF' + text });
  assert.equal(named.code, 1, named.stderr);
  const json = JSON.parse(named.stdout);
  assert.equal(json.files[0].path, 'clubs/总结.md');
  assert.equal(json.files[0].template, 'annual-summary');
  const codes = json.files[0].diagnostics.map((d: { code: string }) => d.code);
  // The configuration beside the named file maps the template and turns placeholders off.
  assert.ok(codes.includes('missing-section'), codes.join());
  assert.ok(!codes.includes('unfilled-placeholder'), codes.join());
  // Bytes that are not text are refused as for files.
  const binary = lint(['-'], dir, { input: Buffer.from([0x61, 0, 0x62]) });
  assert.equal(binary.code, 2);
  assert.match(binary.stderr, /^report-lint: <stdin>: binary file/m);
});

test('--fix renumbers and corrects markers, changes nothing else (BOM, CRLF, placeholders, prose), and says what it changed', () => {
  const before = '\uFEFF2024年度工作总结\r\n一、主要工作\r\n开展培训**次，（1）期完成。\r\n（一）学习\r\n内容 1. 不是标题。\r\n（三）培训\r\n三、存在问题\r\n二.下一步工作打算\r\n（1)细化措施\r\n';
  const expected = '\uFEFF2024年度工作总结\r\n一、主要工作\r\n开展培训**次，（1）期完成。\r\n（一）学习\r\n内容 1. 不是标题。\r\n（二）培训\r\n二、存在问题\r\n三、下一步工作打算\r\n（1）细化措施\r\n';
  const dir = workspace({ '报告.md': before });
  fs.chmodSync(path.join(dir, '报告.md'), 0o640);
  const r = lint(['--fix', '报告.md'], dir);
  assert.equal(fs.readFileSync(path.join(dir, '报告.md'), 'utf8'), expected);
  assert.equal(fs.statSync(path.join(dir, '报告.md')).mode & 0o777, 0o640);
  assert.deepEqual(r.stdout.split('\n').slice(0, 5), [
    '报告.md:6: （三） → （二）',
    '报告.md:7: 三、 → 二、',
    '报告.md:8: 二. → 三、',
    '报告.md:9: （1) → （1）',
    'Fixed 4 headings; the findings below are what is left.',
  ]);
  assert.doesNotMatch(r.stdout, /numbering-|marker-/, 'what is left has no numbering or marker finding');
  assert.deepEqual(fs.readdirSync(dir), ['报告.md'], 'no temporary file left behind');
  // A second run has nothing to fix and leaves the file alone.
  const mtime = fs.statSync(path.join(dir, '报告.md')).mtimeMs;
  const again = lint(['--fix', '报告.md'], dir);
  assert.doesNotMatch(again.stdout, /→|Fixed/);
  assert.equal(fs.statSync(path.join(dir, '报告.md')).mtimeMs, mtime);
});

test('--fix with JSON output keeps stdout JSON and reports the changes on stderr; a code turned off is not fixed', () => {
  const dir = workspace({
    'a.md': '一、甲\n三、乙\n（1)丙\n',
    '.report-author.yaml': 'severity:\n  marker-width: off   # our house style\n',
  });
  const r = lint(['--fix', '--format', 'json', 'a.md'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).files[0].path, 'a.md');
  assert.equal(r.stderr, 'a.md:2: 三、 → 二、\nFixed 1 heading; the findings below are what is left.\n');
  assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), '一、甲\n二、乙\n（1)丙\n');
});

test('--fix through a symbolic link writes the file it points to; an unwritable folder loses nothing', () => {
  const dir = workspace({ 'real/a.md': '一、甲\n三、乙\n' });
  fs.symlinkSync(path.join(dir, 'real/a.md'), path.join(dir, 'link.md'));
  const r = lint(['--fix', 'link.md'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(fs.lstatSync(path.join(dir, 'link.md')).isSymbolicLink());
  assert.equal(fs.readFileSync(path.join(dir, 'real/a.md'), 'utf8'), '一、甲\n二、乙\n');
  if (process.getuid?.() === 0) return; // root writes anywhere
  fs.writeFileSync(path.join(dir, 'real/a.md'), '一、甲\n三、乙\n');
  fs.chmodSync(path.join(dir, 'real'), 0o555);
  try {
    const denied = lint(['--fix', 'real/a.md'], dir);
    assert.equal(denied.code, 2);
    assert.match(denied.stderr, /real\/a\.md: not fixed, cannot write it/);
    assert.equal(fs.readFileSync(path.join(dir, 'real/a.md'), 'utf8'), '一、甲\n三、乙\n');
  } finally {
    fs.chmodSync(path.join(dir, 'real'), 0o755);
  }
});

test('.report-author.json with comments and trailing commas; its errors located; --config names another file', () => {
  const commented = '{\n  // placeholders are filled in later\n  "severity": {\n    "unfilled-placeholder": "off", /* for now */\n    "numbering-gap": "warning",\n  },\n}\n';
  const dir = workspace({ '.report-author.json': commented, 'r.md': '一、甲\n共**次。\n三、丙\n', 'ci/strict.yml': 'severity:\n  numbering-gap: error\n' });
  const r = lint(['r.md'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'r.md:3:1 warning numbering-gap Numbering skips from 一、 to 三、: expected 二、.\n1 file: 0 errors, 1 warning, 1 placeholder\n');
  const strict = lint(['--config', 'ci/strict.yml', 'r.md'], dir);
  assert.equal(strict.code, 1);
  assert.match(strict.stdout, /^r\.md:3:1 error   numbering-gap /m);
  assert.match(strict.stdout, /^r\.md:2:2 warning unfilled-placeholder /m, 'the named file replaces the nearest one');
  const missing = lint(['--config', 'nope.json', 'r.md'], dir);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, 'report-lint: nope.json: file not found\n');
  assert.equal(missing.stdout, '');

  fs.writeFileSync(path.join(dir, '.report-author.json'), '{\n  // a comment\n  "severity": { "numbering-gap" "off" }\n}\n');
  const syntax = lint(['r.md'], dir);
  assert.equal(syntax.code, 2);
  assert.equal(syntax.stderr, `report-lint: ${path.join(dir, '.report-author.json')}:3:33: Not valid JSON: colon expected\n`);
  fs.writeFileSync(path.join(dir, '.report-author.json'), '{\n  /* values */\n  "severity": { "numbering-gap": "loud", },\n}\n');
  const schema = lint(['r.md'], dir);
  assert.equal(schema.stderr, `report-lint: ${path.join(dir, '.report-author.json')}:3:34: severity.numbering-gap: must be one of error, warning, information, hint, off\n`);
});

test('--max-warnings N: more than N warnings fail the run, N or fewer do not', () => {
  const dir = workspace({ 'r.md': '一、甲\n共**次，**人。\n' });
  assert.equal(lint(['--max-warnings', '2', 'r.md'], dir).code, 0);
  const over = lint(['--max-warnings', '1', 'r.md'], dir);
  assert.equal(over.code, 1);
  assert.match(over.stderr, /^report-lint: 2 warnings, more than --max-warnings 1$/m);
});

test('contradictory or misplaced options are usage errors: one line, the usage, exit 2, nothing on stdout', () => {
  const dir = workspace({ 'r.md': '一、甲\n' });
  const cases: Array<[string[], string]> = [
    [['--fix', '--export', 'html', 'r.md'], 'Options --export and --fix cannot be used together'],
    [['--list-templates', '--fix'], 'Options --list-templates and --fix cannot be used together'],
    [['--derive-template', 'r.md', '--export', 'html'], 'Options --derive-template and --export cannot be used together'],
    [['--fix', '-'], 'Options --fix and - (standard input) cannot be used together'],
    [['--stdin-filename', 'a.md', 'r.md'], 'Option --stdin-filename needs - (standard input)'],
    [['-', '-'], 'Standard input (-) can be given only once'],
    [['--max-warnings', '-1', 'r.md'], 'Invalid value "-1" for --max-warnings: expected a whole number, 0 or more'],
    [['--max-warnings', 'some', 'r.md'], 'Invalid value "some" for --max-warnings: expected a whole number, 0 or more'],
    [['--list-templates', 'r.md'], '--list-templates takes no files'],
    [['--list-templates', '--template', 'annual-summary'], 'Options --template and --list-templates cannot be used together'],
    [['--export', 'html', '--fail-on', 'warning', 'r.md'], 'Options --fail-on and --export cannot be used together'],
    [['--derive-template', 'r.md', '--format', 'json'], 'Options --format and --derive-template cannot be used together'],
    [['--fix=yes', 'r.md'], 'Option --fix does not take a value'],
  ];
  for (const [args, message] of cases) {
    const r = lint(args, dir);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stderr.split('\n')[0], `report-lint: ${message}`, args.join(' '));
    assert.match(r.stderr, /^Usage: report-lint /m);
    assert.equal(r.stdout, '');
  }
  assert.equal(fs.readFileSync(path.join(dir, 'r.md'), 'utf8'), '一、甲\n', 'nothing was fixed');
});

test('--help lists every option', () => {
  const help = lint(['--help'], tmp).stdout;
  for (const name of Object.keys(OPTIONS)) assert.match(help, new RegExp(`^  (?:-[a-z], )?--${name}\\b`, 'm'), name);
});

test('colour: on a terminal; NO_COLOR (not empty) turns it off; FORCE_COLOR turns it on for a pipe', () => {
  assert.equal(useColor({}, true), true);
  assert.equal(useColor({}, false), false);
  assert.equal(useColor({ NO_COLOR: '1' }, true), false);
  assert.equal(useColor({ NO_COLOR: '' }, true), true);
  assert.equal(useColor({ FORCE_COLOR: '1' }, false), true);
  assert.equal(useColor({ FORCE_COLOR: '0' }, true), false);
  assert.equal(useColor({ FORCE_COLOR: '1', NO_COLOR: 'yes' }, true), false);
});

test('colour on request (FORCE_COLOR), never with NO_COLOR, not into a pipe by default', () => {
  const dir = workspace({ 'r.md': '一、甲\n三、丙\n' });
  assert.doesNotMatch(lint(['r.md'], dir).stdout, /\x1b\[/);
  const coloured = lint(['r.md'], dir, { env: { FORCE_COLOR: '1' } }).stdout;
  assert.match(coloured, /\x1b\[31merror\x1b\[0m/);
  assert.doesNotMatch(lint(['r.md'], dir, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, /\x1b\[/);
});

test('columns line up in terminal cells with Chinese file names; severity words follow a Chinese locale', () => {
  const dir = workspace({ '草稿一.md': '一、甲\n三、丙\n', 'b.md': '一、甲\n共**次。\n' });
  const r = lint(['草稿一.md', 'b.md'], dir, { env: { LANG: 'zh_CN.UTF-8' } });
  assert.equal(r.code, 1, r.stderr);
  const rows = r.stdout.split('\n').filter((l) => /:\d+:\d+ /.test(l));
  assert.deepEqual(rows.map((l) => l.split(/\s+/)[1]), ['错误', '警告']);
  // The message starts at the same terminal column on every row.
  const messageColumn = (l: string) => displayWidth(l.slice(0, l.search(/编号|占位符/)));
  assert.equal(new Set(rows.map(messageColumn)).size, 1, r.stdout);
  assert.equal(displayWidth('草稿一.md:2:1'), 13);
  assert.equal(rows[0]!.indexOf(' 错误 '), '草稿一.md:2:1'.length);
  assert.equal(rows[1]!.indexOf(' 警告 '), 'b.md:2:2'.length + 5, 'padded to the 13 cells the Chinese name takes');
});
