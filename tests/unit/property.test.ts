/**
 * Property tests of `analyze` on generated, mutated and random reports: it never throws,
 * every range lies inside the document, placeholders are the text at their ranges, and
 * the result is deterministic. About 11,000 runs in all; PROPERTY_SCALE=0.1 for a quick
 * pass. The seed is fixed so that CI is repeatable; FC_SEED=<n> explores (or replays) others.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { analyze, analyzeLines, lineCacheFor, CODES, type DeepPartial, type AnalysisOptions, type OutlineNode, type Position, type Range, type ReportModel } from '../../server/src/core';
import { createRng, generateLargeReport, generateReport, type ReportStyle } from '../support/generate';
import { scanBlocks, updateBlocks } from '../../server/src/core/blocks';
import { charCount } from '../../server/src/core/text';
import { TemplateLibrary } from '../../server/src/node/templates';

const SCALE = Number(process.env.PROPERTY_SCALE ?? 1);
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261129;
const runs = (n: number) => ({ numRuns: Math.max(1, Math.round(n * SCALE)), seed: SEED, includeErrorInReport: true });

// ---------------------------------------------------------------------------
// Arbitraries

const styleArb = (maxSections: number): fc.Arbitrary<ReportStyle> => fc.record({
  headings: fc.constantFrom('plain', 'atx', 'bold', 'run-in'),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  frontMatter: fc.boolean(),
  title: fc.boolean(),
  blankLines: fc.boolean(),
  codeBlocks: fc.boolean(),
  tables: fc.boolean(),
  exotic: fc.boolean(),
  sections: fc.integer({ min: 1, max: maxSections }),
});

const reportArb = (maxSections = 6) =>
  fc.record({ seed: fc.nat(), style: styleArb(maxSections) }).map(({ seed, style }) => generateReport(createRng(seed), style));

/** Fragments that stress Markdown and report parsing; lone surrogates included. */
const FRAGMENTS = [
  '*', '**', '***', '*.*%', '＊', '＊＊', '\r', '\n', '\r\n', '\uFEFF', '\uD800', '\uDFFF', '\uD83D',
  '（', '）', '、', '。', '一、', '十一、', '（一）', '（二十）', '(1)', '1．', '1.', '1、', '附件1',
  '`', '```', '~~~', '<', '<!--', '>', '---', '===', '#', '## ', '- ', '|', '\t', ' ', '　', '\\',
  '[填写', ']', '【待填', '】', '{{', '}}', '${', '×', '××', 'XX', '____', '𠀀', '😀', '👨‍👩‍👧',
  // Suppression comments, whole and broken.
  '\n<!-- report-author-disable-next-line unfilled-placeholder -->\n', '\n<!-- report-author-disable -->\n',
  '\n<!-- report-author-enable numbering-gap -->\n', '<!-- report-author-disable-file -->', 'report-author-', '-->',
];
const WORDS = ['工作', '总结', '2023年', '万元', '次', '同志', '市委', '，', '标题'];

const insertArb = fc.oneof(
  { arbitrary: fc.constantFrom(...FRAGMENTS), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 3 }), weight: 1 },
  { arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 3 }), weight: 1 },
);

