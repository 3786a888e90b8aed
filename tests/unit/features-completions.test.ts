import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { analyze, type ReportTemplate } from '../../server/src/core';
import { completions } from '../../server/src/core/features';
import { applyEdits, expandSnippet } from '../support/edits';
import { doc, r } from '../support/ranges';
import { inlineTemplate } from '../support/templates';

import { EXAMPLE } from '../support/fixtures';

const NUMBERING = new Set(['numbering-gap', 'numbering-duplicate', 'numbering-order', 'marker-punctuation', 'marker-width']);
const BLOCKS = ['落款', '一是二是', '附件说明', '报告如下', '特此报告'];

const SUMMARY = inlineTemplate(`id: summary
name: 总结
sections:
  - {id: work, title: 主要工作, freeTitle: true, repeat: 1..5}
  - {id: lessons, title: 经验体会, required: false}
  - id: problems
    title: 存在问题
    guidance: 逐条写明问题。
    skeleton: |
      一是**方面，单价$5，投入\${费用}***万元；
      二是[填写问题]。{备注}\\
  - {id: plans, title: 下一步打算, required: false}`, '[单位名称]关于**的报告\n一、主要工作\n[填写主要工作]\n[单位名称]\n');

/** Completions at a cursor written as `|` in the text. */
function complete(textWithCursor: string, t: ReportTemplate | null = null): { text: string; items: CompletionItem[] } {
  const lines = textWithCursor.split('\n');
  const line = lines.findIndex((l) => l.includes('|'));
  const character = lines[line]!.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const model = t ? analyze(text, null, 0, { choice: { kind: 'template', template: t, ref: t.id } }) : analyze(text);
  return { text, items: completions(model, text, { line, character }, t) };
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const pick = (items: CompletionItem[], label: string) => items.find((i) => i.label === label)!;
/** The document after accepting an item with every tab stop left at its default. */
function accept(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  return applyEdits(text, [{ range: edit.range, newText: expandSnippet(edit.newText) }, ...(item.additionalTextEdits ?? [])]);
}

test('on a new line after （四）\'s body in section 一 of the example, （五） comes first, then 1． and 二、', () => {
  const lines = EXAMPLE.split('\n');
  lines.splice(12, 0, '|');
  const { text, items } = complete(lines.join('\n'));
  assert.deepEqual(labels(items), ['（五）', '1．', '二、', ...BLOCKS]);
  const five = items[0]!;
  assert.equal(five.preselect, true);
  assert.equal(five.kind, 15);
  assert.equal(five.insertTextFormat, 2);
  assert.deepEqual(five.textEdit, { range: r(12, 0, 0), newText: '（五）${1:标题}' });
  assert.equal(five.additionalTextEdits, undefined);
  const after = analyze(accept(text, five));
  assert.deepEqual(after.outline[0]!.children.map((n) => n.marker), ['（一）', '（二）', '（三）', '（四）', '（五）']);
  assert.deepEqual(after.diagnostics.filter((d) => NUMBERING.has(String(d.code))), []);
});

test('二、 offered inside the report moves the numbers of the sections after it up by one', () => {
  const lines = EXAMPLE.split('\n');
  lines.splice(12, 0, '|');
  const { text, items } = complete(lines.join('\n'));
  const two = pick(items, '二、');
  assert.deepEqual(two.textEdit, { range: r(12, 0, 0), newText: '二、${1:标题}' });
  assert.deepEqual(two.additionalTextEdits, [
    { range: r(13, 0, 1), newText: '三' },
    { range: r(21, 0, 1), newText: '四' },
    { range: r(31, 0, 1), newText: '五' },
    { range: r(39, 0, 1), newText: '六' },
  ]);
  const after = analyze(accept(text, two));
  assert.deepEqual(after.outline.map((n) => n.marker + n.title.slice(0, 4)), ['一、守正创新', '二、标题', '三、攻坚克难', '四、从严从实', '五、凝心聚力', '六、存在问题']);
  assert.deepEqual(after.diagnostics.filter((d) => NUMBERING.has(String(d.code))), []);
});

test('after the last subsection of the last section, the next number at each level is offered, deepest first', () => {
  const { items } = complete(doc('一、总体情况', '（一）甲', '1．子项', '内容。', '', '|'));
  assert.deepEqual(labels(items), ['2．', '（1）', '（二）', '二、', ...BLOCKS]);
  assert.deepEqual(items.map((i) => i.sortText), ['001', '002', '003', '004', '090', '091', '092', '093', '094']);
  assert.ok(items.every((i) => !i.additionalTextEdits));
  assert.equal(pick(items, '二、').detail, 'Next section after 一、总体情况');
  assert.equal(pick(items, '（1）').detail, 'First subsection of 1．子项');
});

test('with a template, the next missing rule gives the title, and its skeleton follows with placeholders as tab stops', () => {
  const { text, items } = complete(doc('一、抓学习', '内容。', '二、抓落实', '内容。', '|'), SUMMARY);
  const three = pick(items, '三、');
  assert.equal(three.sortText, '001');
  assert.deepEqual(three.labelDetails, { description: '存在问题' });
  assert.equal(three.documentation, '逐条写明问题。');
  // `${费用}` is a placeholder too; a literal `$`, `}` and `\\` are escaped.
  assert.equal(
    (three.textEdit as TextEdit).newText,
    '三、${1:存在问题}\n一是${2:**}方面，单价\\$5，投入${3:\\${费用\\}}${4:***}万元；\n二是${5:[填写问题]}。{备注\\}\\\\',
  );
  assert.equal(
    accept(text, three),
    doc('一、抓学习', '内容。', '二、抓落实', '内容。', '三、存在问题', '一是**方面，单价$5，投入${费用}***万元；', '二是[填写问题]。{备注}\\'),
  );
});

test('with a template, a new section between two matched ones gets the rule that fits between them', () => {
  const { items } = complete(doc('一、抓学习', '内容。', '|', '二、下一步打算', '内容。'), SUMMARY);
  const two = pick(items, '二、');
  assert.deepEqual(two.labelDetails, { description: '存在问题' });
  assert.deepEqual(two.additionalTextEdits, [{ range: r(3, 0, 1), newText: '三' }]);
});

test('in an empty report with a template, one item inserts the whole skeleton with its placeholders as tab stops', () => {
  for (const text of ['|', '  \n|\n', '---\ntemplate: summary\n---\n|']) {
    const { text: plain, items } = complete(text, SUMMARY);
    const whole = items[0]!;
    assert.equal(whole.label, '总结');
    assert.equal(whole.detail, 'The whole skeleton of 总结');
    assert.equal(whole.preselect, true);
    const newText = (whole.textEdit as TextEdit).newText;
    // The two [单位名称] share one tab stop: filling one fills both.
    assert.equal(newText, '${1:[单位名称]}关于${2:**}的报告\n一、主要工作\n${3:[填写主要工作]}\n${1:[单位名称]}', JSON.stringify(text));
    assert.equal(accept(plain, whole), text.replace('|', '[单位名称]关于**的报告\n一、主要工作\n[填写主要工作]\n[单位名称]'));
  }
  assert.ok(!labels(complete(doc('一、抓学习', '|'), SUMMARY).items).includes('总结'), 'not once the report has content');
  assert.ok(!labels(complete('|', null).items).includes('总结'), 'not without a template');
});

test('in an empty report, 一、 is offered with the first rule of the template', () => {
  const { items } = complete('|', SUMMARY);
  assert.deepEqual((pick(items, '一、').textEdit as TextEdit).newText, '一、${1:主要工作}');
  assert.deepEqual((pick(complete('|').items, '一、').textEdit as TextEdit).newText, '一、${1:标题}');
});

test('the new marker keeps the siblings\' house style: 1. stays half-width, (一) becomes （二）, ## headings keep their #', () => {
  assert.deepEqual(labels(complete(doc('一、甲', '1.子项', '内容。', '|')).items).slice(0, 1), ['2.']);
  assert.deepEqual(labels(complete(doc('一、甲', '(一)子项', '内容。', '|')).items).slice(0, 1), ['（二）']);
  assert.deepEqual(labels(complete(doc('一、甲', '（１）子项', '内容。', '|')).items).slice(0, 1), ['（2）']);
  const atx = complete(doc('## 一、甲', '内容。', '|')).items[0]!;
  assert.deepEqual(atx.textEdit, { range: r(2, 0, 0), newText: '## 二、${1:标题}' });
  const typed = complete(doc('## 一、甲', '内容。', '## |')).items[0]!;
  assert.deepEqual(typed.textEdit, { range: r(2, 3, 3), newText: '二、${1:标题}' });
});

test('a marker being typed is replaced, indentation is kept, and text after the cursor gets the marker alone', () => {
  const typed = complete(doc('一、甲', '（一）乙', '内容。', '　　（|')).items[0]!;
  assert.equal(typed.label, '（二）');
  assert.deepEqual(typed.textEdit, { range: r(3, 2, 3), newText: '（二）${1:标题}' });
  const before = complete(doc('一、甲', '（一）乙', '内容。', '|狠抓落实')).items;
  assert.deepEqual(before[0]!.textEdit, { range: r(3, 0, 0), newText: '（二）' });
  assert.ok(!labels(before).includes('落款'), 'no blocks in front of text');
});

test('nothing is offered after text on the line, in code blocks or in the front matter', () => {
  assert.deepEqual(complete(doc('一、甲', '内容|')).items, []);
  assert.deepEqual(complete(doc('一、甲', '```', '|', '```')).items, []);
  assert.deepEqual(complete(doc('---', 'title: 甲', '|', '---', '一、甲')).items, []);
});

test('the common blocks are snippets with Chinese descriptions', () => {
  const { text, items } = complete(doc('一、甲', '内容。', '|'));
  const sign = pick(items, '落款');
  assert.deepEqual(sign.labelDetails, { description: '署名和成文日期' });
  assert.equal(sign.insertTextFormat, 2);
  assert.equal(accept(text, sign), doc('一、甲', '内容。', '[单位名称]', '20××年×月×日'));
  assert.equal(expandSnippet((pick(items, '一是二是').textEdit as TextEdit).newText), '一是……；二是……；三是……。');
});
