/**
 * Reading real reports a careful reader checked after issue 9 (held-out set): each class on a
 * fixture of our own, in the style of those reports, asserting the exact outline and findings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, findTemplate, recognizeTemplate, type OutlineNode, type ReportModel } from '../../server/src/core';
import { TemplateLibrary } from '../../server/src/node/templates';
import { doc, r } from '../support/ranges';

const tree = (nodes: OutlineNode[]): unknown[] =>
  nodes.map((n) => {
    const head = [n.level, n.marker + n.title, n.range.start.line];
    return n.children.length ? [...head, tree(n.children)] : head;
  });
const found = (m: ReportModel) => m.diagnostics.filter((d) => d.code !== 'template-recognized').map((d) => [d.code, d.range.start.line, d.severity]);

test('an item list whose first item stands mid-line on the line before is no numbering gap', () => {
  const m = analyze(doc('一、编写要求', '1．版式要求 （1）标题用小标宋体；', '（2）正文用仿宋体；（3）页码居中。', '2．内容要求', '二、进度安排', '三月底前完成。'));
  assert.deepEqual(tree(m.outline), [[1, '一、编写要求', 0, [[3, '1．版式要求 （1）标题用小标宋体', 1, [[4, '（2）正文用仿宋体；（3）页码居中', 2]]], [3, '2．内容要求', 3]]], [1, '二、进度安排', 4]]);
  assert.deepEqual(found(m), [['level-skip', 1, 3]]);
});

test('a sub-item glued to the end of its section line (a web preview) leaves no gap for the next one', () => {
  const m = analyze(doc('一、上半年工作', '二、主要成效 1．项目建设提速', '2．营商环境改善', '3．民生保障有力'));
  assert.deepEqual(found(m).filter((f) => f[0] === 'numbering-gap'), []);
});

test('a missing number that appears nowhere before is still a gap', () => {
  const m = analyze(doc('一、编写要求', '1．版式要求 标题居中。', '（2）正文用仿宋体。'));
  assert.deepEqual(found(m), [['level-skip', 1, 3], ['numbering-gap', 2, 1]]);
  assert.deepEqual(m.diagnostics.find((d) => d.code === 'numbering-gap')!.range, r(2, 0, 3));
});

test('a wrapped cell of a flattened pipe table is no heading, and its half-width marker no finding', () => {
  const m = analyze(
    doc(
      '一、总体情况',
      '全年公开信息五十条。',
      '二、收到和处理申请情况',
      '三、本年度办理结果 |',
      '(一)予以公开 |',
      '5 |',
      '(二)部分公开(区分处理的,只计这一情形,不计',
      '其他情形) |',
      '1 |',
      '三、存在的主要问题',
      '答复不够及时。',
    ),
  );
  assert.deepEqual(tree(m.outline), [[1, '一、总体情况', 0], [1, '二、收到和处理申请情况', 2], [1, '三、存在的主要问题', 9]]);
  assert.deepEqual(found(m), []);
});

// ---------------------------------------------------------------------------------------
// Template sections matched as the author means them

const library = new TemplateLibrary();
const builtins = library.builtins();
const SECTION_CODES = new Set(['missing-section', 'section-order', 'unexpected-section', 'duplicate-section', 'title-mismatch']);
/** Section findings with a built-in template named (`named`) or recognised from the title. */
function sections(text: string, id: string, named = true) {
  const t = findTemplate(id, builtins)!;
  const context = named ? { choice: { kind: 'template' as const, template: t, ref: t.id } } : { templates: builtins };
  return analyze(text, null, 0, context)
    .diagnostics.filter((d) => SECTION_CODES.has(String(d.code)))
    .map((d) => [d.code, d.range.start.line, d.severity, d.message]);
}

