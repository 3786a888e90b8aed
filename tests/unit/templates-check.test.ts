import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analyze,
  deriveTemplate,
  maskNumbers,
  parseTemplate,
  recognizeTemplate,
  type ReportTemplate,
} from '../../server/src/core';
import { titleScore } from '../../server/src/core/templates/titles';
import { doc, r } from '../support/ranges';
import { inlineTemplate, using } from '../support/templates';

const outlineFindings = (text: string, t: ReportTemplate) =>
  analyze(text, null, 0, using(t)).diagnostics.filter((d) => !['unfilled-placeholder'].includes(String(d.code)));

const SUMMARY = inlineTemplate(`id: summary
name: 总结
sections:
  - id: work
    title: 主要工作
    freeTitle: true
    repeat: 1..5
  - id: problems
    title: 存在问题
    synonyms: [存在的问题和不足, 问题和不足]
    pattern: '^存在.*问题'
    guidance: 逐条写明问题。
  - id: plans
    title: 下一步打算
    required: false`);

test('a report with every required section in order has no outline findings', () => {
  assert.deepEqual(outlineFindings(doc('一、抓学习', '内容。', '二、抓落实', '内容。', '三、存在的问题和不足', '内容。', '四、下一步打算', '内容。'), SUMMARY), []);
});

test('titles match by synonym and pattern, ignoring numbers, spaces and punctuation', () => {
  const rule = SUMMARY.scope.rules[1]!;
  assert.equal(titleScore('问题 和 不足：', rule), 3);
  assert.equal(titleScore('存在的几个突出问题', rule), 2);
  assert.equal(titleScore('工作亮点', rule), 0);
});

test('missing-section names the section and its neighbour, sits where it goes, and carries the insertion', () => {
  const text = doc('一、抓学习', '内容。', '二、抓落实', '内容。', '三、下一步打算', '内容。');
  const [d, ...rest] = outlineFindings(text, SUMMARY);
  assert.deepEqual(rest, []);
  assert.equal(d!.code, 'missing-section');
  assert.equal(d!.message, 'Missing section “存在问题” required by 总结: it belongs after 二、抓落实.');
  assert.deepEqual(d!.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } });
  const edits = (d!.data as { edits: { range: unknown; newText: string }[] }).edits;
  assert.deepEqual(edits, [
    { range: { start: { line: 3, character: 3 }, end: { line: 3, character: 3 } }, newText: '\n三、存在问题\n逐条写明问题。' },
    { range: r(4, 0, 2), newText: '四、' },
  ]);
  assert.equal(applyEdits(text, edits), doc('一、抓学习', '内容。', '二、抓落实', '内容。', '三、存在问题', '逐条写明问题。', '四、下一步打算', '内容。'));
  assert.deepEqual(outlineFindings(applyEdits(text, edits), SUMMARY), []);
});

test('every missing section is reported, and an empty report gets them all', () => {
  const text = doc('一、抓学习', '内容。');
  assert.deepEqual(outlineFindings(text, SUMMARY).map((d) => d.code), ['missing-section']);
  const strict = inlineTemplate(`id: s\nname: 严格\nsections:\n  - {id: a, title: 甲}\n  - {id: b, title: 乙}\n  - {id: c, title: 丙}`);
  assert.equal(outlineFindings('', strict).filter((d) => d.code === 'missing-section').length, 3);
});

test('section-order marks the section that is out of place, and numbering stays quiet', () => {
  const text = doc('一、抓学习', '内容。', '二、存在问题', '内容。', '三、抓落实', '内容。', '四、抓服务', '内容。');
  const found = outlineFindings(text, SUMMARY);
  assert.deepEqual(found.map((d) => [d.code, d.range]), [['section-order', r(2, 0, 6)]]);
  assert.equal(found[0]!.message, '二、存在问题 is out of order: it belongs after 四、抓服务.');
});

test('duplicate-section, unexpected-section (closed scope), title-mismatch', () => {
  const closed = inlineTemplate(`id: c
name: 固定
unknownSections: report
sections:
  - {id: a, title: 总体情况}
  - {id: b, title: 存在的主要问题及改进情况}`);
  const text = doc('一、总体情况', '内容。', '二、总体情况', '内容。', '三、其他事项', '内容。', '四、存在主要问题及改进', '内容。');
  assert.deepEqual(outlineFindings(text, closed).map((d) => [d.code, d.range.start.line, d.severity]), [
    ['duplicate-section', 2, 2],
    ['unexpected-section', 4, 2],
    ['title-mismatch', 6, 4],
  ]);
});

