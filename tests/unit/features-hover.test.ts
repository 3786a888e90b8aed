import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, parseTemplate } from '../../server/src/core';
import { hover, nextPlaceholder, placeholderAt } from '../../server/src/core/features';
import { useLocale } from '../../server/src/l10n';
import { doc, r } from '../support/ranges';
import { inlineTemplate, withTemplate } from '../support/templates';
import { EXAMPLE } from '../support/fixtures';

const SUMMARY = inlineTemplate(`id: summary
name: 总结
sections:
  - {id: work, title: 主要工作, freeTitle: true, repeat: 1..5, guidance: 按领域写做法和成效。}
  - {id: problems, title: 存在问题, synonyms: [存在的问题和不足], guidance: '逐条写明问题，如“一是**”。'}
  - {id: plans, title: 下一步打算, required: false}`);
const at = (line: number, character: number) => ({ line, character });
const value = (h: ReturnType<typeof hover>) => (h?.contents as { kind: string; value: string } | undefined)?.value;

test('hover on a placeholder names its kind and what it expects, over the placeholder', () => {
  const model = analyze(doc('一、总体情况', '全年开展培训**次，投入资金***万元。'));
  const h = hover(model, at(1, 7), null);
  assert.deepEqual(h, {
    contents: { kind: 'markdown', value: '**Placeholder** · count: a whole number, such as the number of times or people' },
    range: r(1, 6, 8),
  });
  assert.equal(value(hover(model, at(1, 14), null)), '**Placeholder** · amount: a sum of money, in the unit written after it (元, 万元)');
  assert.equal(hover(model, at(1, 8), null), null, 'the character after a placeholder is plain text');
});

test('the placeholder hover is localised', () => {
  try {
    useLocale('zh-CN');
    assert.equal(value(hover(analyze('共有**人。'), at(0, 2), null)), '**占位符** · 数量：整数，如次数、人数');
  } finally {
    useLocale(undefined);
  }
});

test('hover on a heading shows the template rule it matched, whether it is required, and its guidance', () => {
  const text = doc('一、抓学习', '内容。', '二、存在的问题和不足', '内容。');
  const model = withTemplate(text, SUMMARY);
  assert.deepEqual(hover(model, at(2, 4), SUMMARY), {
    contents: { kind: 'markdown', value: '**存在问题** · required by 总结\n\n逐条写明问题，如“一是\\*\\*”。' },
    range: r(2, 0, 10),
  });
  assert.equal(value(hover(model, at(0, 0), SUMMARY)), '**主要工作** · required by 总结\n\n按领域写做法和成效。');
  assert.equal(hover(model, at(1, 1), SUMMARY), null, 'body text has no hover');
});

test('hover on a heading no rule matched says so; without a template it gives the level', () => {
  const closed = inlineTemplate(`id: c\nname: 固定\nunknownSections: report\nsections:\n  - {id: a, title: 总体情况}`);
  const text = doc('一、总体情况', '内容。', '（一）分项', '共**次。', '二、其他事项');
  assert.equal(value(hover(withTemplate(text, closed), at(4, 2), closed)), 'No section of 固定 matches this heading.');
  assert.equal(value(hover(analyze(text), at(2, 0), null)), 'Level 2 heading, numbered like （一）\n\n1 placeholders to fill in this section');
});

test('hover on a heading of the example report shows the built-in annual summary guidance', () => {
  const { template: annual } = parseTemplate(readFileSync(join(__dirname, '../../templates/annual-summary.md'), 'utf8'), null);
  const example = EXAMPLE;
  const model = withTemplate(example, annual!);
  const five = model.outline[4]!;
  const rule = annual!.scope.rules.find((x) => x.id === five.ruleId)!;
  const h = hover(model, five.range.start, annual!);
  assert.deepEqual(h!.range, five.range);
  assert.equal(value(h), `**${rule.title}** · ${rule.min > 0 ? 'required by' : 'optional in'} ${annual!.name}\n\n${rule.guidance!.replace(/[\\`*_[\]<>#|~]/g, '\\$&')}`);
});

test('placeholderAt finds the placeholder a cursor is in or just after', () => {
  const model = analyze(doc('甲**次，乙*人。', '丙***万元。'));
  assert.equal(placeholderAt(model, at(0, 1))!.text, '**');
  assert.equal(placeholderAt(model, at(0, 3))!.text, '**', 'just after');
  assert.equal(placeholderAt(model, at(0, 4)), null);
  assert.deepEqual(placeholderAt(model, at(1, 2))!.range, r(1, 1, 4));
});

test('nextPlaceholder skips the placeholder at the cursor and wraps around the document', () => {
  const model = analyze(doc('甲**次，乙*人。', '丙***万元。'));
  const next = (line: number, character: number) => nextPlaceholder(model, at(line, character), 'next')!.range;
  const previous = (line: number, character: number) => nextPlaceholder(model, at(line, character), 'previous')!.range;
  assert.deepEqual(next(0, 0), r(0, 1, 3));
  assert.deepEqual(next(0, 1), r(0, 6, 7), 'from the start of a placeholder');
  assert.deepEqual(next(0, 3), r(0, 6, 7), 'from the end of a placeholder');
  assert.deepEqual(next(1, 5), r(0, 1, 3), 'wraps to the first');
  assert.equal(nextPlaceholder(model, at(1, 5), 'next', false), null);
  assert.deepEqual(previous(1, 4), r(0, 6, 7), 'from the end of a placeholder');
  assert.deepEqual(previous(1, 1), r(0, 6, 7), 'from the start of a placeholder');
  assert.deepEqual(previous(0, 1), r(1, 1, 4), 'wraps to the last');
  assert.equal(nextPlaceholder(analyze('没有占位符。'), at(0, 0), 'next'), null);
});