type Mutation =
  | { op: 'delete' | 'duplicate' | 'truncate'; at: number }
  | { op: 'swap'; at: number; to: number }
  | { op: 'insert'; at: number; text: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constantFrom('delete', 'duplicate'), at: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('swap'), at: fc.nat(), to: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('insert'), at: fc.nat(), text: insertArb }), weight: 5 },
  { arbitrary: fc.record({ op: fc.constant('truncate'), at: fc.nat() }), weight: 1 },
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n'); // keeps the `\r` of CRLF with its line
  const i = m.at % lines.length;
  switch (m.op) {
    case 'delete': lines.splice(i, 1); return lines.join('\n');
    case 'duplicate': lines.splice(i, 0, lines[i]); return lines.join('\n');
    case 'swap': {
      const j = m.to % lines.length;
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
    case 'insert': {
      const at = m.at % (text.length + 1); // may split a surrogate pair
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'truncate': return text.slice(0, m.at % (text.length + 1));
  }
}

const mutatedArb = fc
  .tuple(reportArb(3), fc.array(mutationArb, { minLength: 1, maxLength: 8 }))
  .map(([report, mutations]) => mutations.reduce(mutate, report.text));

const soupArb = fc.array(fc.constantFrom(...FRAGMENTS, ...WORDS), { maxLength: 80 }).map((parts) => parts.join(''));

/** Options as a settings file might hold them: partial, sometimes invalid. */
const optionsArb = fc.option(
  fc.record(
    {
      severity: fc.dictionary(
        fc.constantFrom(...Object.keys(CODES), 'no-such-code'),
        fc.constantFrom('error', 'warning', 'information', 'hint', 'off', 'loud', 3),
      ),
      placeholders: fc.record(
        { asterisks: fc.boolean(), masks: fc.boolean(), prompts: fc.boolean(), blanks: fc.oneof(fc.boolean(), fc.constant('yes')) },
        { requiredKeys: [] },
      ),
      level3Punctuation: fc.constantFrom('any', 'halfwidth', 'fullwidth', 'bogus'),
    },
    { requiredKeys: [] },
  ),
) as fc.Arbitrary<DeepPartial<AnalysisOptions> | null>;

// ---------------------------------------------------------------------------
// Checks

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const within = (inner: Range, outer: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);
const show = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

class Doc {
  readonly lengths: number[];
  readonly starts: number[] = [];
  constructor(readonly text: string) {
    this.lengths = text.split(/\r\n|\r|\n/).map((l) => l.length);
    let offset = 0;
    for (const [i, m] of [...text.matchAll(/\r\n|\r|\n|$/g)].entries()) {
      if (i >= this.lengths.length) break;
      this.starts.push(offset);
      offset = m.index + m[0].length;
    }
  }

  checkRange(what: string, r: Range) {
    for (const p of [r.start, r.end]) {
      assert.ok(
        Number.isInteger(p.line) && p.line >= 0 && p.line < this.lengths.length &&
          Number.isInteger(p.character) && p.character >= 0 && p.character <= this.lengths[p.line],
        `${what} ${show(r)} is outside the document (${this.lengths.length} lines)`,
      );
    }
    assert.ok(before(r.start, r.end), `${what} ${show(r)} ends before it starts`);
  }

  textAt(r: Range): string {
    return this.text.slice(this.starts[r.start.line] + r.start.character, this.starts[r.end.line] + r.end.character);
  }
}

function checkOutline(doc: Doc, nodes: OutlineNode[], parent: Range | null, path: string) {
  nodes.forEach((node, i) => {
    const where = `${path}[${i}]`;
    doc.checkRange(`${where}.range`, node.range);
    doc.checkRange(`${where}.sectionRange`, node.sectionRange);
    assert.ok(within(node.range, node.sectionRange), `${where}: heading outside its section`);
    if (parent) assert.ok(within(node.sectionRange, parent), `${where}: section outside its parent's`);
    checkOutline(doc, node.children, node.sectionRange, `${where}.children`);
  });
}

const FORM_OPTION = { asterisk: 'asterisks', mask: 'masks', prompt: 'prompts', blank: 'blanks' } as const;

function checkModel(text: string, model: ReportModel, options: DeepPartial<AnalysisOptions> | null = null) {
  const doc = new Doc(text);
  assert.equal(model.lineCount, doc.lengths.length, 'lineCount');
  if (model.title) doc.checkRange('title', model.title.range);
  model.headings.forEach((h, i) => {
    doc.checkRange(`headings[${i}].range`, h.range);
    doc.checkRange(`headings[${i}].markerRange`, h.markerRange);
    assert.equal(h.line, h.range.start.line, `headings[${i}].line`);
    assert.ok(within(h.markerRange, h.range), `headings[${i}]: marker outside the heading`);
    if (h.marker) assert.equal(doc.textAt(h.markerRange), h.marker, `headings[${i}]: marker text`);
  });
  checkOutline(doc, model.outline, null, 'outline');
  model.placeholders.forEach((p, i) => {
    doc.checkRange(`placeholders[${i}]`, p.range);
    assert.ok(p.text.length > 0, `placeholders[${i}] is empty`);
    assert.equal(doc.textAt(p.range), p.text, `placeholders[${i}] text`);
    assert.notEqual(options?.placeholders?.[FORM_OPTION[p.form]], false, `placeholders[${i}]: ${p.form} is turned off`);
  });
  model.diagnostics.forEach((d, i) => {
    doc.checkRange(`diagnostics[${i}]`, d.range);
    assert.ok(typeof d.code === 'string' && d.code in CODES, `diagnostics[${i}] has unknown code ${String(d.code)}`);
    assert.notEqual(options?.severity?.[d.code as keyof typeof CODES], 'off', `diagnostics[${i}]: ${d.code} is off`);
  });
}

/** Analyses twice: the property fails on a throw, a bad range or a differing second result. */
function analyzeChecked(text: string, options: DeepPartial<AnalysisOptions> | null = null) {
  const model = analyze(text, options);
  checkModel(text, model, options);
  assert.deepStrictEqual(analyze(text, options), model, 'a second analysis differs');
  return model;
}

// ---------------------------------------------------------------------------
// Properties

test('generated reports: no throw, ranges inside the document, deterministic', () => {
  fc.assert(fc.property(reportArb(), optionsArb, (report, options) => void analyzeChecked(report.text, options)), runs(3000));
});

test('mutated reports: no throw, ranges inside the document, deterministic', () => {
  fc.assert(fc.property(mutatedArb, optionsArb, (text, options) => void analyzeChecked(text, options)), runs(6000));
});

test('random fragment soup: no throw, ranges inside the document, deterministic', () => {
  fc.assert(fc.property(soupArb, (text) => void analyzeChecked(text)), runs(2000));
});

/**
 * One edit of the kind an editor sends: a character typed or deleted, a line split (Enter)
 * or joined, a line replaced, a 10-line block with a heading and placeholders pasted, a
 * heading's number changed, 5 lines deleted (the edit kinds `npm run bench` times).
 */
const editArb = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('insert', 'delete', 'newline', 'join', 'replace', 'paste', 'renumber', 'delete5'),
  text: fc.constantFrom(...FRAGMENTS, '字', '甲乙', '**次', '三、'),
});

