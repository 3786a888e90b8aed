/**
 * Issue 9: reading real reports as their authors mean them. Each pattern on a fixture of our
 * own, written in the style of the reports in ../shared/corpus, asserting the exact outline,
 * placeholders and findings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type OutlineNode, type ReportModel } from '../../server/src/core';
import { doc, r } from '../support/ranges';

/** The outline as `[level, marker+title, line, children]`, children only when there are some. */
const tree = (nodes: OutlineNode[]): unknown[] =>
  nodes.map((n) => {
    const head = [n.level, n.marker + n.title, n.range.start.line];
    return n.children.length ? [...head, tree(n.children)] : head;
  });
const found = (m: ReportModel) => m.diagnostics.map((d) => [d.code, d.range.start.line, d.severity]);

test('a table row flattened into text (cells split by | or tabs) is no heading', () => {
  const m = analyze(
    doc(
      '一、收到和处理政府信息公开申请情况',
      '申请情况如下：',
      '一、新收申请数量 | 120 | 35 | 6 |',
      '二、办理结果\t予以公开\t12',
      '| 三、上年结转 | 4 |',
      '二、存在的主要问题及改进情况',
      '个别答复不够及时。',
    ),
  );
  assert.deepEqual(tree(m.outline), [[1, '一、收到和处理政府信息公开申请情况', 0], [1, '二、存在的主要问题及改进情况', 5]]);
  assert.deepEqual(found(m), []);
});

test('two weekly reports in one Markdown file: each # title opens its own numbering; a ##### 时间：… line is no section', () => {
  const m = analyze(
    doc(
      '# **周报-第2周**',
      '##### 时间：3月6日—3月12日',
      '### **一、本周工作**',
      '##### 1、阅读两篇论文',
      '### **二、下周计划**',
      '完成实验。',
      '',
      '---',
      '',
      '# **周报-第1周**',
      '### **一、本周工作**',
      '##### 1、搭建环境',
      '### **二、下周计划**',
      '阅读论文。',
    ),
  );
  assert.equal(m.title?.text, '周报-第2周');
  assert.deepEqual(tree(m.outline), [
    [1, '一、本周工作', 2, [[3, '1、阅读两篇论文', 3]]],
    [1, '二、下周计划', 4],
    [0, '周报-第1周', 9, [[1, '一、本周工作', 10, [[3, '1、搭建环境', 11]]], [1, '二、下周计划', 12]]],
  ]);
  assert.deepEqual(
    found(m).filter(([c]) => c !== 'marker-punctuation'),
    [
      ['level-skip', 3, 3],
      ['level-skip', 11, 3],
    ],
  );
});

test('# headings that are dates or week labels above ## 一、 are the reports of a log, each its own document', () => {
  const m = analyze(doc('# 2023.03.08', '## 一、本周工作', '内容。', '## 二、下周计划', '内容。', '# 2023.03.01', '## 一、本周工作', '内容。'));
  assert.deepEqual(tree(m.outline), [[1, '一、本周工作', 1], [1, '二、下周计划', 3], [0, '2023.03.01', 5, [[1, '一、本周工作', 6]]]]);
  assert.deepEqual(found(m), []);
  const bold = analyze(doc('**第2周周报**', '## 一、本周工作', '内容。', '**第1周周报**', '## 一、本周工作', '内容。'));
  assert.deepEqual(tree(bold.outline), [[1, '一、本周工作', 1], [0, '第1周周报', 3, [[1, '一、本周工作', 4]]]], 'a bold title line before ## 一、 again');
});

test('un-numbered # headings above ## 一、 that are not titled as documents are parts: level 1, with 一、 at level 2', () => {
  const m = analyze(doc('# 2024年工作总结', '# 主要工作', '## 一、学习', '内容。', '## 二、业务', '内容。', '# 存在问题', '## 一、学习不深', '内容。', '# 下一步工作计划', '## 一、加强学习', '内容。'));
  assert.deepEqual(tree(m.outline), [
    [1, '主要工作', 1, [[2, '一、学习', 2], [2, '二、业务', 4]]],
    [1, '存在问题', 6, [[2, '一、学习不深', 7]]],
    [1, '下一步工作计划', 9, [[2, '一、加强学习', 10]]],
  ]);
  assert.deepEqual(found(m), []);
});

