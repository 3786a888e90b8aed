/**
 * Tests of the report-lint command line: run() in-process (mostly with a fake analysis, so the
 * output format is pinned down independently of the core) and the bundled dist/cli.js spawned.
 *
 * tests/fixtures/cli/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 JSON schema (draft-07),
 * copied unchanged from oasis-tcs/sarif-spec, Documents/CommitteeSpecifications/2.1.0/sarif-schema-2.1.0.json
 * (commit 3682e9ee648f2f3e11ba1fcd47fc390a0b8f9dab).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { ALL_CODES, docsLink, type Diagnostic, type OutlineNode, type Placeholder, type ReportModel } from '../../server/src/core';
import { run, type CliIo } from '../../server/src/cli/run';
import { expandInputs } from '../../server/src/cli/files';
import { EXAMPLE_PATH, EXAMPLE_PLACEHOLDERS } from '../support/fixtures';
import { writeWorkspace } from '../support/workspace';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const EXAMPLE = EXAMPLE_PATH;
const SCHEMA = path.join(ROOT, 'tests/fixtures/cli/sarif-schema-2.1.0.json');
const PACKAGE_VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

const ENGLISH = { LANG: 'en_US.UTF-8' };
const CHINESE = { LANG: 'zh_CN.UTF-8' };

// ---------------------------------------------------------------------------------------------
// A fake analysis: `@warning:marker-width:some text` anywhere on a line is a finding at that
// column; each `**` is a placeholder; `# Title` on the first line is the title; lines `一、…`
// and `（一）…` make a two-level outline. `BOOM` makes it throw.

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;
const FINDING = /@(error|warning|information|hint):([a-z-]+)(?::([^@]*))?/g;

function fakeAnalyze(text: string): ReportModel {
  if (text.includes('BOOM')) throw new Error('fake analysis exploded');
  const lines = text.split('\n');
  const diagnostics: Diagnostic[] = [];
  const placeholders: Placeholder[] = [];
  const outline: OutlineNode[] = [];
  lines.forEach((line, i) => {
    for (const m of line.matchAll(FINDING)) {
      const severity = SEVERITY[m[1] as keyof typeof SEVERITY];
      const message = m[3]?.trim() || `fake ${m[2]}`;
      diagnostics.push({ range: range(i, m.index, m.index + m[0].length), severity, code: m[2], source: 'report-author', message });
    }
    for (const m of line.matchAll(/\*\*/g)) {
      placeholders.push({ text: '**', kind: 'count', form: 'asterisk', range: range(i, m.index, m.index + 2) });
    }
    const heading = /^(?:([一二三])、|（([一二三])）)(.*)$/.exec(line);
    if (heading) {
      const level = heading[1] ? 1 : 2;
      const digit = heading[1] ?? heading[2];
      const node: OutlineNode = {
        level,
        marker: level === 1 ? `${digit}、` : `（${digit}）`,
        ordinal: '一二三'.indexOf(digit) + 1,
        title: heading[3],
        range: range(i, 0, line.length),
        sectionRange: range(i, 0, line.length),
        form: 'plain',
        placeholderCount: 0,
        children: [],
      };
      if (level === 1 || outline.length === 0) outline.push(node);
      else outline[outline.length - 1].children.push(node);
    }
  });
  const title = lines[0].startsWith('# ')
    ? { text: lines[0].slice(2), range: range(0, 0, lines[0].length), source: 'heading' as const }
    : null;
  return { version: 0, lineCount: lines.length, title, frontMatter: null, headings: [], outline, placeholders, template: null, missing: [], diagnostics };
}

function range(line: number, start: number, end: number) {
  return { start: { line, character: start }, end: { line, character: end } };
}

// ---------------------------------------------------------------------------------------------
// Helpers

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

let tmp = '';
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-test-'));
});
after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A fresh directory under the test's temp dir, holding the given files (string = UTF-8). */
function workspace(files: Record<string, string | Uint8Array>): string {
  return writeWorkspace(path.join(tmp, 'ws-'), files);
}

function runCli(
  argv: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; analyze?: CliIo['analyze'] | null },
): Outcome {
  let stdout = '';
  let stderr = '';
  const code = run(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: options.cwd,
    env: options.env ?? ENGLISH,
    analyze: options.analyze === null ? undefined : (options.analyze ?? fakeAnalyze),
  });
  assert.equal(typeof code, 'number', 'only --export docx finishes later');
  return { code: code as number, stdout, stderr };
}