test('empty-section and section-length', () => {
  const t = inlineTemplate(`id: l\nname: 长度\nsections:\n  - {id: a, title: 甲, minLength: 10}\n  - {id: b, title: 乙, maxLength: 5}\n  - {id: c, title: 丙}`);
  const found = outlineFindings(doc('一、甲', '太短。', '二、乙', '这一段超过了五个字。', '三、丙', ''), t);
  assert.deepEqual(found.map((d) => [d.code, d.range.start.line]), [
    ['section-length', 0],
    ['section-length', 2],
    ['empty-section', 4],
  ]);
  assert.equal(found[0]!.message, '一、甲 has 3 characters; this section needs at least 10.');
});

test('section-length counts long lines the same when they are counted again (remembered by text), suppression comments not at all', () => {
  const t = inlineTemplate(`id: l\nname: 长度\nsections:\n  - {id: a, title: 甲, maxLength: 10}\n  - {id: b, title: 乙}`);
  // 180 characters, 140 of them not spaces; a paragraph that ends its sentence (one broken off
  // mid-sentence would make the next line's 二、 part of it, see reading.ts).
  const long = '工作　推进 有力，'.repeat(19) + '工作　推进 有力。';
  const text = doc('一、甲', long, '<!-- report-author-disable-next-line numbering-gap -->', long, '二、乙', '内容。');
  for (let round = 0; round < 2; round++) {
    const found = outlineFindings(text, t).filter((d) => d.code === 'section-length');
    assert.deepEqual(found.map((d) => d.message), ['一、甲 has 280 characters; this section should stay within 10.'], `round ${round}`);
  }
});

test('too-few-children and too-many-children check subsections; children rules are checked in turn', () => {
  const t = inlineTemplate(`id: k
name: 层级
sections:
  - id: a
    title: 主要任务
    children:
      minSections: 2
      maxSections: 3
      sections:
        - {id: a1, title: 目标, required: true}
        - {id: a2, title: 措施, freeTitle: true, required: false, repeat: 0..5}`);
  assert.deepEqual(outlineFindings(doc('一、主要任务', '（一）目标', '内容。'), t).map((d) => d.code), ['too-few-children']);
  const many = doc('一、主要任务', '（一）目标', '甲', '（二）甲', '乙', '（三）乙', '丙', '（四）丙', '丁');
  assert.deepEqual(outlineFindings(many, t).map((d) => [d.code, d.range.start.line]), [['too-many-children', 7]]);
  const noGoal = doc('一、主要任务', '（一）甲', '乙', '（二）乙', '丙');
  assert.deepEqual(outlineFindings(noGoal, t).map((d) => d.code), ['missing-section']);
});

test('a missing section at the start is inserted before the first section and the numbers move up', () => {
  const t = inlineTemplate(`id: p\nname: 计划\nsections:\n  - {id: goal, title: 工作目标}\n  - {id: tasks, title: 主要任务, freeTitle: true}`);
  const text = doc('标题', '', '## 一、主要任务', '', '内容。');
  const [d] = outlineFindings(text, t);
  assert.equal(d!.message, 'Missing section “工作目标” required by 计划: it belongs before 一、主要任务.');
  const edits = (d!.data as { edits: { range: unknown; newText: string }[] }).edits;
  assert.equal(applyEdits(text, edits), doc('标题', '', '## 一、工作目标', '', '## 二、主要任务', '', '内容。'));
});

test('CRLF documents get CRLF insertions', () => {
  const text = '一、抓学习\r\n内容。\r\n二、下一步打算\r\n内容。';
  const d = outlineFindings(text, SUMMARY).find((x) => x.code === 'missing-section')!;
  const edits = (d.data as { edits: { newText: string }[] }).edits;
  assert.equal(edits[0]!.newText, '\r\n二、存在问题\r\n逐条写明问题。');
});