test('in plain text, a new title followed by its own 一、 starts a second document; without a title, 一、 again is one warning', () => {
  const text = doc(
    '关于印发某区工作方案的通知',
    '各街道办事处：',
    '现将《某区养老服务提升工作方案》印发给你们，请认真贯彻执行。',
    '某区人民政府办公室',
    '2025年3月1日',
    '某区养老服务提升工作方案',
    '为提升养老服务水平，制定本方案。',
    '一、工作目标',
    '到年底建成服务站10个。',
    '二、主要任务',
    '（一）建设服务站。',
    '三、保障措施',
    '加强组织领导。',
    '某区养老服务人才培养方案',
    '一、培养目标',
    '培养护理员200名。',
    '二、培养方式',
    '集中培训。',
  );
  const m = analyze(text);
  assert.equal(m.title?.text, '某区养老服务提升工作方案', 'the title after the notice signature block is the report title');
  assert.deepEqual(tree(m.outline), [
    [1, '一、工作目标', 7],
    [1, '二、主要任务', 9, [[2, '（一）建设服务站', 10]]],
    [1, '三、保障措施', 11],
    [0, '某区养老服务人才培养方案', 13, [[1, '一、培养目标', 14], [1, '二、培养方式', 16]]],
  ]);
  assert.deepEqual(found(m), []);
  const repeated = analyze(doc('一、工作目标', '内容。', '二、主要任务', '内容。', '一、培养目标', '内容。', '二、培养方式', '内容。', '二、重复的编号', '内容。'));
  assert.deepEqual(found(repeated), [['numbering-duplicate', 4, 2], ['numbering-duplicate', 8, 1]], 'a restart is a warning; a repeat inside the new run is an error');
  const excerpt = analyze(doc('五、未完成的目标', '内容。', '六、改进建议', '内容。', '一、项目情况', '内容。'));
  assert.deepEqual(found(excerpt), [['numbering-gap', 0, 2], ['numbering-order', 4, 2]]);
  assert.equal(excerpt.diagnostics[1]!.message, '一、 comes after 六、: numbers at this level must increase.');
  const bold = analyze(doc('**第一周周报**', '一、本周工作', '内容。', '二、下周计划', '内容。', '**第二周周报**', '一、本周工作', '内容。'));
  assert.deepEqual(tree(bold.outline), [[1, '一、本周工作', 1], [1, '二、下周计划', 3], [0, '第二周周报', 5, [[1, '一、本周工作', 6]]]]);
  assert.deepEqual(found(bold), []);
});

test('an outline quoted after a colon is content, up to the heading that goes on with the numbering', () => {
  const m = analyze(
    doc('一、总体要求', '内容。', '二、主要任务', '根据《实施方案》，重点抓好以下工作：', '一、加强组织领导', '二、完善工作机制', '（一）建立例会制度', '三、保障措施', '加强督查。'),
  );
  assert.deepEqual(tree(m.outline), [[1, '一、总体要求', 0], [1, '二、主要任务', 2], [1, '三、保障措施', 7]]);
  assert.deepEqual(found(m), []);
});

test('a collection page: each 篇 label opens a document of its own, even with the salutation on its line', () => {
  const m = analyze(doc('校长述职报告 篇1尊敬的各位领导：', '一、抓班子', '内容。', '二、抓队伍', '内容。', '校长述职报告 篇2各位老师：', '一、抓教学', '内容。'));
  assert.deepEqual(tree(m.outline), [[1, '一、抓班子', 1], [1, '二、抓队伍', 3], [0, '校长述职报告 篇2各位老师：', 5, [[1, '一、抓教学', 6]]]]);
  assert.deepEqual(found(m), []);
});

test('a table row flattened with spaces: a numbered label followed by two or more numbers is no heading', () => {
  const m = analyze(doc('三、收到和处理政府信息公开申请情况', '一、本年新收政府信息公开申请数量 35 0 0 2', '三、本年度办理结果 （一）予以公开 20 0 0', '四、政府信息公开行政复议、行政诉讼情况', '无。'));
  assert.deepEqual(tree(m.outline), [[1, '三、收到和处理政府信息公开申请情况', 0], [1, '四、政府信息公开行政复议、行政诉讼情况', 3]]);
});