test('实施方案 in its textbook order: 组织领导 early and 工作要求 last are no disorder and no repeat', () => {
  const body = (...heads: string[]) => doc('某镇开展人居环境整治实施方案', ...heads.flatMap((h) => [h, '按要求推进落实。']));
  assert.deepEqual(sections(body('一、指导思想', '二、工作目标', '三、组织领导', '四、主要任务', '五、实施步骤', '六、工作要求'), 'work-plan'), []);
  assert.deepEqual(sections(body('一、工作目标', '二、组织领导', '三、主要任务', '四、实施步骤', '五、保障措施'), 'work-plan'), []);
  // late, it is a safeguard: still in order
  assert.deepEqual(sections(body('一、工作目标', '二、主要任务', '三、实施步骤', '四、组织领导', '五、工作要求'), 'work-plan'), []);
  // a real disorder is still one
  assert.deepEqual(sections(body('一、保障措施', '二、工作目标', '三、主要任务'), 'work-plan'), [
    ['section-order', 1, 2, '一、保障措施 is out of order: it belongs after 三、主要任务.'],
  ]);
});

test('a section named after its topic is the section its last words name (调研报告: 面临的主要困难, 制约…的主要因素)', () => {
  const body = (...heads: string[]) => doc('关于某县茶叶产业发展的调研报告', ...heads.flatMap((h) => [h, '情况如下。']));
  assert.deepEqual(sections(body('一、基本情况', '二、高山茶园发展面临的主要困难', '三、对策建议'), 'investigation-report'), []);
  assert.deepEqual(sections(body('一、基本情况', '二、制约茶叶加工发展的主要因素', '三、对策建议'), 'investigation-report'), []);
  // a topic alone is no section: the problems are still missing
  assert.deepEqual(sections(body('一、基本情况', '二、高山茶园发展情况分析', '三、对策建议'), 'investigation-report').map((f) => f[0]), ['missing-section']);
});

test('a year set off by a space reads like one with 年 (2024 计划, 2024 规划)', () => {
  const body = (...heads: string[]) => doc('2024年度工作总结', ...heads.flatMap((h) => [h, '情况如下。']));
  assert.deepEqual(sections(body('一、2024 主要工作', '二、存在的不足', '三、2025 计划'), 'annual-summary'), []);
  const duty = (...heads: string[]) => doc('2024年度述职报告', ...heads.flatMap((h) => [h, '情况如下。']));
  assert.deepEqual(sections(duty('## 一、2024 工作回顾', '## 二、存在的不足', '## 三、2025 规划', '## 四、致谢'), 'duty-report'), []);
});

test('a recognised template that most sections do not fit (an older 信息公开年报 layout) says what it sees as information only', () => {
  const old = doc(
    '某县水利局2012年政府信息公开工作年度报告',
    '一、概述', '全年公开信息二十条。',
    '二、主动公开政府信息情况', '主动公开二十条。',
    '三、依申请公开政府信息情况', '未收到申请。',
    '四、政府信息公开的收费及减免情况', '未收费。',
    '五、存在的主要问题和改进措施', '形式单一。',
  );
  const found = sections(old, 'gov-info-disclosure-annual', false);
  assert.ok(found.length > 0);
  assert.deepEqual(found.filter((f) => f[2] !== 3 && f[2] !== 4), []);
  // named, the same template says it all as warnings
  assert.ok(sections(old, 'gov-info-disclosure-annual').some((f) => f[2] === 2));
  // a recognised report that fits keeps its warnings
  const fits = doc('某县2024年政府信息公开工作年度报告', ...['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况'].flatMap((h) => [h, '情况如下。']));
  assert.deepEqual(sections(fits, 'gov-info-disclosure-annual', false).map((f) => [f[0], f[2]]), [['missing-section', 2]]);
});

test('a last section no title places, right after the plans, closes the report: no order warning', () => {
  const body = (...heads: string[]) => doc('2025年度个人工作总结', ...heads.flatMap((h) => [h, '情况如下。']));
  assert.deepEqual(sections(body('一、主要工作', '二、存在的问题和不足', '三、下年度规划', '四、个人反思'), 'annual-summary'), []);
  // a work section moved after the plans, with more after it, is still out of order
  assert.deepEqual(sections(body('一、主要工作', '二、下年度规划', '三、抓学习', '四、抓落实', '五、存在的问题和不足'), 'annual-summary').map((f) => [f[0], f[1]]), [['section-order', 3]]);
});

