import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, lineCacheFor, type Placeholder } from '../../server/src/core';
import { doc, r } from '../support/ranges';

const found = (text: string) => analyze(text).placeholders.map((p) => [p.text, p.kind, p.range] as const);
const texts = (text: string) => analyze(text).placeholders.map((p: Placeholder) => p.text);

test('asterisk runs next to CJK text are placeholders, never emphasis', () => {
  assert.deepEqual(found('培训**次，投入资金***万元'), [
    ['**', 'count', r(0, 2, 4)],
    ['***', 'amount', r(0, 10, 13)],
  ]);
});

test('runs joined by a decimal point are one placeholder; other joiners separate runs', () => {
  assert.deepEqual(found('达*.*%，共**.**万元'), [
    ['*.*', 'percent', r(0, 1, 4)],
    ['**.**', 'amount', r(0, 7, 12)],
  ]);
  assert.deepEqual(texts('树强“***-*=*”理念'), ['***', '*', '*']);
});

test('an escaped asterisk is literal text', () => {
  assert.deepEqual(found('注\\*：共**人'), [['**', 'count', r(0, 5, 7)]]);
});

test('full-width asterisks are placeholders even where ASCII ones would be emphasis', () => {
  assert.deepEqual(found('＊＊同志'), [['＊＊', 'name', r(0, 0, 2)]]);
  assert.deepEqual(texts('**重点**'), []);
  assert.deepEqual(texts('＊＊重点＊＊'), ['＊＊', '＊＊']);
});

test('real bold spans stay bold', () => {
  for (const text of ['（一）**工作完成情况**', '**一、总体情况**', '1. **积极的情绪**', '我们要 **坚持不懈** 地推进。', '| **活动时间** | 内容 |']) {
    assert.deepEqual(texts(text), [], text);
  }
});

test('an ambiguous pair in a document that says nothing else is read as bold and reported once, with how to write it', () => {
  const m = analyze('我们**一定**要做好');
  const d = m.diagnostics.filter((x) => x.code === 'ambiguous-emphasis');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0]!.range, r(0, 2, 8));
  assert.match(d[0]!.message, /＊＊/);
  assert.deepEqual(m.placeholders, [], 'one construct, one finding: no unfilled-placeholder besides');
  assert.equal(m.diagnostics.length, 1);
});

test('a placeholder run before a unit is not paired into emphasis', () => {
  assert.deepEqual(texts('今年，**大队先后获得**市委表彰'), ['**', '**']);
  assert.equal(analyze('今年，**大队先后获得**市委表彰').diagnostics.some((d) => d.code === 'ambiguous-emphasis'), false);
});

test('masks in value positions: ××, XX, xx, X月X日', () => {
  assert.deepEqual(found('20××年在xx镇投入xxx万元'), [
    ['××', 'date', r(0, 2, 4)],
    ['xx', 'name', r(0, 6, 8)],
    ['xxx', 'amount', r(0, 11, 14)],
  ]);
  assert.deepEqual(texts('xx月xx日，XX单位，2026年X月X日'), ['xx', 'xx', 'XX', 'X', 'X']);
});

test('written prompts are placeholders: [填写…], 【待填…】, {{…}}, ${…}', () => {
  assert.deepEqual(found('[填写单位名称]于【待填：日期】报送{{amount}}和${count}'), [
    ['[填写单位名称]', 'name', r(0, 0, 8)],
    ['【待填：日期】', 'date', r(0, 9, 16)],
    ['{{amount}}', 'other', r(0, 18, 28)],
    ['${count}', 'other', r(0, 29, 37)],
  ]);
  assert.deepEqual(texts('____年工作总结'), ['____']);
});

