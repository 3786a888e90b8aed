/**
 * Reads the headings found line by line as their author means them, with the context a
 * line alone does not give: a table of contents (目录) repeats the outline but is not it; a
 * Markdown heading above the numbered ones, or a new title followed by its own 一、, starts
 * a new document (a level-0 node, numbered on its own like an annex); `第一部分` / `第一章`
 * stand above 一、 and move the levels below them down.
 */
import type { Heading, ReportTitle } from './types';
import type { BlockScan } from './blocks';
import { charCount, lineRange, trimmedEnd, trimmedStart, type LineTable } from './text';
import { normalizeTitle } from './templates/titles';
import { headingLineFlags, headingOnLine } from './headingLines';

const TOC_LINE = /^(?:#{1,6}[ \t]+)?(?:\*\*|__)?[ \t\u3000]*目[ \t\u3000]*录[ \t\u3000]*(?:\*\*|__)?[ \t]*$/;
/** A table-of-contents entry ends in its page number: `一、总体情况……3`, `概况 .... 12`, `概况\t5`. */
const PAGE_NUMBER = /(?:[.．·…\-—_\s\u3000]{2,}|\t)[0-9０-９]{1,3}$/;
const SENTENCE = /[。；;！!？?]/;
const TITLE_END = /[。；;：:，,！!？?、]$/;
const MAX_TOC_ENTRY = 60;
/** A table of contents longer than this is no table of contents (and no input makes the search slow). */
const MAX_TOC_LINES = 400;
const MAX_TOC_CANDIDATES = 20;
/** The parts of a document's form that a template may show as headings: not sections. */
const FORM_PART = /^(?:标题|题目|正文|落款|署名|签名|署名和日期|成文日期|日期|主送|主送机关|抄送|抄送机关|印发|发文字号|文号|称谓|页码)(?:[（(][^）)]*[）)])?$|^(?:时间|日期|作者|编写人|撰写人|报告人|汇报人|述职人|姓名|部门|单位)\s*[：:]/;
/** A title that is only a link to a place in the document: a contents entry. */
const ANCHOR_LINK = /^\[[^\]]*\]\(#[^)]*\)$/;
/** Punctuation no un-numbered heading line carries. */
const PROSE_MARK = /[。，,；;：:！!？?、…]/;

/** The text without the page number it ends in (looked for in the tail: linear on any line). */
function withoutPageNumber(text: string): string {
  const tail = text.length > 40 ? text.length - 40 : 0;
  return text.slice(0, tail) + text.slice(tail).replace(PAGE_NUMBER, '');
}

const hasPageNumber = (text: string) => PAGE_NUMBER.test(text.slice(-40));

/** Letters and digits only: what two spellings of one heading share. */
function key(text: string): string {
  return withoutPageNumber(text).replace(/[^\p{L}\p{N}]/gu, '');
}

function lineText(table: LineTable, n: number): string {
  return table.lines[n]!.replace(/^\uFEFF/, '').trim();
}

/**
 * The last character of `lineText(table, n)` ('' for a blank line), without making the text:
 * the tests that every keystroke asks of the lines around every heading look at it first.
 */
function lastCharOf(table: LineTable, n: number): string {
  const line = table.lines[n]!;
  const end = trimmedEnd(line);
  return end > 0 ? line[end - 1]! : '';
}

/** `lineText(table, n).length`, without making the text. */
function textLengthOf(table: LineTable, n: number): number {
  const line = table.lines[n]!;
  const end = trimmedEnd(line);
  return end > 0 ? end - trimmedStart(line) : 0;
}

/**
 * The lines of each 目录 block (after the 目录 line, up to where the body repeats the first
 * entry): short lines that end in page numbers, or whose first entry the body repeats, or
 * most of which come back later as headings.
 */
export function tocBlocks(table: LineTable, blocks: BlockScan, headings: readonly Heading[]): Array<[from: number, to: number]> {
  const out: Array<[number, number]> = [];
  const lines = table.lines;
  let candidates = 0;
  for (let n = 0; n < lines.length && candidates < MAX_TOC_CANDIDATES; n++) {
    const li = blocks.lines[n]!;
    // Every keystroke reads every line: look closer only at a short line with 录 in it.
    if (lines[n]!.length > 24 || !lines[n]!.includes('录')) continue;
    if ((li.kind !== 'text' && li.kind !== 'heading') || li.inQuote || !TOC_LINE.test(lineText(table, n))) continue;
    candidates++;
    let first: string | null = null;
    let entries = 0;
    let paged = 0;
    let end = n + 1;
    let bodyStarts = false;
    for (let k = n + 1; k < lines.length && k <= n + MAX_TOC_LINES; k++) {
      const kind = blocks.lines[k]!.kind;
      if (kind === 'blank') continue;
      if (kind !== 'text' && kind !== 'heading' && kind !== 'table') break;
      const text = lineText(table, k).replace(/^#{1,6}[ \t]+/, '');
      if (charCount(text) > MAX_TOC_ENTRY) break;
      const k2 = key(text);
      if (first !== null && k2 && (k2 === first || (first.startsWith(k2) && charCount(k2) >= 2))) {
        bodyStarts = true;
        break;
      }
      if (SENTENCE.test(withoutPageNumber(text)) || !k2) break;
      first ??= k2;
      entries++;
      if (hasPageNumber(text)) paged++;
      end = k + 1;
    }
    if (entries < 2) continue;
    let repeated = 0;
    if (!bodyStarts && paged * 2 < entries) {
      const later = new Set(headings.filter((h) => h.line >= end).map((h) => key(h.marker + h.title)));
      for (let k = n + 1; k < end; k++) if (later.has(key(lineText(table, k).replace(/^#{1,6}[ \t]+/, '')))) repeated++;
    }
    if (bodyStarts || paged * 2 >= entries || repeated * 2 >= entries) {
      out.push([n, end]);
      n = end - 1;
    }
  }
  return out;
}

/** A line that reads as the title of a document: short, one phrase, no closing punctuation. */
function titleLike(raw: string): boolean {
  const text = raw.replace(/^(\*\*|__)(.+)\1$/, '$2').trim();
  const chars = [...text];
  if (chars.length < 4 || chars.length > 60 || TITLE_END.test(text) || /[。；;]/.test(text)) return false;
  if (/^[-—>*#|+]/.test(text) || /^[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日$/.test(text)) return false;
  return (text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 4;
}

function documentHeading(table: LineTable, n: number, depth: number): Heading {
  const raw = table.lines[n]!;
  const from = raw.length - raw.trimStart().length;
  const to = raw.trimEnd().length;
  return {
    level: 0,
    marker: '',
    ordinal: null,
    title: raw.slice(from, to).replace(/^#{1,6}[ \t]+/, '').replace(/^(\*\*|__)(.*)\1$/, '$2').trim(),
    form: depth ? 'atx' : 'plain',
    depth,
    range: lineRange(n, from, to),
    markerRange: lineRange(n, from, from),
    line: n,
  };
}

/**
 * The headings as the author means them: a new array, in which a heading the reading changes
 * is a copy (what the line cache keeps is never changed; the others are shared with it, which
 * a keystroke's version can afford). `titleLine` is the document title, which is never a new
 * document of its own.
 */
export function readStructure(
  headings: readonly Heading[],
  table: LineTable,
  blocks: BlockScan,
  titleLine: ReportTitle | null,
  sectionNames?: { has(name: string): boolean },
): Heading[] {
  // 1. A table of contents repeats the outline; it is not the outline. A Markdown heading that
  // names a part of the document's form (`## 标题`, `## 落款（可选）`) is no section either.
  const toc = tocBlocks(table, blocks, headings);
  let list = headings.filter((h) => !toc.some(([a, b]) => h.line >= a && h.line < b) && !(h.depth > 0 && h.ordinal === null && h.level > 0 && FORM_PART.test(h.title)));
  // A contents list of links into the document (`1. [版本发布](#一、版本发布)`) repeats the outline too.
  list = list.filter((h) => !ANCHOR_LINK.test(h.title));
  list = unnumberedSections(list, table, blocks, titleLine);
  if (sectionNames) list = namedSections(list, table, blocks, titleLine, sectionNames);
  list = parallelSections(list, table, blocks, titleLine);
  list = withoutTableCells(list, table, blocks);
  list = withoutSentenceBreaks(list, table, blocks);
  list = withoutTableNumbering(list, table, blocks);
  list = decimalSubheads(list, table, blocks);

  // 2. An un-numbered Markdown heading with fewer `#` than every numbered one stands above 一、:
  // a new document when it is titled like one (`# 周报-Week05`, `# 2025年工作计划`), else a
  // part, like 第一部分 (`# 主要工作` over `## 一、…`).
  const numberedDepths = list.filter((h) => h.depth > 0 && h.ordinal !== null && h.level > 0 && !h.part).map((h) => h.depth);
  if (numberedDepths.length) {
    let top = Infinity; // a loop, not Math.min(...): 150,000 headings overflow the stack as call arguments
    for (const d of numberedDepths) top = Math.min(top, d);
    const isAbove = (h: Heading) => h.depth > 0 && h.depth < top && h.ordinal === null && h.level > 0;
    // The author uses those headings for one thing: documents only if every one is titled so.
    const documents = list.every((h) => !isAbove(h) || DOCUMENT_TITLE.test(h.title));
    list = list.map((h) => (!isAbove(h) ? h : documents ? { ...h, level: 0 } : { ...h, part: `#${h.depth}` }));
  }

  // 2b. A Markdown document numbered only with `1.` (`## 1. 本周工作`, no 一、 or （一） anywhere):
  // its shallowest numbered headings are its top sections, level 1, by its own hierarchy.
  if (list.some((h) => h.depth > 0) && !list.some((h) => h.ordinal !== null && !h.part && (h.level === 1 || h.level === 2))) {
    const depths = list.filter((h) => h.depth > 0 && h.ordinal !== null && h.level === 3 && !h.part).map((h) => h.depth);
    const top = depths.reduce((m, d) => Math.min(m, d), Infinity);
    if (depths.length >= 2) list = list.map((h) => (h.depth === top && h.ordinal !== null && h.level === 3 && !h.part ? { ...h, level: 1 } : h));
  }

  // 3. In plain text, a top-level 一、 that starts again after a title line starts a new document.
  list = newDocuments(list, table, blocks, titleLine);

  // An item list introduced by a colon (`编报说明：` `1、…`) numbers on its own.
  for (let i = 0; i < list.length; i++) {
    const h = list[i]!;
    if (h.ordinal === 1 && h.level >= 2 && !h.part && leadInColon(table, blocks, h.line)) list[i] = { ...h, introduced: true };
  }

  // 4. Parts (第一部分, 第一章, 第一节) stand above 一、: the levels below them move down.
  return shiftUnderParts(list);
}

/**
 * In a plain-text document whose top level carries no numbers (`（一）` under un-numbered
 * section lines), a short line between two paragraphs, with no punctuation of prose, is a
 * level-1 section heading (`“十四五”时期工作回顾`).
 */
function unnumberedSections(list: Heading[], table: LineTable, blocks: BlockScan, titleLine: ReportTitle | null): Heading[] {
  if (list.some((h) => h.depth > 0 || (h.level === 1 && h.ordinal !== null) || h.part) || !list.some((h) => h.level === 2 && h.ordinal !== null)) return list;
  const headingLines = headingLineFlags(list, table.lines.length);
  const paragraph = (k: number) => {
    const li = blocks.lines[k];
    return li !== undefined && li.kind === 'text' && li.listDepth === 0 && !li.inQuote && !headingLines.has(k) && charCount(lineText(table, k)) >= 30;
  };
  const added: Heading[] = [];
  let bodyStarted = false;
  // A line that comes back (a page header repeating the title) is no section.
  let counts: Map<string, number> | null = null;
  const repeated = (text: string) => {
    if (!counts) {
      counts = new Map();
      for (let k = 0; k < table.lines.length; k++) {
        const t = lineText(table, k);
        if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
      }
    }
    return (counts.get(text) ?? 0) > 1 || text === titleLine?.text;
  };
  for (let k = 0; k < table.lines.length; k++) {
    const li = blocks.lines[k]!;
    if (li.kind === 'blank') continue;
    const text = lineText(table, k);
    if (!bodyStarted) {
      bodyStarted = paragraph(k) && /[。！!？?]$/.test(text);
      continue;
    }
    if (li.kind !== 'text' || li.listDepth > 0 || li.inQuote || headingLines.has(k) || k === titleLine?.range.start.line) continue;
    const chars = charCount(text);
    if (chars < 4 || chars > 30 || PROSE_MARK.test(text) || /^[-—>*#|+]/.test(text) || (text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < 4) continue;
    let before = k - 1;
    while (before >= 0 && blocks.lines[before]!.kind === 'blank') before--;
    let after = k + 1;
    while (after < table.lines.length && blocks.lines[after]!.kind === 'blank') after++;
    if (!paragraph(before) || !/[。！!？?：:”」』]$/.test(lineText(table, before)) || !paragraph(after) || repeated(text)) continue;
    const h = documentHeading(table, k, 0);
    added.push({ ...h, level: 1 });
  }
  if (!added.length) return list;
  return [...list, ...added].sort((a, b) => a.line - b.line);
}

/** The longest line read as a section by its name alone. */
const MAX_NAMED_SECTION = 20;

/**
 * Where the top level carries no numbers, a line of its own whose whole text is the name of a
 * template's section (`基本情况`, `存在问题：`, `**对策建议**`), between the end of a sentence (or
 * the title) and a body, is that section's level-1 heading. `names`: normalised titles and
 * synonyms of the templates' top sections.
 */
function namedSections(list: Heading[], table: LineTable, blocks: BlockScan, titleLine: ReportTitle | null, names: { has(name: string): boolean }): Heading[] {
  if (list.some((h) => h.depth > 0 || (h.level <= 1 && h.ordinal !== null) || h.part)) return list;
  const headingLines = headingLineFlags(list, table.lines.length);
  const titleAt = titleLine?.range.start.line ?? -1;
  const added: Heading[] = [];
  for (let k = 0; k < table.lines.length; k++) {
    const li = blocks.lines[k]!;
    if (li.kind !== 'text' || li.listDepth > 0 || li.inQuote || headingLines.has(k) || k === titleAt) continue;
    const raw = table.lines[k]!;
    if (raw.length > MAX_NAMED_SECTION * 2 + 8) continue; // every keystroke reads every line: skip long ones first
    const text = lineText(table, k).replace(/^(\*\*|__)(.+)\1$/, '$2').replace(/[：:]$/, '').trim();
    const chars = charCount(text);
    if (chars < 3 || chars > MAX_NAMED_SECTION || PROSE_MARK.test(text) || !names.has(normalizeTitle(text))) continue;
    // Before it: the end of a sentence, the title, a heading or nothing; after it: its body.
    let before = k - 1;
    while (before >= 0 && blocks.lines[before]!.kind === 'blank') before--;
    const opens =
      before < 0 ||
      before === titleAt ||
      headingLines.has(before) ||
      (blocks.lines[before]!.kind === 'text' && /[。！!？?：:”」』]$/.test(lineText(table, before))) ||
      blocks.lines[before]!.kind === 'front-matter';
    let after = k + 1;
    while (after < table.lines.length && blocks.lines[after]!.kind === 'blank') after++;
    if (!opens || after >= table.lines.length || blocks.lines[after]!.kind !== 'text' || blocks.lines[after]!.inQuote) continue;
    added.push({ ...documentHeading(table, k, 0), level: 1, title: text });
  }
  if (!added.length) return list;
  return [...list, ...added].sort((a, b) => a.line - b.line);
}

/**
 * Where the top level carries no numbers, short lines that each stand right before a numbering
 * that starts at 1 (`2023年工作回顾` / `1.` `2.` … / `2024年工作展望` / `1.` `2.` …), two or more of
 * them, are the document's un-numbered level-1 sections.
 */
function parallelSections(list: Heading[], table: LineTable, blocks: BlockScan, titleLine: ReportTitle | null): Heading[] {
  if (list.some((h) => h.depth > 0 || h.level <= 1 || h.part)) return list;
  const at = new Map(list.map((h) => [h.line, h]));
  const added: Heading[] = [];
  let level = 0;
  for (let k = 0; k < table.lines.length; k++) {
    const li = blocks.lines[k]!;
    if (li.kind !== 'text' || li.listDepth > 0 || li.inQuote || at.has(k) || k === titleLine?.range.start.line) continue;
    const text = lineText(table, k);
    const chars = charCount(text);
    if (chars < 4 || chars > 30 || PROSE_MARK.test(text) || /^[-—>*#|+]/.test(text) || (text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < 4) continue;
    let after = k + 1;
    while (after < table.lines.length && blocks.lines[after]!.kind === 'blank') after++;
    const next = at.get(after);
    if (!next || next.ordinal !== 1 || (level && next.level !== level)) continue;
    level = next.level;
    added.push({ ...documentHeading(table, k, 0), level: 1 });
  }
  if (added.length < 2) return list;
  return [...list, ...added].sort((a, b) => a.line - b.line);
}

/** `1.1 经济目标`, `2.3项目进度`: a decimal number and a short title, no prose punctuation. */
const DECIMAL_HEAD = /^([0-9０-９]{1,2})[.．]([0-9０-９]{1,2})(?![0-9０-９.．])[ \t\u3000]*([^\s。；;，,：:！!？?、%％]{3,30})$/;
/** What follows a decimal number that is an amount, not a title: `1.5万元`, `2.3亿`, `1.2倍`. */
const UNIT_START = /^[万亿元倍个米吨件次人户亩家]/u;

/**
 * Decimal sub-heads on plain lines (`1.1 经济目标` under `一、` or `1.`): a line numbered N.M
 * inside the N-th top section, as one of a run that starts at N.1, is a heading one level
 * below that section (its number is the title's; the numbering checks leave it alone).
 */
function decimalSubheads(list: Heading[], table: LineTable, blocks: BlockScan): Heading[] {
  const tops = list.filter((h) => h.level === 1 && h.ordinal !== null && !h.part);
  if (!tops.length) return list;
  const headingLines = headingLineFlags(list, table.lines.length);
  const found: Heading[] = [];
  let t = -1;
  let expected = 1;
  for (let k = tops[0]!.line + 1; k < table.lines.length; k++) {
    while (t + 1 < tops.length && tops[t + 1]!.line <= k) {
      t++;
      expected = 1;
    }
    const li = blocks.lines[k]!;
    if (li.kind !== 'text' || li.listDepth > 0 || li.inQuote || headingLines.has(k)) continue;
    const length = textLengthOf(table, k);
    if (!length || length > 40) continue;
    const m = DECIMAL_HEAD.exec(lineText(table, k).normalize('NFKC'));
    if (!m || UNIT_START.test(m[3]!) || Number(m[1]) !== tops[t]!.ordinal || Number(m[2]) !== expected) continue;
    expected++;
    found.push({ ...documentHeading(table, k, 0), level: 2 });
  }
  // One alone may be a number in the text: a run of two or more is the author's outline.
  if (found.length < 2) return list;
  return [...list, ...found].sort((a, b) => a.line - b.line);
}

/** A value alone on a line: a number, an amount, a share (`12`, `3.5万元`, `98%`, `—`). */
const VALUE_LINE = /^[-—–]?[0-9０-９][0-9０-９.,，．]*\s*(?:%|％|‰|万元|亿元|元|万|个|件|次|人|项|家|条)?$|^[-—–]$/;

/**
 * The headings without the numbered lines that are cells of a flattened table. A line between
 * two table lines that goes on with the document's numbering (`二、…` / `规章 | 0 |` /
 * `三、收到和处理…` / `申请人情况 |`) holds no cell separator of its own: it is the section that
 * follows the table, not a wrapped cell.
 */
function withoutTableCells(list: Heading[], table: LineTable, blocks: BlockScan): Heading[] {
  const last = [0, 0, 0, 0, 0];
  const out: Heading[] = [];
  for (const h of list) {
    const numbered = h.level > 0 && h.ordinal !== null && !h.part;
    const next = numbered && h.ordinal! >= 2 && last[h.level] === h.ordinal! - 1;
    if (tableCell(h, table, blocks, next)) continue;
    if (h.level === 0) last.fill(0);
    else if (numbered) {
      last[h.level] = h.ordinal!;
      for (let d = h.level + 1; d <= 4; d++) last[d] = 0;
    }
    out.push(h);
  }
  return out;
}

/**
 * A table flattened one cell per line: a numbered line followed by a line holding only its
 * value (`一、本年新收申请数量` / `12`) is a row label, not a heading. `next`: the line carries
 * the next number of the document's own numbering.
 */
function tableCell(h: Heading, table: LineTable, blocks: BlockScan, next: boolean): boolean {
  if (h.form !== 'plain' || h.depth > 0 || h.level === 0 || h.part) return false;
  let k = h.line + 1;
  while (k < table.lines.length && blocks.lines[k]!.kind === 'blank') k++;
  if (k < table.lines.length && blocks.lines[k]!.kind === 'text' && valueStart(table, k) && VALUE_LINE.test(lineText(table, k))) return true;
  // A flattened pipe table whose long cell wrapped (`2 |`, `（二）部分公开（……不计`, `其他情形） |`):
  // a line with no cell end of its own, right between two lines that end a cell, is a piece of the table.
  // One that goes on with the document's numbering is the section after the table.
  const prev = h.line - 1;
  return (
    !next &&
    k === h.line + 1 &&
    k < table.lines.length &&
    prev >= 0 &&
    !cellEnd(table, h.line) &&
    blocks.lines[prev]!.kind !== 'blank' &&
    cellEnd(table, prev) &&
    cellEnd(table, k)
  );
}

/** A line of prose that breaks off inside a sentence: long, with sentence punctuation, ending in a character. */
const BROKEN_PROSE = /[，,。；;]/;
const MIN_BROKEN_PROSE = 40;

function breaksOff(table: LineTable, blocks: BlockScan, k: number): boolean {
  if (k < 0 || blocks.lines[k]!.kind !== 'text' || blocks.lines[k]!.inQuote || blocks.lines[k]!.listDepth > 0) return false;
  // Every keystroke asks this of the line above every numbered heading: the cheap tests first,
  // on the line as it is (its text is its trimmed middle), the last character only, and no
  // count of a line long enough to have the characters.
  const line = table.lines[k]!;
  const end = trimmedEnd(line);
  const start = end > 0 ? trimmedStart(line) : 0;
  if (end - start < MIN_BROKEN_PROSE || !BROKEN_END.test(line.slice(Math.max(start, end - 2), end)) || !BROKEN_PROSE.test(line)) return false;
  return end - start >= 2 * MIN_BROKEN_PROSE || charCount(line.slice(start, end)) >= MIN_BROKEN_PROSE;
}
const BROKEN_END = /[\p{Script=Han}，,、]$/u;

/**
 * A heading never starts inside a sentence. A number at the start of a line right after a
 * line of prose that breaks off mid-sentence (`…结果张榜公布，并与` / `3、补助挂钩。`) continues
 * that sentence: no marker (a document-sharing page's chunk counter, an item list wrapped
 * before its item). The numbers before it in the same run of lines (`1、` on the line above,
 * itself broken off) count the same chunks.
 */
function withoutSentenceBreaks(list: Heading[], table: LineTable, blocks: BlockScan): Heading[] {
  const dropped = new Set<Heading>();
  for (const h of list) {
    if ((h.form !== 'plain' && h.form !== 'run-in') || h.depth > 0 || h.level === 0 || h.part || h.ordinal === null || h.ordinal < 2 || dropped.has(h)) continue;
    // A Markdown list item starts anew by its syntax.
    if (blocks.lines[h.line]!.listDepth > 0 || !breaksOff(table, blocks, h.line - 1)) continue;
    dropped.add(h);
    // The counters before it, each on the line right above and itself broken off.
    let prev = headingOnLine(list, h.line - 1);
    let ordinal = h.ordinal - 1;
    while (prev && prev.marker.length && prev.level === h.level && prev.ordinal === ordinal && breaksOff(table, blocks, prev.line)) {
      dropped.add(prev);
      ordinal--;
      prev = headingOnLine(list, prev.line - 1);
    }
  }
  return dropped.size ? list.filter((h) => !dropped.has(h)) : list;
}

/** A line of a flattened table ends its last cell with a bar: `（一）予以公开 |`, `2 |`. */
const CELL_END = /\S[ \t\u3000]*[|｜]$/;

/** Line `n` ends a cell (the bar first: most lines end otherwise). */
function cellEnd(table: LineTable, n: number): boolean {
  const last = lastCharOf(table, n);
  return (last === '|' || last === '｜') && CELL_END.test(lineText(table, n));
}

/** Line `n`'s text starts as a value does (VALUE_LINE), tested on its first character. */
function valueStart(table: LineTable, n: number): boolean {
  const line = table.lines[n]!;
  const c = line[trimmedStart(line)];
  return c !== undefined && /[-—–0-9０-９]/.test(c);
}

/**
 * Some numbering starts again at 1 under the same parent (every keystroke reads this; the
 * line-by-line search runs only when it does).
 */
function restartsAnywhere(list: readonly Heading[]): boolean {
  // seen[level]: a numbered heading of that level since its parent (levels are small numbers).
  const seen: boolean[] = [];
  for (const h of list) {
    if (h.level === 0) {
      seen.length = 0;
      continue;
    }
    if (h.ordinal === 1 && seen[h.level]) return true;
    if (seen.length > h.level + 1) seen.length = h.level + 1;
    if (h.ordinal !== null) seen[h.level] = true;
  }
  return false;
}

/** A line that can be a cell of a table flattened one cell per line: short, no sentence in it. */
function cellLine(table: LineTable, blocks: BlockScan, k: number): boolean {
  const li = blocks.lines[k]!;
  if (li.kind !== 'text' || li.listDepth > 0 || li.inQuote) return false;
  // More than 80 UTF-16 units are more than 40 characters: no need to count (or copy) a long line.
  if (textLengthOf(table, k) > 80) return false;
  const text = lineText(table, k);
  return charCount(text) <= 40 && !SENTENCE.test(text);
}

const MIN_CELL_RUN = 8;

/**
 * A table flattened one cell per line, with no separators (信息公开年报: `申请人情况`, `自然人`,
 * …, `一、本年新收政府信息公开申请数量`, `三、本年度办理结果`, `（一）予以公开` …): a run of at
 * least eight short lines without sentences, some of them not numbered. Inside such a run,
 * numbered lines whose numbering starts again are the table's own row labels: from there to
 * the end of the run only a line that goes on with the document's numbering is a heading
 * (the later one, when two do), and nothing below it.
 */
function withoutTableNumbering(list: Heading[], table: LineTable, blocks: BlockScan): Heading[] {
  if (list.length < 3 || !restartsAnywhere(list)) return list;
  // Made when a run of cell lines needs it: most documents have none.
  let headingLines: Set<number> | null = null;
  const headingAt = { has: (line: number) => (headingLines ??= new Set(list.map((h) => h.line))).has(line) };
  // Runs of cell lines (blank lines inside a run do not end it).
  const runOf = new Map<number, number>();
  let runs = 0;
  for (let k = 0; k < table.lines.length; ) {
    if (!cellLine(table, blocks, k)) {
      k++;
      continue;
    }
    const members: number[] = [];
    let j = k;
    for (; j < table.lines.length; j++) {
      if (blocks.lines[j]!.kind === 'blank') continue;
      if (!cellLine(table, blocks, j)) break;
      members.push(j);
    }
    if (members.length >= MIN_CELL_RUN && members.filter((m) => !headingAt.has(m)).length >= 3 && members.some((m) => headingAt.has(m))) {
      runs++;
      for (const m of members) runOf.set(m, runs);
    }
    k = j + 1;
  }
  if (!runs) return list;

  const out: Heading[] = [];
  const last = [0, 0, 0, 0, 0];
  let restartedIn = 0; // the run in which the table's own numbering started
  let restartLevel = 5;
  let tentative = -1; // index in `out` of a heading kept inside such a run
  for (const h of list) {
    const run = runOf.get(h.line) ?? 0;
    if (run !== restartedIn) {
      restartedIn = 0;
      restartLevel = 5;
      tentative = -1;
    }
    if (h.level === 0 || h.part || h.ordinal === null) {
      if (h.level === 0) last.fill(0);
      out.push(h);
      continue;
    }
    const L = h.level;
    if (run && !restartedIn && h.ordinal === 1 && last[L]! > 0) {
      restartedIn = run;
      restartLevel = L;
      continue;
    }
    if (restartedIn) {
      if (L > restartLevel) continue;
      if (h.ordinal === last[L]! + 1) tentative = out.length;
      else if (tentative >= 0 && out[tentative]!.level === L && out[tentative]!.ordinal === h.ordinal) {
        out.splice(tentative, 1);
        tentative = out.length;
      } else continue;
    }
    last[L] = h.ordinal;
    for (let d = L + 1; d <= 4; d++) last[d] = 0;
    out.push(h);
  }
  return out;
}

function newDocuments(list: Heading[], table: LineTable, blocks: BlockScan, titleLine: ReportTitle | null): Heading[] {
  const out: Heading[] = [];
  let seen = new Set<number>(); // levels numbered in the current document
  let top = 5;
  let previousLine = titleLine ? titleLine.range.start.line : -1;
  let lastTop = 0; // the last number at the top level
  let quoted: { level: number; resume: number } | null = null;
  for (const h of list) {
    if (quoted) {
      // An outline quoted after a colon (`重点抓好以下工作：` then `一、…二、…`) is content, up to
      // the heading that goes on with the document's own numbering.
      const resumes = h.level === 0 || h.part || h.level < quoted.level || (h.level === quoted.level && h.ordinal === quoted.resume);
      if (!resumes) continue;
      quoted = null;
    }
    if (h.level === 0 || h.part) {
      if (h.level === 0) {
        seen = new Set();
        top = 5;
        lastTop = 0;
      }
    } else if (h.ordinal === 1 && seen.has(h.level) && h.level <= top) {
      const title = titleBefore(table, blocks, previousLine, h.line);
      if (title !== null) {
        out.push(documentHeading(table, title, 0));
        seen = new Set();
        top = 5;
        lastTop = 0;
      } else if (leadInColon(table, blocks, h.line)) {
        quoted = { level: h.level, resume: lastTop + 1 };
        continue;
      }
    }
    if (h.level > 0 && h.ordinal !== null && !h.part) {
      seen.add(h.level);
      if (h.level < top) lastTop = 0;
      top = Math.min(top, h.level);
      if (h.level === top) lastTop = h.ordinal;
    }
    out.push(h);
    previousLine = h.line;
  }
  return out;
}

/** The text line before line `n` ends with a colon: what follows is introduced, not a section. */
function leadInColon(table: LineTable, blocks: BlockScan, n: number): boolean {
  let k = n - 1;
  while (k >= 0 && blocks.lines[k]!.kind === 'blank') k--;
  if (k < 0 || blocks.lines[k]!.kind !== 'text') return false;
  const last = lastCharOf(table, k);
  return last === '：' || last === ':';
}

/** A collection page's label of one of its documents: `篇2`, `篇一:`, `【篇三】`, `范文二`. */
const DOCUMENT_LABEL = /(?:^|[\s\u3000【])(?:篇|范文)\s*[0-9０-９一二三四五六七八九十]{1,3}(?![0-9０-９一二三四五六七八九十])/;

/** The nearest title-like (or 篇-labelled) paragraph line between two heading lines (exclusive), scanning up. */
function titleBefore(table: LineTable, blocks: BlockScan, after: number, before: number): number | null {
  for (let k = before - 1; k > after; k--) {
    const li = blocks.lines[k]!;
    if (li.kind === 'blank') continue;
    if (li.kind !== 'text' || li.listDepth > 0 || li.inQuote) continue;
    // The title of a document (it names a kind of document, or is a collection's 篇 label),
    // not any short line (`申请人情况` heads a table's column).
    const text = lineText(table, k);
    if ((titleLike(text) && DOCUMENT_TITLE.test(text.replace(/^(\*\*|__)(.+)\1$/, '$2'))) || DOCUMENT_LABEL.test(text)) return k;
  }
  return null;
}

function shiftUnderParts(list: Heading[]): Heading[] {
  if (!list.some((h) => h.part)) return list;
  const out: Heading[] = [];
  let start = 0;
  const flush = (end: number) => {
    const scope = list.slice(start, end);
    const units = [...new Set(scope.filter((h) => h.part).map((h) => partRank(h.part!)))].sort((a, b) => a - b);
    let under = false;
    for (const h of scope) {
      if (h.part) {
        under = true;
        out.push({ ...h, level: (units.indexOf(partRank(h.part)) + 1) as Heading['level'] });
      } else if (under && h.level > 0 && units.length) {
        const own = h.markerLevel ?? (h.level as 1 | 2 | 3 | 4);
        out.push({ ...h, level: Math.min(4, own + units.length) as Heading['level'], markerLevel: own });
      } else out.push(h);
    }
  };
  list.forEach((h, i) => {
    if (h.level === 0 && !h.part) {
      flush(i);
      out.push(h);
      start = i + 1;
    }
  });
  flush(list.length);
  return out;
}

function partRank(unit: string): number {
  // Markdown parts (`#1`, `#2`) rank by their depth, above 第X节.
  if (unit.startsWith('#')) return Number(unit.slice(1)) / 10;
  return unit === '篇' || unit === '编' ? 1 : unit === '节' ? 3 : 2;
}

const SIGNATURE_DATE = /^(?:[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日|[二〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$/;

/**
 * The title of the report a cover notice carries: when a signature block (a unit line, then
 * its date, then perhaps `（此件公开发布）`) stands before the first section, and a title-like
 * line follows it, that line is the report's title, not the notice's.
 */
export function titleAfterCover(title: ReportTitle | null, headings: readonly Heading[], table: LineTable, blocks: BlockScan): ReportTitle | null {
  if (!title || title.source === 'front-matter') return title;
  const firstHeading = headings.find((h) => h.level > 0)?.line ?? table.lines.length;
  const next = (k: number) => {
    while (k < firstHeading && blocks.lines[k]!.kind === 'blank') k++;
    return k;
  };
  for (let k = title.range.end.line + 1; k < firstHeading; k++) {
    if (blocks.lines[k]!.kind !== 'text' || !SIGNATURE_DATE.test(lineText(table, k).replace(/\s/g, ''))) continue;
    // The signing unit stands on the line above its date.
    let unit = k - 1;
    while (unit > title.range.end.line && blocks.lines[unit]!.kind === 'blank') unit--;
    if (unit <= title.range.end.line || !titleLike(lineText(table, unit)) || PROSE_MARK.test(lineText(table, unit))) continue;
    let after = next(k + 1);
    // The date again (a page that prints it twice), then perhaps `（此件公开发布）`.
    if (after < firstHeading && SIGNATURE_DATE.test(lineText(table, after).replace(/\s/g, ''))) after = next(after + 1);
    if (after < firstHeading && /^[（(][^（()）]{1,12}[）)]$/.test(lineText(table, after))) after = next(after + 1);
    if (after >= firstHeading || blocks.lines[after]!.kind !== 'text' || !titleLike(lineText(table, after)) || !DOCUMENT_KIND.test(lineText(table, after))) continue;
    const raw = table.lines[after]!;
    const from = raw.length - raw.trimStart().length;
    return { text: lineText(table, after), range: lineRange(after, from, raw.trimEnd().length), source: 'line' };
  }
  return title;
}

/** A heading that titles a document of its own: it names a kind of document (and maybe a period after it). */
const DOCUMENT_TITLE = /(?:周报|月报|日报|季报|年报|报告|总结|计划|规划|方案|要点|纪要|通知|汇报)(?:[\s\-—–_:：（(]|第|[0-9０-９A-Za-z]|$)|^[\s*_]*(?:[0-9０-９]{4}\s*[-./年]\s*[0-9０-９]{1,2}|第\s*[0-9０-９一二三四五六七八九十]+\s*周|week\s*[0-9]+)/i;
/** Words that name a kind of document, as titles end (with a year range or a note after them). */
const DOCUMENT_KIND = /(?:报告|总结|方案|计划|规划|要点|意见|办法|规定|细则|纪要|汇报|通知|决定|请示|(?:任务|责任)分[解工])(?:[（(][^）)]*[）)])?$/;
const OPEN_TITLE_END = /(?:的|关于|和|与|及|暨|之|对)$/u;
const KIND_LINE = /^的?[\p{L}\p{N}]{0,16}?(?:报告|总结|方案|计划|规划|要点|意见|通知|请示|决定|办法|纪要|汇报|述职报告|自查报告|调研报告)$/u;

/**
 * A title split over two lines (`关于2025年……工作情况的` / `报告`): the second line, short and
 * with no prose punctuation, completes the first when the first ends open (的, 关于, 和 …) or
 * the second names a kind of document.
 */
export function joinSplitTitle(title: ReportTitle | null, headings: readonly Heading[], table: LineTable, blocks: BlockScan): ReportTitle | null {
  if (!title || title.source !== 'line' || title.range.start.line !== title.range.end.line) return title;
  let k = title.range.end.line + 1;
  while (k < table.lines.length && blocks.lines[k]!.kind === 'blank') k++;
  if (k >= table.lines.length || blocks.lines[k]!.kind !== 'text' || blocks.lines[k]!.listDepth > 0 || headings.some((h) => h.line === k)) return title;
  const second = lineText(table, k);
  if (charCount(second) > 20 || PROSE_MARK.test(second) || !(OPEN_TITLE_END.test(title.text) || KIND_LINE.test(second))) return title;
  if (TITLE_END.test(title.text) || KIND_LINE.test(title.text)) return title;
  const raw = table.lines[k]!;
  return { text: title.text + second, range: { start: title.range.start, end: { line: k, character: raw.trimEnd().length } }, source: 'line' };
}