// ---------------------------------------------------------------------------------------
// Headings by the document's own hierarchy

test('a Markdown contents list of links into the document is no heading', () => {
  const m = analyze(doc('# 2025年度工作总结', '', '## 目录', '', '1. [项目交付](#一、项目交付)', '2. [团队建设](#二、团队建设)', '', '## 一、项目交付', '', '交付两个项目。', '', '## 二、团队建设', '', '新招三人。'));
  assert.deepEqual(tree(m.outline), [[1, '目录', 2], [1, '一、项目交付', 7], [1, '二、团队建设', 11]]);
  assert.deepEqual(found(m), []);
});

test('a Markdown report numbered only with 1. under ##: those are its top sections, and a gap names 2.', () => {
  const m = analyze(doc('# 第8周周报', '', '## 1. 本周进展', '', '完成联调。', '', '### 遗留事项', '', '无。', '', '## 2. 风险', '', '无。', '', '## 4. 下周计划', '', '上线。'));
  assert.deepEqual(tree(m.outline), [[1, '1.本周进展', 2, [[2, '遗留事项', 6]]], [1, '2.风险', 10], [1, '4.下周计划', 14]]);
  assert.deepEqual(found(m), [['numbering-gap', 14, 1]]);
  assert.equal(m.diagnostics.find((d) => d.code === 'numbering-gap')!.message, 'Numbering skips from 2. to 4.: expected 3．.');
});

test('decimal sub-heads on plain lines (1.1 …) are headings one level below the section they number', () => {
  const m = analyze(doc('某镇2025年工作计划', '一、发展目标', '1.1 经济指标', '增长百分之六。', '1.2民生指标', '新增岗位三百个。', '二、重点任务', '2.1 产业提升', '培育龙头企业。', '全年投入1.5万元。', '3.1 不在本节', '三、保障措施', '成立专班。'));
  assert.deepEqual(tree(m.outline), [
    [1, '一、发展目标', 1, [[2, '1.1 经济指标', 2], [2, '1.2民生指标', 4]]],
    [1, '二、重点任务', 6, [[2, '2.1 产业提升', 7]]],
    [1, '三、保障措施', 11],
  ]);
  assert.deepEqual(found(m), []);
  // one alone is a number in the text, not an outline
  assert.deepEqual(tree(analyze(doc('一、发展目标', '1.1 经济指标', '增长百分之六。')).outline), [[1, '一、发展目标', 0]]);
});

test('a marker line last in the document after a table row is read without a crash', () => {
  assert.deepEqual(tree(analyze(doc('一、总体情况', '| 指标 | 目标 |', '（一）')).outline), [[1, '一、总体情况', 0, [[2, '（一）', 2]]]]);
});

test('parallel un-numbered lines, each right before a numbering that starts at 1, are level-1 sections', () => {
  const m = analyze(doc('# 某县2025年政府工作报告', '', '各位代表：', '', '过去一年工作回顾', '', '1. 经济运行稳中有进，增长百分之五。', '', '2. 民生保障持续加强，新增就业两千人。', '', '今年主要任务', '', '1. 推动产业升级。', '', '2. 办好民生实事。'));
  assert.deepEqual(tree(m.outline), [
    [1, '过去一年工作回顾', 4, [[3, '1.经济运行稳中有进，增长百分之五', 6], [3, '2.民生保障持续加强，新增就业两千人', 8]]],
    [1, '今年主要任务', 10, [[3, '1.推动产业升级', 12], [3, '2.办好民生实事', 14]]],
  ]);
  assert.deepEqual(found(m).filter((f) => f[0] !== 'level-skip'), []);
  // one such line alone is no outline
  assert.deepEqual(tree(analyze(doc('# 某县2025年政府工作报告', '', '过去一年工作回顾', '', '1. 经济运行稳中有进。', '', '2. 民生保障持续加强。')).outline).map((n) => (n as unknown[])[1]), ['1.经济运行稳中有进', '2.民生保障持续加强']);
});

// ---------------------------------------------------------------------------------------
// Heldout set 2 (issue 9 follow-up)

