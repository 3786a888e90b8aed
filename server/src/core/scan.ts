/**
 * Walks the lines once: finds headings (numbered, Markdown, annex), the document title,
 * placeholders and emphasis, skipping code, HTML, front matter and quoted text.
 */
import type { AnalysisOptions } from './options';
import type { Heading, HeadingForm, Range, ReportTitle } from './types';
import type { BlockScan, LineInfo } from './blocks';
import { excludedSpans } from './inline';
import { matchAnnex, matchMarker, matchPart, skipDecoration, type MarkerMatch } from './headings';
import { scanLine, type EmphasisPair } from './placeholders';
import type { LineCache, LineEntry } from './lineCache';
import { addVotes, asFullWidth, documentMode, proseEntry, proseFenceLines, resolveEntry, type DocumentMode, type ModeVotes } from './emphasisMode';
import { charCount, detach, lineRange, skipIndent, trimEnd, type LineTable } from './text';

export interface Finding {
  code: 'marker-punctuation' | 'marker-width' | 'ambiguous-emphasis';
  range: Range;
  text: string;
  replacement?: string;
}

export interface LineScanResult {
  headings: Heading[];
  /** Lines that have placeholders, in order (their placeholders and diagnostics are made from them on demand). */
  placeholderLines: LineEntry[];
  findings: Finding[];
  /** A leading title line (not a heading), if any. */
  titleLine: ReportTitle | null;
  /** What the document's placeholders and bold spans say it is, and their counts. */
  mode: DocumentMode;
  votes: ModeVotes;
}

const RUN_IN_STOP = /[。！？!?]/g;
const RUN_IN_COLON = /[：:]/g;
const TRAILING_PUNCT = new Set([...' \t\r\n\f\v\u00a0\u3000。．.；;：:，,！!？?、']);
const ATX_OPEN = /^#{1,6}(?:[ \t]+|$)/;
const MIN_TITLE_LETTERS = 4;
/** Page chrome above a report's title: breadcrumbs, publication metadata. */
const PAGE_CHROME = /^(?:-+>|>|»|首页|当前位置|您的位置|您现在的位置)|(?:发布时间|发布日期|发文日期|信息来源|来源|浏览次数|访问次数|点击数|阅读量|更新时间)\s*[:：]/;
/** A site's own words above a text: its search box and buttons (`选择特殊符号`, `请输入搜索`), its welcome. */
const SITE_CHROME = /^(?:选择(?:特殊符号|搜索类型|字体|字号|文字大小)|请(?:输入|选择)(?:关键字|关键词|搜索|检索)|(?:站内|高级|全文)?搜索\s*$|打印本页|关闭窗口|返回顶部|分享到|欢迎(?:来到|访问|光临|您来到))/;
/** A label in 【】 at the start of a line, or a short label before a colon: `【时效性】现行有效`, `范文资料:…`. */
const BRACKET_LABEL = /^【([^【】]{1,40})】/;
const COLON_LABEL = /^[^\s:：，,。]{1,6}[:：]\s*(\S.{3,58})$/;
/** A title ends in the kind of document it is (with a note in brackets after it). */
const KIND_END = /(?:报告|总结|方案|计划|规划|要点|意见|办法|规定|细则|纪要|汇报|通知|决定|请示|(?:任务|责任)分[解工])(?:[（(][^）)]*[）)])?$/;
const FILE_EXTENSION = /\.(?:docx?|wps|pdf|txt|pptx?|xlsx?)$/i;

/**
 * What a page's label at the start of a line says of the title: the title it labels
 * (`【公务用房自查报告】…`, `范文资料:全县…实施方案`), null for a label of metadata
 * (`【法宝引证码】CLI.1.4`, `【时效性】现行有效`: no title, no body), '' when there is no label.
 */
function siteLabel(text: string): string | null {
  const bracket = BRACKET_LABEL.exec(text);
  if (bracket) return KIND_END.test(bracket[1]!.trim()) ? bracket[1]!.trim() : text.length > bracket[0].length + 40 ? '' : null;
  const colon = COLON_LABEL.exec(text);
  if (colon && KIND_END.test(colon[1]!.trim()) && !/[。；;，,！!？?]/.test(colon[1]!)) return colon[1]!.trim();
  return '';
}