test('an item list introduced by a colon numbers on its own', () => {
  const m = analyze(doc('一、项目情况', '1、项目概况', '内容。', '2、项目进展', '内容。', '编报说明：', '1、封面信息必须填写完整。', '2、正文用三号仿宋字。'));
  assert.deepEqual(m.diagnostics.filter((d) => /^numbering/.test(String(d.code))), []);
});

test('a 信息公开 table flattened one cell per line, without separators: its own 一、二、三、 and （一）… are no headings', () => {
  const para = '本年度，我局认真落实政务公开各项要求，按时发布各类政府信息，全年运行正常。';
  const m = analyze(
    doc(
      '某局2024年政府信息公开工作年度报告',
      '一、总体情况',
      para,
      '二、主动公开政府信息情况',
      para,
      '三、收到和处理政府信息公开申请情况',
      '申请人情况',
      '自然人',
      '法人或其他组织',
      '总计',
      '一、本年新收政府信息公开申请数量',
      '二、上年结转政府信息公开申请数量',
      '三、本年度办理结果',
      '（一）予以公开',
      '（二）部分公开',
      '（三）不予公开',
      '1.属于国家秘密',
      '2.其他法律行政法规禁止公开',
      '（四）总计',
      '四、结转下年度继续办理',
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议',
      '行政诉讼',
      '结果维持',
      '五、存在的主要问题及改进情况',
      para,
    ),
  );
  assert.deepEqual(tree(m.outline), [
    [1, '一、总体情况', 1],
    [1, '二、主动公开政府信息情况', 3],
    [1, '三、收到和处理政府信息公开申请情况', 5],
    [1, '四、政府信息公开行政复议、行政诉讼情况', 20],
    [1, '五、存在的主要问题及改进情况', 24],
  ]);
  assert.deepEqual(found(m).filter(([c]) => !/^marker-/.test(String(c))), []);
});

test('a table flattened one cell per line: a numbered label followed by its value alone is no heading', () => {
  const m = analyze(
    doc('三、收到和处理政府信息公开申请情况', '一、本年新收政府信息公开申请数量', '12', '二、上年结转政府信息公开申请数量', '0', '四、政府信息公开行政复议、行政诉讼情况', '无。'),
  );
  assert.deepEqual(tree(m.outline), [[1, '三、收到和处理政府信息公开申请情况', 0], [1, '四、政府信息公开行政复议、行政诉讼情况', 5]]);
  assert.deepEqual(found(m), [['numbering-gap', 0, 2]]);
});

test('a 目录 whose entries end in page numbers is not the outline', () => {
  const m = analyze(
    doc(
      '某局2024年部门决算',
      '目 录',
      '一、部门概况……………………1',
      '二、决算表 .......... 3',
      '三、情况说明\t8',
      '一、部门概况',
      '本局内设科室5个。',
      '二、决算表',
      '详见附表。',
      '三、情况说明',
      '收支平稳。',
    ),
  );
  assert.deepEqual(tree(m.outline), [[1, '一、部门概况', 5], [1, '二、决算表', 7], [1, '三、情况说明', 9]]);
  assert.deepEqual(found(m), []);
});

test('a 目录 repeated by the body, with 第一部分 split over two lines, reads as parts above 一、', () => {
  const m = analyze(
    doc(
      '目录',
      '第一部分 单位概况',
      '一、主要职责',
      '二、机构设置',
      '第二部分 决算情况说明',
      '一、收入决算情况',
      '二、支出决算情况',
      '第一部分',
      '单位概况',
      '一、 主要职责',
      '（一）负责全市财政收支管理。',
      '（二）负责政府采购监督管理。',
      '二、机构设置',
      '内设科室6个。',
      '第二部分 决算情况说明',
      '一、收入决算情况',
      '收入总计1200万元。',
    ),
  );
  assert.deepEqual(tree(m.outline), [
    [1, '第一部分单位概况', 7, [[2, '一、主要职责', 9, [[3, '（一）负责全市财政收支管理', 10], [3, '（二）负责政府采购监督管理', 11]]], [2, '二、机构设置', 12]]],
    [1, '第二部分决算情况说明', 14, [[2, '一、收入决算情况', 15]]],
  ]);
  assert.deepEqual(m.headings[0]!.markerRange, r(7, 0, 4));
  assert.deepEqual(found(m), [], '一、 starts again in each part; no level-skip; the items are not empty sections');
});

