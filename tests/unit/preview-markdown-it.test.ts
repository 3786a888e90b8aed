/** The markdown-it plugin for VS Code's own Markdown preview: placeholders as chips, real bold kept. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { reportPlaceholdersPlugin } from '../../client/src/preview/markdownItPlugin';
import { analyze, type AnalysisOptions, type DeepPartial } from '../../server/src/core';
import { EXAMPLE, EXAMPLE_PLACEHOLDERS } from '../support/fixtures';

/** markdown-it with the plugin, fed the placeholders the server finds in `text` (as the extension is). */
const md = (text: string, options: DeepPartial<AnalysisOptions> = {}) => ({
  render: () => new MarkdownIt({ html: true }).use(reportPlaceholdersPlugin, { placeholders: () => analyze(text, options).placeholders }).render(text),
});
const render = (text: string, options: DeepPartial<AnalysisOptions> = {}) => md(text, options).render();
const chips = (html: string) => (html.match(/data-placeholder="/g) ?? []).length;

test('`培训**次，投入资金***万元`: two chips with their kinds, no <strong>', () => {
  assert.equal(
    render('培训**次，投入资金***万元'),
    '<p>培训<span class="ra-placeholder ra-kind-count" data-placeholder="count" data-label="count" title="Placeholder to fill: count">**</span>' +
      '次，投入资金<span class="ra-placeholder ra-kind-amount" data-placeholder="amount" data-label="amount" title="Placeholder to fill: amount">***</span>万元</p>\n',
  );
  // Without the plugin, markdown-it makes bold text of it and loses the placeholders.
  assert.equal(new MarkdownIt().render('培训**次，投入资金***万元'), '<p>培训<strong>次，投入资金</strong>*万元</p>\n');
});

test('`（一）**工作完成情况**` stays bold', () => {
  assert.equal(render('（一）**工作完成情况**'), '<p>（一）<strong>工作完成情况</strong></p>\n');
});

test('the example report, one paragraph per line: a chip per placeholder, no <strong> or <em>', () => {
  const html = render(EXAMPLE);
  assert.equal(chips(html), EXAMPLE_PLACEHOLDERS);
  assert.doesNotMatch(html, /<strong|<em/);
});

test('chips in headings, tables and links; none in code; image alt text keeps the placeholder as text', () => {
  const html = render('## 一、**年工作\n\n| 项目 | 数量 |\n| --- | --- |\n| 培训 | **次 |\n\n[共**次](https://example.org) `**次` ![图**](a.png)');
  assert.equal(chips(html), 3);
  assert.match(html, /<h2>一、<span class="ra-placeholder ra-kind-date"/);
  assert.match(html, /<td><span class="ra-placeholder/);
  assert.match(html, /<a href="https:\/\/example.org">共<span class="ra-placeholder/);
  assert.match(html, /<code>\*\*次<\/code>/);
  assert.match(html, /<img src="a.png" alt="图\*\*">/);
});

test('masks, prompts and blanks are chips too; the settings, applied by the server, can turn a family off', () => {
  const text = '20××年 [填写单位名称] ____年 培训**次';
  assert.equal(chips(render(text)), 4);
  const html = render(text, { placeholders: { masks: false, asterisks: false } });
  assert.equal(chips(html), 2);
  assert.match(html, /20××年/);
});

test('a chip escapes what it shows', () => {
  const html = render('{{<b>x</b>}}');
  assert.match(html, /data-placeholder="other"[^>]*>\{\{&lt;b&gt;x&lt;\/b&gt;\}\}<\/span>/);
  assert.doesNotMatch(html, /<b>/);
});

test('the private-use characters the plugin uses cannot be forged in the text', () => {
  const html = render('伪造\uE000\uE010\uE001 培训**次');
  assert.equal(chips(html), 1);
  assert.doesNotMatch(html, /[\uE000-\uE01F]/);
});

test('chips sit where the server says: stale answers whose text no longer matches are dropped, no answer means no chips', () => {
  const before = '一、总体情况\n\n培训**次，投入***万元\n\n二、下一步\n\n再培训**次';
  const stale = analyze(before).placeholders;
  // The user typed 2 before the first placeholder: its column moved, the server has not answered yet.
  const now = before.replace('培训**次，', '培训2**次，');
  const html = new MarkdownIt().use(reportPlaceholdersPlugin, { placeholders: () => stale }).render(now);
  // Line 2 moved (both placeholders there are one column off), line 6 did not.
  assert.equal(chips(html), 1);
  assert.match(html, /再培训<span class="ra-placeholder ra-kind-count"/);
  assert.equal(chips(new MarkdownIt().use(reportPlaceholdersPlugin, { placeholders: () => undefined }).render(now)), 0);
});

test('table cells with the same text on one row each get their own chip, in a list item and a blockquote too', () => {
  const text = '| 甲 | 乙 |\n| --- | --- |\n| **次 | **次 |\n\n- 第一项**个\n\n> 引用**次';
  const html = render(text);
  assert.equal(chips(html), 4);
  assert.equal((html.match(/<td><span class="ra-placeholder/g) ?? []).length, 2);
});

test("the whole document decides 甲**重点**乙, by the engine's (the server's) reading: chips in a template, bold in filled text", () => {
  const template = render('培训**次，投入资金***万元。\n\n我们在**重点**领域取得进展。');
  assert.equal(chips(template), 4);
  assert.doesNotMatch(template, /<strong/);
  const filled = render('**一、基本情况**\n\n我们在**重点**领域取得进展。');
  assert.equal(chips(filled), 0);
  assert.match(filled, /我们在<strong>重点<\/strong>领域/);
});

test('a pair that could be bold or two placeholders reads as the engine reads it: placeholders in a draft full of them, bold otherwise', () => {
  const pair = '被评为“***先进集体”，局长***被表彰。';
  const draft = render(`共**次，投入***万元。\n\n${pair}`);
  assert.equal(chips(draft), 4);
  assert.doesNotMatch(draft, /<strong|<em/);
  const filled = render(`（一）**基本情况**\n\n（二）**主要做法**\n\n${pair}`);
  assert.equal(chips(filled), 0);
  assert.match(filled, /<em><strong>先进集体”，局长<\/strong><\/em>/);
});
