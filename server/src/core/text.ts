import type { Position, Range } from './types';

/**
 * A document split into lines the way LSP counts them: `\r\n`, `\r` and `\n` each end a line.
 * Columns are UTF-16 code units, which is what JavaScript string indices already are.
 */
export interface LineTable {
  /**
   * The whole text. An editor's document keeps its lines, not one string, between versions:
   * there this is joined on first read, which only the few readers of the whole text pay for.
   */
  readonly text: string;
  /** Line contents without their line break. */
  readonly lines: readonly string[];
  /**
   * The lines are an editor document's own, kept from version to version (an unchanged line
   * is the same string): caches may keep them as they are. Otherwise they are slices of one
   * version's text, and what a cache keeps is copied so as not to pin that text.
   */
  readonly stable?: boolean;
  /** Whether a `\r\n` ends some line, when the table knows it without searching the text. */
  readonly crlf?: boolean;
}

/** The line break an insertion uses: `\r\n` when the document has one, else `\n`. */
export function eolOf(table: LineTable): string {
  return (table.crlf ?? table.text.includes('\r\n')) ? '\r\n' : '\n';
}

export function splitLines(text: string): LineTable {
  // The common case, and the fast one: V8 splits on one character far quicker than a RegExp.
  if (!text.includes('\r')) return { text, lines: text.split('\n') };
  return { text, lines: text.split(/\r\n|\r|\n/) };
}

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function lineRange(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Spaces, tabs, the ideographic space U+3000 and a BOM count as indentation in report lines. */
export function skipIndent(line: string, from = 0): number {
  let i = from;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xfeff || c === 0xa0) i++;
    else break;
  }
  return i;
}

/** Index just after the last non-space character at or before `end`. */
export function trimEnd(line: string, start: number, end = line.length): number {
  let i = end;
  while (i > start) {
    const c = line.charCodeAt(i - 1);
    if (c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0) i--;
    else break;
  }
  return i;
}

/** Whether a UTF-16 unit is white space as `String.prototype.trim` counts it (with line ends and the BOM). */
function trimmable(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Where `s.trim()` starts in `s`, without making it. */
export function trimmedStart(s: string): number {
  let i = 0;
  while (i < s.length && trimmable(s.charCodeAt(i))) i++;
  return i;
}

/** Where `s.trim()` ends in `s` (exclusive), without making it. */
export function trimmedEnd(s: string): number {
  let i = s.length;
  while (i > 0 && trimmable(s.charCodeAt(i - 1))) i--;
  return i;
}

/**
 * A copy of `s` that does not keep the string it was sliced from alive. V8 represents a
 * slice of a long string as a view into it; a line kept in a cache across versions would
 * otherwise pin every version of a 1 MB document it was cut from.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/** `[...s].length` (characters, a surrogate pair counting once) without making an array. */
export function charCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