test('a line of its own that is a template section’s name is that section: never “missing” while it stands there', () => {
  const text = doc(
    '关于某镇茶叶产业的调研报告篇2',
    '根据安排，调研组近期走访了全镇茶农。',
    '基本情况',
    '全镇茶园一万亩，茶农两千户。',
    '存在问题：',
    '加工能力弱，销售渠道少。',
    '**对策建议**',
    '建设加工中心，拓展线上销售。',
  );
  const outline = [[1, '基本情况', 2], [1, '存在问题', 4], [1, '对策建议', 6]];
  // named
  const named = analyze(text, null, 0, { choice: { kind: 'template', template: findTemplate('investigation-report', builtins)!, ref: 'investigation-report' } });
  assert.deepEqual(tree(named.outline), outline);
  assert.deepEqual(found(named), []);
  assert.deepEqual(named.missing, []);
  // recognised from the title
  const guessed = analyze(text, null, 0, { templates: builtins });
  assert.deepEqual(tree(guessed.outline), outline);
  assert.deepEqual(found(guessed), []);
  assert.deepEqual(named.headings[0]!.range, r(2, 0, 4));
});

test('a section name is no heading inside running text, under a numbered top level, or with no template in view', () => {
  const context = { templates: builtins };
  // the last piece of a hard-wrapped sentence
  const wrapped = analyze(doc('关于某镇茶叶产业的调研报告', '调研组走访了全镇茶农，了解了产业的', '基本情况', '并召开了座谈会。'), null, 0, context);
  assert.deepEqual(tree(wrapped.outline), []);
  // a numbered top level: the author numbers sections, an unnumbered line is not one
  const numbered = analyze(doc('关于某镇茶叶产业的调研报告', '一、基本情况', '全镇茶园一万亩。', '存在问题', '加工能力弱。', '二、对策建议', '建设加工中心。'), null, 0, context);
  assert.deepEqual(tree(numbered.outline), [[1, '一、基本情况', 1], [1, '二、对策建议', 5]]);
  // a line that ends the document has no body
  const last = analyze(doc('关于某镇茶叶产业的调研报告', '全镇茶园一万亩。', '对策建议'), null, 0, context);
  assert.deepEqual(tree(last.outline), []);
  // no template in view (recognition off, none named): nothing to name a section
  const plain = analyze(doc('关于某镇茶叶产业的调研报告', '调研组走访了全镇茶农。', '基本情况', '全镇茶园一万亩。'));
  assert.deepEqual(tree(plain.outline), []);
});

test('信息公开年报 in the format before 2021: 概述 is 总体情况, 依申请公开政府信息情况 is the requests section (no repeat of 主动公开)', () => {
  const body = (...heads: string[]) => doc('某县2016年政府信息公开工作年度报告', ...heads.flatMap((h) => [h, '具体情况如下。']));
  assert.deepEqual(
    sections(body('一、概述', '二、主动公开政府信息情况', '三、依申请公开政府信息情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'), 'gov-info-disclosure-annual'),
    [],
  );
  // the older name of the review section; an older name with more words after it stands there, a hint
  assert.deepEqual(
    sections(body('一、总体情况', '二、主动公开政府信息情况', '三、依申请公开信息的情况和不予公开的情况', '四、因政府信息公开申请行政复议、提起行政诉讼的情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'), 'gov-info-disclosure-annual'),
    [['title-mismatch', 5, 4, '三、依申请公开信息的情况和不予公开的情况 stands where the template has “收到和处理政府信息公开申请情况”.']],
  );
  // the requests section still missing is still an error
  assert.deepEqual(
    sections(body('一、概述', '二、主动公开政府信息情况', '三、政府信息公开行政复议、行政诉讼情况', '四、存在的主要问题及改进情况', '五、其他需要报告的事项'), 'gov-info-disclosure-annual').map((f) => [f[0], f[2]]),
    [['missing-section', 1]],
  );
});

