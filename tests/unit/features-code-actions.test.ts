import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { analyze, parseTemplate, type ReportModel } from '../../server/src/core';
import { codeActions, FIX_ALL_KIND } from '../../server/src/core/features';
import { useLocale } from '../../server/src/l10n';
import { applyEdits } from '../support/edits';
import { doc, r } from '../support/ranges';
import { withTemplate } from '../support/templates';

const URI = 'file:///work/report.md';
const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };
const NUMBERING = new Set(['numbering-gap', 'numbering-duplicate', 'numbering-order', 'marker-punctuation', 'marker-width']);

const SUMMARY = (() => {
  const { template, errors } = parseTemplate(
    `---\nid: summary\nname: 总结\nsections:\n  - {id: work, title: 主要工作, freeTitle: true, repeat: 1..5}\n  - {id: problems, title: 存在问题, guidance: 逐条写明问题。}\n  - {id: plans, title: 下一步打算, required: false}\n---\n`,
    null,
  );
  assert.deepEqual(errors, []);
  return template!;
})();
const findings = (model: ReportModel, code: string) => model.diagnostics.filter((d) => d.code === code);
/** Quick fixes for the findings the editor would send for a range (here: all of one code). */
const fixesFor = (model: ReportModel, diagnostics: Diagnostic[]) => codeActions(model, URI, WHOLE, diagnostics, ['quickfix']);
const apply = (text: string, action: CodeAction) => {
  assert.deepEqual(Object.keys(action.edit!.changes!), [URI]);
  return applyEdits(text, action.edit!.changes![URI]!);
};

test('a numbering gap is fixed by renumbering the level: 一、二、四、五、 becomes 一、二、三、四、 and nothing else changes', () => {
  const text = doc('一、甲', '内容一。', '二、乙', '内容二。', '四、丁', '内容四。', '五、戊', '内容五。');
  const model = analyze(text);
  const gap = findings(model, 'numbering-gap');
  assert.equal(gap.length, 1);
  const [action, ...rest] = fixesFor(model, gap);
  assert.deepEqual(rest, []);
  assert.equal(action!.title, 'Renumber this level (一、二、三、…)');
  assert.equal(action!.kind, 'quickfix');
  assert.deepEqual(action!.diagnostics, gap);
  assert.deepEqual(action!.edit!.changes![URI], [
    { range: r(4, 0, 1), newText: '三' },
    { range: r(6, 0, 1), newText: '四' },
  ]);
  assert.equal(apply(text, action!), doc('一、甲', '内容一。', '二、乙', '内容二。', '三、丁', '内容四。', '四、戊', '内容五。'));
});

test('renumbering changes only the number characters, keeps brackets and punctuation as written, and stays within one parent', () => {
  const text = doc('一、甲', '（一）a', '（二）b', '(二)c', '（四）、d', '  ２．e', '  ４．f', '二、乙', '（二）g');
  const model = analyze(text);
  const dup = findings(model, 'numbering-duplicate');
  assert.deepEqual(dup.map((d) => d.range.start.line), [3]);
  const [action] = fixesFor(model, dup);
  assert.equal(action!.title, 'Renumber this level (（一）（二）(三)…)');
  assert.equal(apply(text, action!), doc('一、甲', '（一）a', '（二）b', '(三)c', '（四）、d', '  ２．e', '  ４．f', '二、乙', '（二）g'));
  // Full-width digits stay full-width.
  const [level3] = fixesFor(model, findings(model, 'numbering-gap').filter((d) => d.range.start.line === 5));
  assert.equal(apply(text, level3!), doc('一、甲', '（一）a', '（二）b', '(二)c', '（四）、d', '  １．e', '  ２．f', '二、乙', '（二）g'));
});

test('several numbering findings in one level share one renumbering action', () => {
  const text = doc('一、甲', '三、乙', '三、丙', '二、丁');
  const model = analyze(text);
  const all = model.diagnostics.filter((d) => String(d.code).startsWith('numbering-'));
  assert.deepEqual(all.map((d) => d.code), ['numbering-gap', 'numbering-duplicate', 'numbering-order']);
  const actions = fixesFor(model, all);
  assert.equal(actions.length, 1);
  assert.deepEqual(actions[0]!.diagnostics, all);
  assert.equal(apply(text, actions[0]!), doc('一、甲', '二、乙', '三、丙', '四、丁'));
});

