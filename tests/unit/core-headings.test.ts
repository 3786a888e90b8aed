import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, frontMatterOf, type OutlineNode } from '../../server/src/core';
import { parseChineseNumeral, toChineseNumeral } from '../../server/src/core/numerals';
import { doc, r } from '../support/ranges';

const shape = (nodes: OutlineNode[]): unknown[] =>
  nodes.map((n) => (n.children.length ? [n.marker + n.title, shape(n.children)] : n.marker + n.title));

test('Chinese numerals read up to 九十九 and write back', () => {
  assert.deepEqual(['一', '十', '十一', '二十', '二十三', '九十九'].map(parseChineseNumeral), [1, 10, 11, 20, 23, 99]);
  assert.deepEqual(['', '十十', '一百', '零', '二二'].map(parseChineseNumeral), [null, null, null, null, null]);
  assert.deepEqual([1, 10, 11, 20, 99].map(toChineseNumeral), ['一', '十', '十一', '二十', '九十九']);
});

test('plain lines carry the four GB/T 9704 levels, with exact heading and marker ranges', () => {
  const m = analyze(doc('一、总体情况', '（一）工作完成情况', '1．学习', '（1）集中学习', '正文。'));
  assert.deepEqual(shape(m.outline), [['一、总体情况', [['（一）工作完成情况', [['1．学习', ['（1）集中学习']]]]]]]);
  const [h1, h2, h3, h4] = m.headings;
  assert.deepEqual(h1!.range, r(0, 0, 6));
  assert.deepEqual(h1!.markerRange, r(0, 0, 2));
  assert.deepEqual(h2!.markerRange, r(1, 0, 3));
  assert.deepEqual(h3!.markerRange, r(2, 0, 2));
  assert.deepEqual(h4!.markerRange, r(3, 0, 3));
  assert.deepEqual(m.headings.map((h) => [h.level, h.ordinal, h.form]), [[1, 1, 'plain'], [2, 1, 'plain'], [3, 1, 'plain'], [4, 1, 'plain']]);
  assert.equal(m.diagnostics.length, 0);
});

test('numerals past ten are read: 十一、 follows 十、 and 二十、 follows 十九、', () => {
  const lines = Array.from({ length: 20 }, (_, i) => `${toChineseNumeral(i + 1)}、第${i + 1}部分`);
  const m = analyze(doc(...lines));
  assert.deepEqual(m.outline.map((n) => n.ordinal), Array.from({ length: 20 }, (_, i) => i + 1));
  assert.equal(m.outline[10]!.marker, '十一、');
  assert.equal(m.diagnostics.length, 0);
});

test('half-width (一) and (1) are read as levels 2 and 4 and flagged', () => {
  const m = analyze(doc('一、情况', '(一)做法', '(1)细节'));
  assert.deepEqual(m.headings.map((h) => [h.level, h.marker]), [[1, '一、'], [2, '(一)'], [4, '(1)']]);
  const width = m.diagnostics.filter((d) => d.code === 'marker-width');
  assert.deepEqual(width.map((d) => d.range), [r(1, 0, 3), r(2, 0, 3)]);
  assert.deepEqual(width.map((d) => d.data), [{ replacement: '（一）' }, { replacement: '（1）' }]);
});

test('ATX headings: numbered ones take their marker level, un-numbered ones the level of their depth', () => {
  const m = analyze(doc('# 某单位工作总结', '', '## 概览', '', '## 一、基本情况', '', '### 主要数据', '', '## 二、主要做法', '', '（一）抓学习'));
  assert.equal(m.title?.text, '某单位工作总结');
  assert.equal(m.title?.source, 'heading');
  assert.deepEqual(shape(m.outline), ['概览', ['一、基本情况', ['主要数据']], ['二、主要做法', ['（一）抓学习']]]);
  const basic = m.headings[1]!;
  assert.equal(basic.form, 'atx');
  assert.deepEqual(basic.range, r(4, 3, 9));
  assert.deepEqual(basic.markerRange, r(4, 3, 5));
  assert.equal(m.diagnostics.length, 0);
});

test('bold heading lines keep their bold and lose it from the title', () => {
  const m = analyze(doc('**一、总体情况**', '（一）**工作完成情况**', '1. **积极的情绪**'));
  assert.deepEqual(m.headings.map((h) => [h.marker, h.title]), [['一、', '总体情况'], ['（一）', '工作完成情况'], ['1.', '积极的情绪']]);
  assert.deepEqual(m.headings[0]!.markerRange, r(0, 2, 4));
  assert.deepEqual(m.headings[0]!.range, r(0, 0, 10));
  assert.equal(m.placeholders.length, 0);
});