test('recognition by title or file name, announced by an information diagnostic', () => {
  const plan = inlineTemplate(`id: plan\nname: 工作计划\nrecognize:\n  title: ['工作计划$']\n  fileName: ['计划']\nsections:\n  - {id: a, title: 工作目标}`);
  assert.equal(recognizeTemplate('某局2025年工作计划', null, [SUMMARY, plan])?.id, 'plan');
  assert.equal(recognizeTemplate(null, '/x/2025年计划.md', [SUMMARY, plan])?.id, 'plan');
  assert.equal(recognizeTemplate('会议纪要', 'notes.md', [SUMMARY, plan]), null);
  const m = analyze(doc('某局2025年工作计划', '一、工作目标', '内容。'), null, 0, { templates: [plan] });
  assert.equal(m.template, '/t/test.md');
  assert.deepEqual(m.diagnostics.map((d) => [d.code, d.severity, d.range]), [['template-recognized', 3, r(0, 0, 11)]]);
  const none = analyze(doc('一、甲', '二、乙'), null, 0, { templates: [plan] });
  assert.equal(none.template, null);
  assert.deepEqual(none.diagnostics, []);
});

test('a recognised template is a guess: its findings are at most warnings, and recognition can be turned off', () => {
  const plan = inlineTemplate(`id: plan\nname: 工作计划\nrecognize:\n  title: ['工作计划$']\nsections:\n  - {id: a, title: 工作目标}\n  - {id: b, title: 保障措施}`);
  const text = doc('某局2025年工作计划', '一、工作目标', '内容。');
  const guessed = analyze(text, null, 0, { templates: [plan] });
  assert.deepEqual(guessed.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]), [['template-recognized', 3, 0], ['missing-section', 2, 2]]);
  assert.match(guessed.diagnostics[0]!.message, /template: plan.*"recognize": false/);
  const named = analyze(text, null, 0, { choice: { kind: 'template', template: plan, ref: 'plan' } });
  assert.deepEqual(named.diagnostics.map((d) => [d.code, d.severity]), [['missing-section', 1]]);
  const off = analyze(text, { recognizeTemplates: false }, 0, { templates: [plan] });
  assert.equal(off.template, null);
  assert.deepEqual(off.diagnostics, []);
});

test('an unknown template is one clear diagnostic on the front matter line, and the other checks still run', () => {
  const m = analyze(doc('---', 'template: 不存在的模板', '---', '一、甲', '三、乙'), null, 0, { choice: { kind: 'unknown', ref: '不存在的模板' } });
  assert.deepEqual(m.diagnostics.map((d) => [d.code, d.range]), [['unknown-template', r(1, 10, 16)], ['numbering-gap', r(4, 0, 2)]]);
  assert.equal(m.diagnostics[0]!.message, 'Unknown template “不存在的模板”: only the numbering and placeholder checks apply.');
});

test('malformed templates are reported with line and column, never thrown', () => {
  const bad = (rules: string) => parseTemplate(`---\n${rules}\n---\n`, '/t/bad.md');
  const unknownKey = bad('id: x\nname: 坏\nsections:\n  - id: a\n    titel: 甲');
  assert.equal(unknownKey.template, null);
  assert.deepEqual(unknownKey.errors.map((e) => [e.message, e.range.start]), [
    ['sections[0]: missing property "title"', { line: 4, character: 4 }],
    ['sections[0]: unknown property "titel"', { line: 4, character: 4 }],
  ]);
  assert.match(bad('id: x\nname: [未闭合').errors[0]!.message, /^Not valid YAML/);
  assert.deepEqual(bad('id: x\nname: 坏\nsections:\n  - {id: a, title: 甲}\n  - {id: a, title: 乙}').errors.map((e) => [e.message, e.range.start.line]), [['Rule id "a" is used twice.', 5]]);
  assert.match(bad("id: x\nname: 坏\nsections:\n  - {id: a, title: 甲, pattern: '(?<=甲)乙'}").errors[0]!.message, /not a valid RE2 regular expression/);
  assert.deepEqual(bad('id: x\nname: 坏\nsections:\n  - {id: a, title: 甲, after: [zz]}').errors.map((e) => e.message), ['after: no rule has the id "zz".']);
  assert.match(parseTemplate('# 没有规则的模板', '/t/none.md').errors[0]!.message, /front matter/);
});