test('the missing-section quick fix inserts the section from the finding\'s data and is preferred', () => {
  const text = doc('一、抓学习', '内容。', '二、下一步打算', '内容。');
  const model = withTemplate(text, SUMMARY);
  const missing = findings(model, 'missing-section');
  assert.equal(missing.length, 1);
  const [action, ...rest] = fixesFor(model, missing);
  assert.deepEqual(rest, []);
  assert.equal(action!.title, 'Insert missing section 存在问题');
  assert.equal(action!.isPreferred, true);
  assert.deepEqual(action!.diagnostics, missing);
  const fixed = apply(text, action!);
  assert.equal(fixed, doc('一、抓学习', '内容。', '二、存在问题', '逐条写明问题。', '三、下一步打算', '内容。'));
  assert.deepEqual(findings(withTemplate(fixed, SUMMARY), 'missing-section'), []);
});

test('marker punctuation and width are fixed from data.replacement; two findings on one marker make one action', () => {
  const text = doc('一、甲', '(一)a', '（二）、b', '(三)、c', '二.乙');
  const model = analyze(text);
  const markers = model.diagnostics.filter((d) => d.code === 'marker-punctuation' || d.code === 'marker-width');
  const actions = fixesFor(model, markers);
  assert.deepEqual(actions.map((a) => [a.title, a.isPreferred, a.diagnostics!.length, a.edit!.changes![URI]]), [
    ['Change (一) to （一）', true, 1, [{ range: r(1, 0, 3), newText: '（一）' }]],
    ['Change （二）、 to （二）', true, 1, [{ range: r(2, 0, 4), newText: '（二）' }]],
    ['Change (三)、 to （三）', true, 2, [{ range: r(3, 0, 4), newText: '（三）' }]],
    ['Change 二. to 二、', true, 1, [{ range: r(4, 0, 2), newText: '二、' }]],
  ]);
  assert.equal(apply(text, actions[2]!), doc('一、甲', '(一)a', '（二）、b', '（三）c', '二.乙'));
});

test('fix all combines marker fixes and renumbering without overlapping edits, and never inserts sections', () => {
  const text = doc('一、甲', '（一）a', '(三)、b', '1、c', '3、d', '三.乙', '内容。', '五、丙');
  const model = withTemplate(text, SUMMARY);
  assert.equal(findings(model, 'missing-section').length, 1);
  const actions = codeActions(model, URI, r(0, 0, 0), [], ['source.fixAll']);
  assert.equal(actions.length, 1);
  const all = actions[0]!;
  assert.equal(all.kind, FIX_ALL_KIND);
  assert.equal(all.title, 'Fix all heading numbers and markers');
  const fixed = apply(text, all); // applyEdits throws on overlapping edits
  assert.equal(fixed, doc('一、甲', '（一）a', '（二）b', '1．c', '2．d', '二、乙', '内容。', '三、丙'));
  assert.deepEqual(analyze(fixed).diagnostics.filter((d) => NUMBERING.has(String(d.code))), []);
});

test('fix all does not renumber a level that starts over at one or starts above one (parts, excerpts); the quick fix does', () => {
  const restart = doc('一、甲', '二、乙', '三、丙', '一、丁', '二、戊', '1、己');
  const model = analyze(restart);
  assert.ok(model.diagnostics.some((d) => NUMBERING.has(String(d.code))), 'the restart is reported');
  const [all] = codeActions(model, URI, WHOLE, [], [FIX_ALL_KIND]);
  assert.equal(apply(restart, all!), doc('一、甲', '二、乙', '三、丙', '一、丁', '二、戊', '1．己'), 'only the marker is fixed');
  const excerpt = doc('五、甲', '六、乙', '八、丙');
  assert.equal(codeActions(analyze(excerpt), URI, WHOLE, [], [FIX_ALL_KIND]).length, 0);
  const quick = codeActions(analyze(excerpt), URI, r(2, 0, 2), [], ['quickfix']);
  assert.equal(apply(excerpt, quick[0]!), doc('一、甲', '二、乙', '三、丙'));
});