function applyEdit(text: string, { at, kind, text: piece }: { at: number; kind: string; text: string }): string {
  const pos = text.length ? at % (text.length + 1) : 0;
  switch (kind) {
    case 'insert':
      return text.slice(0, pos) + piece + text.slice(pos);
    case 'delete':
      return text.slice(0, pos) + text.slice(pos + 1);
    case 'newline':
      return text.slice(0, pos) + '\n' + text.slice(pos);
    case 'join': {
      const nl = text.indexOf('\n', pos);
      return nl < 0 ? text : text.slice(0, nl) + text.slice(nl + 1);
    }
    case 'paste': {
      const lines = text.split('\n');
      lines.splice(at % (lines.length + 1), 0, ...PASTED);
      return lines.join('\n');
    }
    case 'renumber': {
      // The next heading number after `pos` becomes another one (四 → 五, 2 → 3).
      const m = /[一二三四五六七八九十]+(?=[、）)])|\d+(?=[．.、）)])/g;
      m.lastIndex = pos;
      const found = m.exec(text) ?? ((m.lastIndex = 0), m.exec(text));
      if (!found) return text;
      const next = /\d/.test(found[0]) ? String(Number(found[0]) + 1) : found[0] === '五' ? '六' : '五';
      return text.slice(0, found.index) + next + text.slice(found.index + found[0].length);
    }
    case 'delete5': {
      const lines = text.split('\n');
      lines.splice(at % lines.length, 5);
      return lines.join('\n');
    }
    default: {
      const lines = text.split('\n');
      lines[at % lines.length] = piece;
      return lines.join('\n');
    }
  }
}

/** A pasted block: a heading and numbered items full of placeholders. */
const PASTED = ['（三）新增**项工作', '1．开展培训**次。', '2．投入***万元，完成**%。', '', '3．××单位20××年完成。', '(1)走访**家', '', '二、补充情况', '[填写说明]', '4．覆盖**个村。'];

test('incremental analysis (line cache, reused block structure) equals analysis from scratch after every edit', () => {
  fc.assert(
    fc.property(reportArb(4), fc.array(editArb, { minLength: 1, maxLength: 12 }), optionsArb, (report, edits, options) => {
      const cache = lineCacheFor(undefined, options);
      let text = report.text;
      analyze(text, options, 0, { cache });
      edits.forEach((edit, i) => {
        text = applyEdit(text, edit);
        assert.deepStrictEqual(analyze(text, options, i + 1, { cache }), analyze(text, options, i + 1));
      });
    }),
    runs(1500),
  );
});

