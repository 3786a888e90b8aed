import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/core';
import { documentSymbols, foldingRanges } from '../../server/src/core/features';
import { useLocale } from '../../server/src/l10n';
import { doc, r } from '../support/ranges';

import { EXAMPLE } from '../support/fixtures';


test('the example report has five top-level symbols holding 4, 3, 4, 3 and 0 subsections', () => {
  const symbols = documentSymbols(analyze(EXAMPLE));
  assert.deepEqual(symbols.map((s) => s.children!.length), [4, 3, 4, 3, 0]);
  assert.deepEqual(
    symbols.map((s) => s.name.slice(0, 6)),
    ['一、守正创新', '二、攻坚克难', '三、从严从实', '四、凝心聚力', '五、存在问题'],
  );
  assert.equal(symbols[4]!.name, '五、存在问题及改进措施');
  assert.deepEqual(symbols[0]!.children!.map((s) => s.name), [
    '（一）坚持理论武装，筑牢思想根基',
    '（二）严格组织生活，建强基层堡垒',
    '（三）深化作风建设，锤炼过硬队伍',
    '（四）落实管党治党，营造清朗生态',
  ]);
});

test('a symbol spans its section and selects its heading; the detail counts placeholders to fill', () => {
  const lines = EXAMPLE.split('\n');
  const [first] = documentSymbols(analyze(EXAMPLE));
  assert.deepEqual(first!.selectionRange, r(2, 0, lines[2]!.length));
  assert.deepEqual(first!.range, { start: { line: 2, character: 0 }, end: { line: 11, character: lines[11]!.length } });
  const sub = first!.children![0]!;
  assert.deepEqual(sub.range, { start: { line: 4, character: 0 }, end: { line: 5, character: lines[5]!.length } });
  // （一）'s body has 16 placeholders: 党组会议**次, 集中学习**次, … 舆情分析研判*次.
  assert.equal(sub.detail, '16 to fill');
  const five = documentSymbols(analyze(EXAMPLE))[4]!;
  assert.equal(five.detail, undefined);
});

test('the detail is localised', () => {
  try {
    useLocale('zh-CN');
    assert.equal(documentSymbols(analyze(doc('一、甲', '共**次。')))[0]!.detail, '待填 1');
  } finally {
    useLocale(undefined);
  }
});

test('an annex is a symbol named with its marker and title, holding its own sections', () => {
  const text = doc('一、正文', '内容。', '附件1', '名词解释', '一、术语', '内容。', '二、缩写', '内容。');
  const symbols = documentSymbols(analyze(text));
  assert.deepEqual(symbols.map((s) => [s.name, s.kind]), [['一、正文', 2], ['附件1 名词解释', 1]]);
  assert.deepEqual(symbols[1]!.children!.map((s) => s.name), ['一、术语', '二、缩写']);
  assert.deepEqual(symbols[1]!.range, { start: { line: 2, character: 0 }, end: { line: 7, character: 3 } });
});

test('each level has its own symbol kind, and un-numbered Markdown headings are named by their title', () => {
  const text = doc('## 工作回顾', '（一）甲', '1．子项', '（1）细项', '内容。');
  const [top] = documentSymbols(analyze(text));
  assert.equal(top!.name, '工作回顾');
  assert.deepEqual(top!.selectionRange, r(0, 3, 7));
  const kinds: number[] = [];
  for (let s: DocumentSymbol | undefined = top; s; s = s.children?.[0]) kinds.push(s.kind);
  assert.deepEqual(kinds, [2, 3, 4, 15]);
});

test('every section with a body folds from its heading to its last non-blank line; one-line sections do not fold', () => {
  const text = doc('一、总体情况', '内容。', '（一）甲', '内容甲。', '', '（二）乙', '', '二、下一步', '内容。', '');
  assert.deepEqual(foldingRanges(analyze(text)), [
    { startLine: 0, endLine: 5 },
    { startLine: 2, endLine: 3 },
    { startLine: 7, endLine: 8 },
  ]);
});

test('the example report folds every section', () => {
  const ranges = foldingRanges(analyze(EXAMPLE));
  assert.equal(ranges.length, 5 + 14);
  assert.deepEqual(ranges[0], { startLine: 2, endLine: 11 });
  assert.deepEqual(ranges[1], { startLine: 4, endLine: 5 });
});