test('第一章 / 第一节 above 一、: chapters at level 1, sections at level 2; a gap among chapters names the chapter marker', () => {
  const m = analyze(doc('第一章 总则', '第一节 目的', '一、适用范围', '内容。', '第三章 附则', '内容。'));
  assert.deepEqual(tree(m.outline), [
    [1, '第一章总则', 0, [[2, '第一节目的', 1, [[3, '一、适用范围', 2]]]]],
    [1, '第三章附则', 4],
  ]);
  const gap = m.diagnostics.find((d) => d.code === 'numbering-gap')!;
  assert.deepEqual([gap.range, gap.message], [r(4, 0, 3), 'Numbering skips from 第一章 to 第三章: expected 第二章.']);
  assert.equal(analyze('第一节课我们学习了新知识，大家都很认真。').headings.length, 0, 'prose starting with 第一节 is no heading');
  const skip = analyze(doc('第一章组织机制', '（1）培训动员：开展培训9场。', '（2）清单牵引：梳理法规32部。'));
  assert.deepEqual(skip.diagnostics.map((d) => [d.code, d.message]), [['level-skip', '（1） has no 一、 heading above it.']], 'under a part, 一、 is the level that comes next');
});

test('附件, 附录 and 附5: open a new numbering scope', () => {
  const m = analyze(
    doc(
      '一、总体情况',
      '内容。',
      '二、下一步打算',
      '内容。',
      '附5:',
      '项目绩效报告（范本）',
      '一、项目基本情况',
      '内容。',
      '附录',
      '名词解释',
      '1.“四上”企业',
      '指规模以上企业。',
    ),
  );
  assert.deepEqual(tree(m.outline), [
    [1, '一、总体情况', 0],
    [1, '二、下一步打算', 2],
    [0, '附5:项目绩效报告（范本）', 4, [[1, '一、项目基本情况', 6]]],
    [0, '附录名词解释', 8, [[3, '1.“四上”企业', 10]]],
  ]);
  assert.deepEqual(found(m), []);
  assert.equal(analyze('附近的群众都来了。').headings.length, 0);
});

test('numerals listed in prose (一、二季度, 三、四年级) are no marker', () => {
  const m = analyze(doc('一、经济运行', '一、二季度，全市经济运行平稳。', '三、四年级学生参加了活动。', '二、社会事业', '内容。'));
  assert.deepEqual(tree(m.outline), [[1, '一、经济运行', 0], [1, '二、社会事业', 3]]);
  assert.deepEqual(found(m), []);
});

test('a decoration before the marker (✨ ★ ■ ◆ ● ▲) does not hide the heading', () => {
  const m = analyze(doc('✨一、今年工作回顾', '内容。', '★二、存在的不足', '内容。', '■ 三、明年打算', '◆（一）抓学习', '●（二）抓落实', '▲（三）抓服务', '**✨四、结语**', '🔥五、展望'));
  assert.deepEqual(
    m.headings.map((h) => [h.marker, h.title]),
    [['一、', '今年工作回顾'], ['二、', '存在的不足'], ['三、', '明年打算'], ['（一）', '抓学习'], ['（二）', '抓落实'], ['（三）', '抓服务'], ['四、', '结语'], ['五、', '展望']],
  );
  assert.deepEqual(m.headings[0]!.markerRange, r(0, 1, 3));
  assert.deepEqual(m.headings[2]!.markerRange, r(4, 2, 4));
  assert.deepEqual(m.headings[7]!.markerRange, r(9, 2, 4), '🔥 is two UTF-16 units');
  assert.deepEqual(found(m), []);
  assert.equal(analyze(doc('一、甲', '□一、不是标题的勾选框')).headings.length, 1, 'a checkbox is no decoration');
});

test('ordered Markdown lists: 1. **…**, a paragraph, 2. **…** is one sequence; a restart at 1 after a deeper heading is nested', () => {
  const m = analyze(
    doc(
      '一、个人表现',
      '',
      '1. **主动担当**',
      '',
      '面对急难险重任务，主动请缨。',
      '',
      '2. **团结协作**',
      '',
      '工作中注重沟通：',
      '',
      '3. **廉洁自律**',
      '',
      '严格遵守各项规定。',
    ),
  );
  assert.deepEqual(tree(m.outline), [[1, '一、个人表现', 0, [[3, '1.主动担当', 2], [3, '2.团结协作', 6], [3, '3.廉洁自律', 10]]]]);
  assert.deepEqual(found(m), [['level-skip', 2, 3]], 'no numbering-gap: the author wrote one list 1–3');
  const nested = analyze(doc('一、研究进展', '1．模型设计', '（1）单层系统', '（2）分布式系统', '1、网络拓扑', '2、链路选择', '2．实验'));
  assert.deepEqual(nested.diagnostics.filter((d) => /^numbering/.test(String(d.code))), []);
});

