import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type ReportModel } from '../../server/src/core';

const EXAMPLE = join(__dirname, '../../../shared/reports/annual-work-summary-2022.md');
const text = readFileSync(EXAMPLE, 'utf8');
const NUMBERING = new Set(['numbering-gap', 'numbering-duplicate', 'numbering-order', 'marker-punctuation', 'marker-width', 'level-skip']);
const TITLES = [
  '笃行不怠抓班子、强队伍、养正气，政治工作“生命线”更加坚实',
  '聚焦实战抓练兵、提素质、谋打赢，应急救援“真本领”更加过硬',
  '抢抓机遇破困局、抓整治、强监管，火灾防控“基本盘”更加稳固',
  '融入大局解难题、帮民困、解民忧，善作善成“新形象”更加彰显',
  '存在问题及改进措施',
];

function assertExampleShape(m: ReportModel, label: string): void {
  assert.deepEqual(m.outline.map((n) => n.marker), ['一、', '二、', '三、', '四、', '五、'], label);
  assert.deepEqual(m.outline.map((n) => n.title), TITLES, label);
  assert.deepEqual(m.outline.map((n) => n.children.length), [4, 3, 4, 3, 0], label);
  assert.equal(m.placeholders.length, 213, label);
  assert.deepEqual(m.diagnostics.filter((d) => NUMBERING.has(String(d.code))), [], label);
  assert.equal(m.diagnostics.filter((d) => d.code === 'ambiguous-emphasis').length, 0, label);
}

test('the example report: five sections with 4, 3, 4, 3, 0 subsections and 213 placeholders', () => {
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
