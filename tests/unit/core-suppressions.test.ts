import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Range } from 'vscode-languageserver-types';
import { analyze, type ReportModel } from '../../server/src/core';
import { codeActions } from '../../server/src/core/features';
import { missingSections, renderReport } from '../../server/src/core/preview';
import MarkdownIt from 'markdown-it';
import { reportPlaceholdersPlugin } from '../../client/src/preview/markdownItPlugin';
import { applyEdits } from '../support/edits';
import { doc, r } from '../support/ranges';
import { inlineTemplate, withTemplate } from '../support/templates';

const codesAt = (m: ReportModel) => m.diagnostics.map((d) => `${d.range.start.line}:${d.code}`);
const DIS = (kind: string, codes = '') => `<!-- report-author-${kind}${codes ? ' ' + codes : ''} -->`;
const URI = 'file:///r.md';
const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };

test('disable-next-line silences the named code on the next line only', () => {
  const text = doc('一、甲', '培训**次。', DIS('disable-next-line', 'unfilled-placeholder'), '投入***万元。', '覆盖**人。');
  const m = analyze(text);
  assert.deepEqual(codesAt(m), ['1:unfilled-placeholder', '4:unfilled-placeholder']);
  // A silenced placeholder is not one to fill: not listed, not counted in its section.
  assert.deepEqual(m.placeholders.map((p) => p.range), [r(1, 2, 4), r(4, 2, 4)]);
  assert.equal(m.outline[0]!.placeholderCount, 2);
});

test('disable-next-line with another code, or none, and stacked comments', () => {
  const other = analyze(doc('一、甲', DIS('disable-next-line', 'numbering-gap'), '培训**次。'));
  assert.deepEqual(codesAt(other), ['2:unfilled-placeholder']);
  const all = analyze(doc('一、甲', DIS('disable-next-line'), '三、丙**次。'));
  assert.deepEqual(codesAt(all), []);
  const stacked = analyze(doc('一、甲', DIS('disable-next-line', 'numbering-gap'), DIS('disable-next-line', 'unfilled-placeholder'), '三、丙**次。'));
  assert.deepEqual(codesAt(stacked), []);
  const commas = analyze(doc('一、甲', DIS('disable-next-line', 'numbering-gap, unfilled-placeholder -- 待核实'), '三、丙**次。'));
  assert.deepEqual(codesAt(commas), []);
});

test('disable … enable silences a region, per code or for all codes', () => {
  const text = doc('一、甲', DIS('disable', 'unfilled-placeholder'), '培训**次。', '投入***万元。', DIS('enable', 'unfilled-placeholder'), '覆盖**人。');
  assert.deepEqual(codesAt(analyze(text)), ['5:unfilled-placeholder']);
  const all = doc('一、甲', DIS('disable'), '三、丙**次。', DIS('enable', 'unfilled-placeholder'), '覆盖**人。', DIS('enable'), '五、戊');
  // Everything is off from line 1; placeholders are back on from line 3; everything from line 5.
  assert.deepEqual(codesAt(analyze(all)), ['4:unfilled-placeholder', '6:numbering-gap']);
  const open = doc('一、甲', DIS('disable', 'unfilled-placeholder'), '培训**次。', '二、乙', '覆盖**人。');
  assert.deepEqual(codesAt(analyze(open)), []);
});

test('disable-file silences a code anywhere, before the comment too', () => {
  const text = doc('一、甲', '培训**次。', '三、丙', DIS('disable-file', 'unfilled-placeholder'), '覆盖**人。');
  assert.deepEqual(codesAt(analyze(text)), ['2:numbering-gap']);
  assert.deepEqual(codesAt(analyze(doc(DIS('disable-file'), '一、甲', '培训**次。', '三、丙'))), []);
  // After a byte order mark, and with CRLF line ends.
  assert.deepEqual(codesAt(analyze('\uFEFF' + DIS('disable-file', 'numbering-gap') + '\r\n一、甲\r\n三、丙\r\n')), []);
});

