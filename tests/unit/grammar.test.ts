/**
 * The TextMate injection grammars in syntaxes/, tokenised with vscode-textmate and
 * vscode-oniguruma (the libraries VS Code itself uses) inside a small stand-in for VS Code's
 * Markdown grammar: the real one is not available offline, so this one reproduces the parts
 * the injections interact with — block-level paragraphs and ATX headings whose text is
 * re-tokenised with the inline patterns, `**` bold and `*` italic spans that would otherwise
 * swallow asterisk placeholders, code spans, fenced code and front matter.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = join(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

const PLACEHOLDER = 'variable.other.placeholder.report-author';
const HEADING = 'markup.heading.numbered.report-author';

/** A stand-in for `text.html.markdown`, written for this test (not a copy of VS Code's grammar). */
const MARKDOWN: vsctm.IRawGrammar = JSON.parse(
  JSON.stringify({
    scopeName: 'text.html.markdown',
    patterns: [{ include: '#frontMatter' }, { include: '#block' }],
    repository: {
      frontMatter: { begin: '\\A-{3}\\s*$', end: '^-{3}\\s*$', contentName: 'meta.embedded.block.frontmatter' },
      block: {
        patterns: [
          { include: '#heading' },
          { include: '#list' },
          { include: '#fenced' },
          { include: '#comment' },
          { include: '#paragraph' },
        ],
      },
      heading: {
        match: '(?:^|\\G)[ ]{0,3}((#{1,6})[ \\t]+(.*?))[ \\t]*$',
        name: 'markup.heading.markdown',
        captures: {
          2: { name: 'punctuation.definition.heading.markdown' },
          3: { name: 'entity.name.section.markdown', patterns: [{ include: '#inline' }] },
        },
      },
      list: {
        begin: '(?:^|\\G)[ ]{0,3}([0-9]+\\.|[-*+])[ \\t]',
        beginCaptures: { 1: { name: 'punctuation.definition.list.begin.markdown' } },
        name: 'markup.list.markdown',
        patterns: [{ include: '#paragraph' }],
        while: '(?:^|\\G)[ ]{2,4}',
      },
      fenced: {
        begin: '(?:^|\\G)[ ]{0,3}(`{3,})',
        end: '(?:^|\\G)[ ]{0,3}(\\1)[ \\t]*$',
        name: 'markup.fenced_code.block.markdown',
      },
      comment: { begin: '(?:^|\\G)[ ]{0,3}<!--', end: '-->', name: 'comment.block.html' },
      paragraph: {
        begin: '(?:^|\\G)[ ]{0,3}(?=\\S)',
        name: 'meta.paragraph.markdown',
        patterns: [{ include: '#inline' }],
        while: '(?:^|\\G)[ ]{4,}(?=\\S)',
      },
      inline: { patterns: [{ include: '#raw' }, { include: '#bold' }, { include: '#italic' }, { include: '#link' }] },
      raw: { match: '(`+)[^`]+?\\1', name: 'markup.inline.raw.string.markdown' },
      bold: {
        begin: '(\\*\\*)(?=\\S)(?=.*?\\S\\*\\*)',
        end: '(?<=\\S)(\\*\\*)',
        name: 'markup.bold.markdown',
        patterns: [{ include: '#inline' }],
      },
      italic: {
        begin: '(\\*)(?=[^\\s*])(?=.*?[^\\s*]\\*(?!\\*))',
        end: '(?<=[^\\s*])(\\*)(?!\\*)',
        name: 'markup.italic.markdown',
        patterns: [{ include: '#inline' }],
      },
      link: {
        match: '(\\[)([^\\]]*)(\\])(\\()([^)]*)(\\))',
        name: 'meta.link.inline.markdown',
        captures: { 5: { name: 'markup.underline.link.markdown' } },
      },
    },
  }),
);

interface Token {
  text: string;
  scopes: string[];
}