test('fix all leaves a finding whose severity is off alone, and offers nothing for a clean report', () => {
  const text = doc('一、甲', '三、乙', '(一)a');
  const off = analyze(text, { severity: { 'numbering-gap': 'off' } });
  const [all] = codeActions(off, URI, WHOLE, [], [FIX_ALL_KIND]);
  assert.equal(apply(text, all!), doc('一、甲', '三、乙', '（一）a'));
  assert.deepEqual(codeActions(analyze(doc('一、甲', '二、乙')), URI, WHOLE, [], undefined), []);
});

test('only filters by kind prefix', () => {
  const text = doc('一、甲', '三、乙');
  const model = analyze(text);
  const kinds = (only?: string[]) => codeActions(model, URI, WHOLE, findings(model, 'numbering-gap'), only).map((a) => a.kind);
  assert.deepEqual(kinds(), ['quickfix', FIX_ALL_KIND]);
  assert.deepEqual(kinds(['quickfix']), ['quickfix']);
  assert.deepEqual(kinds(['source.fixAll']), [FIX_ALL_KIND]);
  assert.deepEqual(kinds(['source']), [FIX_ALL_KIND]);
  assert.deepEqual(kinds(['source.fixAll.reportAuthor']), [FIX_ALL_KIND]);
  assert.deepEqual(kinds(['source.organizeImports', 'refactor']), []);
  assert.deepEqual(kinds(['quick']), [], 'a prefix matches whole dot-separated parts only');
});

test('without context diagnostics the model\'s findings in the range are used; foreign and stale ones are ignored', () => {
  const text = doc('一、甲', '三、乙', '(一)a');
  const model = analyze(text);
  assert.deepEqual(codeActions(model, URI, r(2, 1, 1), [], ['quickfix']).map((a) => a.title), ['Change (一) to （一）']);
  const foreign: Diagnostic = { ...findings(model, 'marker-width')[0]!, source: 'markdownlint' };
  const stale: Diagnostic = { ...findings(model, 'marker-width')[0]!, range: r(2, 1, 3) };
  assert.deepEqual(fixesFor(model, [foreign, stale]), []);
});

test('action titles are localised', () => {
  try {
    useLocale('zh-CN');
    const text = doc('一、甲', '三、乙', '(一)a');
    const model = analyze(text);
    assert.deepEqual(codeActions(model, URI, WHOLE, model.diagnostics, undefined).map((a) => a.title), [
      '重新编排本层序号（一、二、）',
      '将“(一)”改为“（一）”',
      '修正全部标题序号和序号标记',
    ]);
    const missing = withTemplate(doc('一、抓学习', '内容。'), SUMMARY);
    assert.equal(fixesFor(missing, findings(missing, 'missing-section'))[0]!.title, '插入缺少的章节“存在问题”');
  } finally {
    useLocale(undefined);
  }
});

test('an ambiguous pair offers both readings, neither preferred: <b>…</b> for bold, ＊＊ for two placeholders', () => {
  const text = doc('我们**一定**要做好', '其中*重点*一项');
  const model = analyze(text);
  const found = model.diagnostics.filter((d) => d.code === 'ambiguous-emphasis');
  const actions = fixesFor(model, found);
  assert.deepEqual(actions.map((a) => [a.title, a.isPreferred, a.edit!.changes![URI]]), [
    ['Keep it bold: write <b>一定</b>', undefined, [{ range: r(0, 2, 8), newText: '<b>一定</b>' }]],
    ['Two placeholders: write ＊＊一定＊＊', undefined, [{ range: r(0, 2, 8), newText: '＊＊一定＊＊' }]],
    ['Keep it bold: write <i>重点</i>', undefined, [{ range: r(1, 2, 6), newText: '<i>重点</i>' }]],
    ['Two placeholders: write ＊重点＊', undefined, [{ range: r(1, 2, 6), newText: '＊重点＊' }]],
  ]);
  const asPlaceholders = analyze(apply(text, actions[1]!));
  // Two placeholders make the document a template: the other pair is then two placeholders too.
  assert.deepEqual(asPlaceholders.placeholders.map((p) => p.text), ['＊＊', '＊＊', '*', '*']);
  assert.equal(analyze(apply(text, actions[0]!)).diagnostics.filter((d) => d.range.start.line === 0).length, 0);
});