/** The numbered tree: level-1 nodes wherever they sit, their level-2 children, and those nodes' level-3 counts. */
function shape(nodes: OutlineNode[]): number[][] {
  return nodes.flatMap((n) =>
    n.level === 1 ? [n.children.filter((c) => c.level === 2).map((c) => c.children.filter((g) => g.level === 3).length)] : shape(n.children),
  );
}

test('generated reports have the outline they were written with', () => {
  fc.assert(
    fc.property(reportArb(), (report) => assert.deepStrictEqual(shape(analyze(report.text).outline), report.outline)),
    runs(500),
  );
});

test('the generated 1 MB report has 10 sections of 20 subsections of 5 items, correctly numbered', () => {
  const text = generateLargeReport();
  const model = analyzeChecked(text);
  assert.ok(model.title?.text.endsWith('2023年度工作总结'), 'title');
  const ordinals = (nodes: OutlineNode[]) => nodes.map((n) => n.ordinal);
  const count = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  assert.deepStrictEqual(model.outline.map((n) => n.level), Array(10).fill(1));
  assert.deepStrictEqual(ordinals(model.outline), count(10));
  for (const section of model.outline) {
    assert.deepStrictEqual(ordinals(section.children), count(20), `children of ${section.marker}`);
    for (const sub of section.children) {
      assert.deepStrictEqual(ordinals(sub.children), count(5), `children of ${section.marker}${sub.marker}`);
      assert.ok(sub.children.every((item) => item.level === 3 && item.children.length === 0));
    }
  }
  const numbering = model.diagnostics.filter((d) => /^(numbering-|level-skip|marker-)/.test(String(d.code)));
  assert.deepStrictEqual(numbering, [], 'a well-numbered report has no numbering diagnostics');
});

// ---------------------------------------------------------------------------
// Incremental block structure: markdown-it re-run over a window equals a whole parse.

/** Lines that open, close or continue blocks: fences, lists, tables, setext, HTML, quotes, front matter. */
const BLOCK_LINES = [
  '', '', '', '正文一段，**次。', '工作总结正文', '一、总体情况', '（一）主要工作。正文', '1．开展培训**次。', '```', '~~~', '```js', '    缩进代码',
  '- 项目', '* 项目', '1. 第一项', '2) 第二项', '  - 嵌套', '   续行', '| 甲 | 乙 |', '| --- | --- |', '|---|', '甲 | 乙', '===', '---', '***',
  '# 标题', '## 一、标题', '<div>', '</div>', '<pre>', '</pre>', '<!-- 注释', '-->', '<!-- report-author-disable -->',
  '<!-- report-author-disable-next-line unfilled-placeholder -->', '> 引用', '> - 引用列表', '>', 'title: 报告', 'template: annual', '...', '\uFEFF---', '\t', '[ref]: /url',
];

/** Prose lines, for long paragraphs (a report written one paragraph a line without blank lines is one). */
const PROSE_LINES = ['第二段正文。', '2．第二项**次。', '（二）工作。正文', '二、工作打算', '投入***万元。', '2. 不是列表的续行'];

const blockDocArb = (frontMatter: boolean) =>
  fc
    .array(fc.oneof({ arbitrary: fc.constantFrom(...BLOCK_LINES), weight: 2 }, { arbitrary: fc.constantFrom(...PROSE_LINES), weight: 1 }), { minLength: 0, maxLength: 40 })
    .map((lines) => (frontMatter ? ['---', 'title: 报告', '---', ...lines] : lines));

type LineEdit =
  | { kind: 'type' | 'enter'; at: number; col: number; text: string }
  | { kind: 'join' | 'delete5' | 'renumber'; at: number }
  | { kind: 'paste' | 'replace'; at: number; lines: string[] };

const lineEditArb: fc.Arbitrary<LineEdit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('type' as const, 'enter' as const), at: fc.nat(), col: fc.nat(), text: fc.constantFrom('字', '`', '-', '|', '<', '>', '#', ' ', '1.', '=', '**') }),
  fc.record({ kind: fc.constantFrom('join' as const, 'delete5' as const, 'renumber' as const), at: fc.nat() }),
  fc.record({ kind: fc.constantFrom('paste' as const, 'replace' as const), at: fc.nat(), lines: fc.array(fc.constantFrom(...BLOCK_LINES), { minLength: 1, maxLength: 10 }) }),
);