test('no false positives: multiplication, PM2.5, policy names, English words, code, URLs, comments, links, page chrome', () => {
  const cases = [
    '新建2×66万千瓦机组',
    'PM2.5浓度下降',
    '实施“数据要素×”行动',
    'Xbox and index box exe Excel',
    '用 `**` 表示待填',
    '见 https://example.com/a/**/b 和 <https://example.com/**>',
    '<!-- 这里的**不是占位符 -->',
    '[链接文字](https://example.com) 与 [中文引用][ref]',
    '【字号：加大 还原 减小 】',
    '- [ ] 任务 [x] 完成',
    '0xFF 和 XXL',
  ];
  for (const text of cases) assert.deepEqual(texts(text), [], text);
});

test('code blocks, HTML blocks and front matter are not searched', () => {
  const text = doc('---', 'title: 某**报告', '---', '', '```', '投入***万元', '```', '', '<div>', '共**次', '</div>', '', '正文**次');
  assert.deepEqual(found(text), [['**', 'count', r(12, 2, 4)]]);
});

test('placeholder kinds come from the words around them', () => {
  const kinds = (text: string) => analyze(text).placeholders.map((p) => p.kind);
  assert.deepEqual(kinds('开展**次，**人，*项'), ['count', 'count', 'count']);
  assert.deepEqual(kinds('资金***万元，**亿元'), ['amount', 'amount']);
  assert.deepEqual(kinds('增长*.*%，提高**个百分点'), ['percent', 'percent']);
  assert.deepEqual(kinds('“*.**”期间，*月*日，20**年'), ['date', 'date', 'date', 'date']);
  assert.deepEqual(kinds('**市委、**大队、***同志、大队长***被表彰'), ['name', 'name', 'name', 'name']);
  assert.deepEqual(kinds('贡献了**力量'), ['other']);
});

test('list bullets and thematic breaks are not placeholders', () => {
  assert.deepEqual(texts(doc('* 电脑技术：XXX', '', '***', '', '* * *')), ['XXX']);
});

test('placeholder ranges count UTF-16 units: astral characters before a run shift it by two', () => {
  assert.deepEqual(found('𠀀😀共**次'), [['**', 'count', r(0, 5, 7)]]);
});

// Issue 9: forms a careful reader sees as values still to fill, and ones that are not.

test('masks in a year, a date, a unit or a name: 202X年, 20XX年, X月X日, XX单位, ××局, xx镇', () => {
  assert.deepEqual(found('202X年'), [['X', 'date', r(0, 3, 4)]]);
  assert.deepEqual(found('20XX年'), [['XX', 'date', r(0, 2, 4)]]);
  assert.deepEqual(found('200x年起'), [['x', 'date', r(0, 3, 4)]]);
  assert.deepEqual(found('于X月X日召开'), [
    ['X', 'date', r(0, 1, 2)],
    ['X', 'date', r(0, 3, 4)],
  ]);
  assert.deepEqual(found('XX单位、××局、xx镇'), [
    ['XX', 'name', r(0, 0, 2)],
    ['××', 'name', r(0, 5, 7)],
    ['xx', 'name', r(0, 9, 11)],
  ]);
});

test('a mask glued to an abbreviation, a single x before a unit, decimals and ranges', () => {
  assert.deepEqual(found('实现GDPxxxx万元'), [['xxxx', 'amount', r(0, 5, 9)]]);
  assert.deepEqual(found('分别增长x.x%、xx %和x‰'), [
    ['x.x', 'percent', r(0, 4, 7)],
    ['xx', 'percent', r(0, 9, 11)],
    ['x', 'percent', r(0, 14, 15)],
  ]);
  assert.deepEqual(found('在x-x年内前进x-x位，共x个'), [
    ['x-x', 'date', r(0, 1, 4)],
    ['x-x', 'count', r(0, 8, 11)],
    ['x', 'count', r(0, 14, 15)],
  ]);
  assert.deepEqual(found('投资xxxx万元【去年同期xxxx】'), [
    ['xxxx', 'amount', r(0, 2, 6)],
    ['xxxx', 'other', r(0, 13, 17)],
  ]);
});