test('unused suppressions are reported only when unused-suppression is on, naming what silenced nothing', () => {
  const text = doc('一、甲', DIS('disable-next-line', 'unfilled-placeholder numbering-gap'), '培训**次。', DIS('disable', 'level-skip'), '二、乙', DIS('enable', 'level-skip'));
  assert.deepEqual(codesAt(analyze(text)), []);
  const m = analyze(text, { severity: { 'unused-suppression': 'warning' } });
  assert.deepEqual(
    m.diagnostics.map((d) => [d.range, d.code, d.message, d.severity]),
    [
      [r(1, 0, DIS('disable-next-line', 'unfilled-placeholder numbering-gap').length), 'unused-suppression', 'The comment silences no finding of numbering-gap.', 2],
      [r(3, 0, DIS('disable', 'level-skip').length), 'unused-suppression', 'The comment <!-- report-author-disable level-skip --> silences no finding.', 2],
    ],
  );
  assert.deepEqual(codesAt(analyze(doc('一、甲', DIS('disable-next-line', 'no-such-code'), '培训'), { severity: { 'unused-suppression': 'error' } })), ['1:unused-suppression']);
});

test('a suppression comment never changes how the lines around it read', () => {
  const cases: [string, string[]][] = [
    // Inside one-paragraph-per-line text: the run-in heading and the title stay as they were.
    [doc('2024年工作总结', DIS('disable-next-line', 'x'), '一、总体情况', DIS('disable-next-line', 'x'), '（一）主要做法。今年培训**次。', DIS('disable', 'x'), '二、问题'), []],
    // Between two list items: still one list numbering level-3 headings.
    [doc('一、甲', '1. 加强组织领导。', DIS('disable-next-line', 'x'), '2. 完善制度。'), []],
    // A list introduced by a colon stays a list (the colon is still its lead-in).
    [doc('一、甲', '主要做法如下：', DIS('disable-next-line', 'x'), '1. 第一条', DIS('disable-next-line', 'x'), '2. 第二条'), []],
    // A setext heading with a comment before its underline is no heading, as without the comment it would be one.
    [doc('一、甲', '   ' + DIS('disable-next-line', 'x'), '- 条目一', '   ' + DIS('enable'), '- 条目二'), []],
  ];
  for (const [text] of cases) {
    const without = text
      .split('\n')
      .filter((l) => !l.includes('report-author-'))
      .join('\n');
    const a = analyze(text);
    const b = analyze(without);
    const shape = (m: ReportModel) => ({
      title: m.title?.text ?? null,
      headings: m.headings.map((h) => [h.marker, h.title, h.level, h.form]),
      placeholders: m.placeholders.map((p) => p.text),
      codes: m.diagnostics.map((d) => d.code),
    });
    assert.deepEqual(shape(a), shape(b), text);
  }
  // In code a comment is text, and silences nothing.
  assert.deepEqual(codesAt(analyze(doc('一、甲', '```', DIS('disable-file'), '```', '三、丙'))), ['4:numbering-gap']);
  // A section whose body is only a comment is still empty.
  const t = inlineTemplate('id: t\nname: 测试\nsections:\n  - {id: a, title: 甲}\n  - {id: b, title: 乙}');
  const m = withTemplate(doc('一、甲', DIS('disable-next-line', 'numbering-gap'), '二、乙', '正文。'), t);
  assert.deepEqual(codesAt(m), ['0:empty-section']);
  assert.deepEqual(codesAt(withTemplate(doc('一、甲', '<!-- 备注 -->', '二、乙', '正文。'), t)), []);
});

test("a report's own reportAuthor front matter sets severities over the edge's", () => {
  const text = doc('---', 'reportAuthor:', '  severity: { numbering-gap: warning, unfilled-placeholder: "off" }', '  level3Punctuation: fullwidth', '---', '一、甲', '1. 乙', '三、丙**次');
  const m = analyze(text, { severity: { 'numbering-gap': 'error', 'level-skip': 'off' } });
  assert.deepEqual(
    m.diagnostics.map((d) => [d.range.start.line, d.code, d.severity]),
    [
      [6, 'marker-punctuation', 2],
      [7, 'numbering-gap', 2],
    ],
  );
  // Invalid values are ignored, and said so on the key.
  const list = analyze(doc('---', 'reportAuthor: [1, 2]', '---', '一、甲', '三、丙'));
  assert.deepEqual(
    list.diagnostics.map((d) => [d.range, d.code, d.message]),
    [
      [r(1, 14, 20), 'front-matter-invalid', 'reportAuthor in the front matter is ignored: expected one of severity, placeholders, level3Punctuation.'],
      [r(4, 0, 2), 'numbering-gap', 'Numbering skips from 一、 to 三、: expected 二、.'],
    ],
  );
  const loud = analyze(doc('---', 'reportAuthor:', '  severity: { numbering-gap: loud, no-such: "off" }', '  colour: red', '---', '一、甲', '三、丙'));
  assert.deepEqual(
    loud.diagnostics.map((d) => [d.range, d.code, d.message.replace(/expected one of (\w+-?\w*),.*\./, 'expected one of $1, ….')]),
    [
      [r(1, 0, 12), 'front-matter-invalid', 'reportAuthor.severity.numbering-gap in the front matter is ignored: expected one of error, ….'],
      [r(1, 0, 12), 'front-matter-invalid', 'reportAuthor.severity.no-such in the front matter is ignored: expected one of numbering-gap, ….'],
      [r(1, 0, 12), 'front-matter-invalid', 'reportAuthor.colour in the front matter is ignored: expected one of severity, ….'],
      [r(6, 0, 2), 'numbering-gap', 'Numbering skips from 一、 to 三、: expected 二、.'],
    ],
  );
});

