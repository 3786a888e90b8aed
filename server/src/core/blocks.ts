/**
 * Block structure: which lines are code, HTML, tables, front matter, Markdown headings,
 * list items or ordinary text. markdown-it's block parser gives CommonMark line maps
 * at ~40 MB/s (its inline parser is not run); report headings and placeholders are then
 * found line by line in the text lines, because a report written one paragraph per line
 * without blank lines is a single CommonMark paragraph.
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { LineTable } from './text';
import { isDirectiveLine } from './suppressions';

export type LineKind =
  | 'blank'
  | 'text' // paragraph text, list item text
  | 'heading' // ATX heading, or the text of a setext heading
  | 'setext-underline'
  | 'code'
  | 'html'
  | 'table'
  | 'front-matter'
  | 'hr';

export interface LineInfo {
  kind: LineKind;
  /** Column where the line's content begins, after blockquote and list markers. */
  contentStart: number;
  /** Markdown heading depth (1..6) on heading lines, else 0. */
  depth: number;
  /** On the first line of a list item: its marker (`-`, `*`, `+`, `.`, `)`), else ''. */
  listMarker: string;
  /** On the first line of an ordered list item: its number. */
  listNumber: number;
  /** How many lists contain this line. */
  listDepth: number;
  /** First line of a paragraph (or of a heading). */
  blockStart: boolean;
  /** Inside a block quote. */
  inQuote: boolean;
  /**
   * A suppression comment (`<!-- report-author-… -->`, suppressions.ts) on a line of its own.
   * Its kind is `blank`: as far as reading goes, nothing is there.
   */
  directive: boolean;
}

export interface FrontMatterBlock {
  /** First and last line (the `---` fences), inclusive. */
  startLine: number;
  endLine: number;
  /** The YAML text between the fences. */
  yaml: string;
}

export interface BlockScan {
  lines: LineInfo[];
  frontMatter: FrontMatterBlock | null;
}

let parser: InstanceType<typeof MarkdownIt> | undefined;
function markdownIt(): InstanceType<typeof MarkdownIt> {
  parser ??= new MarkdownIt('default', { html: true, linkify: false, typographer: false });
  return parser;
}

const HTML_COMMENT_LINE = /^\s*<!--.*-->\s*$/;
const FENCE = /^(---|\.\.\.)\s*$/;
const YAML_KEY = /^[\w\u4e00-\u9fff-]+\s*:/;

/**
 * YAML front matter: `---` as the first line that is not blank or a one-line HTML comment,
 * closed by `---` or `...`, its first line looking like a YAML key.
 */
export function findFrontMatter(table: Pick<LineTable, 'lines'>): FrontMatterBlock | null {
  const { lines } = table;
  let i = 0;
  while (i < lines.length && (lines[i]!.replace(/^\uFEFF/, '').trim() === '' || HTML_COMMENT_LINE.test(lines[i]!))) i++;
  if (i >= lines.length || lines[i]!.replace(/^\uFEFF/, '').trimEnd() !== '---') return null;
  if (i + 1 >= lines.length || !YAML_KEY.test(lines[i + 1]!)) return null;
  // No length limit: a template's rules can run to thousands of lines (the scan is linear).
  for (let j = i + 1; j < lines.length; j++) {
    if (FENCE.test(lines[j]!)) {
      return { startLine: i, endLine: j, yaml: lines.slice(i + 1, j).join('\n') };
    }
  }
  return null;
}

const BLOCKQUOTE_PREFIX = /^(?: {0,3}>[ \t]?)+/;
const LIST_PREFIX = /^[ \t]*(?:[*+-]|\d{1,9}[.)])(?:[ \t]+|$)/;

function leadingSpaces(line: string): number {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}

function quoteLike(line: string): boolean {
  return BLOCKQUOTE_PREFIX.test(line);
}

export function scanBlocks(table: LineTable): BlockScan {
  const { lines } = table;
  const frontMatter = findFrontMatter(table);
  const { info, state } = parseWindow(lines, 0, lines.length, frontMatter, false)!;
  return withState({ lines: info, frontMatter }, state);
}