let tokenize: (doc: string) => Token[][];

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const grammars = new Map<string, vsctm.IRawGrammar>([['text.html.markdown', MARKDOWN]]);
  const injections: string[] = [];
  for (const g of manifest.contributes.grammars as Array<{ path: string; scopeName: string; injectTo?: string[] }>) {
    const file = join(ROOT, g.path);
    grammars.set(g.scopeName, vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file));
    if (g.injectTo?.includes('text.html.markdown')) injections.push(g.scopeName);
  }
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => oniguruma.createOnigScanner(sources),
      createOnigString: (s) => oniguruma.createOnigString(s),
    }),
    loadGrammar: async (scopeName) => grammars.get(scopeName) ?? null,
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? injections : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar);
  tokenize = (doc) => {
    let state = vsctm.INITIAL;
    return doc.split('\n').map((line) => {
      const r = grammar.tokenizeLine(line, state);
      state = r.ruleStack;
      return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
    });
  };
});

/** The runs of adjacent text carrying `scope`, in the last line of `doc`. */
function runs(doc: string, scope: string): string[] {
  const lines = tokenize(doc);
  const out: string[] = [];
  let open = false;
  for (const t of lines[lines.length - 1]!) {
    if (t.scopes.includes(scope)) {
      if (open) out[out.length - 1] += t.text;
      else out.push(t.text);
      open = true;
    } else open = false;
  }
  return out;
}

const placeholders = (doc: string) => runs(doc, PLACEHOLDER);
const headings = (doc: string) => runs(doc, HEADING);

test('the manifest contributes both grammars as injections into Markdown', () => {
  const grammars = manifest.contributes.grammars as Array<{ scopeName: string; injectTo?: string[] }>;
  assert.deepEqual(
    grammars.map((g) => [g.scopeName, g.injectTo]),
    [
      ['report-author.headings.injection', ['text.html.markdown']],
      ['report-author.placeholders.injection', ['text.html.markdown']],
    ],
  );
});

test('asterisk runs next to CJK get the placeholder scope on exactly the asterisks, never bold', () => {
  assert.deepEqual(placeholders('培训**次，投入资金***万元'), ['**', '***']);
  assert.deepEqual(runs('培训**次，投入资金***万元', 'markup.bold.markdown'), []);
});

test('decimal, percentage and full-width asterisk placeholders are one placeholder each', () => {
  assert.deepEqual(placeholders('同比增长*.*%，完成**.**亿元'), ['*.*', '**.**']);
  assert.deepEqual(placeholders('共＊＊人'), ['＊＊']);
});

test('bold text stays bold: a pair between boundaries is emphasis, not two placeholders', () => {
  assert.deepEqual(placeholders('工作要求：**抓落实**。'), []);
  assert.deepEqual(runs('工作要求：**抓落实**。', 'markup.bold.markdown'), ['**抓落实**']);
  assert.deepEqual(placeholders('some **bold** and *italic* words'), []);
});

test('a bold pair glued to CJK on both sides is coloured as placeholders (the engine reads it so in a template; a grammar sees one line only)', () => {
  assert.deepEqual(placeholders('我们**一定**要'), ['**', '**']);
});

test('masks: 20××年, xx镇, 2026年X月X日 are placeholders; 2×66, Xbox and English words are not', () => {
  assert.deepEqual(placeholders('20××年xx镇工作总结'), ['××', 'xx']);
  assert.deepEqual(placeholders('2026年X月X日'), ['X', 'X']);
  assert.deepEqual(placeholders('装机2×66万千瓦，购买Xbox和XXL号'), []);
  assert.deepEqual(placeholders('Xbox'), []);
  assert.deepEqual(placeholders('2×66'), []);
});

test('prompts with CJK are placeholders; links, task boxes and page chrome are not', () => {
  assert.deepEqual(placeholders('由[填写单位名称]于【待填：日期】完成{{amount}}和${count}'), [
    '[填写单位名称]',
    '【待填：日期】',
    '{{amount}}',
    '${count}',
  ]);
  assert.deepEqual(placeholders('见[通知原文](https://example.com/xx)和【字号：加大】和[ ]'), []);
});

test('blanks: underscores in text are placeholders, a line of underscores is not', () => {
  assert.deepEqual(placeholders('____年工作总结'), ['____']);
  assert.deepEqual(placeholders('正文\n\n____'), []);
});