test('Latin words, hex, multiplication and ranges of letters are not masks', () => {
  for (const text of ['x-ray 和 X-Men', '0xFF、XXL、DOCX', '3x+2y', '×0.25 net', '2×66万千瓦', '实施“数据要素×”行动', 'x轴与y轴']) {
    assert.deepEqual(texts(text), [], text);
  }
});

test('□□ and ○○ masks; a ticked box, a lone box and the zero of a year are not', () => {
  assert.deepEqual(found('□□同志在○○县'), [
    ['□□', 'name', r(0, 0, 2)],
    ['○○', 'name', r(0, 5, 7)],
  ]);
  for (const text of ['事前评价□ 事后评价□√', '☑ 已完成', '二○○八年', '□是 □否']) assert.deepEqual(texts(text), [], text);
});

test('blanks: underscore runs (half and full width), empty brackets, a blank year and a blank date', () => {
  assert.deepEqual(found('姓名：____，单位：＿＿＿'), [
    ['____', 'other', r(0, 3, 7)],
    ['＿＿＿', 'other', r(0, 11, 14)],
  ]);
  assert.deepEqual(found('培训（    ）次，负责人【    】'), [
    ['（    ）', 'count', r(0, 2, 8)],
    ['【    】', 'other', r(0, 13, 19)],
  ]);
  assert.deepEqual(found('( 年度)'), [['( 年度)', 'date', r(0, 0, 5)]]);
  assert.deepEqual(found('填报日期：    年  月  日'), [['    年  月  日', 'date', r(0, 5, 16)]]);
  for (const text of ['字号:[ ]', '（一）', '(县、市)', '2023年3月13日', '（ ）']) assert.deepEqual(texts(text), [], text);
});

test('a line of underscores is a thematic break, not a blank', () => {
  assert.deepEqual(texts(doc('正文', '', '____', '', '正文')), []);
});

const template = (...lines: string[]) => doc('# 某某单位20XX年度项目绩效报告', '', ...lines);

test('in a template, a line that is only an omission mark and an empty form label are blanks', () => {
  // A form field is a placeholder of no width where its value goes, so filling it keeps the label.
  assert.deepEqual(found(template('项目名称', '| 联系电话', '填报日期：', '(1)……', '……')), [
    ['XX', 'date', r(0, 8, 10)],
    ['', 'name', r(2, 4, 4)],
    ['', 'other', r(3, 6, 6)],
    ['', 'date', r(4, 5, 5)],
    ['……', 'other', r(5, 3, 5)],
    ['……', 'other', r(6, 0, 2)],
  ]);
  const field = analyze(template('项目名称')).diagnostics.find((d) => d.code === 'unfilled-placeholder' && d.range.start.line === 2);
  assert.match(field!.message, /form field/);
});

test('in a filled report, an empty label and a line of …… stay text', () => {
  assert.deepEqual(texts(doc('# 关于**工作的报告**', '', '**一、基本情况**', '', '- 文号:', '', '项目名称', '', '……')), []);
});

test('names laid out in a fence with no language are prose: their masks count, asterisks stay literal', () => {
  assert.deepEqual(found(doc('```', '    会长：XXX', '副会长：**', '```', '', '```js', 'const 名 = "XXX";', '```')), [['XXX', 'name', r(1, 7, 10)]]);
});

// Issue 9: real bold, and the document deciding what an ambiguous pair is.

const ambiguous = (text: string) => analyze(text).diagnostics.filter((d) => d.code === 'ambiguous-emphasis').map((d) => d.range);

test('a bold span over a whole line or a whole title is bold, whatever its words', () => {
  for (const text of ['**关于某校食堂安全的自查报告**', '### **一、主要工作**', '**2023年工作总结**', '**（2）去中心化系统** ', '　　**一、总体情况**']) {
    const m = analyze(text);
    assert.deepEqual(m.placeholders, [], text);
    assert.deepEqual(m.diagnostics.filter((d) => d.code === 'ambiguous-emphasis' || d.code === 'unfilled-placeholder'), [], text);
  }
  assert.equal(analyze(doc('**关于某校食堂安全的自查报告**', '', '一、总体情况')).title?.text, '关于某校食堂安全的自查报告');
  assert.equal(analyze(doc('# 报告', '', '### **一、主要工作**')).headings[0]?.title, '主要工作');
});