test('a run-in heading ends at its first full stop; the body goes on in the same line', () => {
  const m = analyze(doc('一、回顾', '（一）经济实力迈上新台阶。2016年，地区生产总值增长**%。'));
  const h = m.headings[1]!;
  assert.equal(h.form, 'run-in');
  assert.equal(h.title, '经济实力迈上新台阶');
  assert.deepEqual(h.range, r(1, 0, 13));
  assert.equal(m.placeholders.length, 1);
});

test('the document title, as a # heading or a leading line, is not a section', () => {
  const a = analyze(doc('某大队2022年工作总结', '一、情况', '二、问题'));
  assert.equal(a.title?.text, '某大队2022年工作总结');
  assert.deepEqual(a.title?.range, r(0, 0, 12));
  assert.equal(a.outline.length, 2);
  const b = analyze(doc('年初以来，我们认真落实各项部署。', '一、情况'));
  assert.equal(b.title, null);
});

test('numbers inside code, tables and HTML blocks, 2.5 fragments and colon-led lists are not headings', () => {
  const m = analyze(
    doc(
      '一、情况',
      '```',
      '二、代码里的编号',
      '```',
      '',
      '| 序号 | 内容 |',
      '| --- | --- |',
      '| 1. 文档体系 | 说明 |',
      '',
      '<table><tr><td>',
      '1. 文档体系',
      '</td></tr></table>',
      '',
      '2.5',
      '主要成绩如下：',
      '',
      '1. 完成甲项目',
      '2. 完成乙项目',
      '',
      '- （一）列表里的文字',
    ),
  );
  assert.deepEqual(m.headings.map((h) => h.marker), ['一、']);
  assert.equal(m.diagnostics.length, 0);
});

test('an ordered list not introduced by a colon numbers level-3 headings', () => {
  const m = analyze(doc('（一）主要做法', '', '1. 加强组织领导。成立领导小组。', '2. 完善制度建设。'));
  assert.deepEqual(m.headings.map((h) => [h.level, h.marker, h.title, h.form]), [
    [2, '（一）', '主要做法', 'plain'],
    [3, '1.', '加强组织领导', 'run-in'],
    [3, '2.', '完善制度建设', 'list'],
  ]);
  assert.deepEqual(m.headings[1]!.markerRange, r(2, 0, 2));
});

test('numbering restarts in an annex, whose title is the line after 附件N', () => {
  const m = analyze(doc('一、正文甲', '二、正文乙', '附件1', '民生实事清单', '一、实事甲', '二、实事乙', '附件2', '名词解释', '1.术语甲：说明。'));
  assert.deepEqual(shape(m.outline), [
    '一、正文甲',
    '二、正文乙',
    ['附件1民生实事清单', ['一、实事甲', '二、实事乙']],
    ['附件2名词解释', ['1.术语甲']],
  ]);
  assert.equal(m.outline[2]!.level, 0);
  assert.equal(m.diagnostics.length, 0);
});

test('setext headings and CRLF line endings are read; ranges stay on the right lines', () => {
  const m = analyze('工作计划\r\n========\r\n\r\n一、目标\r\n二、措施\r\n');
  assert.equal(m.title?.text, '工作计划');
  assert.deepEqual(m.headings.map((h) => h.range), [r(3, 0, 4), r(4, 0, 4)]);
});

test('a BOM and ideographic-space indentation do not hide a heading', () => {
  const m = analyze('\uFEFF一、情况\n\u3000\u3000（一）做法');
  assert.deepEqual(m.headings.map((h) => h.markerRange), [r(0, 1, 3), r(1, 2, 5)]);
});

test('sections span to the next heading of the same or a higher level and count their placeholders', () => {
  const m = analyze(doc('一、甲', '完成**次。', '（一）乙', '投入***万元。', '', '二、丙', '无'));
  const [first, second] = m.outline;
  assert.deepEqual(first!.sectionRange, { start: { line: 0, character: 0 }, end: { line: 3, character: 8 } });
  assert.equal(first!.placeholderCount, 2);
  assert.equal(first!.children[0]!.placeholderCount, 1);
  assert.equal(second!.placeholderCount, 0);
});

test('an annex marker followed by a stray BOM: the marker is exactly the text at its range', () => {
  const text = '## 附件1\uFEFF*';
  const [h] = analyze(text).headings;
  assert.equal(h!.marker, '附件1');
  assert.deepEqual(h!.markerRange, r(0, 3, 6));
});

test('front matter is read from the head of a report, as the full analysis reads it', () => {
  const cases = [
    '---\ntemplate: 述职报告\ntitle: 甲\n---\n一、甲\n',
    '<!-- source -->\n\n---\ntemplate: x\n---\n正文',
    '\uFEFF---\r\ntemplate: y\r\n...\r\n正文',
    '---\ntemplate: z\n',
    '正文\n---\ntemplate: w\n---\n',
    '---\n- not a mapping\n---\n',
  ];
  for (const text of cases) assert.deepEqual(frontMatterOf(text), analyze(text).frontMatter, JSON.stringify(text));
});
