/**
 * Walks the lines once: finds headings (numbered, Markdown, annex), the document title,
 * placeholders and emphasis, skipping code, HTML, front matter and quoted text.
 */
import type { AnalysisOptions } from './options';
import type { Heading, HeadingForm, Placeholder, Range, ReportTitle } from './types';
import type { BlockScan, LineInfo } from './blocks';
import { excludedSpans } from './inline';
import { matchAnnex, matchMarker, type MarkerMatch } from './headings';
import { scanLine, type EmphasisPair } from './placeholders';
import type { LineCache, LineEntry } from './lineCache';
import { detach, lineRange, skipIndent, trimEnd, type LineTable } from './text';

export interface Finding {
  code: 'marker-punctuation' | 'marker-width' | 'ambiguous-emphasis';
  range: Range;
  text: string;
  replacement?: string;
}

export interface LineScanResult {
  headings: Heading[];
  placeholders: Placeholder[];
  /** Lines that have placeholders, in order (their diagnostics are cached with them). */
  placeholderLines: LineEntry[];
  findings: Finding[];
  /** Emphasis pairs per line, for renderers that protect placeholders. */
  emphasis: Map<number, EmphasisPair[]>;
  /** A leading title line (not a heading), if any. */
  titleLine: ReportTitle | null;
}

const RUN_IN_STOP = /[。！？!?]/g;
const RUN_IN_COLON = /[：:]/g;
const TRAILING_PUNCT = /[\s\u3000。．.；;：:，,！!？?、]+$/;
const ATX_OPEN = /^#{1,6}(?:[ \t]+|$)/;
const ATX_CLOSE = /[ \t]+#+[ \t]*$/;
const MIN_TITLE_LETTERS = 4;

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

function cleanTitle(raw: string): string {
  return raw.trim().replace(TRAILING_PUNCT, '').trim();
}