const INLINE_MARKER = /[，,；;]\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])/g;
/** `## 附件1 …`, `## 附录 名词解释`, `## 附件（可选）`, `## 附5:` (not `## 附近…`). */
const MD_ANNEX = /^(?:附(?:件|录|表)(?:[\s\u30000-9０-９一二三四五六七八九十:：（(A-Z]|$)|附\s*[0-9０-９一二三四五六七八九十])/;
const PANDOC_ATTRIBUTES = /\{(?:[.#][^{}]*|[^{}=]+=[^{}]*)\}[ \t]*$/;
const TABLE_CELLS = /[|｜]|[^\s\u3000][ \u3000]*\t+[ \u3000]*[^\s\u3000]/;
/** Two or more numbers after spaces at the end (tested on the tail only: linear on any line). */
const TRAILING_NUMBERS = /(?:[ \u3000]+[-—0-9０-９.．%％]+){2,}[ \u3000]*$/;
const isTableRow = (text: string) => TABLE_CELLS.test(text) || TRAILING_NUMBERS.test(text.slice(-80));

function stripEmphasis(line: string, start: number, end: number, pairs: readonly EmphasisPair[]): string {
  let out = '';
  let i = start;
  const cuts = pairs.flatMap((p) => [p.open, p.close]).filter(([s, e]) => s >= start && e <= end).sort((a, b) => a[0] - b[0]);
  for (const [s, e] of cuts) {
    out += line.slice(i, s);
    i = e;
  }
  return out + line.slice(i, end);
}

/** The title without surrounding space and closing punctuation (a loop: linear on any text). */
function cleanTitle(raw: string): string {
  const text = raw.trim();
  let end = text.length;
  while (end > 0 && TRAILING_PUNCT.has(text[end - 1]!)) end--;
  return text.slice(0, end).trim();
}

/** Where an ATX heading's closing `#`s (with the spaces before them) start, or `to` when there are none. */
function atxCloseStart(line: string, from: number, to: number): number {
  let i = to;
  while (i > from && (line[i - 1] === ' ' || line[i - 1] === '\t')) i--;
  let j = i;
  while (j > from && line[j - 1] === '#') j--;
  if (j === i) return to;
  if (j === from) return from; // only #s: an empty heading
  let k = j;
  while (k > from && (line[k - 1] === ' ' || line[k - 1] === '\t')) k--;
  return k < j ? k : to;
}

/**
 * Where line `n`'s text starts and ends, past indentation, container markers and ATX `#`s:
 * written to `froms[n]` and `tos[n]` (every line of every version asks: no object each time).
 */
function contentBounds(line: string, li: LineInfo, n: number, froms: Int32Array, tos: Int32Array): void {
  let from = skipIndent(line, li.contentStart);
  let to = trimEnd(line, from);
  if (li.kind === 'heading') {
    const open = ATX_OPEN.exec(line.slice(from));
    if (open) {
      from = skipIndent(line, from + open[0].length);
      to = Math.max(atxCloseStart(line, from, to), from);
      // A Pandoc attribute block after the text (`## 标题 {.noindent}`) is not part of the title.
      const attr = PANDOC_ATTRIBUTES.exec(line.slice(from, to));
      if (attr && attr.index > 0) to = trimEnd(line, from, from + attr.index);
    }
  }
  froms[n] = from;
  tos[n] = to;
}

/** The placeholders and emphasis of line `n`, from the cache when the line is unchanged. */
function lineEntry(line: string, n: number, from: number, options: AnalysisOptions, cache: LineCache | undefined, stable: boolean): LineEntry {
  let entry = cache?.lookup(n, line, from);
  if (!entry) {
    // What the cache keeps must not pin this version of the document (an editor's lines are its own).
    const own = cache && !stable ? detach(line) : line;
    const scanned = scanLine(own, from, own.length, from, excludedSpans(own, from), options.placeholders);
    entry = {
      line: n,
      text: own,
      from,
      cols: scanned.placeholders,
      ambiguous: scanned.ambiguous,
      emphasis: scanned.emphasis,
      templateOnly: scanned.templateOnly,
    };
  }
  cache?.keep(entry);
  return entry;
}

/** The heading line `n` reads as in its block context, kept with the entry while that context holds. */
function lineHeading(entry: LineEntry, li: LineInfo, from: number, to: number, allowHeading: boolean, options: AnalysisOptions) {
  const was = entry.heading;
  const same =
    !!was &&
    was.allowHeading === allowHeading &&
    was.to === to &&
    (was.li === li ||
      (was.li.kind === li.kind && was.li.depth === li.depth && was.li.listMarker === li.listMarker && was.li.listNumber === li.listNumber && was.li.listDepth === li.listDepth));
  let read = same ? was : undefined;
  if (!read) {
    const findings: Finding[] = [];
    read = { li, allowHeading, to, heading: allowHeading ? readHeading(entry.text, entry.line, li, from, to, entry.emphasis, options, findings) : null, findings };
    entry.heading = read;
  }
  return read;
}

function ambiguousFindings(entry: LineEntry): Finding[] {
  return entry.ambiguous.map((a) => ({ code: 'ambiguous-emphasis', range: lineRange(entry.line, a.start, a.end), text: entry.text.slice(a.start, a.end), replacement: asFullWidth(entry.text.slice(a.start, a.end)) }));
}

export function scanLines(table: LineTable, blocks: BlockScan, options: AnalysisOptions, cache?: LineCache): LineScanResult {
  const { lines } = table;
  // First every line's own reading, whose votes decide how the document reads ambiguous pairs.
  const raws: Array<LineEntry | undefined> = new Array(lines.length);
  // Each text line's content bounds, from the first pass for the second.
  const froms = new Int32Array(lines.length);
  const tos = new Int32Array(lines.length);
  const votes: ModeVotes = { template: 0, bold: 0 };
  for (let n = 0; n < lines.length; n++) {
    const li = blocks.lines[n]!;
    if (li.kind !== 'text' && li.kind !== 'heading' && li.kind !== 'table') continue;
    contentBounds(lines[n]!, li, n, froms, tos);
    addVotes(votes, (raws[n] = lineEntry(lines[n]!, n, froms[n]!, options, cache, !!table.stable)));
  }
  for (const n of proseFenceLines(lines, blocks)) addVotes(votes, (raws[n] = proseEntry(lines[n]!, n, options.placeholders)));
  const mode = documentMode(votes);
  const result: LineScanResult = { headings: [], placeholderLines: [], findings: [], titleLine: null, mode, votes };
  let inList = false;
  let listAsHeadings = false;
  let lastList: { end: number; asHeadings: boolean } | null = null;
  let lastText = '';
  let seenContent = false;
  let titleSearch = true;
  let annexTitle: Heading | null = null;

  for (let n = 0; n < lines.length; n++) {
    const li = blocks.lines[n]!;
    if (li.kind === 'blank') continue;
    if (li.kind !== 'text' && li.kind !== 'heading' && li.kind !== 'table') {
      const prose = raws[n] && resolveEntry(raws[n]!, mode);
      if (prose?.cols.length) result.placeholderLines.push(prose);
      if (li.kind === 'code' || li.kind === 'hr') {
        seenContent = true;
        titleSearch = false;
      }
      if (li.listDepth === 0) inList = false;
      continue;
    }
    const from = froms[n]!;
    const to = tos[n]!;
    const entry = resolveEntry(raws[n]!, mode);
    const line = entry.text;
    const emphasis = entry.emphasis;
    if (entry.cols.length) result.placeholderLines.push(entry);
    if (entry.ambiguous.length) for (const f of ambiguousFindings(entry)) result.findings.push(f);

    // Lists: an ordered top-level list whose lead-in does not end with a colon numbers headings,
    // unless its items end like clauses of one sentence (`；`, `，`). A list that goes on from
    // the number where the previous one stopped (`1.`, a paragraph, `2.`) is the same list.
    if (li.listDepth === 0) inList = false;
    else if (!inList) {
      inList = true;
      const ordered = li.listMarker === '.' && li.listDepth === 1;
      if (ordered && lastList && li.listNumber === lastList.end + 1) listAsHeadings = lastList.asHeadings;
      else listAsHeadings = ordered && !/[：:]$/.test(lastText) && !clauseItems(lines, blocks, n);
    }
    if (li.listMarker === '.' && li.listDepth === 1) lastList = { end: li.listNumber, asHeadings: listAsHeadings };
    lastText = line.slice(from, to);

    if (li.kind === 'table') continue;
    const allowHeading = !li.inQuote && (li.listDepth === 0 || (listAsHeadings && li.listDepth === 1));
    // A line in place with the same block context reads as the same heading: reuse it.
    const read = lineHeading(entry, li, from, to, allowHeading, options);
    for (const f of read.findings) result.findings.push(f);
    // The cached heading as it is (readStructure copies what it changes), but for an annex or
    // part line whose title the next line gives: that one is filled in on a copy.
    const annex = !!read.heading && (read.heading.level === 0 || !!read.heading.part) && read.heading.title === '';
    const heading = read.heading && annex ? { ...read.heading } : read.heading;
    // `附件1` or `第一部分` on a line of its own: the title is the next line, if it reads as one.
    if ((heading?.level === 0 || heading?.part) && heading.title === '') annexTitle = heading;
    else if (annexTitle) {
      const text = cleanTitle(stripEmphasis(line, from, to, emphasis));
      if (!heading && li.kind === 'text' && charCount(text) <= 40 && !/[。；;]/.test(text)) annexTitle.title = text;
      annexTitle = null;
    }
    if (heading) {
      if (titleSearch && heading.form !== 'list' && heading.marker === '' && heading.level !== 0 && li.depth === 1 && !seenContent) {
        result.titleLine = { text: heading.title, range: heading.range, source: 'heading' };
        titleSearch = false;
        seenContent = true;
        continue;
      }
      result.headings.push(heading);
      seenContent = true;
      titleSearch = false;
      continue;
    }
    if (titleSearch && li.kind === 'text') {
      const text = stripEmphasis(line, from, to, emphasis).trim();
      const letters = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
      // A web page's breadcrumb or metadata line before the title is no title, and no body yet.
      if (letters >= MIN_TITLE_LETTERS && !PAGE_CHROME.test(text) && !SITE_CHROME.test(text)) {
        const label = siteLabel(text);
        if (label === null) {
          seenContent = true; // a database's metadata (`【法宝引证码】…`): chrome too
          continue;
        }
        if (label) {
          // `【公务用房自查报告】为落实…`, `范文资料:全县…实施方案`: the title the page labels.
          titleSearch = false;
          const at = line.indexOf(label, from);
          result.titleLine = { text: label, range: at >= 0 ? lineRange(n, at, at + label.length) : lineRange(n, from, to), source: 'line' };
          seenContent = true;
          continue;
        }
        titleSearch = false;
        if (charCount(text) <= 60 && !/[。；;：:，,！!？?]$/.test(text) && li.listDepth === 0) {
          // A file's name is the title without its extension (`…工作要点.docx` on a sharing page).
          const ext = FILE_EXTENSION.exec(text);
          const end = ext && line.slice(from, to).endsWith(ext[0]) ? to - ext[0].length : to;
          result.titleLine = { text: cleanTitle(ext ? text.slice(0, ext.index) : text), range: lineRange(n, from, end), source: 'line' };
        }
      }
    }
    seenContent = true;
  }
  cache?.commit();
  return result;
}

/** The top-level items of the list starting at line `n` end like clauses (`；`, `，`, `、`). */
function clauseItems(lines: readonly string[], blocks: BlockScan, n: number): boolean {
  for (let k = n; k < lines.length; k++) {
    const li = blocks.lines[k]!;
    if (li.kind === 'blank') continue;
    if (li.listDepth === 0) break;
    if (li.listDepth === 1 && li.listMarker && /[；;，,、]\s*$/.test(lines[k]!)) return true;
  }
  return false;
}

function readHeading(
  line: string,
  n: number,
  li: LineInfo,
  from: number,
  to: number,
  emphasis: readonly EmphasisPair[],
  options: AnalysisOptions,
  findings: Finding[],
): Heading | null {
  let p = skipDecoration(line, from);
  const lead = emphasis.find((e) => e.open[0] === p);
  if (lead) p = skipDecoration(line, lead.open[1]);
  const content = line.slice(p, to);
  const isMd = li.kind === 'heading';

  const annex = matchAnnex(content);
  if (annex && (isMd ? MD_ANNEX.test(content) : annex.rest === '')) {
    // The marker and its range are one slice of the line (JavaScript's \s, which matched
    // after it, also covers a stray BOM: both lose it together).
    const marker = content.slice(0, content.length - annex.rest.length).replace(/\s+$/, '');
    return {
      level: 0,
      marker,
      ordinal: annex.ordinal,
      title: cleanTitle(stripEmphasis(line, to - annex.rest.length, to, emphasis)),
      form: isMd ? (line.trimStart().startsWith('#') ? 'atx' : 'setext') : 'plain',
      depth: li.depth,
      range: lineRange(n, from, to),
      markerRange: lineRange(n, p, p + marker.length),
      line: n,
    };
  }

  let form: HeadingForm = isMd ? (/^\s*#/.test(line.slice(li.contentStart)) ? 'atx' : 'setext') : 'plain';
  const part = li.listMarker ? null : matchPart(line, p, to);
  if (part) {
    let t = part.end;
    const closing = emphasis.find((e) => e.close[0] === t);
    if (closing) t = closing.close[1];
    t = skipIndent(line, t);
    if (/^[、:：.．]/.test(line.slice(t, to))) t = skipIndent(line, t + 1);
    return {
      level: 1,
      marker: part.text,
      ordinal: part.ordinal,
      title: cleanTitle(stripEmphasis(line, t, to, emphasis)),
      form,
      depth: li.depth,
      range: lineRange(n, from, to),
      markerRange: lineRange(n, part.start, part.end),
      line: n,
      part: part.unit,
    };
  }

  let marker: MarkerMatch | null = null;
  if (li.listMarker === '.' && !isMd) {
    // `1. 标题` as a Markdown list item: the list number is the level-3 marker.
    const raw = line.slice(0, li.contentStart);
    const m = /(\d{1,9})\.\s*$/.exec(raw);
    if (!m) return null;
    const start = m.index;
    marker = {
      level: 3,
      ordinal: li.listNumber,
      start,
      end: start + m[1]!.length + 1,
      text: m[1]! + '.',
      widthIssue: false,
      punctuationIssue: options.level3Punctuation === 'fullwidth',
      canonical: `${li.listNumber}${options.level3Punctuation === 'fullwidth' ? '．' : '.'}`,
    };
    form = 'list';
  } else {
    marker = matchMarker(line, p, options.level3Punctuation);
  }
  if (!marker && !isMd) return null;
  // A table row flattened into text (`二、办理结果 | 予以公开 | 12 |`, cells split by tabs) is no heading.
  if (marker && !isMd && isTableRow(line.slice(marker.end, to))) return null;
  // A table of contents run into one line (`一、概述,(一)…,二、…`) is no heading either.
  if (marker && !isMd && (line.slice(marker.end, to).match(INLINE_MARKER)?.length ?? 0) >= 2) return null;

  let t = marker && form !== 'list' ? marker.end : p;
  const afterMarker = emphasis.find((e) => e.close[0] === t || e.open[0] === t);
  if (afterMarker && afterMarker.close[0] === t) t = afterMarker.close[1];
  t = skipIndent(line, t);

  let titleEnd = to;
  let headEnd = to;
  if (!isMd) {
    // A full stop ends a run-in heading; failing that, a colon with text after it.
    RUN_IN_STOP.lastIndex = t;
    let stop = RUN_IN_STOP.exec(line);
    if (!stop || stop.index >= to || line.slice(stop.index + 1, to).trim() === '') {
      RUN_IN_COLON.lastIndex = t;
      stop = RUN_IN_COLON.exec(line);
    }
    if (stop && stop.index < to && line.slice(stop.index + 1, to).trim() !== '') {
      titleEnd = stop.index;
      headEnd = stop.index + 1;
      form = 'run-in';
    }
  }
  const title = cleanTitle(stripEmphasis(line, t, titleEnd, emphasis));
  const start = marker ? Math.min(marker.start, from) : from;

  if (marker) {
    const markerRange = lineRange(n, marker.start, marker.end);
    if (marker.punctuationIssue) findings.push({ code: 'marker-punctuation', range: markerRange, text: marker.text, replacement: marker.canonical });
    if (marker.widthIssue) findings.push({ code: 'marker-width', range: markerRange, text: marker.text, replacement: marker.canonical });
  }
  return {
    level: marker ? marker.level : 1,
    marker: marker ? marker.text : '',
    ordinal: marker ? marker.ordinal : null,
    title,
    form,
    depth: li.depth,
    range: lineRange(n, start, headEnd),
    markerRange: marker ? lineRange(n, marker.start, marker.end) : lineRange(n, start, start),
    line: n,
  };
}
