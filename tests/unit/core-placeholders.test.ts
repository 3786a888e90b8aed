import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Placeholder } from '../../server/src/core';
import { doc, r } from '../support/ranges';

const found = (text: string) => analyze(text).placeholders.map((p) => [p.text, p.kind, p.range] as const);
const texts = (text: string) => analyze(text).placeholders.map((p: Placeholder) => p.text);

test('asterisk runs next to CJK text are placeholders, never emphasis', () => {
  assert.deepEqual(found('培训**次，投入资金***万元'), [
    ['**', 'count', r(0, 2, 4)],
    ['***', 'amount', r(0, 10, 13)],
  ]);
});

test('runs joined by a decimal point are one placeholder; other joiners separate runs', () => {
  assert.deepEqual(found('达*.*%，共**.**万元'), [
    ['*.*', 'percent', r(0, 1, 4)],
    ['**.**', 'amount', r(0, 7, 12)],
  ]);
  assert.deepEqual(texts('树强“***-*=*”理念'), ['***', '*', '*']);
});

test('an escaped asterisk is literal text', () => {
  assert.deepEqual(found('注\\*：共**人'), [['**', 'count', r(0, 5, 7)]]);
});

test('full-width asterisks are placeholders even where ASCII ones would be emphasis', () => {
  assert.deepEqual(found('＊＊同志'), [['＊＊', 'name', r(0, 0, 2)]]);
  assert.deepEqual(texts('**重点**'), []);
  assert.deepEqual(texts('＊＊重点＊＊'), ['＊＊', '＊＊']);
});

test('real bold spans stay bold', () => {
  for (const text of ['（一）**工作完成情况**', '**一、总体情况**', '1. **积极的情绪**', '我们要 **坚持不懈** 地推进。', '| **活动时间** | 内容 |']) {
    assert.deepEqual(texts(text), [], text);
  }
});

test('an ambiguous pair in a document that says nothing else is read as bold and reported once, with how to write it', () => {
  const m = analyze('我们**一定**要做好');
  const d = m.diagnostics.filter((x) => x.code === 'ambiguous-emphasis');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0]!.range, r(0, 2, 8));
  assert.match(d[0]!.message, /＊＊/);
  assert.deepEqual(m.placeholders, [], 'one construct, one finding: no unfilled-placeholder besides');
  assert.equal(m.diagnostics.length, 1);
});

test('a placeholder run before a unit is not paired into emphasis', () => {
  assert.deepEqual(texts('今年，**大队先后获得**市委表彰'), ['**', '**']);
  assert.equal(analyze('今年，**大队先后获得**市委表彰').diagnostics.some((d) => d.code === 'ambiguous-emphasis'), false);
});

test('masks in value positions: ××, XX, xx, X月X日', () => {
  assert.deepEqual(found('20××年在xx镇投入xxx万元'), [
    ['××', 'date', r(0, 2, 4)],
    ['xx', 'name', r(0, 6, 8)],
    ['xxx', 'amount', r(0, 11, 14)],
  ]);
  assert.deepEqual(texts('xx月xx日，XX单位，2026年X月X日'), ['xx', 'xx', 'XX', 'X', 'X']);
});

test('written prompts are placeholders: [填写…], 【待填…】, {{…}}, ${…}', () => {
  assert.deepEqual(found('[填写单位名称]于【待填：日期】报送{{amount}}和${count}'), [
    ['[填写单位名称]', 'name', r(0, 0, 8)],
    ['【待填：日期】', 'date', r(0, 9, 16)],
    ['{{amount}}', 'other', r(0, 18, 28)],
    ['${count}', 'other', r(0, 29, 37)],
  ]);
  assert.deepEqual(texts('____年工作总结'), ['____']);
});

test('no false positives: multiplication, PM2.5, policy names, English words, code, URLs, comments, links, page chrome', () => {
  const cases = [
    '新建2×66万千瓦机组',
    'PM2.5浓度下降',
    '实施“数据要素×”行动',
    'Xbox and index box exe Excel',
    '用 `**` 表示待填',
    '见 https://example.com/a/**/b 和 <https://example.com/**>',
    '<!-- 这里的**不是占位符 -->',
    '[链接文字](https://example.com) 与 [中文引用][ref]',
    '【字号：加大 还原 减小 】',
    '- [ ] 任务 [x] 完成',
    '0xFF 和 XXL',
  ];
  for (const text of cases) assert.deepEqual(texts(text), [], text);
});

test('code blocks, HTML blocks and front matter are not searched', () => {
  const text = doc('---', 'title: 某**报告', '---', '', '```', '投入***万元', '```', '', '<div>', '共**次', '</div>', '', '正文**次');
  assert.deepEqual(found(text), [['**', 'count', r(12, 2, 4)]]);
});

test('placeholder kinds come from the words around them', () => {
  const kinds = (text: string) => analyze(text).placeholders.map((p) => p.kind);
  assert.deepEqual(kinds('开展**次，**人，*项'), ['count', 'count', 'count']);
  assert.deepEqual(kinds('资金***万元，**亿元'), ['amount', 'amount']);
  assert.deepEqual(kinds('增长*.*%，提高**个百分点'), ['percent', 'percent']);
  assert.deepEqual(kinds('“*.**”期间，*月*日，20**年'), ['date', 'date', 'date', 'date']);
  assert.deepEqual(kinds('**市委、**大队、***同志、大队长***被表彰'), ['name', 'name', 'name', 'name']);
  assert.deepEqual(kinds('贡献了**力量'), ['other']);
});

test('list bullets and thematic breaks are not placeholders', () => {
  assert.deepEqual(texts(doc('* 电脑技术：XXX', '', '***', '', '* * *')), ['XXX']);
});

test('placeholder ranges count UTF-16 units: astral characters before a run shift it by two', () => {
  assert.deepEqual(found('𠀀😀共**次'), [['**', 'count', r(0, 5, 7)]]);
});
