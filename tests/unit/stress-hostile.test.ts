/**
 * Issue 11, at sizes small enough for npm test: each hostile shape gives the right result,
 * and its cost grows linearly (measured against the same work on a 4× larger input in
 * this run, see tests/support/scaling.ts), whatever the machine's speed. `npm run stress`
 * runs the full sizes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, type Diagnostic, type Heading, type ReportModel } from '../../server/src/core';
import { codeActions, completions, fixAllUri, resolveCodeAction, FIX_ALL_KIND } from '../../server/src/core/features';
import { assignMarkdownLevels } from '../../server/src/core/outline';
import { readYamlData } from '../../server/src/core/yamlData';
import { renderReport } from '../../server/src/core/preview';
import { exportDocx } from '../../server/src/core/export';
import { leavesOpen } from '../../server/src/core/preview/pipeline';
import { escapeBrackets, MAX_BRACKETS } from '../../server/src/core/preview/brackets';
import { matchGlob } from '../../server/src/node/glob';
import { fileProblem, readRegularFile } from '../../server/src/node/safeRead';
import { loadTemplateFile, TemplateLibrary } from '../../server/src/node/templates';
import { placeholderItems, SECTION_LABEL_LIMIT } from '../../server/src/server/requests';
import type { ReportState } from '../../server/src/server/reports';
import { assertScales, repeated } from '../support/scaling';
import { inlineTemplate, withTemplate } from '../support/templates';
import {
  ALMOST_MATCHING_FILE,
  aliasBombRules,
  digitTitledTemplate,
  EXPONENTIAL_GLOB,
  gappedEdits,
  gappedHeadings,
  GROUP,
  longFrontMatterTemplate,
  placeholdersUnderLongHeading,
  randomBrackets,
  swallowingHtml,
  unnumberedHeadings,
} from '../stress/shapes';

const URI = 'file:///stress/report.md';
const state = (model: ReportModel): ReportState => ({ uri: URI, model }) as ReportState;

test('item 1: more than 50 YAML alias uses are a finding on the rules, not an exception', () => {
  const r = readYamlData(aliasBombRules(), {});
  assert.equal(r.data, null);
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0]!.message, /^Not valid YAML: Excessive alias count/);
  const dir = mkdtempSync(join(tmpdir(), 'ra-alias-'));
  try {
    writeFileSync(join(dir, 'bomb.md'), '一、总体情况\n');
    writeFileSync(join(dir, 'bomb.template.yaml'), aliasBombRules());
    const loaded = loadTemplateFile(join(dir, 'bomb.md'));
    assert.equal(loaded.template, null);
    assert.match(loaded.errors[0]!.message, /Excessive alias count/);
    const folder = new TemplateLibrary().folder(dir);
    assert.deepEqual(folder.templates, []);
    assert.deepEqual(folder.errors.map((e) => e.file), [join(dir, 'bomb.template.yaml')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('item 3: placeholder items carry a short section label, found in one walk', () => {
  const model = analyze(placeholdersUnderLongHeading(300));
  const items = placeholderItems(state(model));
  assert.equal(items.length, 300);
  const label = items[0]!.section;
  assert.equal(label.length, SECTION_LABEL_LIMIT);
  assert.ok(label.startsWith('一、很长的标题很长的标题') && label.endsWith('…'), label);
  assert.ok(JSON.stringify(items).length < 300 * 200, 'about a line of JSON per placeholder');
  assertScales('placeholder items', (n) => analyze(placeholdersUnderLongHeading(n)), repeated(10, (m: ReportModel) => placeholderItems(state(m))), 2_000);
});

test('item 3: a label never splits a surrogate pair, and short labels stay whole', () => {
  const text = `# 报告\n\n一、${'𠀀'.repeat(30)}\n\n完成**次。\n\n二、总体\n\n完成**次。\n`;
  const items = placeholderItems(state(analyze(text)));
  assert.equal(items[0]!.section, `一、${'𠀀'.repeat(18)}…`);
  assert.equal(items[1]!.section, '二、总体');
});

test('item 4: FIFOs, devices, symlink loops, dangling links and directories are refused by name, never read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ra-special-'));
  try {
    execFileSync('mkfifo', [join(dir, 'fifo.md')]);
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    symlinkSync('b.md', join(dir, 'a.md'));
    symlinkSync('a.md', join(dir, 'b.md'));
    symlinkSync('nowhere.md', join(dir, 'dangling.md'));
    mkdirSync(join(dir, 'x.md'));
    writeFileSync(join(dir, 'big.md'), 'x'.repeat(2000));
    writeFileSync(join(dir, 'ok.md'), '一、甲\n');
    const problem = (name: string, max?: number) => fileProblem(join(dir, name), name, max)?.problem ?? null;
    assert.equal(problem('fifo.md'), 'special');
    assert.equal(problem('zero.md'), 'special');
    assert.equal(problem('a.md'), 'loop');
    assert.equal(problem('dangling.md'), 'dangling');
    assert.equal(problem('x.md'), 'directory');
    assert.equal(problem('missing.md'), 'missing');
    assert.equal(problem('big.md', 1000), 'too-large');
    assert.equal(problem('ok.md'), null);
    const big = readRegularFile(join(dir, 'big.md'), 'big.md', 1000);
    assert.deepEqual(big, { ok: false, problem: 'too-large', message: 'big.md: larger than 0 MB, not read' });
    const ok = readRegularFile(join(dir, 'ok.md'));
    assert.ok(ok.ok && ok.bytes.toString() === '一、甲\n');
    // In a templates folder: each unreadable one is a finding on its own name; the directory is not a template.
    const folder = new TemplateLibrary().folder(dir);
    const byFile = Object.fromEntries(folder.errors.map((e) => [e.file.slice(dir.length + 1), e.errors[0]!.message]));
    assert.deepEqual(byFile, {
      'a.md': 'a.md: a symbolic link that loops, not read',
      'b.md': 'b.md: a symbolic link that loops, not read',
      'dangling.md': 'dangling.md: a symbolic link to a file that does not exist',
      'fifo.md': 'fifo.md: not a regular file (a device, pipe or socket), not read',
      'zero.md': 'zero.md: not a regular file (a device, pipe or socket), not read',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('item 5: a quick fix costs one sibling group, fix-all is offered lazily and resolved once, both linear', () => {
  const n = 1_000;
  const model = analyze(gappedHeadings(n));
  const gaps = model.diagnostics.filter((d) => d.code === 'numbering-gap');
  assert.equal(gaps.length, gappedEdits(n));
  const at = gaps[100]!;
  const actions = codeActions(model, URI, at.range, [at], undefined, undefined, { lazyFixAll: true });
  assert.deepEqual(actions.map((a) => a.kind), ['quickfix', FIX_ALL_KIND]);
  assert.equal(actions[0]!.edit!.changes![URI]!.length, GROUP - 1);
  const lazy = actions[1]!;
  assert.equal(lazy.edit, undefined, 'no edits computed on a cursor move');
  assert.equal(fixAllUri(lazy), URI);
  assert.equal(resolveCodeAction(lazy, model).edit!.changes![URI]!.length, gappedEdits(n));
  // Clients that do not resolve still get the edits at once.
  assert.equal(codeActions(model, URI, at.range, [at])[1]!.edit!.changes![URI]!.length, gappedEdits(n));
  assertScales('fix-all', (k) => analyze(gappedHeadings(k)), repeated(10, (m: ReportModel) => codeActions(m, URI, at.range, [], ['source.fixAll'])), 3_000);
  assertScales(
    'quick fix',
    (k) => {
      const m = analyze(gappedHeadings(k));
      return { m, d: m.diagnostics.filter((d) => d.code === 'numbering-gap')[10]! };
    },
    repeated(20, ({ m, d }: { m: ReportModel; d: Diagnostic }) => codeActions(m, URI, d.range, [d], ['quickfix'])),
    1_000,
  );
});

test('item 5: completion renumbers the following siblings in linear time', () => {
  const text = gappedHeadings(2 * GROUP);
  const model = analyze(text);
  // After `1．事项` (the first of the first group): the next number is 2, and 3．…99． shift up by one? No: 3 is not 2.
  const lines = text.split('\n');
  const line = lines.indexOf('1．事项') + 3;
  assert.equal(lines[line], '');
  const items = completions(model, text, { line, character: 0 }, null);
  const next = items.find((i) => i.label === '2．');
  assert.ok(next, items.map((i) => i.label).join(' '));
  assertScales(
    'completion',
    (k) => {
      const t = gappedHeadings(k);
      return { t, m: analyze(t) };
    },
    repeated(10, ({ t, m }: { t: string; m: ReportModel }) => completions(m, t, { line, character: 0 }, null)),
    2_000,
  );
});

test('item 6: 200,000 un-numbered headings get their levels without overflowing the stack', () => {
  const zero = { line: 0, character: 0 };
  const headings: Heading[] = [];
  for (let k = 0; k < 200_000; k++) {
    headings.push({ level: 1, marker: '', ordinal: null, title: '小标题', form: 'atx', depth: 2 + (k % 2), range: { start: zero, end: zero }, markerRange: { start: zero, end: zero }, line: k });
  }
  assignMarkdownLevels(headings);
  assert.deepEqual([headings[0]!.level, headings[1]!.level, headings[199_999]!.level], [1, 2, 2]);
  const model = analyze(unnumberedHeadings(2_000));
  assert.equal(model.headings.length, 2_002);
  assertScales('un-numbered headings', (n) => unnumberedHeadings(n), (t) => analyze(t), 2_000);
});

test('item 7: HTML that would swallow the rest of the report is shown as text', () => {
  for (const tag of ['<plaintext>', '<xmp>', '<select>', '<textarea>', '<title>', '<style>', '<script>', '<!-- open', 'a <select> b']) {
    const text = swallowingHtml(tag);
    const html = renderReport(text, analyze(text), { style: 'editor', standalone: true, panel: false }).html;
    for (const kept of ['问题之后的文字', '打算之后的文字', '四、下步打算']) assert.ok(html.includes(kept), `${tag}: lost ${kept}`);
  }
  assert.equal(leavesOpen('<select><option>a</option></select>'), false);
  assert.equal(leavesOpen('<style>p { color: red }</style>'), false);
  assert.equal(leavesOpen('<script>if (a < b) {}</script>'), false);
  assert.equal(leavesOpen('<script>"<select>"</script>'), false, 'tags inside raw text do not count');
  assert.equal(leavesOpen('<!-- <select> -->'), false);
  assert.equal(leavesOpen('<div><span>x</span>'), false, 'an unclosed div loses nothing');
  assert.equal(leavesOpen('<PLAINTEXT>'), true);
  assert.equal(leavesOpen('<select>'), true);
  assert.equal(leavesOpen('<!-- open'), true);
  // A closed snippet is still sanitized away, not shown.
  const closed = swallowingHtml('<select><option>甲选项</option></select>');
  assert.ok(!renderReport(closed, analyze(closed), { style: 'editor', standalone: false, panel: false }).html.includes('甲选项'));
});

test('item 7: a paragraph full of brackets is escaped, renders the same text, and costs linear time', () => {
  assert.equal(escapeBrackets('a[b]!`c\\[d'), 'a\\[b\\]\\!\\`c\\[d');
  const links = `${'[链接](https://example.org) '.repeat(MAX_BRACKETS / 2 - 1)}`;
  const fewLinks = `# 报告\n\n一、甲\n\n${links}\n`;
  assert.match(renderReport(fewLinks, analyze(fewLinks), { style: 'editor', standalone: false, panel: false }).html, /<a href="https:\/\/example.org"/);
  const text = randomBrackets(4_096);
  const html = renderReport(text, analyze(text), { style: 'editor', standalone: false, panel: false }).html;
  const visible = html.replace(/<[^>]*>/g, '');
  const expected = text.slice(text.indexOf('二、'));
  const count = (s: string, c: string) => s.split(c).length - 1;
  for (const c of ['!', '[', ']']) assert.equal(count(visible, c), count(expected, c), `every ${c} is shown`);
  assertScales('bracket paragraph', (n) => randomBrackets(n), (t) => renderReport(t, analyze(t), { style: 'editor', standalone: false, panel: false }), 4_096);
});

test('item 7: nesting too deep to walk (quotes, lists, HTML) renders with every line kept', () => {
  const base = '# 报告\n\n一、甲\n\n二、乙\n\n';
  const cases = {
    quotes: `${base}${'> '.repeat(5_000)}深处的文字\n`,
    lists: `${base}${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- 项${i}`).join('\n')}\n`,
    html: `${base}${'<div>'.repeat(5_000)}深处的文字${'</div>'.repeat(5_000)}\n`,
    spans: `${base}文字${'<span>'.repeat(5_000)}深处的文字\n`,
  };
  for (const [name, text] of Object.entries(cases)) {
    const html = renderReport(text, analyze(text), { style: 'editor', standalone: true, panel: false }).html;
    assert.ok(html.includes(name === 'lists' ? '项299' : '深处的文字'), name);
    assert.ok(html.includes('二、乙'), name);
  }
  // Quotes beyond 16 levels and indentation beyond 64 columns are cut, the text stays.
  const quoted = `${base}${'> '.repeat(40)}引文\n`;
  const out = renderReport(quoted, analyze(quoted), { style: 'editor', standalone: false, panel: false }).html;
  assert.equal(out.match(/<blockquote[ >]/g)?.length, 16);
  assert.ok(out.includes('引文'));
  assertScales('nested lists', (n) => `${base}${Array.from({ length: n }, (_, i) => `${' '.repeat(i * 2)}- 项`).join('\n')}\n`, (t) => renderReport(t, analyze(t), { style: 'editor', standalone: false, panel: false }), 100);
});

test('item 7: the Word export survives the same nesting and 20,000 placeholders on one line', async () => {
  const text = `# 报告\n\n一、甲\n\n二、乙\n\n${'> '.repeat(3_000)}引文\n\n${'<div>'.repeat(3_000)}嵌套${'</div>'.repeat(3_000)}\n\n${'完成**次，'.repeat(20_000)}\n`;
  const model = analyze(text);
  const result = await exportDocx(text, model);
  assert.ok(result.bytes.byteLength > 0);
  assert.equal(result.placeholders, 20_000);
});

test('item 8: globs match in linear time, with the usual syntax', () => {
  const t = performance.now();
  assert.equal(matchGlob(EXPONENTIAL_GLOB, ALMOST_MATCHING_FILE), false);
  assert.equal(matchGlob(EXPONENTIAL_GLOB, 'a'.repeat(2_000) + '.md'), false);
  assert.ok(performance.now() - t < 1_000, 'milliseconds, not minutes');
  const cases: Array<[string, string, boolean]> = [
    ['*.md', 'a.md', true],
    ['*.md', 'd/a.md', false],
    ['**/*.md', 'a.md', true],
    ['**/*.md', 'x/y/a.md', true],
    ['reports/**', 'reports', true],
    ['reports/**', 'reports/a/b.md', true],
    ['reports/**/*.md', 'reports/a.md', true],
    ['{a,b}/*.md', 'b/x.md', true],
    ['{a,b}/*.md', 'c/x.md', false],
    ['file{1..3}.md', 'file2.md', true],
    ['file{1..3}.md', 'file4.md', false],
    ['[ab]*.md', 'b1.md', true],
    ['[!a]*.md', 'a1.md', false],
    ['[!a]*.md', 'b1.md', true],
    ['?.md', 'a.md', true],
    ['?.md', 'ab.md', false],
    ['+(a|b).md', 'abba.md', true],
    ['@(a|b).md', 'ab.md', false],
    ['!*.md', 'a.txt', true],
    ['!*.md', 'a.md', false],
    ['**/年度*.md', '总结/年度工作总结.md', true],
    ['.hidden/*.md', '.hidden/a.md', true],
    ['a\\*b.md', 'a*b.md', true],
    ['a\\*b.md', 'axb.md', false],
    ['x[.md', 'x[.md', true],
    ['!(a).md', 'b.md', false],
  ];
  for (const [glob, path, expected] of cases) assert.equal(matchGlob(glob, path), expected, `${glob} vs ${path}`);
});

test('item 9: titles that differ only in digits give at most one duplicate-section per heading', () => {
  const template = inlineTemplate(digitTitledTemplate(60).replace(/^---\n|---\n$/g, ''));
  const text = (n: number) => {
    const parts = ['# 报告\n\n'];
    for (let k = 0; k < n; k++) parts.push('## 工作情况\n\n正文。\n\n');
    return parts.join('');
  };
  const model = withTemplate(text(100), template);
  const duplicates = model.diagnostics.filter((d) => d.code === 'duplicate-section');
  assert.equal(duplicates.length, 40, '60 rules each take one heading, the other 40 headings are duplicates once each');
  assert.equal(new Set(duplicates.map((d) => d.range.start.line)).size, 40);
  assertScales('template check', (n) => text(n), (t) => withTemplate(t, template), 400);
});

test('item 9: a template whose front matter runs past 2,000 lines is read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ra-long-'));
  try {
    writeFileSync(join(dir, 'long.md'), longFrontMatterTemplate(2_500));
    const { template, errors } = loadTemplateFile(join(dir, 'long.md'));
    assert.deepEqual(errors, []);
    assert.equal(template!.id, 'long');
    assert.equal(template!.body, '一、总体情况\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