/** The environment of a spawned CLI: this process's, with the locale chosen by the test. */
function spawnEnv(locale: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  delete env.LANG;
  return { ...env, ...locale };
}

function spawnCli(argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Outcome {
  const child = spawnSync(process.execPath, [CLI, ...argv], {
    cwd: options.cwd,
    env: spawnEnv(options.env ?? ENGLISH),
    encoding: 'utf8',
  });
  assert.equal(child.error, undefined);
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

/** dist/cli.js exists and is newer than every file it is built from. */
function bundleIsFresh(): boolean {
  if (!fs.existsSync(CLI)) return false;
  const built = fs.statSync(CLI).mtimeMs;
  const sources = ['server/src', 'l10n', 'package.json', 'esbuild.mjs'].map((p) => path.join(ROOT, p));
  const newer = (p: string): boolean => {
    const stat = fs.statSync(p);
    if (!stat.isDirectory()) return stat.mtimeMs > built;
    return fs.readdirSync(p).some((name) => newer(path.join(p, name)));
  };
  return !sources.some(newer);
}

function assertNoStackTrace(text: string): void {
  assert.doesNotMatch(text, /^\s+at .+\(.*:\d+:\d+\)$/m);
  assert.doesNotMatch(text, /\b(TypeError|ReferenceError|Error):/);
}

let validateSarif: ValidateFunction | undefined;
function sarifValidator(): ValidateFunction {
  if (!validateSarif) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    // Ajv 8 ships no formats; these are strict enough to catch unencoded or malformed URIs.
    ajv.addFormat('uri', (s: string) => /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(s) && URL.canParse(s));
    ajv.addFormat('uri-reference', (s: string) => /^([A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(s));
    ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
    validateSarif = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
  }
  return validateSarif;
}

function assertValidSarif(log: unknown): void {
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
}

// ---------------------------------------------------------------------------------------------
// Exit codes and --fail-on

describe('exit codes', () => {
  const cases: [string, string[], number][] = [
    ['clean file', [], 0],
    ['a warning with the default --fail-on error', [], 0],
    ['an error', [], 1],
    ['a warning with --fail-on warning', ['--fail-on', 'warning'], 1],
    ['an information with --fail-on warning', ['--fail-on', 'warning'], 0],
    ['an information with --fail-on information', ['--fail-on', 'information'], 1],
    ['a hint with --fail-on information', ['--fail-on', 'information'], 0],
    ['an error with --fail-on information', ['--fail-on', 'information'], 1],
  ];
  const content: Record<string, string> = {
    'clean file': '一、总体情况\n正文。\n',
    'a warning with the default --fail-on error': '正文 @warning:marker-width\n',
    'an error': '正文 @error:numbering-gap\n',
    'a warning with --fail-on warning': '正文 @warning:marker-width\n',
    'an information with --fail-on warning': '正文 @information:level-skip\n',
    'an information with --fail-on information': '正文 @information:level-skip\n',
    'a hint with --fail-on information': '正文 @hint:level-skip\n',
    'an error with --fail-on information': '正文 @error:numbering-order\n',
  };
  for (const [name, options, expected] of cases) {
    test(`${name} exits ${expected}`, () => {
      const cwd = workspace({ 'r.md': content[name] });
      const out = runCli([...options, 'r.md'], { cwd });
      assert.equal(out.code, expected, out.stderr);
      assert.equal(out.stderr, '');
    });
  }

  test('an input error (exit 2) wins over findings (exit 1)', () => {
    const cwd = workspace({ 'r.md': '@error:numbering-gap\n' });
    const out = runCli(['r.md', 'missing.md'], { cwd });
    assert.equal(out.code, 2);
    assert.match(out.stdout, /^r\.md:1:1 error numbering-gap /m);
  });
});

// ---------------------------------------------------------------------------------------------
// Text output

describe('text format', () => {
  test('lines are `path:line:col severity code message` in aligned columns, then the summary', () => {
    const cwd = workspace({
      'a.md': '一、总体情况\n数量 ** 项 @warning:unfilled-placeholder:Fill in the count\n\n三、下一步 @error:numbering-gap:Section 二 is missing\n',
      'b.md': '@information:level-skip\n  @hint:marker-width:just a hint\n',
    });
    const out = runCli(['a.md', 'b.md'], { cwd });
    assert.equal(
      out.stdout,
      [
        'a.md:2:9 warning     unfilled-placeholder Fill in the count',
        'a.md:4:7 error       numbering-gap        Section 二 is missing',
        'b.md:1:1 information level-skip           fake level-skip',
        'b.md:2:3 hint        marker-width         just a hint',
        '2 files: 1 error, 1 warning, 1 placeholder',
        '',
      ].join('\n'),
    );
    assert.equal(out.code, 1);
  });

  test('findings are listed in document order whatever order the analysis returns', () => {
    const cwd = workspace({ 'a.md': '@error:numbering-gap\n@warning:marker-width\n' });
    const reversed = (text: string) => {
      const model = fakeAnalyze(text);
      return { ...model, diagnostics: [...model.diagnostics].reverse() };
    };
    const out = runCli(['a.md'], { cwd, analyze: reversed });
    const lines = out.stdout.split('\n');
    assert.match(lines[0], /^a\.md:1:1 error/);
    assert.match(lines[1], /^a\.md:2:1 warning/);
  });

  test('the column counts UTF-16 code units, so a character outside the BMP counts twice', () => {
    // 𠀀 (U+20000) is two UTF-16 code units, 中 is one: the finding starts at character 3.
    const cwd = workspace({ 'u.md': '𠀀中@warning:marker-width\n' });
    const out = runCli(['u.md'], { cwd });
    assert.match(out.stdout, /^u\.md:1:4 warning marker-width /m);
  });

  test('a multi-line message stays on one line', () => {
    const cwd = workspace({ 'm.md': 'x\n' });
    const analyze = (text: string) => {
      const model = fakeAnalyze(text);
      model.diagnostics.push({ range: range(0, 0, 1), severity: 2, code: 'marker-width', message: 'first\nsecond' });
      return model;
    };
    const out = runCli(['m.md'], { cwd, analyze });
    assert.match(out.stdout, /^m\.md:1:1 warning marker-width first second$/m);
  });

  test('singular and plural in the summary', () => {
    const cwd = workspace({ 'a.md': '** ** @error:numbering-gap @error:numbering-order\n' });
    const out = runCli(['a.md'], { cwd });
    assert.match(out.stdout, /^1 file: 2 errors, 0 warnings, 2 placeholders$/m);
  });
});

// ---------------------------------------------------------------------------------------------
// Inputs: globs, BOM, unreadable files

describe('inputs', () => {
  test('a glob expands to the matching files in sorted order, paths as the glob produced them', () => {
    const cwd = workspace({
      'b.md': '@warning:marker-width\n',
      'a.md': '@warning:marker-width\n',
      'sub/c.md': '@warning:marker-width\n',
      'notes.txt': '@warning:marker-width\n',
    });
    const out = runCli(['**/*.md'], { cwd });
    const paths = out.stdout.split('\n').filter((l) => l.includes(':1:1 ')).map((l) => l.split(':')[0]);
    assert.deepEqual(paths, ['a.md', 'b.md', 'sub/c.md']);
    assert.match(out.stdout, /^3 files: /m);
    assert.equal(out.code, 0);
  });

  test('an existing file whose name looks like a glob is taken literally', () => {
    const cwd = workspace({ '[draft].md': '@warning:marker-width\n', 'd.md': '@error:numbering-gap\n' });
    const out = runCli(['[draft].md'], { cwd });
    assert.match(out.stdout, /^\[draft\]\.md:1:1 warning /m);
    assert.doesNotMatch(out.stdout, /^d\.md/m);
  });

  test('a glob that matches nothing is an input error naming it; other inputs are still checked', () => {
    const cwd = workspace({ 'a.md': '@warning:marker-width\n' });
    const out = runCli(['reports/*.md', 'a.md'], { cwd });
    assert.equal(out.code, 2);
    assert.match(out.stderr, /reports\/\*\.md/);
    assert.match(out.stdout, /^a\.md:1:1 warning marker-width /m);
  });

  test('an exponential glob against long file names takes about what a linear one does (RE2, not backtracking)', () => {
    const files: Record<string, string> = { 'x.md': '@warning:marker-width\n' };
    // Names that almost match `*a*a…*b.md`: every `a`, no `b`. A backtracking matcher tries
    // each way of placing the stars (2^n and more); a linear one reads the name once per state.
    for (let k = 0; k < 40; k++) files[`${'a'.repeat(35 + k)}.md`] = '@warning:marker-width\n';
    files['aab.md'] = '@warning:marker-width\n';
    const cwd = workspace(files);
    const pattern = (n: number) => `${'*a'.repeat(n)}*b.md`;
    const fastest = (n: number) => {
      let best = Infinity;
      for (let run = 0; run < 7; run++) {
        const t = performance.now();
        const found = expandInputs([pattern(n)], cwd);
        best = Math.min(best, performance.now() - t);
        assert.deepEqual(found.paths, n <= 2 ? ['aab.md'] : []);
      }
      return best;
    };
    fastest(2);
    // The same walk with a pattern 9 times longer: at most about 9 times the work, never 2^18.
    const short = fastest(2);
    const long = fastest(18);
    assert.ok(long < 20 * short, `${long.toFixed(2)} ms for 18 stars, ${short.toFixed(2)} ms for 2`);
    const out = runCli([pattern(18), 'x.md'], { cwd });
    assert.match(out.stderr, /No files match the pattern \*a\*a/);
    assert.match(out.stdout, /^1 file: /m);
  });

  test('a glob follows linked folders but not into a loop, and passes over dot files unless it names them', () => {
    const cwd = workspace({ 'sub/s.md': '@warning:marker-width\n', '.hidden/h.md': '@warning:marker-width\n', '.dot.md': '@warning:marker-width\n' });
    fs.symlinkSync('sub', path.join(cwd, 'linked'));
    fs.symlinkSync('..', path.join(cwd, 'sub', 'up'));
    assert.deepEqual(expandInputs(['**/*.md'], cwd).paths, ['linked/s.md', 'sub/s.md']);
    assert.deepEqual(expandInputs(['.*.md', '.hidden/*.md'], cwd).paths, ['.dot.md', '.hidden/h.md']);
    assert.deepEqual(expandInputs([path.join(cwd, 'su?', '*.md')], '/').paths, [path.join(cwd, 'sub', 's.md')]);
  });

  test('the same file given twice is checked once', () => {
    const cwd = workspace({ 'a.md': '@warning:marker-width\n' });
    const out = runCli(['a.md', './a.md', '*.md'], { cwd });
    assert.match(out.stdout, /^1 file: /m);
  });

  test('a leading UTF-8 BOM is stripped before analysis', () => {
    const cwd = workspace({ 'bom.md': '\uFEFF@error:numbering-gap\n' });
    const seen: string[] = [];
    const out = runCli(['bom.md'], {
      cwd,
      analyze: (text) => {
        seen.push(text);
        return fakeAnalyze(text);
      },
    });
    assert.equal(seen[0], '@error:numbering-gap\n');
    assert.match(out.stdout, /^bom\.md:1:1 error numbering-gap /m);
  });

  const unreadable: [string, (dir: string) => void, RegExp][] = [
    ['a missing file', () => {}, /bad\.md: file not found/],
    ['a folder with no Markdown in it', (dir) => fs.mkdirSync(path.join(dir, 'bad.md')), /bad\.md: no Markdown files in this folder/],
    [
      'a binary file',
      (dir) => fs.writeFileSync(path.join(dir, 'bad.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a])),
      /bad\.md: binary file/,
    ],
    [
      'a Latin-1 (non-UTF-8) file',
      (dir) => fs.writeFileSync(path.join(dir, 'bad.md'), Buffer.from('Rapport annuel: café, résumé\n', 'latin1')),
      /bad\.md: not valid UTF-8/,
    ],
  ];
  for (const [name, create, message] of unreadable) {
    test(`${name}: named on stderr, exit 2, the other files still checked`, () => {
      const cwd = workspace({ 'good1.md': '@warning:marker-width\n', 'good2.md': '@warning:level-skip\n' });
      create(cwd);
      const out = runCli(['good1.md', 'bad.md', 'good2.md'], { cwd });
      assert.equal(out.code, 2);
      assert.match(out.stderr, message);
      assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
      assertNoStackTrace(out.stderr);
      assert.match(out.stdout, /^good1\.md:1:1 warning marker-width /m);
      assert.match(out.stdout, /^good2\.md:1:1 warning level-skip /m);
      assert.match(out.stdout, /^2 files: /m);
    });
  }

  test('an unexpected exception while checking one file names the file, exit 2, no stack trace', () => {
    const cwd = workspace({ 'boom.md': 'BOOM\n', 'ok.md': '@warning:marker-width\n' });
    const out = runCli(['boom.md', 'ok.md'], { cwd });
    assert.equal(out.code, 2);
    assert.match(out.stderr, /boom\.md: internal error while checking this file: fake analysis exploded/);
    assertNoStackTrace(out.stderr);
    assert.match(out.stdout, /^ok\.md:1:1 warning marker-width /m);
  });
});

// ---------------------------------------------------------------------------------------------
// Usage

describe('usage', () => {
  const usageErrors: [string, string[], RegExp][] = [
    ['an unknown option', ['--bogus', 'a.md'], /Unknown option: --bogus/],
    ['a bad --format value', ['--format', 'xml', 'a.md'], /"xml" for --format: expected one of text, json, sarif/],
    ['a bad --fail-on value', ['--fail-on', 'hint', 'a.md'], /"hint" for --fail-on/],
    ['--format without a value', ['a.md', '--format'], /Option --format needs a value/],
    ['no files', ['--format', 'json'], /No files given/],
  ];
  for (const [name, argv, message] of usageErrors) {
    test(`${name} is a usage error: message and usage on stderr, exit 2`, () => {
      const cwd = workspace({ 'a.md': 'x\n' });
      const out = runCli(argv, { cwd });
      assert.equal(out.code, 2);
      assert.match(out.stderr, message);
      assert.match(out.stderr, /^Usage: report-lint \[options\] <files, folders, globs or - for standard input>$/m);
      assert.equal(out.stdout, '');
    });
  }

  test('--help prints the options on stdout and exits 0', () => {
    const out = runCli(['--help'], { cwd: tmp });
    assert.equal(out.code, 0);
    assert.match(out.stdout, /^Usage: report-lint/);
    for (const option of ['--format', '--fail-on', '--help', '--version']) assert.ok(out.stdout.includes(option), option);
  });

  test('--version prints the package version', () => {
    const out = runCli(['--version'], { cwd: tmp });
    assert.equal(out.stdout, `${PACKAGE_VERSION}\n`);
    assert.equal(out.code, 0);
  });
});

// ---------------------------------------------------------------------------------------------
// JSON

describe('json format', () => {
  test('has the documented shape; unreadable files are left out', () => {
    const cwd = workspace({
      'r.md': '# 年度工作总结\n一、总体情况 **\n（一）基本情况 @warning:unfilled-placeholder:fill\n二、问题 @information:level-skip\n',
    });
    const out = runCli(['--format', 'json', 'r.md', 'missing.md'], { cwd });
    assert.equal(out.code, 2);
    const json = JSON.parse(out.stdout);
    assert.deepEqual(Object.keys(json), ['version', 'files', 'summary']);
    assert.equal(json.version, 1);
    assert.equal(json.files.length, 1);
    const file = json.files[0];
    assert.equal(file.path, 'r.md');
    assert.equal(file.documentTitle, '年度工作总结');
    assert.equal(file.template, null);
    assert.deepEqual(
      file.outline.map((n: { marker: string; children: { marker: string }[] }) => [n.marker, n.children.map((c) => c.marker)]),
      [['一、', ['（一）']], ['二、', []]],
    );
    const first = file.outline[0];
    assert.deepEqual(
      { level: first.level, ordinal: first.ordinal, title: first.title, range: first.range },
      { level: 1, ordinal: 1, title: '总体情况 **', range: range(1, 0, 9) },
    );
    for (const key of ['sectionRange', 'form', 'placeholderCount']) assert.ok(key in first, key);
    assert.deepEqual(file.placeholders, [{ text: '**', kind: 'count', form: 'asterisk', range: range(1, 7, 9) }]);
    assert.deepEqual(file.diagnostics, [
      { code: 'unfilled-placeholder', severity: 'warning', message: 'fill', range: range(2, 8, 42) },
      { code: 'level-skip', severity: 'information', message: 'fake level-skip', range: range(3, 5, 28) },
    ]);
    assert.deepEqual(json.summary, { files: 1, errors: 0, warnings: 1, information: 1, placeholders: 1 });
  });

  test('documentTitle is null without a title', () => {
    const cwd = workspace({ 'r.md': 'no title\n' });
    const json = JSON.parse(runCli(['--format', 'json', 'r.md'], { cwd }).stdout);
    assert.equal(json.files[0].documentTitle, null);
  });
});

// ---------------------------------------------------------------------------------------------
// SARIF

describe('sarif format', () => {
  test('the schema validator rejects a broken log (so the validation below means something)', () => {
    const validate = sarifValidator();
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: {}, level: 'info' }] }] }), false);
    assert.equal(
      validate({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'x' } }, artifacts: [{ location: { uri: 'dir\\年度 报告.md' } }] }],
      }),
      false,
    );
  });

  test('is valid SARIF 2.1.0 with rules, levels, 1-based UTF-16 regions and relative URIs', () => {
    const cwd = workspace({
      '报告/年度 总结.md': '@error:numbering-gap:gap\n𠀀@warning:marker-width\n@information:level-skip\n@hint:marker-punctuation\n',
      'clean.md': 'x\n',
    });
    const out = runCli(['--format', 'sarif', '报告/年度 总结.md', 'clean.md'], { cwd });
    assert.equal(out.code, 1);
    const log = JSON.parse(out.stdout);
    assertValidSarif(log);
    assert.equal(log.version, '2.1.0');
    assert.equal(typeof log.$schema, 'string');
    assert.equal(log.runs.length, 1);
    const [runObject] = log.runs;
    assert.equal(runObject.columnKind, 'utf16CodeUnits');
    assert.equal(runObject.tool.driver.name, 'report-lint');
    assert.deepEqual(
      runObject.tool.driver.rules.map((rule: { id: string; helpUri: string }) => [rule.id, rule.helpUri]),
      ALL_CODES.map((code) => [code, docsLink(code)]),
    );
    const results = runObject.results;
    assert.deepEqual(
      results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level]),
      [
        ['numbering-gap', 'error'],
        ['marker-width', 'warning'],
        ['level-skip', 'note'],
        ['marker-punctuation', 'note'],
      ],
    );
    for (const r of results) assert.equal(runObject.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    assert.equal(results[0].message.text, 'gap');
    const location = results[1].locations[0].physicalLocation;
    assert.equal(location.artifactLocation.uri, '%E6%8A%A5%E5%91%8A/%E5%B9%B4%E5%BA%A6%20%E6%80%BB%E7%BB%93.md');
    assert.equal(decodeURIComponent(location.artifactLocation.uri), '报告/年度 总结.md');
    assert.deepEqual(location.region, { startLine: 2, startColumn: 3, endLine: 2, endColumn: 24 });
    assert.equal(runObject.invocations[0].executionSuccessful, true);
  });

  test('an unreadable input is a failed invocation with a notification, and the log stays valid', () => {
    const cwd = workspace({ 'a.md': '@warning:marker-width\n' });
    const out = runCli(['--format', 'sarif', 'a.md', 'missing.md'], { cwd });
    assert.equal(out.code, 2);
    const log = JSON.parse(out.stdout);
    assertValidSarif(log);
    const [invocation] = log.runs[0].invocations;
    assert.equal(invocation.executionSuccessful, false);
    assert.match(invocation.toolExecutionNotifications[0].message.text, /missing\.md/);
  });
});