test('ordered list items that end like clauses of one sentence are content, not headings', () => {
  const m = analyze(doc('## 一、排版规范', '', '1. 有序列表缩进，文字自动对齐左侧版芯边缘；', '2. 有序列表缩进示例。', '', '段落。', '', '1. 再一个列表，同样是内容；', '2. 结束。'));
  assert.deepEqual(tree(m.outline), [[1, '一、排版规范', 0]]);
  assert.deepEqual(found(m), []);
});

test('a title line after a `- 字段: 值` list is outside the list (CommonMark lazy continuation)', () => {
  const m = analyze(doc('- 索引号: 2025-00002', '- 发布日期: 2025-04-29', '某中心2024年度项目支出绩效自评报告', '一、基本情况', '(一)项目概况'));
  assert.deepEqual(tree(m.outline), [[1, '一、基本情况', 3, [[2, '(一)项目概况', 4]]]]);
});

test('un-numbered section lines above （一） in a plain-text report are level 1, so （一） skips nothing', () => {
  const long = '今年以来，全市上下坚决贯彻各项决策部署，经济社会发展取得新的成效，各项目标任务顺利完成。';
  const m = analyze(doc('各位代表：', long, '“十四五”时期工作回顾', long, long, '2026年重点工作', long, '（一）扩大有效投资', long, '（二）建设现代化产业体系', long));
  assert.deepEqual(tree(m.outline), [[1, '“十四五”时期工作回顾', 2], [1, '2026年重点工作', 5, [[2, '（一）扩大有效投资', 7], [2, '（二）建设现代化产业体系', 9]]]]);
  assert.deepEqual(found(m), []);
  const header = analyze(doc('某乡镇调研报告', long, '（一）文化程度提高', long, '某乡镇调研报告', long, '（二）年龄结构合理', long));
  assert.deepEqual(tree(header.outline), [[2, '（一）文化程度提高', 2], [2, '（二）年龄结构合理', 6]], 'a page header repeating the title is no section');
  const numbered = analyze(doc('一、总体情况', long, '一句短话', long, '（一）做法', long));
  assert.deepEqual(tree(numbered.outline), [[1, '一、总体情况', 0, [[2, '（一）做法', 4]]]], 'with 一、 present, short lines stay text');
});

test('## 标题 and ## 落款 are template slots, not sections; ## 附件（可选） starts an annex', () => {
  const m = analyze(doc('# 工作总结模板', '## 标题', '[单位名称]工作总结', '## 一、基本情况', '[填写]', '## 二、存在问题', '[填写]', '## 落款（可选）', '[日期]', '## 附件（可选）', '[附件名称]'));
  assert.deepEqual(tree(m.outline), [[1, '一、基本情况', 3], [1, '二、存在问题', 5], [0, '附件（可选）', 9]]);
  assert.equal(m.placeholders.length, 5);
});

test('a table of contents run into one line is no heading', () => {
  const m = analyze(doc('某市2024年政府信息公开工作年度报告', '一、概述,（一）深化公开内容,（二）加强指导培训,二、主动公开情况,三、存在的问题', '一、概述', '内容。', '二、主动公开情况', '内容。'));
  assert.deepEqual(tree(m.outline), [[1, '一、概述', 2], [1, '二、主动公开情况', 4]]);
  assert.deepEqual(found(m), []);
});

test('a web page breadcrumb and metadata line above the title are not the title', () => {
  const m = analyze(doc('首页', '-> 要闻 -> 通知公告', '某局关于2024年度审计整改情况的报告', '发布日期:2025-01-06 信息来源:某局', '一、整改工作总体情况', '内容。'));
  assert.equal(m.title?.text, '某局关于2024年度审计整改情况的报告');
  assert.deepEqual(m.title?.range, r(2, 0, 19));
  assert.equal(analyze(doc('发布时间:2025-10-20 信息来源:某财政局', '一、部门职责', '内容。')).title, null);
});

