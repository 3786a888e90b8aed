/**
 * Keeps the Markdown parser linear on text full of brackets. micromark re-reads the text
 * between a `[` (or `![`) and each `]` that could close it, and GFM footnotes look back
 * through the paragraph at every `]`: a paragraph of thousands of brackets costs the
 * square of its length (64 KB of random `![` and `]`: half a minute). In a paragraph with
 * more than MAX_BRACKETS brackets, every `[`, `]`, `!` and backtick is backslash-escaped: the
 * text looks the same, only its would-be links are shown as written. What is left costs at
 * most MAX_BRACKETS passes over the paragraph.
 */
import type { BlockScan, LineKind } from '../blocks';

export const MAX_BRACKETS = 64;

/** Lines whose inline text the parser reads (code and block HTML are not). */
const INLINE: ReadonlySet<LineKind> = new Set<LineKind>(['text', 'heading', 'table']);

/** `markdown` with the brackets of over-bracketed paragraphs escaped; `lineOf` maps its lines to the report's. */
export function tameBrackets(markdown: string, lineOf: readonly number[], blocks: BlockScan): string {
  if (count(markdown, 0, markdown.length) <= MAX_BRACKETS) return markdown;
  const lines = markdown.split('\n');
  const inline = (k: number) => INLINE.has(blocks.lines[lineOf[k] ?? -1]?.kind ?? 'blank');
  let changed = false;
  for (let i = 0; i < lines.length; ) {
    if (lines[i]!.trim() === '') {
      i++;
      continue;
    }
    let j = i;
    let brackets = 0;
    for (; j < lines.length && lines[j]!.trim() !== ''; j++) if (inline(j)) brackets += count(lines[j]!, 0, lines[j]!.length);
    if (brackets > MAX_BRACKETS) {
      for (let k = i; k < j; k++) if (inline(k)) lines[k] = escapeBrackets(lines[k]!);
      changed = true;
    }
    i = j;
  }
  return changed ? lines.join('\n') : markdown;
}

function count(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5b || c === 0x5d) n++;
  }
  return n;
}

/** Every `[`, `]`, `!` and backtick escaped; what is already escaped stays as it is. */
export function escapeBrackets(line: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x5c) {
      i++; // `\x`: leave the escape and its character alone
    } else if (c === 0x5b || c === 0x5d || c === 0x60 || c === 0x21) {
      out += line.slice(from, i) + '\\';
      from = i;
    }
  }
  return out + line.slice(from);
}