/** A line where a top-level block starts: markdown-it can start reading again there. */
const START = 1;
/**
 * A line inside a top-level paragraph (not its first, not a setext heading's): markdown-it
 * reads the lines from there on the same way whether the paragraph began there or above.
 */
const INSIDE = 2;

/**
 * Per line, START, INSIDE or 0: where a parse may start again, and where a new parse that
 * reaches the same state on the same (shifted) line agrees with the old one from there on.
 * Kept off the enumerable fields (a model's `source` is never compared or sent).
 */
const STATES = new WeakMap<BlockScan, Uint8Array>();

function withState(scan: BlockScan, state: Uint8Array): BlockScan {
  STATES.set(scan, state);
  return scan;
}

/** How many lines markdown-it has read, for tests that hold the windows small. */
export const blockParseStats = { lines: 0 };

/** Lines parsed past the end of an edit before the window grows (doubling each time). */
const WINDOW = 8;

/**
 * The block structure of `lines`, given that of a previous version (`prevLines`, `prev`):
 * markdown-it runs again only over the region the edit can affect.
 *
 * The region starts where the old parse may start again before the edit: a line inside a
 * top-level paragraph at least two lines above it (the window's parse must then begin with a
 * paragraph there — not a table whose delimiter row the edit wrote, not a setext heading whose
 * underline it wrote, which change lines above — else the next rule applies), or else the
 * start of the block before the one holding the line above the edit (an indented line or a
 * list item after a blank line goes on with a list above). It ends at the first line past the
 * edit where the new parse is in the same state as the old one was on the same line shifted by
 * the change in line count (a top-level block starts, or a top-level paragraph goes on): from
 * there markdown-it reads the same lines the same way. The window is parsed, and grown while
 * no such line lies inside it (a fence or HTML block left open, a list still running at the
 * window's end): the last block of a window is never trusted as complete, only the states on
 * its lines before the window's end. Front matter that changes, or an edit in it or right
 * after it, re-parses everything.
 */
export function updateBlocks(prevLines: readonly string[], prev: BlockScan, table: LineTable): BlockScan {
  const { lines } = table;
  const prevState = STATES.get(prev);
  if (!prevState) return scanBlocks(table);
  const oldLen = prevLines.length;
  const newLen = lines.length;
  let p = 0;
  const min = Math.min(oldLen, newLen);
  while (p < min && prevLines[p] === lines[p]) p++;
  if (p === oldLen && p === newLen) return prev;
  let s = 0;
  while (s < min - p && prevLines[oldLen - 1 - s] === lines[newLen - 1 - s]) s++;
  // The changed region: old lines [p, oldLen - s), new lines [p, newEnd).
  const newEnd = newLen - s;
  const delta = newLen - oldLen;

  const frontMatter = findFrontMatter(table);
  const fmOld = prev.frontMatter;
  const sameFm =
    frontMatter === fmOld ||
    (!!frontMatter && !!fmOld && frontMatter.startLine === fmOld.startLine && frontMatter.endLine === fmOld.endLine && frontMatter.yaml === fmOld.yaml);
  if (!sameFm || (fmOld && p <= fmOld.endLine + 1)) return scanBlocks(table);

  // The start of the block before the one holding (or last before) line p - 1; the first
  // block starts over from line 0 (the BOM is taken off the first line markdown-it reads).
  let blockStart = 0;
  let n = p - 1;
  for (let seen = 0; n > 0; n--) {
    if (prevState[n] === START && ++seen === 2) break;
  }
  if (n > 0) {
    let k = n - 1;
    while (k >= 0 && prevState[k] !== START) k--;
    if (k >= 0) blockStart = n;
  }
  let inside = -1;
  for (let n = p - 2; n > blockStart; n--) {
    if (prevState[n] === INSIDE) {
      inside = n;
      break;
    }
    if (prevState[n] === START) break;
  }

  let from = inside >= 0 ? inside : blockStart;
  for (let size = WINDOW; ; size *= 2) {
    const to = Math.min(newLen, newEnd + size);
    const window = parseWindow(lines, from, to, frontMatter, from === inside);
    if (!window) {
      from = blockStart; // the parse from inside the paragraph did not begin with one
      size = WINDOW / 2;
      continue;
    }
    const { info, state } = window;
    // The first line past the edit in the same state as the old parse had on it.
    let agree = -1;
    if (to < newLen) {
      for (let L = Math.max(newEnd, from + 1); L < to; L++) {
        const st = state[L - from]!;
        // The first line markdown-it reads loses its BOM: such a line may read otherwise once moved.
        if (st && st === prevState[L - delta] && lines[L]!.charCodeAt(0) !== 0xfeff) {
          agree = L;
          break;
        }
      }
      if (agree < 0) continue;
    } else agree = newLen;
    const merged: LineInfo[] = new Array(newLen);
    for (let n = 0; n < from; n++) merged[n] = prev.lines[n]!;
    for (let n = from; n < agree; n++) merged[n] = info[n - from]!;
    for (let n = agree; n < newLen; n++) merged[n] = prev.lines[n - delta]!;
    const out = new Uint8Array(newLen);
    out.set(prevState.subarray(0, from), 0);
    out.set(state.subarray(0, agree - from), from);
    out.set(prevState.subarray(agree - delta), agree);
    return withState({ lines: merged, frontMatter }, out);
  }
}