test('a title split over two lines is one title', () => {
  const cover = analyze(doc('某市人民政府2024年', '政府信息公开工作年度报告', '一、总体情况', '内容。'));
  assert.equal(cover.title?.text, '某市人民政府2024年政府信息公开工作年度报告');
  const m = analyze(doc('关于2025年安全生产工作情况的', '报告', '一、工作开展情况', '内容。'));
  assert.equal(m.title?.text, '关于2025年安全生产工作情况的报告');
  assert.deepEqual(m.title?.range, { start: { line: 0, character: 0 }, end: { line: 1, character: 2 } });
  assert.deepEqual(tree(m.outline), [[1, '一、工作开展情况', 2]]);
  assert.equal(analyze(doc('某局2025年工作总结', '一、工作开展情况')).title?.text, '某局2025年工作总结');
});

test('numbering that starts past one at the top of a document is a warning; inside a section it stays an error', () => {
  assert.deepEqual(found(analyze(doc('五、未完成的目标', '内容。', '六、改进建议', '内容。'))), [['numbering-gap', 0, 2]]);
  assert.deepEqual(found(analyze(doc('一、甲', '（二）乙'))), [['numbering-gap', 1, 1]]);
});

test('hostile lines stay linear: long runs of dots, spaces, braces or numbers in headings and after 目录', () => {
  const lines = [
    '目录',
    '一、概况' + '.'.repeat(100_000) + 'x',
    '## 一、甲' + ' '.repeat(100_000) + '乙',
    '## 二、丙 ' + '{'.repeat(100_000),
    '三、丁' + ' 1'.repeat(50_000) + 'x',
    '四、戊' + '，二、'.repeat(30_000),
  ];
  const start = performance.now();
  const m = analyze(doc(...lines));
  // Quadratic scans took about a minute on these lines; linear ones take milliseconds.
  assert.ok(performance.now() - start < 5000, `took ${performance.now() - start} ms`);
  assert.equal(m.headings[1]!.title, '甲' + ' '.repeat(100_000) + '乙');
});

test('a section line between two rows of a flattened table, going on with the numbering, is a heading', () => {
  // rows with several cells before and after
  const m = analyze(
    doc(
      '一、总体情况',
      '本年度共发布信息六十条。',
      '二、主动公开政府信息情况',
      '行政处罚 | 3 | 1 |',
      '三、收到和处理政府信息公开申请情况',
      '本年新收申请数量 | 4 |',
      '四、存在的主要问题及改进情况',
      '队伍力量不足。',
    ),
  );
  assert.deepEqual(tree(m.outline), [
    [1, '一、总体情况', 0],
    [1, '二、主动公开政府信息情况', 2],
    [1, '三、收到和处理政府信息公开申请情况', 4],
    [1, '四、存在的主要问题及改进情况', 6],
  ]);
  assert.deepEqual(found(m), []);
  // one cell per line, each ending with its bar
  const cells = analyze(doc('一、总体情况', '本年度共发布信息六十条。', '二、主动公开政府信息情况', '行政强制 |', '2 |', '三、收到和处理政府信息公开申请情况', '申请人类别 |', '公民 |', '四、存在的主要问题及改进情况', '队伍力量不足。'));
  assert.deepEqual(tree(cells.outline), [
    [1, '一、总体情况', 0],
    [1, '二、主动公开政府信息情况', 2],
    [1, '三、收到和处理政府信息公开申请情况', 5],
    [1, '四、存在的主要问题及改进情况', 8],
  ]);
  assert.deepEqual(found(cells), []);
  // a wrapped cell that does not go on with the numbering is still a piece of the table
  const wrapped = analyze(doc('一、总体情况', '本年度共发布信息六十条。', '二、收到和处理申请情况', '办理结果 |', '3 |', '（二）部分公开（区分处理的，只计这一情形，不计', '其他情形） |', '1 |', '三、存在的主要问题', '答复不够及时。'));
  assert.deepEqual(tree(wrapped.outline), [[1, '一、总体情况', 0], [1, '二、收到和处理申请情况', 2], [1, '三、存在的主要问题', 8]]);
  assert.deepEqual(found(wrapped), []);
});