test('suppression comments do not show in the preview', () => {
  const text = doc('一、甲', '培训**次，', DIS('disable-next-line', 'unfilled-placeholder'), '张××同志', '1. 第一条', DIS('disable-next-line', 'x'), '2. 第二条');
  const html = renderReport(text, analyze(text), { style: 'editor', standalone: false }).html;
  assert.ok(!html.includes('report-author-'), html);
  assert.ok(html.includes('张××同志'), html);
  // One list, not two.
  assert.equal(html.match(/<ol data-line/g)?.length, 1, html);
  // Silenced asterisks are the characters they are: not emphasis, not chips.
  const stars = doc('一、甲', DIS('disable-next-line', 'unfilled-placeholder'), '培训**次，投入***万元。');
  const starsHtml = renderReport(stars, analyze(stars), { style: 'editor', standalone: false }).html;
  assert.match(starsHtml, /<p data-line="2">培训\*\*次，投入\*\*\*万元。<\/p>/);
  assert.ok(!starsHtml.includes('<strong') && !starsHtml.includes('data-placeholder'), starsHtml);
});

const ignore = (text: string, line: number, code: string) => {
  const m = analyze(text);
  const ds = m.diagnostics.filter((d) => d.code === code && d.range.start.line === line);
  assert.ok(ds.length, `no ${code} on line ${line}`);
  const actions = codeActions(m, URI, WHOLE, ds, ['quickfix'], text).filter((a) => a.title.startsWith('Ignore'));
  return actions;
};
const applied = (text: string, a: CodeAction) => applyEdits(text, a.edit!.changes![URI]!);

test('"Ignore here" inserts a disable-next-line comment above the line, and the finding goes', () => {
  const text = doc('一、甲', '　　培训**次。', '三、丙');
  const [here, file] = ignore(text, 1, 'unfilled-placeholder');
  assert.equal(here!.title, 'Ignore unfilled-placeholder here');
  assert.equal(file!.title, 'Ignore unfilled-placeholder in this file');
  const after = applied(text, here!);
  assert.equal(after, doc('一、甲', DIS('disable-next-line', 'unfilled-placeholder'), '　　培训**次。', '三、丙'));
  assert.deepEqual(codesAt(analyze(after)), ['3:numbering-gap']);
  assert.equal(applied(text, file!), doc(DIS('disable-file', 'unfilled-placeholder'), '一、甲', '　　培训**次。', '三、丙'));
  // A second code on the same line joins the comment.
  const [gap] = ignore(after, 3, 'numbering-gap');
  const [again] = ignore(doc('一、甲', DIS('disable-next-line', 'unfilled-placeholder'), '三、丙**次'), 2, 'numbering-gap');
  assert.equal(applied(doc('一、甲', DIS('disable-next-line', 'unfilled-placeholder'), '三、丙**次'), again!), doc('一、甲', DIS('disable-next-line', 'unfilled-placeholder numbering-gap'), '三、丙**次'));
  assert.equal(applied(after, gap!), doc('一、甲', DIS('disable-next-line', 'unfilled-placeholder'), '　　培训**次。', DIS('disable-next-line', 'numbering-gap'), '三、丙'));
  // CRLF documents get CRLF.
  const crlf = '一、甲\r\n培训**次。\r\n';
  assert.equal(applied(crlf, ignore(crlf, 1, 'unfilled-placeholder')[0]!), '一、甲\r\n' + DIS('disable-next-line', 'unfilled-placeholder') + '\r\n培训**次。\r\n');
});