// ---------------------------------------------------------------------------------------------
// Localisation

describe('Chinese messages', () => {
  test('under LANG=zh_CN.UTF-8 the summary and file errors are in Chinese', () => {
    const cwd = workspace({ 'a.md': '** @warning:marker-width\n' });
    const out = runCli(['a.md', '缺失.md', '*.txt'], { cwd, env: CHINESE });
    assert.equal(out.code, 2);
    assert.match(out.stdout, /^1 个文件：0 个错误，1 个警告，1 个占位符$/m);
    assert.match(out.stderr, /缺失\.md：文件不存在/);
    assert.match(out.stderr, /没有文件匹配模式 \*\.txt/);
  });

  test('usage errors are in Chinese too', () => {
    const out = runCli(['--format', 'xml', 'a.md'], { cwd: tmp, env: CHINESE });
    assert.equal(out.code, 2);
    assert.match(out.stderr, /--format 的值 "xml" 无效/);
    assert.match(out.stderr, /^用法：report-lint/m);
  });

  test('LC_ALL wins over LANG, and an English locale gives English', () => {
    const cwd = workspace({ 'a.md': 'x\n' });
    assert.match(runCli(['a.md'], { cwd, env: { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' } }).stdout, /个文件/);
    assert.match(runCli(['a.md'], { cwd, env: { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' } }).stdout, /^1 file: /m);
  });
});

// ---------------------------------------------------------------------------------------------
// With the real analysis core (these need server/src/core to be implemented)

describe('the example report with the real core', () => {
  test('JSON has every placeholder and five level-1 outline nodes', () => {
    const out = runCli(['--format', 'json', EXAMPLE], { cwd: ROOT, analyze: null });
    const json = JSON.parse(out.stdout);
    const [file] = json.files;
    assert.equal(file.path, EXAMPLE);
    assert.equal(file.placeholders.length, EXAMPLE_PLACEHOLDERS);
    assert.equal(json.summary.placeholders, EXAMPLE_PLACEHOLDERS);
    assert.deepEqual(
      file.outline.map((node: { level: number; marker: string }) => [node.level, node.marker]),
      [[1, '一、'], [1, '二、'], [1, '三、'], [1, '四、'], [1, '五、']],
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The bundled command

describe('dist/cli.js', () => {
  // `npm test` builds first; run alone, this file rebuilds a missing or stale bundle. (Not
  // rebuilding a fresh one keeps it from rewriting dist/ under test files running in parallel.)
  before(() => {
    if (bundleIsFresh()) return;
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  test('starts with a shebang and prints its version', () => {
    assert.ok(fs.readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n'));
    const out = spawnCli(['--version'], { cwd: tmp });
    assert.equal(out.code, 0);
    assert.equal(out.stdout.trim(), PACKAGE_VERSION);
  });

  test('an unknown option: message and usage on stderr, exit 2, no stack trace', () => {
    const out = spawnCli(['--bogus', 'x.md'], { cwd: tmp });
    assert.equal(out.code, 2);
    assert.match(out.stderr, /Unknown option: --bogus/);
    assert.match(out.stderr, /Usage: report-lint/);
    assertNoStackTrace(out.stderr);
  });

  test('bad inputs are each named on stderr (exit 2) while the good file is still checked', () => {
    const cwd = workspace({
      'good.md': '一、总体情况\n正文。\n',
      'dir.md/keep': '',
      'binary.md': Buffer.from([0x00, 0x01, 0x02]),
      'latin1.md': Buffer.from('Résumé\n', 'latin1'),
    });
    const out = spawnCli(['good.md', 'missing.md', 'dir.md', 'binary.md', 'latin1.md', 'none/*.md'], { cwd });
    assert.equal(out.code, 2);
    for (const name of ['missing.md', 'dir.md', 'binary.md', 'latin1.md', 'none/*.md']) {
      assert.ok(out.stderr.includes(name), `${name} not named in:\n${out.stderr}`);
    }
    assert.equal(out.stderr.trim().split('\n').length, 5, out.stderr);
    assertNoStackTrace(out.stderr);
    assert.match(out.stdout, /^1 file: /m);
  });

  test('Chinese messages under LANG=zh_CN.UTF-8', () => {
    const out = spawnCli(['不存在.md'], { cwd: tmp, env: CHINESE });
    assert.equal(out.code, 2);
    assert.match(out.stderr, /不存在\.md：文件不存在/);
    assert.match(out.stdout, /^0 个文件：0 个错误，0 个警告，0 个占位符$/m);
  });

  test('the example report: SARIF validates against the schema', () => {
    const out = spawnCli(['--format', 'sarif', path.relative(ROOT, EXAMPLE)], { cwd: ROOT });
    assert.notEqual(out.code, 2, out.stderr);
    const log = JSON.parse(out.stdout);
    assertValidSarif(log);
    assert.equal(log.runs[0].artifacts[0].location.uri, 'tests/fixtures/reports/annual-work-summary.md');
  });

  test('the example report: its placeholder warnings fail the run with --fail-on warning', () => {
    const example = path.relative(ROOT, EXAMPLE);
    const out = spawnCli(['--fail-on', 'warning', example], { cwd: ROOT });
    assert.equal(out.code, 1, out.stderr);
    assert.match(out.stdout, /^tests\/fixtures\/reports\/annual-work-summary\.md:\d+:\d+ warning unfilled-placeholder /m);
    assert.match(out.stdout, new RegExp(`^1 file: \\d+ errors?, \\d+ warnings?, ${EXAMPLE_PLACEHOLDERS} placeholders$`, 'm'));
  });
});
