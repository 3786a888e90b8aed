/** The markdown-it plugin for VS Code's own Markdown preview: placeholders as chips, real bold kept. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { reportPlaceholdersPlugin } from '../../client/src/preview/markdownItPlugin';

const md = () => new MarkdownIt({ html: true }).use(reportPlaceholdersPlugin);
const chips = (html: string) => (html.match(/data-placeholder="/g) ?? []).length;

test('`培训**次，投入资金***万元`: two chips with their kinds, no <strong>', () => {
  assert.equal(
    md().render('培训**次，投入资金***万元'),
    '<p>培训<span class="ra-placeholder ra-kind-count" data-placeholder="count" data-label="count" title="Placeholder to fill: count">**</span>' +
      '次，投入资金<span class="ra-placeholder ra-kind-amount" data-placeholder="amount" data-label="amount" title="Placeholder to fill: amount">***</span>万元</p>\n',
  );
  // Without the plugin, markdown-it makes bold text of it and loses the placeholders.
  assert.equal(new MarkdownIt().render('培训**次，投入资金***万元'), '<p>培训<strong>次，投入资金</strong>*万元</p>\n');
});

test('`（一）**工作完成情况**` stays bold', () => {
  assert.equal(md().render('（一）**工作完成情况**'), '<p>（一）<strong>工作完成情况</strong></p>\n');
});

test('the example report, one paragraph per line: 213 chips, no <strong> or <em>', () => {
  const html = md().render(readFileSync(join(__dirname, '../../../shared/reports/annual-work-summary-2022.md'), 'utf8'));
  assert.equal(chips(html), 213);
  assert.doesNotMatch(html, /<strong|<em/);
});

test('chips in headings, tables and links; none in code; image alt text keeps the placeholder as text', () => {
  const html = md().render('## 一、**年工作\n\n| 项目 | 数量 |\n| --- | --- |\n| 培训 | **次 |\n\n[共**次](https://example.org) `**次` ![图**](a.png)');
  assert.equal(chips(html), 3);
  assert.match(html, /<h2>一、<span class="ra-placeholder ra-kind-date"/);
  assert.match(html, /<td><span class="ra-placeholder/);
  assert.match(html, /<a href="https:\/\/example.org">共<span class="ra-placeholder/);
  assert.match(html, /<code>\*\*次<\/code>/);
  assert.match(html, /<img src="a.png" alt="图\*\*">/);
});

test('masks, prompts and blanks are chips too; the settings can turn a family off', () => {
  const text = '20××年 [填写单位名称] ____年 培训**次';
  assert.equal(chips(md().render(text)), 4);
  const noMasks = new MarkdownIt().use(reportPlaceholdersPlugin, { placeholders: () => ({ masks: false, asterisks: false }) });
  const html = noMasks.render(text);
  assert.equal(chips(html), 2);
  assert.match(html, /20××年/);
});

test('a chip escapes what it shows', () => {
  const html = md().render('{{<b>x</b>}}');
  assert.match(html, /data-placeholder="other"[^>]*>\{\{&lt;b&gt;x&lt;\/b&gt;\}\}<\/span>/);
  assert.doesNotMatch(html, /<b>/);
});

test('the private-use characters the plugin uses cannot be forged in the text', () => {
  const html = md().render('伪造\uE000\uE010\uE001 培训**次');
  assert.equal(chips(html), 1);
  assert.doesNotMatch(html, /[\uE000-\uE01F]/);
});

test('the whole document decides 甲**重点**乙, as the engine does: chips in a template, bold in filled text', () => {
  const template = md().render('培训**次，投入资金***万元。\n\n我们在**重点**领域取得进展。');
  assert.equal(chips(template), 4);
  assert.doesNotMatch(template, /<strong/);
  const filled = md().render('**一、基本情况**\n\n我们在**重点**领域取得进展。');
  assert.equal(chips(filled), 0);
  assert.match(filled, /我们在<strong>重点<\/strong>领域/);
});
