import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type ReportModel } from '../../server/src/core';

import { EXAMPLE as text, EXAMPLE_PLACEHOLDERS } from '../support/fixtures';

const NUMBERING = new Set(['numbering-gap', 'numbering-duplicate', 'numbering-order', 'marker-punctuation', 'marker-width', 'level-skip']);
const TITLES = [
  '守正创新强党建、带队伍、正作风，机关建设“主心骨”更加有力',
  '攻坚克难兴水利、补短板、惠民生，工程建设“压舱石”更加牢固',
  '从严从实管河湖、治水患、护水源，水域生态“好底色”更加鲜亮',
  '凝心聚力优服务、解民忧、促发展，为民办事“暖心账”更加厚实',
  '存在问题及改进措施',
];

function assertExampleShape(m: ReportModel, label: string): void {
  assert.deepEqual(m.outline.map((n) => n.marker), ['一、', '二、', '三、', '四、', '五、'], label);
  assert.deepEqual(m.outline.map((n) => n.title), TITLES, label);
  assert.deepEqual(m.outline.map((n) => n.children.length), [4, 3, 4, 3, 0], label);
  assert.equal(m.placeholders.length, EXAMPLE_PLACEHOLDERS, label);
  assert.deepEqual(m.diagnostics.filter((d) => NUMBERING.has(String(d.code))), [], label);
  assert.equal(m.diagnostics.filter((d) => d.code === 'ambiguous-emphasis').length, 0, label);
}

test('the example report: five sections with 4, 3, 4, 3, 0 subsections and 212 placeholders', () => {
  const m = analyze(text);
  assertExampleShape(m, 'as written');
  const kinds = new Map<string, number>();
  for (const p of m.placeholders) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
  assert.ok((kinds.get('count') ?? 0) > 150, 'mostly counts');
  for (const k of ['amount', 'percent', 'date', 'name']) assert.ok((kinds.get(k) ?? 0) > 0, k);
});

test('the example report with CRLF line endings reads the same', () => {
  assertExampleShape(analyze(text.replace(/\n/g, '\r\n')), 'CRLF');
});

test('the example report with ## / ### headings and blank lines reads the same', () => {
  const md = text
    .split('\n')
    .map((l) => (/^[一二三四五六七八九十]+、/.test(l) ? `## ${l}` : /^（[一二三四五六七八九十]+）/.test(l) ? `### ${l}` : l))
    .join('\n\n');
  const m = analyze(md);
  assertExampleShape(m, 'ATX');
  assert.equal(m.outline[0]!.form, 'atx');
});

test('the example report with bold heading lines reads the same', () => {
  const bold = text.split('\n').map((l) => (/^[一二三四五六七八九十]+、|^（/.test(l) ? `**${l}**` : l)).join('\n');
  assertExampleShape(analyze(bold), 'bold');
});