/**
 * markdown-it's block parse of report lines [from, to): the info and the state (START,
 * INSIDE) of each of those lines. `from` is a top-level block start, or 0, or with `inside`
 * a line inside a top-level paragraph: then the parse must begin with a paragraph there, which
 * goes on the one above (null when it does not).
 */
function parseWindow(
  lines: readonly string[],
  from: number,
  to: number,
  frontMatter: FrontMatterBlock | null,
  inside: boolean,
): { info: LineInfo[]; state: Uint8Array } | null {
  blockParseStats.lines += to - from;
  const info: LineInfo[] = new Array(to - from);
  for (let n = from; n < to; n++) {
    info[n - from] = {
      kind: lines[n]!.trim() === '' ? 'blank' : 'text',
      contentStart: 0,
      depth: 0,
      listMarker: '',
      listNumber: 0,
      listDepth: 0,
      blockStart: false,
      inQuote: false,
      directive: false,
    };
  }

  // What markdown-it sees: front matter blanked (line numbers kept), BOM and NUL neutralised,
  // and suppression comments left out, so that a comment line never changes how the lines
  // around it read (a paragraph stays one, a list stays one list).
  const inFrontMatter = (n: number) => !!frontMatter && n >= frontMatter.startLine && n <= frontMatter.endLine;
  const source: string[] = [];
  /** The window line of each line of `source`, when some lines were left out. */
  let kept: number[] | null = null;
  for (let n = from; n < to; n++) {
    const l = lines[n]!;
    if (!inFrontMatter(n) && l.includes('<!--') && isDirectiveLine(l)) {
      info[n - from]!.kind = 'blank';
      info[n - from]!.directive = true;
      kept ??= Array.from({ length: n - from }, (_, i) => i);
      continue;
    }
    source.push(inFrontMatter(n) ? '' : l);
    kept?.push(n - from);
  }
  if (from === 0 && source.length > 0) source[0] = source[0]!.replace(/^\uFEFF/, '');
  const md = markdownIt();
  const tokens: Token[] = [];
  md.block.parse(source.join('\n').replace(/\0/g, '\uFFFD'), md, {}, tokens);
  /** Window line of source line `s` (one past the end maps past the window's end). */
  const at = kept ? (s: number) => kept![s] ?? info.length : (s: number) => s;
  const state = new Uint8Array(to - from);
  if (inside) {
    const first = tokens[0];
    if (!first || first.type !== 'paragraph_open' || first.level !== 0 || !first.map || at(first.map[0]) !== 0) return null;
  }

  const quoteLines = new Set<number>();
  let listDepth = 0;
  // Source lines [from, to) as window lines: a block spans the comments left out inside it.
  const mark = (a: number, b: number, kind: LineKind) => {
    const end = b > a ? at(b - 1) + 1 : at(a);
    for (let n = at(a); n < end && n < info.length; n++) {
      if (info[n]!.kind !== 'blank' || kind === 'code') info[n]!.kind = kind;
      // In code a comment is text; elsewhere it stays a suppression comment.
      if (kind === 'code') info[n]!.directive = false;
    }
  };
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    const map = tok.map;
    if (map && tok.level === 0 && tok.nesting !== -1) {
      state[at(map[0])] = START;
      if (tok.type === 'paragraph_open') for (let s = map[0] + 1; s < map[1]; s++) state[at(s)] = INSIDE;
    }
    switch (tok.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        listDepth++;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth--;
        break;
      case 'list_item_open':
        if (map && info[at(map[0])]) {
          const li = info[at(map[0])]!;
          li.listMarker = tok.markup;
          li.listNumber = tok.info ? Number(tok.info) : 0;
          // A line that CommonMark joins to the item as a lazy continuation (not indented to the
          // item's text, e.g. a title right after a `- 字段: 值` list) is outside it for a reader.
          const indent = LIST_PREFIX.exec(lines[from + at(map[0])]!.replace(BLOCKQUOTE_PREFIX, ''))?.[0].length ?? 0;
          for (let s = map[0]; s < map[1] && at(s) < info.length; s++) {
            const n = at(s);
            const line = lines[from + n]!;
            const lazy = s > map[0] && indent > 0 && line.trim() !== '' && leadingSpaces(line) < indent && !quoteLike(line);
            info[n]!.listDepth = lazy ? listDepth - 1 : listDepth;
          }
        }
        break;
      case 'blockquote_open':
        if (map) for (let s = map[0]; s < map[1]; s++) quoteLines.add(at(s));
        break;
      case 'fence':
      case 'code_block':
        if (map) mark(map[0], map[1], 'code');
        break;
      case 'html_block':
        if (map) mark(map[0], map[1], 'html');
        break;
      case 'table_open':
        if (map) mark(map[0], map[1], 'table');
        break;
      case 'hr':
        if (map) mark(map[0], map[1], 'hr');
        break;
      case 'heading_open':
        if (map) {
          const depth = Number(tok.tag.slice(1));
          const setext = tok.markup === '=' || tok.markup === '-';
          const last = setext ? map[1] - 1 : map[1];
          for (let s = map[0]; s < last && at(s) < info.length; s++) {
            info[at(s)]!.kind = 'heading';
            info[at(s)]!.depth = depth;
          }
          if (setext && info[at(map[1] - 1)]) info[at(map[1] - 1)]!.kind = 'setext-underline';
          if (info[at(map[0])]) info[at(map[0])]!.blockStart = true;
        }
        break;
      case 'paragraph_open':
        if (map && info[at(map[0])]) info[at(map[0])]!.blockStart = true;
        break;
    }
  }
  if (frontMatter) {
    for (let n = Math.max(from, frontMatter.startLine); n <= frontMatter.endLine && n < to; n++) if (info[n - from]!.kind !== 'blank') info[n - from]!.kind = 'front-matter';
  }

  for (let w = 0; w < info.length; w++) {
    const li = info[w]!;
    if (li.kind !== 'text' && li.kind !== 'heading' && li.kind !== 'table') continue;
    const line = lines[from + w]!;
    let start = 0;
    if (quoteLines.has(w)) {
      li.inQuote = true;
      const m = BLOCKQUOTE_PREFIX.exec(line);
      if (m) start = m[0].length;
    }
    if (li.listMarker) {
      const m = LIST_PREFIX.exec(line.slice(start));
      if (m) start += m[0].length;
    }
    li.contentStart = start;
  }
  if (inside) {
    // The paragraph goes on from above: its first line here is no block start.
    state[0] = INSIDE;
    info[0]!.blockStart = false;
  }
  return { info, state };
}