test('a line that starts with a placeholder is still a Markdown paragraph', () => {
  const [line] = tokenize('xx镇**重点**工作');
  assert.ok(line!.every((t) => t.scopes.includes('meta.paragraph.markdown')));
  assert.deepEqual(placeholders('xx镇**重点**工作'), ['xx', '**', '**']);
});

test('nothing is coloured inside code spans, fenced code, comments or front matter', () => {
  assert.deepEqual(placeholders('示例`培训**次`结束'), []);
  assert.deepEqual(placeholders('```\n培训**次，一、总体情况'), []);
  assert.deepEqual(headings('```\n一、总体情况'), []);
  assert.deepEqual(placeholders('<!--\n培训**次 20××年'), []);
  assert.deepEqual(placeholders('---\ntitle: 20××年工作总结'), []);
});

test('numbered heading lines get the heading scope, on the marker and the title', () => {
  assert.deepEqual(headings('一、总体情况'), ['一、总体情况']);
  assert.deepEqual(headings('（一）抓好阵地建设'), ['（一）抓好阵地建设']);
  assert.deepEqual(headings('1．加强组织领导'), ['1．加强组织领导']);
  assert.deepEqual(headings('（1）完善制度'), ['（1）完善制度']);
  assert.deepEqual(headings('\u3000\u3000二、存在的问题'), ['\u3000\u3000二、存在的问题']);
});

test('a run-in heading ends at its first full stop', () => {
  assert.deepEqual(headings('（一）经济实力迈上新台阶。2016年，全市生产总值增长'), ['（一）经济实力迈上新台阶。']);
});

test('numbered ATX headings get the heading scope after the #s and keep the Markdown heading scope', () => {
  assert.deepEqual(headings('## 一、基本情况'), ['一、基本情况']);
  const [line] = tokenize('## 一、基本情况');
  assert.ok(line!.every((t) => t.scopes.includes('markup.heading.markdown')));
});

test('bold heading lines are headings and bold, and their asterisks are not placeholders', () => {
  assert.deepEqual(headings('**一、总体情况**'), ['**一、总体情况**']);
  assert.deepEqual(runs('**一、总体情况**', 'markup.bold.markdown'), ['**一、总体情况**']);
  assert.deepEqual(headings('（一）**工作完成情况**'), ['（一）**工作完成情况**']);
  assert.deepEqual(placeholders('（一）**工作完成情况**'), []);
  assert.deepEqual(placeholders('**一、总体情况**'), []);
});

test('placeholders inside a heading are coloured too', () => {
  assert.deepEqual(placeholders('一、20××年工作总结'), ['××']);
  assert.deepEqual(placeholders('## 二、培训**次'), ['**']);
});

test('Markdown lists, decimals and years are not numbered headings', () => {
  assert.deepEqual(headings('1. 第一项'), []);
  assert.deepEqual(headings('2.5万元用于培训'), []);
  assert.deepEqual(headings('2016年，全市生产总值增长'), []);
  assert.deepEqual(headings('全市一、二季度'), []);
  assert.deepEqual(headings('    一、缩进代码'), []);
});

test('issue 9 forms: year digits, single masks before units, decimals and ranges, boxes, full-width and bracket blanks', () => {
  assert.deepEqual(placeholders('202X年实现GDPxxxx万元，增长x.x%、x%，x-x月'), ['X', 'xxxx', 'x.x', 'x', 'x-x']);
  assert.deepEqual(placeholders('□□同志在○○县，二○○八年，评价□√'), ['□□', '○○']);
  assert.deepEqual(placeholders('姓名＿＿＿，培训（    ）次，( 年度)'), ['＿＿＿', '（    ）', '( 年度)']);
  assert.deepEqual(placeholders('x-ray、0xFF、×0.25、3x+2y'), []);
});

test('【单位名称】 is a prompt in the grammar too; 【模板】 is not', () => {
  assert.deepEqual(placeholders('【单位名称】关于【模板】'), ['【单位名称】']);
});