test('a pattern that backtracks catastrophically cannot hang the checker (linear-time engine)', { timeout: 10_000 }, () => {
  const t = inlineTemplate(`id: re\nname: 正则\nsections:\n  - {id: a, title: 甲, pattern: '^(a+)+$'}`);
  const title = 'a'.repeat(50_000) + 'b';
  // A backtracking engine would take about 2^50000 steps here; RE2 is linear.
  const m = analyze(doc(`一、${title}`, '内容。'), null, 0, using(t));
  assert.equal(m.diagnostics.filter((d) => d.code === 'missing-section').length, 1);
});

test('derived templates: numbers with units become placeholders, the report passes its own template', () => {
  assert.equal(maskNumbers('开展213次，投入3600万元，增长12.5%，2022年'), '开展***次，投入****万元，增长**.*%，2022年');
  const report = doc('某单位2023年工作总结', '一、抓学习', '学习12次。', '（一）理论学习', '共3次。', '二、抓落实', '落实5项。', '三、存在问题', '一是不足。');
  const derived = deriveTemplate(report, analyze(report), '/x/2023年总结.md');
  const { template: t, errors } = parseTemplate(derived, '/x/derived.md');
  assert.deepEqual(errors, []);
  assert.match(t!.body, /学习\*\*次。/);
  assert.deepEqual(outlineFindings(report, t!).map((d) => d.code), []);
  const without = doc('某单位2023年工作总结', '一、抓学习', '学习12次。', '（一）理论学习', '共3次。', '二、存在问题', '一是不足。');
  const found = outlineFindings(without, t!);
  assert.deepEqual(found.map((d) => d.code), ['missing-section']);
  assert.match(found[0]!.message, /“抓落实”/);
});

function applyEdits(text: string, edits: { range: unknown; newText: string }[]): string {
  const offsets: number[] = [];
  let o = 0;
  for (const l of text.split(/(?<=\n)/)) {
    offsets.push(o);
    o += l.length;
  }
  const at = (p: { line: number; character: number }) => offsets[p.line]! + p.character;
  const sorted = [...edits].sort((a, b) => at((b.range as { start: never }).start) - at((a.range as { start: never }).start));
  let out = text;
  for (const e of sorted) {
    const { start, end } = e.range as { start: { line: number; character: number }; end: { line: number; character: number } };
    out = out.slice(0, at(start)) + e.newText + out.slice(at(end));
  }
  return out;
}

test('an empty subsection under a rule without child rules is an empty-section too', () => {
  const found = outlineFindings(doc('一、抓学习', '（一）理论学习', '学了。', '（二）业务学习', '二、存在问题', '内容。'), SUMMARY);
  assert.deepEqual(found.map((d) => [d.code, d.range.start.line]), [['empty-section', 3]]);
});

test('unlessStated: a section the report says it need not have is missing as information only, even with the template named', () => {
  const CHECK = inlineTemplate(`id: check
name: 检查报告
sections:
  - id: done
    title: 检查情况
  - id: problems
    title: 发现的问题
    unlessStated: '(未|没有)发现[^。]{0,20}问题'
  - id: fixes
    title: 整改措施
    unlessStated: '无需整改'`);
  const severities = (text: string) => outlineFindings(text, CHECK).map((d) => [d.code, d.range.start.line, d.severity]);
  // it says nothing was found: no problems section is needed; 整改 is still wanted (its own statement is absent)
  assert.deepEqual(severities(doc('一、检查情况', '经检查，未发现违规使用车辆的问题。')), [
    ['missing-section', 1, 3],
    ['missing-section', 1, 1],
  ]);
  assert.deepEqual(severities(doc('一、检查情况', '经检查，没有发现问题，无需整改。')), [
    ['missing-section', 1, 3],
    ['missing-section', 1, 3],
  ]);
  // silent on it: errors as before
  assert.deepEqual(severities(doc('一、检查情况', '检查了全部车辆。')), [
    ['missing-section', 1, 1],
    ['missing-section', 1, 1],
  ]);
  // an invalid expression is a template error
  const bad = parseTemplate('---\nid: bad\nname: 坏\nsections:\n  - id: a\n    title: 甲\n    unlessStated: "(?<=x)y"\n---\n', '/t/bad.md');
  assert.equal(bad.template, null);
  assert.equal(bad.errors.length, 1);
});