/** Where a line's text starts and ends, past indentation, container markers and ATX `#`s. */
function contentBounds(line: string, li: LineInfo): { from: number; to: number } {
  let from = skipIndent(line, li.contentStart);
  let to = trimEnd(line, from);
  if (li.kind === 'heading') {
    const open = ATX_OPEN.exec(line.slice(from));
    if (open) {
      from = skipIndent(line, from + open[0].length);
      const close = ATX_CLOSE.exec(line.slice(from, to));
      if (close) to = from + close.index;
      else if (/^#+$/.test(line.slice(from, to))) to = from;
      to = Math.max(to, from);
    }
  }
  return { from, to };
}

/** The placeholders and emphasis of line `n`, from the cache when the line is unchanged. */
function lineEntry(line: string, n: number, from: number, options: AnalysisOptions, cache: LineCache | undefined): LineEntry {
  let entry = cache?.lookup(n, line, from);
  if (!entry) {
    // What the cache keeps must not pin this version of the document.
    const own = cache ? detach(line) : line;
    const scanned = scanLine(own, from, own.length, from, excludedSpans(own, from), options.placeholders);
    entry = {
      line: n,
      text: own,
      from,
      placeholders: scanned.placeholders.map((p) => ({ text: own.slice(p.start, p.end), kind: p.kind, form: p.form, range: lineRange(n, p.start, p.end) })),
      ambiguous: scanned.ambiguous.map((pair) => ({ start: pair.open[0], end: pair.close[1] })),
      emphasis: scanned.emphasis,
    };
  }
  cache?.keep(entry);
  return entry;
}

/** The heading line `n` reads as in its block context, kept with the entry while that context holds. */
function lineHeading(entry: LineEntry, li: LineInfo, from: number, to: number, allowHeading: boolean, options: AnalysisOptions) {
  const sig = `${li.kind}|${li.depth}|${li.listMarker}|${li.listNumber}|${li.listDepth}|${allowHeading}|${to}`;
  let read = entry.heading?.sig === sig ? entry.heading : undefined;
  if (!read) {
    const findings: Finding[] = [];
    read = { sig, heading: allowHeading ? readHeading(entry.text, entry.line, li, from, to, entry.emphasis, options, findings) : null, findings };
    entry.heading = read;
  }
  return read;
}

function ambiguousFindings(entry: LineEntry): Finding[] {
  return entry.ambiguous.map((a) => ({ code: 'ambiguous-emphasis', range: lineRange(entry.line, a.start, a.end), text: entry.text.slice(a.start, a.end) }));
}

export function scanLines(table: LineTable, blocks: BlockScan, options: AnalysisOptions, cache?: LineCache): LineScanResult {
  const patched = cache ? patchOneLine(table, blocks, options, cache) : null;
  if (patched) return patched;
  const { lines } = table;
  const result: LineScanResult = { headings: [], placeholders: [], placeholderLines: [], findings: [], emphasis: new Map(), titleLine: null };
  let inList = false;
  let listAsHeadings = false;
  let lastText = '';
  let seenContent = false;
  let titleSearch = true;
  let annexTitle: Heading | null = null;

  for (let n = 0; n < lines.length; n++) {
    const li = blocks.lines[n]!;
    if (li.kind === 'blank') continue;
    if (li.kind !== 'text' && li.kind !== 'heading' && li.kind !== 'table') {
      if (li.kind === 'code' || li.kind === 'hr') {
        seenContent = true;
        titleSearch = false;
      }
      if (li.listDepth === 0) inList = false;
      continue;
    }
    const { from, to } = contentBounds(lines[n]!, li);
    const entry = lineEntry(lines[n]!, n, from, options, cache);
    const line = entry.text;
    const emphasis = entry.emphasis;
    if (emphasis.length) result.emphasis.set(n, emphasis);
    if (entry.placeholders.length) {
      result.placeholderLines.push(entry);
      for (const p of entry.placeholders) result.placeholders.push(p);
    }
    if (entry.ambiguous.length) for (const f of ambiguousFindings(entry)) result.findings.push(f);

    // Lists: an ordered top-level list whose lead-in does not end with a colon numbers headings.
    if (li.listDepth === 0) inList = false;
    else if (!inList) {
      inList = true;
      listAsHeadings = li.listMarker === '.' && li.listDepth === 1 && !/[：:]$/.test(lastText);
    }
    lastText = line.slice(from, to);

    if (li.kind === 'table') continue;
    const allowHeading = !li.inQuote && (li.listDepth === 0 || (listAsHeadings && li.listDepth === 1));
    // A line in place with the same block context reads as the same heading: reuse it.
    const read = lineHeading(entry, li, from, to, allowHeading, options);
    for (const f of read.findings) result.findings.push(f);
    const heading = read.heading ? { ...read.heading } : null;
    if (heading?.level === 0 && heading.title === '') annexTitle = heading;
    else if (annexTitle) {
      // `附件1` on a line of its own: the annex's title is the next line, if it reads as one.
      const text = cleanTitle(stripEmphasis(line, from, to, emphasis));
      if (!heading && li.kind === 'text' && [...text].length <= 40 && !/[。；;]/.test(text)) annexTitle.title = text;
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
      if (letters >= MIN_TITLE_LETTERS) {
        titleSearch = false;
        if ([...text].length <= 60 && !/[。；;：:，,！!？?]$/.test(text) && li.listDepth === 0) {
          result.titleLine = { text: cleanTitle(text), range: lineRange(n, from, to), source: 'line' };
        }
      }
    }
    seenContent = true;
  }
  cache?.commit(result);
  return result;
}

/**
 * The previous scan with one paragraph line replaced, when that is all an edit changed and
 * nothing else can read differently because of it: the line stands after the first heading
 * (so it cannot become the title), it is no annex and follows none, and no list follows it
 * (whose lead-in colon decides whether the list numbers headings). Arrays are copied, never
 * changed in place: the previous model may still be in use.
 */
function patchOneLine(table: LineTable, blocks: BlockScan, options: AnalysisOptions, cache: LineCache): LineScanResult | null {
  const prev = cache.previousScan();
  const n = cache.changedLine();
  if (!prev || n === null) return null;
  const li = blocks.lines[n]!;
  const firstHeading = prev.headings[0];
  if (li.kind !== 'text' || li.listDepth > 0 || li.inQuote || !firstHeading || firstHeading.line >= n) return null;
  if (prev.titleLine && prev.titleLine.range.start.line >= n) return null;
  const line = table.lines[n]!;
  const { from, to } = contentBounds(line, li);
  if (/^附件/.test(line.slice(from)) || /^附件/.test(cache.previousLine(n) ?? '')) return null;
  let before = n - 1;
  while (before >= 0 && blocks.lines[before]!.kind === 'blank') before--;
  if (before >= 0 && prev.headings.some((h) => h.line === before && h.level === 0)) return null;
  let after = n + 1;
  while (after < table.lines.length && blocks.lines[after]!.kind === 'blank') after++;
  if (after < table.lines.length && blocks.lines[after]!.listDepth > 0) return null;

  const entry = lineEntry(line, n, from, options, cache);
  const read = lineHeading(entry, li, from, to, true, options);
  const onLine = (r: { range: { start: { line: number } } }) => r.range.start.line === n;
  // Placeholders are in document order: swap the slice of line n.
  const placeholderLine = (p: Placeholder) => p.range.start.line;
  const first = firstAtLine(prev.placeholders, n, placeholderLine);
  const last = firstAtLine(prev.placeholders, n + 1, placeholderLine);
  // Concatenated, not spliced with a spread: one line can hold 100,000 placeholders.
  const placeholders = prev.placeholders.slice(0, first).concat(entry.placeholders, prev.placeholders.slice(last));
  const placeholderLines = prev.placeholderLines.filter((e) => e.line !== n);
  if (entry.placeholders.length) placeholderLines.splice(firstAtLine(placeholderLines, n, (e) => e.line), 0, entry);
  const headings = prev.headings.filter((h) => h.line !== n).map((h) => ({ ...h }));
  if (read.heading) headings.splice(headings.findIndex((h) => h.line > n) >>> 0, 0, { ...read.heading });
  const findings = [...prev.findings.filter((f) => !onLine(f)), ...ambiguousFindings(entry), ...read.findings];
  const emphasis = new Map(prev.emphasis);
  if (entry.emphasis.length) emphasis.set(n, entry.emphasis);
  else emphasis.delete(n);
  const result: LineScanResult = { headings, placeholders, placeholderLines, findings, emphasis, titleLine: prev.titleLine };
  cache.commitPatch(result, entry);
  return result;
}

/** Index of the first item on `line` or after it, in a list kept in line order. */
function firstAtLine<T>(items: readonly T[], line: number, lineOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lineOf(items[mid]!) < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
  let p = from;
  const lead = emphasis.find((e) => e.open[0] === p);
  if (lead) p = lead.open[1];
  const content = line.slice(p, to);
  const isMd = li.kind === 'heading';

  const annex = matchAnnex(content);
  if (annex && (isMd ? /^附件\s*[0-9０-９一二三四五六七八九十:：]/.test(content) : annex.rest === '')) {
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

  let marker: MarkerMatch | null = null;
  let form: HeadingForm = isMd ? (/^\s*#/.test(line.slice(li.contentStart)) ? 'atx' : 'setext') : 'plain';
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