test('a number at the start of a line that goes on with a sentence broken off on the line above is no heading (page-chunk counters)', () => {
  const m = analyze(
    doc(
      '社区2025年垃圾分类工作要点',
      '1、社区2025年垃圾分类工作要点全年工作坚持源头减量。一、完善分类设施（一）增设投放点。1 .每个小区设置两处集中投放点，并配',
      '2、备洗手设施，方便居民使用。2 .规范收运时间。每日早晚各收运一次，收运车辆统一标识，并与',
      '3、物业考核挂钩。（二）',
    ),
  );
  assert.deepEqual(tree(m.outline), []);
  assert.deepEqual(found(m), []);
  // a sentence that ends before the number: the numbered lines are headings
  const ends = analyze(doc('一、完善分类设施', '1、增设投放点。每个小区设置两处集中投放点，配备洗手设施，方便居民使用，确保分类投放。', '2、规范收运时间。每日早晚各收运一次，收运车辆统一标识，与物业考核挂钩，按月通报结果。', '3、加强宣传引导。'));
  assert.deepEqual(tree(ends.outline), [[1, '一、完善分类设施', 0, [[3, '1、增设投放点', 1], [3, '2、规范收运时间', 2], [3, '3、加强宣传引导', 3]]]]);
  // Markdown list items start anew by their syntax, whatever the item before ends with
  const list = analyze(doc('## 一、主要发现', '', '1. **分类效果明显**：居民参与率提升到百分之八十，厨余垃圾分出量增加三成以上', '2. **收运仍有短板**：部分小区收运不及时，个别车辆混装混运，群众反映较多的问题尚未', '3. **宣传需要加强**：老年居民知晓率偏低'));
  assert.equal(list.headings.filter((h) => h.marker !== '' && h.level > 1).length, 3);
});

test('a site’s chrome is never the title: search-box labels, a database’s 【】 metadata, a file name’s extension; a title the page labels is taken', () => {
  // search-box labels above the text: no title
  assert.equal(analyze(doc('选择特殊符号', '请输入关键词', '一、公开工作总体情况', '（一）机构建设。成立了工作专班。')).title, null);
  // a legal database's metadata, a cover notice signed and dated (twice), then the document's own title
  const db = analyze(
    doc('【法宝引证码】CLI.1.998877', '【效力级别】地方规范性文件', '某县人民政府办公室关于印发某县防灾减灾任务分解的通知', '各乡镇人民政府：', '现将任务分解印发给你们，请抓好落实。', '某县人民政府办公室', '2018年3月2日', '2018年3月2日', '某县防灾减灾任务分解', '（一）监测预警', '1．完善监测网络'),
  );
  assert.equal(db.title?.text, '某县防灾减灾任务分解');
  assert.deepEqual(db.title?.range, r(8, 0, 10));
  // a file name: the title without its extension
  const file = analyze(doc('某村2025年防汛工作要点.docx', '《某村2025年防汛工作要点.docx》由会员分享，可在线阅读。', '一、总体要求', '确保安全度汛。'));
  assert.equal(file.title?.text, '某村2025年防汛工作要点');
  assert.deepEqual(file.title?.range, r(0, 0, 13));
  // a title in 【】 run into the first paragraph
  const bracket = analyze(doc('【秋粮收购自查报告】按照上级通知要求，我站开展了自查，现将情况报告如下：', '一、自查工作开展情况', '由站长牵头开展自查。'));
  assert.equal(bracket.title?.text, '秋粮收购自查报告');
  assert.deepEqual(bracket.title?.range, r(0, 1, 9));
  // a welcome line, then a title after the page's label
  const labelled = analyze(doc('欢迎访问某某公文网!', '', '范文资料:全镇河道保洁工作实施方案', '', '2023-05-06', '', '为做好河道保洁工作，制定本方案。', '', '一、总体要求', '', '河道常年保持整洁。'));
  assert.equal(labelled.title?.text, '全镇河道保洁工作实施方案');
  assert.deepEqual(labelled.title?.range, r(2, 5, 17));
  // a label whose value is no kind of document is the line as before; a plain title is untouched
  assert.equal(analyze(doc('主题：加强基层治理', '一、基本情况', '内容。')).title?.text, '主题：加强基层治理');
  assert.equal(analyze(doc('某镇2024年工作总结', '一、主要工作', '内容。')).title?.text, '某镇2024年工作总结');
});
