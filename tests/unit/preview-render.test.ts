/** The report preview's renderer: what the author means, with what still needs doing marked where it is. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type ReportModel } from '../../server/src/core';
import { completion, panelEntries, missingSections, renderReport, type RenderOptions } from '../../server/src/core/preview';
import { TemplateLibrary } from '../../server/src/node/templates';
import { applyEdits } from '../support/edits';

import { EXAMPLE as example, EXAMPLE_PLACEHOLDERS } from '../support/fixtures';
const library = new TemplateLibrary();
const annual = library.resolve('annual-summary', process.cwd());

const FRAGMENT: RenderOptions = { style: 'editor', standalone: false };
const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;
const render = (text: string, model: ReportModel = analyze(text), options: Partial<RenderOptions> = {}) =>
  renderReport(text, model, { ...FRAGMENT, ...options }).html;
/** The document part, without the side panel. */
const doc = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
/** The element carrying `data-line="n"` (its opening tag). */
const tagAt = (html: string, line: number) => new RegExp(`<[a-z0-9]+ data-line="${line}"[^>]*>`).exec(doc(html))?.[0] ?? '';

test('the example report renders every placeholder as a chip and no <strong> or <em>', () => {
  const html = render(example);
  assert.equal(count(html, /data-placeholder="/g), EXAMPLE_PLACEHOLDERS);
  assert.equal(count(html, /<strong/g), 0);
  assert.equal(count(html, /<em/g), 0);
  // Every chip shows its placeholder as written and its kind.
  assert.match(html, /资金<span class="ra-placeholder ra-kind-amount" data-placeholder="amount" data-label="amount" title="Placeholder to fill: amount" data-line="\d+" data-character="\d+">\*\*\*\.\*\*<\/span>万元/);
});

test('the example report: one block per source line, headings by level with their markers', () => {
  const html = render(example);
  const lines = example.split('\n').filter((l) => l.trim()).length;
  assert.equal(count(doc(html), /<(?:p|h[1-6]) data-line="/g), lines);
  assert.match(html, /<h2 data-line="2" class="ra-heading ra-level-1" id="ra-line-2">一、守正创新强党建/);
  assert.match(html, /<h3 data-line="4" class="ra-heading ra-level-2" id="ra-line-4">（一）坚持理论武装/);
  assert.match(tagAt(html, 38), /^<h2 /);
});

test('`（一）**工作完成情况**` stays bold', () => {
  const html = render('一、总体情况\n（一）**工作完成情况**\n培训**次，投入资金***万元');
  assert.match(html, /<h3 data-line="1" class="ra-heading ra-level-2" id="ra-line-1">（一）<strong>工作完成情况<\/strong><\/h3>/);
  assert.equal(count(html, /<strong>/g), 1);
  assert.equal(count(html, /data-placeholder="/g), 2);
});

test('`培训**次，投入资金***万元` keeps both placeholders, where CommonMark would make bold text', () => {
  const html = render('一、工作\n培训**次，投入资金***万元');
  assert.equal(
    doc(html).split('\n')[1],
    '<p data-line="1">培训<span class="ra-placeholder ra-kind-count" data-placeholder="count" data-label="count" title="Placeholder to fill: count" data-line="1" data-character="2">**</span>' +
      '次，投入资金<span class="ra-placeholder ra-kind-amount" data-placeholder="amount" data-label="amount" title="Placeholder to fill: amount" data-line="1" data-character="10">***</span>万元</p>',
  );
  assert.equal(count(html, /<strong|<em/g), 0);
});

test('a chip is never bold or italic, even inside emphasis', () => {
  const css = readFileSync(join(__dirname, '../../media/preview.css'), 'utf8');
  for (const selector of ['.ra-placeholder {', '.ra-placeholder::after {']) {
    const rule = css.slice(css.indexOf(selector), css.indexOf('}', css.indexOf(selector)));
    assert.match(rule, /font-weight: normal;/, selector);
    assert.match(rule, /font-style: normal;/, selector);
  }
  assert.match(css, /\.ra-placeholder::after \{\n  content: attr\(data-label\);/);
});

test('with section 五 removed and the annual-summary template, one ghost where it belongs, with an insert action', () => {
  const lines = example.split('\n');
  const five = lines.findIndex((l) => l.startsWith('五、'));
  const text = lines.slice(0, five).join('\n');
  const model = analyze(text, {}, 0, { choice: annual });
  const html = render(text, model, { templateName: '年度工作总结' });
  assert.equal(count(html, /data-missing-section="/g), 1);
  const ghost = /<section class="ra-ghost" id="ra-ghost-(\d+)" data-missing-section="problems" data-line="38" data-ghost="">(.*?)<\/section>/.exec(html);
  assert.ok(ghost, 'a ghost for the problems rule after the last line');
  assert.match(ghost[2]!, /^<h2 class="ra-ghost-heading ra-level-1">五、存在的问题和不足<\/h2>/);
  assert.match(ghost[2]!, /<button type="button" class="ra-insert" data-action="insert-section" data-missing-index="(\d+)">/);
  const index = Number(/data-missing-index="(\d+)"/.exec(ghost[2]!)![1]);
  assert.equal(index, 0);
  assert.equal(ghost[1], '0');
  assert.equal(model.missing[index]!.rule, 'problems');
  // The action is the finding's own quick fix: applying it gives the section back.
  const finding = model.diagnostics.find((d) => d.code === 'missing-section')!;
  assert.deepEqual(model.missing[index]!.edits, (finding.data as { edits: unknown }).edits);
  const fixed = applyEdits(text, model.missing[index]!.edits);
  assert.match(fixed, /\n五、存在的问题和不足\n/);
  // After the last block of the document.
  assert.ok(html.indexOf('ra-ghost') > html.lastIndexOf('data-line="37"'));
  // In the standalone export: the ghost, no action.
  const page = renderReport(text, model, { style: 'gbt9704', standalone: true }).html;
  assert.equal(count(page, /data-missing-section="/g), 1);
  assert.equal(count(page, /<button/g), 0);
});

test('with missing-section off, the finding goes but the model keeps the section, and the preview its ghost', () => {
  const lines = example.split('\n');
  const five = lines.findIndex((l) => l.startsWith('五、'));
  const text = lines.slice(0, five).join('\n');
  const model = analyze(text, { severity: { 'missing-section': 'off' } }, 0, { choice: annual });
  assert.equal(model.diagnostics.filter((d) => d.code === 'missing-section').length, 0);
  assert.deepEqual(
    model.missing.map((m) => [m.rule, m.heading, m.level, m.at.line, m.beforeLine]),
    [['problems', '五、存在的问题和不足', 1, five - 1, five]],
  );
  const html = render(text, model, { templateName: '年度工作总结' });
  assert.equal(count(html, /data-missing-section="problems"/g), 1);
  assert.match(html, /<li class="ra-section ra-missing ra-level-1">/);
});

test('the example itself has no ghost: the annual-summary template is satisfied', () => {
  const html = render(example, analyze(example, {}, 0, { choice: annual }));
  assert.equal(count(html, /data-missing-section=/g), 0);
});

test('a ghost for a missing middle section stands before the heading it precedes', () => {
  const text = '2023年度工作总结\n一、主要工作\n做了**件事。\n二、下一步工作打算\n继续。';
  const model = analyze(text, {}, 0, { choice: annual });
  const html = render(text, model);
  const ghost = html.indexOf('data-missing-section="problems"');
  assert.ok(ghost > html.indexOf('data-line="2"') && ghost < html.indexOf('<h2 data-line="3"'), html);
});

test('numbering faults are marked on their headings, with the finding as the title and a note', () => {
  const html = render('一、甲\n内容\n三、丙\n内容\n（一）乙\n（一）丁');
  assert.match(tagAt(html, 2), /class="ra-heading ra-level-1 ra-fault" id="ra-line-2" data-fault="numbering-gap" title="Numbering skips from 一、 to 三、: expected 二、."/);
  assert.match(tagAt(html, 5), /data-fault="numbering-duplicate"/);
  assert.doesNotMatch(tagAt(html, 0), /ra-fault/);
  assert.match(html, /<span class="ra-fault-note">⚠ Numbering skips/);
  const marker = render('一、甲\n二.乙\n(三)丙');
  assert.match(tagAt(marker, 1), /data-fault="[^"]*marker-punctuation/);
  assert.match(tagAt(marker, 2), /data-fault="[^"]*marker-width/);
});

test('run-in headings are a heading span at the start of their paragraph', () => {
  const html = render('一、总体情况\n（一）经济实力迈上新台阶。2016年，全市完成**次培训。');
  assert.match(
    html,
    /<p data-line="1"><span role="heading" aria-level="3" class="ra-runin ra-heading ra-level-2" id="ra-line-1">（一）经济实力迈上新台阶。<\/span>2016年，全市完成<span class="ra-placeholder/,
  );
});

test('Markdown headings, bold lines and list items take the level the engine reads', () => {
  const html = render('# 2023年工作总结\n\n## 一、基本情况\n\n**二、主要做法**\n\n三、问题\n\n（一）做法\n\n1. 加强领导。成立小组。\n2. 完善制度');
  assert.match(html, /<h1 data-line="0" class="ra-title">2023年工作总结<\/h1>/);
  assert.match(html, /<h2 data-line="2" class="ra-heading ra-level-1" id="ra-line-2">一、基本情况<\/h2>/);
  assert.match(html, /<h2 data-line="4" class="ra-heading ra-level-1" id="ra-line-4"><strong>二、主要做法<\/strong><\/h2>/);
  assert.match(html, /<h3 data-line="8" class="ra-heading ra-level-2" id="ra-line-8">（一）做法<\/h3>/);
  assert.match(html, /<li data-line="10"><span role="heading" aria-level="4" class="ra-runin ra-heading ra-level-3" id="ra-line-10">加强领导。<\/span>成立小组。<\/li>/);
  assert.match(html, /<li data-line="11" class="ra-heading ra-level-3" id="ra-line-11">完善制度<\/li>/);
});

test('a paragraph line that looks like a block opener stays the text it was', () => {
  const html = render('一、甲\n2. 乙\n    丙\n[注]: 不是定义');
  assert.match(html, /data-line="1"[^>]*>2\. 乙</);
  assert.match(html, /<p data-line="2">丙<\/p>/);
  assert.match(html, /<p data-line="3">\[注\]: 不是定义<\/p>/);
  assert.equal(count(doc(html), /<pre|<ol/g), 0);
});

test('front matter is not shown; its title is', () => {
  const html = render('---\ntitle: 2023年度工作总结\ntemplate: annual-summary\n---\n一、甲\n内容');
  assert.match(html, /<main class="ra-doc" lang="zh-CN"><h1 class="ra-title" data-line="1">2023年度工作总结<\/h1>/);
  assert.doesNotMatch(html, /template:|<hr/);
});

test('placeholders in tables, links and headings are chips; in code they are text', () => {
  const html = render('一、**年工作\n\n| 项目 | 数量 |\n| --- | --- |\n| 培训 | **次 |\n\n[培训**次](https://example.org) `**次`');
  assert.equal(count(html, /data-placeholder="/g), 3);
  assert.match(html, /<code>\*\*次<\/code>/);
  assert.match(html, /<td><span class="ra-placeholder/);
});

test('CRLF line endings render the same blocks and chips', () => {
  const lf = render(example);
  const crlf = render(example.replace(/\n/g, '\r\n'));
  assert.equal(count(crlf, /data-placeholder="/g), EXAMPLE_PLACEHOLDERS);
  assert.equal(count(crlf, /data-line="/g), count(lf, /data-line="/g));
});

test('the side panel lists the sections with ✓ or ✗, their placeholder counts and the share complete', () => {
  const lines = example.split('\n');
  const five = lines.findIndex((l) => l.startsWith('五、'));
  const text = lines.slice(0, five).join('\n');
  const model = analyze(text, {}, 0, { choice: annual });
  const entries = panelEntries(model, missingSections(model));
  assert.deepEqual(
    entries.map((e) => [e.missing ? '✗' : '✓', e.label.slice(0, 2), e.placeholders]),
    [['✓', '一、', 53], ['✓', '二、', 48], ['✓', '三、', 57], ['✓', '四、', 35], ['✗', '五、', 0]],
  );
  assert.deepEqual(completion(entries), { complete: 0, total: 5, percent: 0 });
  const full = analyze(example, {}, 0, { choice: annual });
  assert.deepEqual(completion(panelEntries(full, [])), { complete: 1, total: 5, percent: 20 });
  const html = render(text, model, { templateName: '年度工作总结' });
  const panel = html.slice(html.indexOf('<aside'));
  assert.match(panel, /<p class="ra-template">Template: 年度工作总结<\/p>/);
  assert.match(panel, /<progress max="5" value="0">0%<\/progress> 0 of 5 sections complete \(0%\)/);
  assert.match(panel, new RegExp(`Placeholders to fill: ${EXAMPLE_PLACEHOLDERS}`));
  assert.match(panel, /<li class="ra-section ra-missing ra-level-1"><a href="#ra-ghost-\d+" class="ra-section-link" data-line="38"><span class="ra-mark"[^>]*>✗<\/span><span class="ra-section-title">五、存在的问题和不足<\/span>/);
  assert.match(panel, /<span class="ra-mark"[^>]*>✓<\/span><span class="ra-section-title">一、守正创新[^<]*<\/span><\/a><span class="ra-count" title="53 to fill">53<\/span>/);
  assert.equal(count(panel, /data-placeholder/g), 0);
});

test('the style setting chooses the page style', () => {
  assert.match(render('甲', undefined, { style: 'gbt9704' }), /^<div class="ra-layout ra-style-gbt9704"/);
  assert.match(render('甲'), /^<div class="ra-layout ra-style-editor"/);
});

test('the GB/T 9704 style: 小标宋 title, 黑体 / 楷体 / 仿宋 levels, two-character indent, 28 characters to the line', () => {
  const css = readFileSync(join(__dirname, '../../media/preview.css'), 'utf8');
  assert.match(css, /--ra-xiaobiaosong: "FZXiaoBiaoSong-B05S"[^;]*serif;/);
  assert.match(css, /\.ra-style-gbt9704 \.ra-doc \.ra-level-1 \{ font-family: var\(--ra-heiti\)/);
  assert.match(css, /\.ra-style-gbt9704 \.ra-doc \.ra-level-2 \{ font-family: var\(--ra-kaiti\)/);
  assert.match(css, /\.ra-style-gbt9704 \.ra-doc \.ra-level-3 \{ font-family: var\(--ra-fangsong\)/);
  assert.match(css, /width: 28em;/);
  assert.match(css, /text-indent: 2em;/);
  // No remote resource in the stylesheet.
  assert.doesNotMatch(css, /url\(|@import|https?:/);
});

test('a standalone page is self-contained: the stylesheet inline, no script, no remote resource', () => {
  const page = renderReport(example, analyze(example), { style: 'gbt9704', standalone: true, css: '.ra-doc { color: #000 }' }).html;
  assert.match(page, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
  assert.equal(count(page, /<style>/g), 1);
  assert.match(page, /<style>\n\.ra-doc \{ color: #000 \}\n@page \{ size: A4; margin: 37mm 26mm 35mm 28mm; \}\n<\/style>/);
  assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;/);
  assert.equal(count(page, /<script|<link|src=|https?:\/\//g), 0);
  assert.equal(count(page, /data-placeholder="/g), EXAMPLE_PLACEHOLDERS);
});