test('in filled text (its other asterisks are bold), 甲**重点**乙 is bold, as CommonMark renders it', () => {
  const m = analyze(doc('**一、基本情况**', '', '我们在**重点**领域取得了进展。', '', '**二、下一步打算**'));
  assert.deepEqual(m.placeholders, []);
  assert.deepEqual(ambiguous(doc('**一、基本情况**', '', '我们在**重点**领域取得了进展。')), []);
});

test('in a template full of masks, runs by units stay placeholders and so does 甲**重点**乙', () => {
  const text = doc('培训**次，投入资金***万元，增长*.*%。', '', '我们在**重点**领域取得了进展。');
  assert.deepEqual(found(text), [
    ['**', 'count', r(0, 2, 4)],
    ['***', 'amount', r(0, 10, 13)],
    ['*.*', 'percent', r(0, 18, 21)],
    ['**', 'other', r(2, 3, 5)],
    ['**', 'other', r(2, 7, 9)],
  ]);
  assert.deepEqual(ambiguous(text), []);
});

test('runs next to a unit are placeholders even in filled text: one stray mask does not turn bold', () => {
  const text = doc('**一、基本情况**', '', '**二、主要做法**', '', '全年培训**次，投入资金***万元。');
  assert.deepEqual(texts(text), ['**', '***']);
  assert.deepEqual(ambiguous(text), []);
});

test('extra asterisks glued to a bold closer are stray markup, not a placeholder', () => {
  assert.deepEqual(texts('| **推广计划****** | 说明 |'), []);
});

test('an edit that changes what the document is rereads its ambiguous pairs (line cache kept)', () => {
  const cache = lineCacheFor(undefined, null);
  const before = doc('# 工作总结', '', '我们在**重点**领域取得了进展。', '', '全年开展了很多培训活动，效果很好。');
  assert.deepEqual(analyze(before, null, 1, { cache }).placeholders, []);
  const after = doc('# 工作总结', '', '我们在**重点**领域取得了进展。', '', '全年开展了**次培训活动，效果很好。');
  const m = analyze(after, null, 2, { cache });
  assert.deepEqual(m.placeholders.map((p) => [p.text, p.range]), [
    ['**', r(2, 3, 5)],
    ['**', r(2, 7, 9)],
    ['**', r(4, 5, 7)],
  ]);
  assert.deepStrictEqual(m, analyze(after, null, 2));
});

test('prompts side by side are each a placeholder; a reference link and an image reference are not', () => {
  assert.deepEqual(found('[单位名称][时间范围][事项名称]'), [
    ['[单位名称]', 'name', r(0, 0, 6)],
    ['[时间范围]', 'date', r(0, 6, 12)],
    ['[事项名称]', 'name', r(0, 12, 18)],
  ]);
  for (const text of ['见[中文引用][ref]', '![示意图][图1]']) assert.deepEqual(texts(text), [], text);
});

test('in a template, an instruction in brackets alone on a line (or in a cell) is a prompt; a label such as (范本) is not', () => {
  assert.deepEqual(found(template('(范本)', '| (主要是项目的背景和主要内容等)')), [
    ['XX', 'date', r(0, 8, 10)],
    ['(主要是项目的背景和主要内容等)', 'name', r(3, 2, 18)],
  ]);
  assert.deepEqual(texts(doc('# 报告', '', '**一、情况**', '', '(主要是项目的背景和主要内容等)')), []);
});

test('a lone * that marks a note is not a placeholder; one before a unit or in a year is', () => {
  for (const text of ['填表说明：带*为必填项', '同比增长15%*，注：*为初步数', '*表示已完成']) assert.deepEqual(texts(text), [], text);
  assert.deepEqual(found('200*年共*项'), [
    ['*', 'date', r(0, 3, 4)],
    ['*', 'count', r(0, 6, 7)],
  ]);
});

