/** The built-in templates against themselves, the example report and the corpus. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, findTemplate, recognizeTemplate, type ReportTemplate } from '../../server/src/core';
import { TemplateLibrary } from '../../server/src/node/templates';

const library = new TemplateLibrary();
const builtins = library.builtins();
const OUTLINE_AND_NUMBERING = new Set([
  'missing-section', 'section-order', 'unexpected-section', 'duplicate-section', 'empty-section', 'section-length',
  'too-few-children', 'too-many-children', 'title-mismatch',
  'numbering-gap', 'numbering-duplicate', 'numbering-order', 'marker-punctuation', 'marker-width', 'level-skip',
]);
import { CORPUS, EXAMPLE, sharedAvailable } from '../support/fixtures';

function findings(text: string, t: ReportTemplate) {
  return analyze(text, null, 0, { choice: { kind: 'template', template: t, ref: t.id } }).diagnostics.filter((d) => OUTLINE_AND_NUMBERING.has(String(d.code)));
}
const annual = findTemplate('annual-summary', builtins)!;

test('eight built-in templates, each found by id and by its Chinese name', () => {
  assert.deepEqual(builtins.map((t) => t.id).sort(), [
    'annual-summary', 'duty-report', 'gov-info-disclosure-annual', 'half-year-summary', 'investigation-report', 'self-inspection', 'work-plan', 'work-points',
  ]);
  for (const t of builtins) {
    assert.equal(findTemplate(t.name, builtins), t);
    assert.equal(t.builtin, true);
  }
  assert.equal(findTemplate('年度工作总结', builtins)?.id, 'annual-summary');
});

for (const t of builtins) {
  test(`built-in ${t.id} checked against itself has no outline or numbering findings`, () => {
    assert.deepEqual(findings(t.body, t).map((d) => `${d.code}: ${d.message}`), []);
  });
}

test('the example report passes annual-summary with no outline findings and no errors', () => {
  const m = analyze(EXAMPLE, null, 0, { choice: { kind: 'template', template: annual, ref: '年度工作总结' } });
  assert.equal(m.template, 'annual-summary');
  assert.deepEqual(m.diagnostics.filter((d) => OUTLINE_AND_NUMBERING.has(String(d.code))), []);
  assert.equal(m.diagnostics.filter((d) => d.severity === 1).length, 0);
});

const lines = EXAMPLE.split('\n');
const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));

test('without section 五, one missing-section names the problems section and sits after 四', () => {
  const text = lines.slice(0, at('五、')).join('\n');
  const found = findings(text, annual);
  assert.deepEqual(found.map((d) => d.code), ['missing-section']);
  assert.match(found[0]!.message, /存在的问题和不足/);
  assert.match(found[0]!.message, /after 四、凝心聚力/);
  const section4End = at('五、') - 1;
  assert.equal(found[0]!.range.start.line, section4End);
});

test('with section 五 moved right after 一 and renumbered, section-order is reported and numbering is clean', () => {
  const five = lines.slice(at('五、'));
  const renumber = (l: string) => l.replace(/^([二三四])、/, (_, n: string) => ({ 二: '三、', 三: '四、', 四: '五、' })[n]!);
  const text = [...lines.slice(0, at('二、')), '二、' + five[0]!.slice(2), ...five.slice(1), ...lines.slice(at('二、'), at('五、')).map(renumber)].join('\n');
  assert.deepEqual(findings(text, annual).map((d) => [d.code, d.range.start.line]), [['section-order', at('二、')]]);
});

test('recognition: a summary, a half-year summary, a duty report and an investigation by title or file name', () => {
  assert.equal(recognizeTemplate('某某局2024年度工作总结', null, builtins)?.id, 'annual-summary');
  assert.equal(recognizeTemplate('某某局2024年上半年工作总结', null, builtins)?.id, 'half-year-summary');
  assert.equal(recognizeTemplate('2024年个人述职报告', null, builtins)?.id, 'duty-report');
  assert.equal(recognizeTemplate(null, '/r/关于农村养老服务的调研报告.md', builtins)?.id, 'investigation-report');
  assert.equal(recognizeTemplate('2024年政府工作报告', '/r/政府工作报告.md', builtins), null);
});

if (sharedAvailable('corpus', 'built-in templates against the corpus')) {
  const corpus = (prefix: string) => readFileSync(join(CORPUS, readdirSync(CORPUS).find((f) => f.startsWith(prefix))!), 'utf8');

  test('the corpus templates pass the built-in template of their kind', () => {
    assert.deepEqual(findings(corpus('07-'), annual).map((d) => d.message), []);
    assert.deepEqual(findings(corpus('08-'), findTemplate('work-plan', builtins)!).map((d) => d.message), []);
  });

  test('recognition: the corpus government reports are no kind we know', () => {
    for (const prefix of ['01-', '02-', '03-', '04-']) {
      const m = analyze(corpus(prefix), null, 0, { templates: builtins, fileName: prefix + 'report.md' });
      assert.equal(m.template, null, prefix);
    }
  });
}

test('the sample report recognised from its title gets one information diagnostic naming the template', () => {
  const text = readFileSync(join(__dirname, '../../samples/annual-summary.md'), 'utf8');
  const m = analyze(text, null, 0, { templates: builtins, fileName: 'annual-summary.md' });
  assert.equal(m.template, 'annual-summary');
  const info = m.diagnostics.filter((d) => d.code === 'template-recognized');
  assert.equal(info.length, 1);
  assert.match(info[0]!.message, /年度工作总结 \(annual-summary\)/);
  assert.deepEqual(m.diagnostics.filter((d) => OUTLINE_AND_NUMBERING.has(String(d.code))), []);
});

// Issue 9: template checks on real reports match sections by meaning.
const duty = findTemplate('duty-report', builtins)!;
const codesAt = (text: string, t: ReportTemplate) => findings(text, t).map((d) => [d.code, d.range.start.line]);

test('a section that merges two required ones satisfies both and is in order', () => {
  const text = ['2024年述职报告', '一、履职情况', '内容。', '二、廉洁自律情况', '内容。', '三、存在的不足及下一步打算', '内容。'].join('\n');
  assert.deepEqual(codesAt(text, duty), []);
  const m = analyze(text, null, 0, { choice: { kind: 'template', template: duty, ref: 'duty-report' } });
  assert.equal(m.outline[2]!.ruleId, 'problems');
  const summary = ['2024年工作总结', '一、主要工作', '内容。', '二、存在的短板和下一步打算', '内容。'].join('\n');
  assert.deepEqual(codesAt(summary, annual), []);
});

test('a year in front of a title does not matter: 四、2025年工作思路 is 今后努力方向', () => {
  const text = ['2024年述职报告', '一、主要工作', '内容。', '二、存在的差距', '内容。', '三、2025年工作思路', '内容。'].join('\n');
  assert.deepEqual(codesAt(text, duty), []);
  const plan = ['2024年工作总结', '一、主要工作', '内容。', '二、存在的困难', '内容。', '三、2025年度工作规划', '内容。'].join('\n');
  assert.deepEqual(codesAt(plan, annual), []);
});

test('附件 and 附录 are never out of order, never a section of the template', () => {
  const text = ['2024年工作总结', '一、主要工作', '内容。', '二、存在的问题', '内容。', '三、附件', '见附表。', '四、附录：名词解释', '内容。'].join('\n');
  assert.deepEqual(codesAt(text, annual), []);
});

test('empty-section only for a section with no text at all: a whole-sentence item or a list item is content', () => {
  const text = ['2024年工作总结', '一、主要工作', '（一）负责全局财务管理工作。', '（二）负责政府采购监督管理。', '（三）抓落实', '二、存在的问题', '1. 学习不够深入', '2. 调研不够扎实', '三、下一步打算', ''].join('\n');
  assert.deepEqual(codesAt(text, annual), [['empty-section', 4], ['level-skip', 6], ['empty-section', 8]]);
});

test('synonyms by meaning: 短板/差距/困难 are problems, 规划/展望/方向/打算 next steps, with or without a year', () => {
  const half = findTemplate('half-year-summary', builtins)!;
  const self = findTemplate('self-inspection', builtins)!;
  const rulesOf = (t: ReportTemplate, title: string) => {
    const m = analyze(['报告', `一、${title}`, '内容。'].join('\n'), null, 0, { choice: { kind: 'template', template: t, ref: t.id } });
    return m.outline[0]!.ruleId;
  };
  assert.deepEqual(['存在的短板', '差距和不足', '存在的困难'].map((t) => rulesOf(annual, t)), ['problems', 'problems', 'problems']);
  assert.deepEqual(['明年工作展望', '未来规划', '2025年工作规划', '今后工作方向'].map((t) => rulesOf(duty, t)), ['direction', 'direction', 'direction', 'direction']);
  assert.equal(rulesOf(half, '改进措施和努力方向'), 'next-steps');
  assert.equal(rulesOf(self, '存在的不足及下一步打算'), 'findings');
  const merged = analyze(['自查报告', '一、自查工作开展情况', '内容。', '二、存在的不足及下一步打算', '内容。'].join('\n'), null, 0, { choice: { kind: 'template', template: self, ref: self.id } });
  assert.deepEqual(merged.diagnostics.map((d) => d.code), [], 'the merged section is both the findings and the rectification');
});

test('a file that is several documents from its first heading on is checked on the first one', () => {
  const text = ['# 2024年工作总结及2025年工作计划', '## 2024年工作总结', '### 一、主要工作', '内容。', '### 二、存在的问题', '内容。', '## 2025年工作计划', '### 一、工作目标', '内容。'].join('\n');
  const m = analyze(text, null, 0, { choice: { kind: 'template', template: annual, ref: annual.id } });
  assert.deepEqual(m.outline.map((n) => [n.level, n.title, n.children.length]), [[0, '2024年工作总结', 2], [0, '2025年工作计划', 1]]);
  assert.deepEqual(findings(text, annual).map((d) => d.code), []);
});