test('a guessed template on a long text whose sections run on inside its paragraphs says what it misses as information; a report just begun gets warnings', () => {
  const flattened = doc(
    '社区2025年垃圾分类工作计划',
    '1、社区2025年垃圾分类工作计划全年工作坚持源头减量。一、工作目标（一）提高分类准确率。1 .每个小区设置两处集中投放点，并配',
    '2、备洗手设施，方便居民使用。二、主要任务（一）规范收运时间。每日早晚各收运一次，收运车辆统一标识，并与',
    '3、物业考核挂钩。三、保障措施（一）加强宣传引导。组织志愿者入户宣传，每季度开展一次评比，评比结果在社区公示栏张贴，接受居民监督。（二）落实经费保障。分类设施建设和运行经费纳入年度预算，专款专用。',
  );
  const guessed = sections(flattened, 'work-plan', false);
  assert.deepEqual(guessed.map((f) => [f[0], f[2]]), [['missing-section', 3], ['missing-section', 3], ['missing-section', 3]]);
  const begun = sections(doc('社区2025年垃圾分类工作计划', '为做好今年的垃圾分类工作，制定本计划。'), 'work-plan', false);
  assert.deepEqual(begun.map((f) => [f[0], f[2]]), [['missing-section', 2], ['missing-section', 2], ['missing-section', 2]]);
  // front matter is not the report's text
  const note = '本计划由社区居委会起草，经居民代表会议讨论通过。'.repeat(12);
  const withFrontMatter = analyze(doc('---', `note: ${note}`, '---', '为做好今年的垃圾分类工作，制定本计划。'), null, 0, { templates: builtins, fileName: '社区2025年垃圾分类工作计划.md' });
  assert.equal(withFrontMatter.template, 'work-plan');
  assert.deepEqual(withFrontMatter.diagnostics.filter((d) => d.code === 'missing-section').map((d) => d.severity), [2, 2, 2]);
});

test('自查报告 that found nothing: the problems and rectification sections it leaves out are information, named or guessed', () => {
  const body = doc('某站清理公务用车自查报告', '按照通知要求，我站开展了公务用车清理自查。', '一、车辆基本情况', '现有公务用车三辆。', '二、自查情况', '经自查，我站公务用车全部符合配备标准，未发现需要整改的问题。');
  const expected = [
    ['missing-section', 5, 3, 'Missing section “自查发现的问题” required by 自查报告: it belongs after 二、自查情况.'],
    ['missing-section', 5, 3, 'Missing section “整改措施” required by 自查报告: it belongs after 二、自查情况.'],
  ];
  assert.deepEqual(sections(body, 'self-inspection'), expected);
  assert.deepEqual(sections(body, 'self-inspection', false), expected);
  // a report that lists problems and no measures still misses its measures
  const problems = doc('某站清理公务用车自查报告', '一、自查情况', '对三辆车逐一检查。', '二、存在问题', '个别车辆台账不全。');
  assert.deepEqual(sections(problems, 'self-inspection').map((f) => [f[0], f[2]]), [['missing-section', 1]]);
});

test('工作要点 is checked as 工作要点, not as 工作计划: 总体要求 and task sections need no 工作目标 or 保障措施', () => {
  const points = doc('某县2025年农村供水工作要点', '一、总体要求', '保障群众饮水安全。', '二、推进水源建设', '新建水厂两座。', '三、加强运行管护', '落实管护责任。');
  assert.equal(recognizeTemplate('某县2025年农村供水工作要点', null, builtins)?.id, 'work-points');
  assert.deepEqual(sections(points, 'work-points', false), []);
  assert.deepEqual(sections(points, 'work-points'), []);
  // a 工作要点 with nothing but its general requirements still misses its tasks
  assert.deepEqual(sections(doc('某县2025年农村供水工作要点', '一、总体要求', '保障群众饮水安全。'), 'work-points').map((f) => [f[0], f[2]]), [['missing-section', 1]]);
  // a 工作计划 still wants its goals and safeguards
  assert.equal(recognizeTemplate('某县2025年农村供水工作计划', null, builtins)?.id, 'work-plan');
  assert.deepEqual(sections(doc('某县2025年农村供水工作计划', '一、总体要求', '保障群众饮水安全。', '二、主要任务', '新建水厂两座。'), 'work-plan').map((f) => f[0]), ['missing-section', 'missing-section']);
});
