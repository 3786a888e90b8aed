import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core';
import { doc, r } from '../support/ranges';

const findings = (text: string, options?: Parameters<typeof analyze>[1]) =>
  analyze(text, options)
    .diagnostics.filter((d) => d.code !== 'unfilled-placeholder')
    .map((d) => [d.code, d.range, d.severity] as const);

test('numbering-gap sits at the heading that skips and names the expected number', () => {
  const m = analyze(doc('一、甲', '二、乙', '四、丁', '五、戊'));
  assert.deepEqual(m.diagnostics.map((d) => [d.code, d.range, d.severity]), [['numbering-gap', r(2, 0, 2), 1]]);
  assert.equal(m.diagnostics[0]!.message, 'Numbering skips from 二、 to 四、: expected 三、.');
  assert.deepEqual(m.diagnostics[0]!.data, { level: 1, ordinal: 4, expected: 3, expectedMarker: '三、' });
});

test('a first heading that is not number one is a gap', () => {
  assert.deepEqual(findings(doc('一、甲', '（二）乙')), [['numbering-gap', r(1, 0, 3), 1]]);
});

test('numbering-duplicate and numbering-order', () => {
  assert.deepEqual(findings(doc('一、甲', '二、乙', '二、乙又', '三、丙')), [['numbering-duplicate', r(2, 0, 2), 1]]);
  assert.deepEqual(findings(doc('一、甲', '三、丙', '二、乙', '四、丁')), [
    ['numbering-gap', r(1, 0, 2), 1],
    ['numbering-order', r(2, 0, 2), 1],
  ]);
});

test('subsection numbers restart under each section', () => {
  assert.deepEqual(findings(doc('一、甲', '（一）a', '（二）b', '二、乙', '（一）c', '1．d', '2．e')), []);
});

test('marker-punctuation: 二. and （一）、 and 1、 carry the marker house style wants', () => {
  const m = analyze(doc('一、甲', '二.乙', '（一）、丙', '1、丁'));
  const d = m.diagnostics.filter((x) => x.code === 'marker-punctuation');
  assert.deepEqual(d.map((x) => [x.range, x.data]), [
    [r(1, 0, 2), { replacement: '二、' }],
    [r(2, 0, 4), { replacement: '（一）' }],
    [r(3, 0, 2), { replacement: '1．' }],
  ]);
  assert.equal(d[2]!.message, 'Write the marker 1、 as 1．.');
});

test('level-3 house style is configurable: halfwidth flags 1．, fullwidth flags 1.', () => {
  assert.deepEqual(findings(doc('（一）甲', '1.乙', '2．丙'), { level3Punctuation: 'halfwidth' }).map((f) => f[0]), ['level-skip', 'marker-punctuation']);
  assert.deepEqual(findings(doc('（一）甲', '1.乙', '2．丙'), { level3Punctuation: 'fullwidth' })[1], ['marker-punctuation', r(1, 0, 2), 2]);
  assert.deepEqual(findings(doc('一、甲', '（一）乙', '1.丙', '2．丁')), []);
});

test('level-skip is information (GB/T 9704 practice lets a short section skip （一）), once per group', () => {
  assert.deepEqual(findings(doc('一、甲', '1．乙', '2．丙')), [['level-skip', r(1, 0, 2), 3]]);
  assert.deepEqual(findings(doc('一、甲', '1．乙', '2．丙'), { severity: { 'level-skip': 'warning' } }), [['level-skip', r(1, 0, 2), 2]]);
  const top = analyze(doc('（一）甲', '（二）乙'));
  assert.deepEqual(top.diagnostics.map((d) => [d.code, d.range]), [['level-skip', r(0, 0, 3)]]);
  assert.equal(top.diagnostics[0]!.message, '（一） has no 一、 heading above it.');
});

test('severity is configurable per code, and off drops the code', () => {
  assert.deepEqual(findings(doc('一、甲', '三、丙'), { severity: { 'numbering-gap': 'warning' } }), [['numbering-gap', r(1, 0, 2), 2]]);
  assert.deepEqual(findings(doc('一、甲', '三、丙'), { severity: { 'numbering-gap': 'off' } }), []);
  assert.equal(analyze('共**次', { severity: { 'unfilled-placeholder': 'off' } }).diagnostics.length, 0);
  // Unknown codes and values are ignored rather than trusted.
  assert.deepEqual(findings(doc('一、甲', '三、丙'), { severity: { 'numbering-gap': 'loud' as never } }), [['numbering-gap', r(1, 0, 2), 1]]);
});

test('placeholder families can be switched off', () => {
  assert.equal(analyze('20××年共**次[填写]', { placeholders: { masks: false, prompts: false } }).placeholders.length, 1);
  assert.equal(analyze('20××年共**次', { placeholders: { asterisks: false } }).placeholders.length, 1);
});

test('diagnostics carry source, code and a link to the README', () => {
  const [d] = analyze(doc('一、甲', '三、丙')).diagnostics;
  assert.equal(d!.source, 'report-author');
  assert.equal(d!.codeDescription?.href.endsWith('#numbering-gap'), true);
});

test('malformed front matter is one clear finding, and the rest is still checked', () => {
  const m = analyze(doc('---', 'title: [未闭合', '---', '一、甲', '三、丙'));
  assert.deepEqual(m.diagnostics.map((d) => d.code), ['front-matter-invalid', 'numbering-gap']);
  assert.equal(m.diagnostics[0]!.range.start.line, 1);
});