/** The edit applied to a copy of `lines`, as an editor's document would hold the result. */
function applyLineEdit(lines: readonly string[], e: LineEdit): string[] {
  const out = lines.slice();
  const n = out.length ? e.at % out.length : 0;
  const line = out[n] ?? '';
  switch (e.kind) {
    case 'type': {
      const c = e.col % (line.length + 1);
      out[n] = line.slice(0, c) + e.text + line.slice(c);
      break;
    }
    case 'enter': {
      const c = e.col % (line.length + 1);
      out.splice(n, 1, line.slice(0, c), line.slice(c));
      break;
    }
    case 'join':
      if (n + 1 < out.length) out.splice(n, 2, line + out[n + 1]!);
      break;
    case 'delete5':
      out.splice(n, 5);
      break;
    case 'renumber':
      out[n] = line.replace(/[一二三四五六七八九十]+(?=[、）])|\d+(?=[．.)])/, (m) => (/\d/.test(m) ? String(Number(m) + 1) : m === '五' ? '六' : '五'));
      break;
    case 'paste':
      out.splice(n, 0, ...e.lines);
      break;
    case 'replace':
      out.splice(n, 1, ...e.lines);
      break;
  }
  if (!out.length) out.push('');
  return out;
}

test('incremental block structure equals a whole parse after every edit kind (fences, lists, tables, setext, HTML, front matter)', () => {
  fc.assert(
    fc.property(fc.boolean().chain(blockDocArb), fc.array(lineEditArb, { minLength: 1, maxLength: 10 }), (start, edits) => {
      let lines = start.length ? start : [''];
      let scan = scanBlocks({ lines, text: lines.join('\n') });
      for (const e of edits) {
        const next = applyLineEdit(lines, e);
        const table = { lines: next, text: next.join('\n') };
        const updated = updateBlocks(lines, scan, table);
        const whole = scanBlocks(table);
        if (!isDeepStrictEqual(updated, whole)) assert.fail(`after ${JSON.stringify(e)} on ${JSON.stringify(lines)}: lines ${updated.lines.flatMap((l, i) => (isDeepStrictEqual(l, whole.lines[i]) ? [] : [i])).join(",")} differ`);
        lines = next;
        scan = updated;
      }
    }),
    runs(4000),
  );
});

// ---------------------------------------------------------------------------
// The whole model, incremental as the server runs it, equals a from-scratch analysis.

const builtinTemplates = new TemplateLibrary().builtins();

/** A report with block constructs mixed in: fences, lists, tables, setext, HTML blocks (and front matter). */
const mixedReportArb = fc
  .tuple(reportArb(4), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...BLOCK_LINES, ...PROSE_LINES)), { maxLength: 12 }))
  .map(([report, inserts]) => {
    const lines = report.text.split(/\r\n|\r|\n/);
    for (const [at, line] of inserts) lines.splice(at % (lines.length + 1), 0, line);
    return lines;
  });

test('incremental analysis of an editor\'s line table equals a from-scratch analysis after random edits of the six kinds', () => {
  fc.assert(
    fc.property(
      fc.oneof(mixedReportArb, fc.boolean().chain(blockDocArb)),
      fc.array(lineEditArb, { minLength: 1, maxLength: 10 }),
      fc.boolean(),
      (start, edits, withTemplates) => {
        const context = withTemplates ? { templates: builtinTemplates, fileName: '2023年度工作总结.md' } : {};
        const cache = lineCacheFor(undefined, null);
        let lines = start.length ? start : [''];
        analyzeLines({ lines, text: lines.join('\n'), stable: true }, null, 0, { ...context, cache });
        edits.forEach((e, i) => {
          lines = applyLineEdit(lines, e);
          const text = lines.join('\n');
          const incremental = analyzeLines({ lines, text, stable: true }, null, i + 1, { ...context, cache });
          assert.deepStrictEqual(incremental, analyze(text, null, i + 1, context), `after ${JSON.stringify(e)}`);
        });
      },
    ),
    runs(1500),
  );
});

test('charCount counts characters as spreading a string does, lone surrogates included', () => {
  const unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
  fc.assert(fc.property(fc.string({ unit: fc.oneof(unit, fc.constantFrom('\uD83D\uDE00', '\uD800', '\uDC00', '甲')), maxLength: 20 }), (s) => assert.equal(charCount(s), [...s].length)), runs(2000));
});