test('"Ignore here" keeps lists one list, tables whole, quotes quoted and front matter valid', () => {
  const list = doc('一、甲', '1. 加强**项。', '2. 完善**项。');
  const second = applied(list, ignore(list, 2, 'unfilled-placeholder')[0]!);
  assert.equal(second, doc('一、甲', '1. 加强**项。', '   ' + DIS('disable-next-line', 'unfilled-placeholder'), '2. 完善**项。'));
  assert.deepEqual(codesAt(analyze(second)), ['1:level-skip', '1:unfilled-placeholder']);
  const first = applied(list, ignore(list, 1, 'unfilled-placeholder')[0]!);
  assert.equal(first, doc('一、甲', DIS('disable-next-line', 'unfilled-placeholder'), '1. 加强**项。', '2. 完善**项。'));
  assert.deepEqual(analyze(first).headings.map((h) => h.marker), ['一、', '1.', '2.']);

  const table = doc('一、甲', '| 项目 | 数量 |', '| --- | --- |', '| 培训 | **次 |', '', '正文');
  const t = applied(table, ignore(table, 3, 'unfilled-placeholder')[0]!);
  assert.equal(t, doc('一、甲', DIS('disable', 'unfilled-placeholder'), '| 项目 | 数量 |', '| --- | --- |', '| 培训 | **次 |', DIS('enable', 'unfilled-placeholder'), '', '正文'));
  assert.deepEqual(codesAt(analyze(t)), []);

  const indented = doc('一、甲', '  培训**次。', '    代码**');
  assert.equal(applied(indented, ignore(indented, 1, 'unfilled-placeholder')[0]!), doc('一、甲', '  ' + DIS('disable-next-line', 'unfilled-placeholder'), '  培训**次。', '    代码**'));

  const quote = doc('一、甲', '> 培训**次。');
  assert.equal(applied(quote, ignore(quote, 1, 'unfilled-placeholder')[0]!), doc('一、甲', '> ' + DIS('disable-next-line', 'unfilled-placeholder'), '> 培训**次。'));
  assert.deepEqual(codesAt(analyze(applied(quote, ignore(quote, 1, 'unfilled-placeholder')[0]!))), []);

  const fm = doc('---', 'title: [', '---', '一、甲');
  const [fix] = ignore(fm, 1, 'front-matter-invalid');
  const fixed = applied(fm, fix!);
  assert.equal(fixed, doc('---', 'title: [', '---', DIS('disable-file', 'front-matter-invalid'), '一、甲'));
  assert.deepEqual(codesAt(analyze(fixed)), []);
});

test('an unused suppression is removed by its quick fix: the line, or the codes that silence nothing', () => {
  const on = { severity: { 'unused-suppression': 'warning' as const } };
  const fixFor = (text: string) => {
    const m = analyze(text, on);
    const ds = m.diagnostics.filter((d) => d.code === 'unused-suppression');
    assert.equal(ds.length, 1);
    const actions = codeActions(m, URI, WHOLE, ds, ['quickfix'], text);
    assert.deepEqual(actions.map((a) => a.title), ['Remove the unused suppression']);
    return applied(text, actions[0]!);
  };
  assert.equal(fixFor(doc('一、甲', DIS('disable-next-line', 'numbering-gap'), '培训。')), doc('一、甲', '培训。'));
  assert.equal(
    fixFor(doc('一、甲', DIS('disable-next-line', 'unfilled-placeholder numbering-gap'), '培训**次。')),
    doc('一、甲', DIS('disable-next-line', 'unfilled-placeholder'), '培训**次。'),
  );
  assert.equal(fixFor(doc('一、甲', '正文。', DIS('disable-file', 'level-skip'))), doc('一、甲', '正文。'));
});

test("VS Code's own Markdown preview: silenced placeholders are literal text, the others chips", () => {
  const md = new MarkdownIt({ html: true }).use(reportPlaceholdersPlugin);
  const html = md.render(doc('一、甲', '培训**次。', DIS('disable-next-line', 'unfilled-placeholder'), '投入**万元，***人次。', '覆盖**人。'));
  assert.equal(html.match(/data-placeholder/g)?.length, 2, html);
  assert.match(html, /<p>投入\*\*万元，\*\*\*人次。\n覆盖/);
  assert.ok(!html.includes('<strong>'), html);
});

test('a silenced missing section is not missing anywhere: no finding, no ghost in the preview', () => {
  const t = inlineTemplate('id: t\nname: 测试\nsections:\n  - {id: a, title: 甲}\n  - {id: b, title: 乙}');
  const bare = withTemplate(doc('一、甲', '正文。'), t);
  assert.deepEqual(codesAt(bare), ['1:missing-section']);
  assert.equal(missingSections(bare).length, 1);
  const silenced = withTemplate(doc(DIS('disable-file', 'missing-section'), '一、甲', '正文。'), t);
  assert.deepEqual(codesAt(silenced), []);
  assert.equal(missingSections(silenced).length, 0);
});
