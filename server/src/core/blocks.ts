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
export function findFrontMatter(table: LineTable): FrontMatterBlock | null {
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
  const info: LineInfo[] = lines.map((l) => ({
    kind: l.trim() === '' ? 'blank' : 'text',
    contentStart: 0,
    depth: 0,
    listMarker: '',
    listNumber: 0,
    listDepth: 0,
    blockStart: false,
    inQuote: false,
    directive: false,
  }));

  // What markdown-it sees: front matter blanked (line numbers kept), BOM and NUL neutralised,
  // and suppression comments left out, so that a comment line never changes how the lines
  // around it read (a paragraph stays one, a list stays one list).
  const inFrontMatter = (n: number) => !!frontMatter && n >= frontMatter.startLine && n <= frontMatter.endLine;
  const source: string[] = [];
  /** The report line of each line of `source`, when some lines were left out. */
  let kept: number[] | null = null;
  for (let n = 0; n < lines.length; n++) {
    const l = lines[n]!;
    if (!inFrontMatter(n) && l.includes('<!--') && isDirectiveLine(l)) {
      info[n]!.kind = 'blank';
      info[n]!.directive = true;
      kept ??= Array.from({ length: n }, (_, i) => i);
      continue;
    }
    source.push(inFrontMatter(n) ? '' : l);
    kept?.push(n);
  }
  if (source.length > 0) source[0] = source[0]!.replace(/^\uFEFF/, '');
  const md = markdownIt();
  const tokens: Token[] = [];
  md.block.parse(source.join('\n').replace(/\0/g, '\uFFFD'), md, {}, tokens);
  /** Report line of source line `s` (one past the end maps past the report's end). */
  const at = kept ? (s: number) => kept![s] ?? info.length : (s: number) => s;

  const quoteLines = new Set<number>();
  let listDepth = 0;
  // Source lines [from, to) as report lines: a block spans the comments left out inside it.
  const mark = (from: number, to: number, kind: LineKind) => {
    const end = to > from ? at(to - 1) + 1 : at(from);
    for (let n = at(from); n < end && n < info.length; n++) {
      if (info[n]!.kind !== 'blank' || kind === 'code') info[n]!.kind = kind;
      // In code a comment is text; elsewhere it stays a suppression comment.
      if (kind === 'code') info[n]!.directive = false;
    }
  };
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    const map = tok.map;
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
          const indent = LIST_PREFIX.exec(lines[at(map[0])]!.replace(BLOCKQUOTE_PREFIX, ''))?.[0].length ?? 0;
          for (let s = map[0]; s < map[1] && at(s) < info.length; s++) {
            const n = at(s);
            const lazy = s > map[0] && indent > 0 && lines[n]!.trim() !== '' && leadingSpaces(lines[n]!) < indent && !quoteLike(lines[n]!);
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
  if (frontMatter) for (let n = frontMatter.startLine; n <= frontMatter.endLine; n++) if (info[n]!.kind !== 'blank') info[n]!.kind = 'front-matter';

  for (let n = 0; n < info.length; n++) {
    const li = info[n]!;
    if (li.kind !== 'text' && li.kind !== 'heading' && li.kind !== 'table') continue;
    const line = lines[n]!;
    let start = 0;
    if (quoteLines.has(n)) {
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
  return { lines: info, frontMatter };
}
