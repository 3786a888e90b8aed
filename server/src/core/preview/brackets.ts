/**
 * Keeps the Markdown parser (micromark) linear on hostile text, before it sees it:
 *
 * - brackets: micromark re-reads the text between a `[` (or `![`) and each `]` that could
 *   close it, and GFM footnotes look back through the paragraph at every `]`, so a
 *   paragraph of thousands of brackets costs the square of its length (64 KB of random `![`
 *   and `]`: half a minute). In a paragraph with more than MAX_BRACKETS brackets, every
 *   `[`, `]`, `!` and backtick is backslash-escaped;
 * - emphasis: pairing thousands of `*` or `_` delimiters is quadratic too; beyond
 *   MAX_DELIMITERS in a paragraph they are escaped (a line's first character is left alone:
 *   it may be a list marker);
 * - nesting: a line quoted more than MAX_QUOTES deep or indented more than MAX_INDENT
 *   columns (a list nested hundreds deep) is parsed in quadratic time and then overflows
 *   the stack of every tree walk: deeper quotes and indentation are cut to those limits.
 *
 * The text looks the same (escaped characters are shown as written); only links, emphasis
 * and nesting beyond any real report's are given up. Code and HTML blocks are not touched.
 */
import type { BlockScan, LineKind } from '../blocks';

export const MAX_BRACKETS = 64;
export const MAX_DELIMITERS = 256;
export const MAX_QUOTES = 16;
export const MAX_INDENT = 64;

/** Lines whose inline text the parser reads (code and block HTML are not). */
const INLINE: ReadonlySet<LineKind> = new Set<LineKind>(['text', 'heading', 'table']);
const BRACKETS = new Set([0x5b, 0x5d]);
const DELIMITERS = new Set([0x2a, 0x5f]);

/** `markdown` made safe for the parser; `lineOf` maps its lines to the report's. */
export function tameBrackets(markdown: string, lineOf: readonly number[], blocks: BlockScan): string {
  const lines = markdown.split('\n');
  const inline = (k: number) => INLINE.has(blocks.lines[lineOf[k] ?? -1]?.kind ?? 'blank');
  let changed = false;
  for (let k = 0; k < lines.length; k++) {
    if (!inline(k)) continue;
    const cut = cutNesting(lines[k]!);
    if (cut !== lines[k]) {
      lines[k] = cut;
      changed = true;
    }
  }
  for (let i = 0; i < lines.length; ) {
    if (lines[i]!.trim() === '') {
      i++;
      continue;
    }
    let j = i;
    let brackets = 0;
    let delimiters = 0;
    for (; j < lines.length && lines[j]!.trim() !== ''; j++) {
      if (!inline(j)) continue;
      brackets += count(lines[j]!, BRACKETS);
      delimiters += count(lines[j]!, DELIMITERS);
    }
    if (brackets > MAX_BRACKETS || delimiters > MAX_DELIMITERS) {
      for (let k = i; k < j; k++) if (inline(k)) lines[k] = escapeInline(lines[k]!, brackets > MAX_BRACKETS, delimiters > MAX_DELIMITERS);
      changed = true;
    }
    i = j;
  }
  return changed ? lines.join('\n') : markdown;
}

function count(s: string, chars: ReadonlySet<number>): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (chars.has(s.charCodeAt(i))) n++;
  return n;
}

/** At most MAX_QUOTES leading `>` (a dropped one takes its following space along) and runs of at most MAX_INDENT columns. */
function cutNesting(line: string): string {
  let end = 0;
  while (end < line.length && (line[end] === ' ' || line[end] === '\t' || line[end] === '>')) end++;
  const prefix = line.slice(0, end);
  let quotes = 0;
  let run = 0;
  let needed = false;
  for (const ch of prefix) {
    if (ch === '>') {
      quotes++;
      run = 0;
    } else run += ch === '\t' ? 4 : 1;
    if (quotes > MAX_QUOTES || run > MAX_INDENT) needed = true;
  }
  if (!needed) return line;
  let out = '';
  quotes = 0;
  run = 0;
  let skipSpace = false;
  for (const ch of prefix) {
    if (ch === '>') {
      run = 0;
      skipSpace = ++quotes > MAX_QUOTES;
      if (!skipSpace) out += '>';
      continue;
    }
    if (skipSpace) {
      skipSpace = false;
      continue;
    }
    const w = ch === '\t' ? 4 : 1;
    if (run + w <= MAX_INDENT) out += ch;
    run += w;
  }
  return out + line.slice(end);
}

/** `[`, `]`, `!` and backticks (brackets) and `*`, `_` (delimiters) escaped; existing escapes stay. */
export function escapeBrackets(line: string): string {
  return escapeInline(line, true, false);
}

function escapeInline(line: string, brackets: boolean, delimiters: boolean): string {
  let out = '';
  let from = 0;
  const first = line.length - line.trimStart().length;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x5c) {
      i++; // `\x`: leave the escape and its character alone
      continue;
    }
    const escape =
      (brackets && (c === 0x5b || c === 0x5d || c === 0x21)) || ((brackets || delimiters) && c === 0x60) || (delimiters && (c === 0x2a || c === 0x5f) && i !== first);
    if (escape) {
      out += line.slice(from, i) + '\\';
      from = i;
    }
  }
  return out + line.slice(from);
}
