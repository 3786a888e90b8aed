/**
 * The real reports in ../shared/corpus/ are read without error and their outlines match
 * what ../shared/corpus/README.md describes for each of them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type OutlineNode, type ReportModel } from '../../server/src/core';
import { CORPUS, SHARED, sharedAvailable } from '../support/fixtures';

const read = (prefix: string): ReportModel => {
  const name = readdirSync(CORPUS).find((f) => f.startsWith(prefix))!;
  return analyze(readFileSync(join(CORPUS, name), 'utf8'));
};
const codes = (m: ReportModel) => m.diagnostics.map((d) => String(d.code)).filter((c) => c !== 'unfilled-placeholder');
const markers = (nodes: OutlineNode[]) => nodes.map((n) => n.marker);

if (sharedAvailable('corpus', 'the corpus checks')) {
  test('every corpus file is read without error', () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md') && f !== 'README.md');
    assert.ok(files.length >= 7);
    for (const f of files) {
      const m = analyze(readFileSync(join(CORPUS, f), 'utf8'));
      assert.ok(m.lineCount > 1, f);
    }
  });

  test('01 Guangdong: 一、二、三、 with （一）…（十四） under 三; 附件1 restarts 一、…十、; 附件2 is a 1.…13. glossary', () => {
    const m = read('01-');
    assert.equal(m.title?.text, '政府工作报告');
    const [a, b, c, annex1, annex2] = m.outline;
    assert.deepEqual([a, b, c].map((n) => n!.marker), ['一、', '二、', '三、']);
    assert.equal(c!.children.length, 14);
    assert.equal(c!.children[13]!.marker, '（十四）');
    assert.equal(c!.children[13]!.title.startsWith('全面加强政府自身建设'), true);
    assert.deepEqual([annex1!.level, annex1!.marker, annex1!.title], [0, '附件1', '2026年省十件民生实事']);
    assert.equal(annex1!.children.length, 10);
    assert.deepEqual([annex2!.marker, annex2!.title], ['附件2', '名词解释']);
    assert.deepEqual(annex2!.children.map((n) => n.ordinal), Array.from({ length: 13 }, (_, i) => i + 1));
    assert.deepEqual(codes(m), [], 'no numbering findings: the lone 2.5 lines are not headings');
  });

  test('02 Gansu: level 1 is three un-numbered section lines, the last holding （一）…（八）; no level-skip', () => {
    const m = read('02-');
    assert.equal(m.title?.text, '2026年甘肃省政府工作报告');
    assert.deepEqual(m.outline.map((n) => [n.level, n.marker, n.range.start.line, n.children.length]), [[1, '', 18, 0], [1, '', 38, 0], [1, '', 50, 8]]);
    assert.equal(m.outline[2]!.title, '2026年重点工作');
    assert.deepEqual(m.outline[2]!.children.map((n) => n.level), Array(8).fill(2));
    assert.deepEqual(codes(m), []);
    assert.equal(m.placeholders.length, 0, '数据要素× and 【字号】 page chrome are not placeholders');
  });

  test('03 Hailaer: CRLF, U+3000 indents, 一、二、三、 with 4 and 8 subsections, one half-width (四)', () => {
    const m = read('03-');
    assert.deepEqual(markers(m.outline), ['一、', '二、', '三、']);
    assert.deepEqual(m.outline.map((n) => n.children.length), [4, 0, 8]);
    assert.equal(m.outline[0]!.children[3]!.marker, '(四)');
    assert.deepEqual(codes(m), ['marker-width']);
    assert.equal(m.placeholders.length, 0, '2×66万千瓦 is not a placeholder');
  });

  test('04 Twentieth Congress: 一、…十五、 with run-in （一） headings in 四–十一 and 十五', () => {
    const m = read('04-');
    assert.equal(m.outline.length, 15);
    assert.equal(m.outline[14]!.marker, '十五、');
    const withChildren = m.outline.filter((n) => n.children.length > 0).map((n) => n.ordinal);
    assert.deepEqual(withChildren, [4, 5, 6, 7, 8, 9, 10, 11, 15]);
    assert.ok(m.outline[3]!.children.every((n) => n.form === 'run-in'));
    assert.equal(m.outline[14]!.children[1]!.title, '坚持不懈用', 'the heading split across paragraphs keeps its first part');
    assert.deepEqual(codes(m), []);
  });

  test('06 club summary: title from front matter, setext and ATX sections, 1、2、3、 flagged, XXX masks, none for stray asterisks', () => {
    const m = read('06-');
    assert.equal(m.title?.source, 'front-matter');
    assert.deepEqual(m.outline.map((n) => n.title), ['工作总结', '工作计划']);
    const plan = m.outline[1]!;
    const rules = plan.children[plan.children.length - 1]!;
    assert.deepEqual(rules.children.map((n) => n.marker), ['1、', '2、', '3、']);
    assert.deepEqual(codes(m), ['marker-punctuation', 'marker-punctuation', 'marker-punctuation']);
    const masks = m.placeholders.filter((p) => /^X+$/.test(p.text));
    assert.equal(masks.length, 18, 'XXX in the table, the list, the text and the names laid out in a ``` block');
    const fence = readFileSync(join(CORPUS, readdirSync(CORPUS).find((f) => f.startsWith('06-'))!), 'utf8').split('\n').indexOf('```');
    assert.equal(masks.filter((p) => p.range.start.line > fence && p.range.start.line < fence + 12).length, 10, 'ten in the prose fence');
    assert.equal(m.placeholders.length, 18, 'the stray **** after bold cells are not placeholders');
  });

  test('07 and 08 templates: ## 一、… sections among un-numbered ones, every [...] a placeholder', () => {
    const summary = read('07-');
    // `## 标题` and `## 落款（可选）` name parts of the document's form, not sections.
    assert.deepEqual(summary.outline.map((n) => n.marker + n.title), ['一、基本情况', '二、主要做法', '三、工作成效', '四、存在问题', '五、下一步打算']);
    assert.deepEqual(markers(summary.outline[1]!.children), ['（一）', '（二）']);
    const plan = read('08-');
    assert.deepEqual(markers(plan.outline), ['一、', '二、', '三、', '四、', '五、', '六、', '附件']);
    assert.deepEqual([plan.outline[6]!.level, plan.outline[6]!.title], [0, '（可选）'], '`## 附件（可选）` starts an annex');
    for (const m of [summary, plan]) {
      assert.deepEqual(codes(m), []);
      assert.ok(m.placeholders.length >= 10);
      assert.ok(m.placeholders.every((p) => p.form === 'prompt' || p.form === 'mask'));
    }
  });

  // Issue 9 on the web excerpts and Markdown files 30–41.
  const shape = (nodes: OutlineNode[]): unknown[] => nodes.map((n) => (n.children.length ? [n.level, n.marker, n.range.start.line, shape(n.children)] : [n.level, n.marker, n.range.start.line]));
  const numberingCodes = (m: ReportModel) => m.diagnostics.filter((d) => /^(numbering-|level-skip)/.test(String(d.code)) && d.severity! <= 2).map((d) => d.code);

  test('32: the 目录 is not the outline; 第一部分 (its title on the next line) holds 一、, which holds （一）…（五）', () => {
    const m = read('32-');
    assert.deepEqual(m.outline.map((n) => [n.level, n.marker, n.title, n.range.start.line]), [[1, '第一部分', '洪江市人民政府办公室概况', 32]]);
    assert.deepEqual(m.outline[0]!.children.map((n) => [n.level, n.marker, n.children.length]), [[2, '一、', 5]]);
    assert.equal(m.title, null, 'the 发布时间 metadata line is no title');
    assert.deepEqual(numberingCodes(m), []);
  });

  test('33: 附5: starts a document of its own numbered 一、…四、; the excerpt starting at 五、 is a warning', () => {
    const m = read('33-');
    assert.deepEqual(shape(m.outline).map((n) => (n as unknown[]).slice(0, 3)), [[1, '五、', 1], [1, '六、', 2], [0, '附5:', 11]]);
    assert.deepEqual(m.outline[2]!.children.map((n) => n.marker), ['一、', '二、', '三、', '四、']);
    assert.deepEqual(m.diagnostics.filter((d) => d.severity === 1).map((d) => d.code), []);
  });

  test('40: six weekly reports, each # title a document of its own; no numbering error', () => {
    const m = read('40-');
    assert.equal(m.title?.text, '周报-Week06 07');
    assert.deepEqual(m.outline.filter((n) => n.level === 0).map((n) => n.title), ['周报-Week05', '周报-Week04', '周报-Week03', '周报-Week02', '周报-Week01']);
    assert.equal(m.headings.filter((h) => h.level === 1).length, 9);
    assert.deepEqual(m.diagnostics.filter((d) => d.severity === 1).map((d) => d.code), []);
  });

  test('41: un-numbered ## and ### are levels 1 and 2; the two ordered lists are content; {.noindent} is not in a title', () => {
    const m = read('41-');
    assert.deepEqual(m.outline.map((n) => n.children.length), [2, 5, 3, 3, 2, 0]);
    assert.ok(m.headings.every((h) => h.form !== 'list' && !h.title.includes('{')));
    assert.deepEqual(numberingCodes(m), []);
  });

  test('38: the report after its cover notice is titled by its own title line', () => {
    assert.equal(read('38-').title?.text, '东阳市促进残疾人就业行动实施方案(2023—2025年)');
  });
}

if (sharedAvailable('reports', 'the seed report')) {
  test('the seed report: five sections with 4, 3, 4, 3, 0 subsections, 213 placeholders, no other finding', () => {
    const m = analyze(readFileSync(join(SHARED, 'reports/annual-work-summary-2022.md'), 'utf8'));
    assert.deepEqual(m.outline.map((n) => n.marker), ['一、', '二、', '三、', '四、', '五、']);
    assert.deepEqual(m.outline.map((n) => n.children.length), [4, 3, 4, 3, 0]);
    assert.equal(m.placeholders.length, 213);
    assert.deepEqual(codes(m), []);
  });
}