test('【单位名称】 and 【项目名称】 ask for a name; a label such as 【模板】 or 【案例】 does not', () => {
  assert.deepEqual(found('【单位名称】关于【事项】的报告'), [
    ['【单位名称】', 'name', r(0, 0, 6)],
    ['【事项】', 'other', r(0, 8, 12)],
  ]);
  for (const text of ['【模板】', '【案例】某市的做法', '【重要】']) assert.deepEqual(texts(text), [], text);
});

test('date masks in the letters of a date format: YYYY-MM-DD and MM-DD are one placeholder, YYYY年MM月DD日 one per part', () => {
  assert.deepEqual(found('截至YYYY-MM-DD，自MM-DD起'), [
    ['YYYY-MM-DD', 'date', r(0, 2, 12)],
    ['MM-DD', 'date', r(0, 14, 19)],
  ]);
  assert.deepEqual(texts('YYYY年MM月DD日报送'), ['YYYY', 'MM', 'DD']);
  assert.deepEqual(texts('yyyy/mm/dd前完成'), ['yyyy/mm/dd']);
  // Abbreviations and words that contain the letters are not masks.
  for (const text of ['MM公司与DD平台合作', 'YYYYY', 'SUMMARY of MMDD', '使用HH:MM格式']) assert.deepEqual(texts(text), [], text);
});

test('a template variable in single braces is a prompt; braces around other text are not', () => {
  assert.deepEqual(found('本年度完成{report_title}，由{单位名称}负责'), [
    ['{report_title}', 'other', r(0, 5, 19)],
    ['{单位名称}', 'name', r(0, 21, 27)],
  ]);
  for (const text of ['公式\\frac{ab}{cd}', '集合{a}和{重点工作}', '对象{ "a": 1 }', '{pagebreak}', '目录见{toc}']) assert.deepEqual(texts(text), [], text);
});

test('a mask glued to a Latin unit is a placeholder; a word such as XXL is not', () => {
  assert.deepEqual(texts('重量XXkg，发电xx万kWh，装机xxMW'), ['XX', 'xx', 'xx']);
  for (const text of ['尺码XXL', 'boxXXkg', 'Xkg']) assert.deepEqual(texts(text), [], text);
});

test('the logic of a Handlebars/Mustache template is no blank: blocks, else, comments, partials, helper calls; its variables are', () => {
  const text = doc(
    '# {{team}} 月报',
    '{{#each tasks}}',
    '{{add @index 1}}. {{name}} {{#if owner}}（{{owner}}）{{else}}（待定）{{/if}}',
    '{{/each}}',
    '{{!-- 下面是附表 --}}{{> footer}}{{^risks}}无{{/risks}}',
    '{{formatDate reportDate "YYYY年MM月"}} {{@index}} {{单位名称}} {{Your Name}} {{~amount~}}',
  );
  assert.deepEqual(found(text), [
    ['{{team}}', 'other', r(0, 2, 10)],
    ['{{name}}', 'other', r(2, 18, 26)],
    ['{{owner}}', 'other', r(2, 41, 50)],
    ['{{单位名称}}', 'name', r(5, 48, 56)],
    ['{{Your Name}}', 'other', r(5, 57, 70)],
    ['{{~amount~}}', 'other', r(5, 71, 83)],
  ]);
});

test('a date with every number taken out is a blank date: ——年月日, 年 月 日; 出生年月日 and a written date are not', () => {
  assert.deepEqual(found('——年月日在县第三届人民代表大会第二次会议上'), [['年月日', 'date', r(0, 2, 5)]]);
  assert.deepEqual(found('落款日期：年 月 日'), [['年 月 日', 'date', r(0, 5, 10)]]);
  assert.deepEqual(found('请填写出生年月日和籍贯。'), []);
  assert.deepEqual(found('于2024年3月5日召开，二〇二四年月底前完成。'), []);
});
