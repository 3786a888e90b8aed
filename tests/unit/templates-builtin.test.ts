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

test('seven built-in templates, each found by id and by its Chinese name', () => {
  assert.deepEqual(builtins.map((t) => t.id).sort(), [
    'annual-summary', 'duty-report', 'gov-info-disclosure-annual', 'half-year-summary', 'investigation-report', 'self-inspection', 'work-plan',
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
