/**
 * The Markdown that the renderer hands to remark: the report's own text, made
 * line-faithful and with its placeholders out of the parser's reach.
 *
 * - Every placeholder's source range becomes a private-use token (`\uE000`, its index in
 *   private-use digits, `\uE001`), so remark never sees its asterisks, brackets or
 *   underscores; the token is swapped for a chip after rendering.
 * - A report written one paragraph per line with no blank lines is ONE CommonMark
 *   paragraph. Each line of such a paragraph becomes a paragraph of its own (a blank line
 *   is put before it, its indentation dropped and a leading block marker escaped, so it
 *   stays the text it was). Inside list items and block quotes, where a blank line would
 *   change the structure, a hard break ends the line instead.
 * - The end of a run-in heading (`（一）标题。正文…`) is marked with `\uE002`.
 * - Front matter becomes blank lines.
 *
 * `lineOf` maps each line of the result back to the report's line, for `data-line`.
 */
import type { ReportModel } from '../types';
import type { BlockScan } from '../blocks';

export const PLACEHOLDER_OPEN = '\uE000';
export const PLACEHOLDER_CLOSE = '\uE001';
export const RUN_IN_END = '\uE002';
/** An asterisk remark must not read (see `literalAsterisksIfHostile`); shown as `*`. */
export const LITERAL_ASTERISK = '\uE003';
const DIGIT_ZERO = 0xe010;
/** The renderer's private characters; any already in the report are replaced (same length). */
const RESERVED = /[\uE000-\uE01F]/g;
/** A placeholder token; group 1 holds its index in private-use digits. */
export const PLACEHOLDER_TOKEN = /\uE000([\uE010-\uE019]+)\uE001/g;

export function placeholderToken(index: number): string {
  let digits = '';
  for (const d of String(index)) digits += String.fromCharCode(DIGIT_ZERO + d.charCodeAt(0) - 48);
  return PLACEHOLDER_OPEN + digits + PLACEHOLDER_CLOSE;
}

export function tokenIndex(digits: string): number {
  let n = 0;
  for (let i = 0; i < digits.length; i++) n = n * 10 + (digits.charCodeAt(i) - DIGIT_ZERO);
  return n;
}

export interface PreparedSource {
  markdown: string;
  /** The report line (0-based) of each line of `markdown`. */
  lineOf: number[];
}

/** Text at the start of a line that would open a block once the line stands alone. */
const BLOCK_START = /^(?:#{1,6}(?=[ \t]|$)|>|[-+*](?=[ \t]|$)|[-*_=](?:[ \t]*[-*_=]){2,}[ \t]*$|`{3,}|~{3,}|\[[^\]]*\]:|\d{1,9}(?=[.)](?:[ \t]|$)))/;

function standAlone(line: string): string {
  const text = line.replace(/^[ \t]+/, '');
  const m = BLOCK_START.exec(text);
  if (!m) return text;
  // `2. 标题` → `2\. 标题`; any other marker gets a backslash before it.
  if (/^\d/.test(m[0])) return m[0] + '\\' + text.slice(m[0].length);
  return '\\' + text;
}

/**
 * The line with its edits made, in one pass (a line can hold 100,000 placeholders: cutting
 * the line once per edit would be quadratic). Edits do not overlap; an insertion at a
 * placeholder's end comes after the placeholder, as edits made from the end would put it.
 */
function applyEdits(line: string, list: Array<{ start: number; end: number; text: string }>): string {
  list.sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const e of list) {
    if (e.start < at) continue;
    parts.push(line.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(line.slice(at));
  return parts.join('');
}

/** More `*` than this on one line and they are shown as written (see below). */
export const MAX_LINE_ASTERISKS = 2000;

/**
 * remark's emphasis matching slows down faster than the line grows once a line holds
 * thousands of delimiter runs (10,000 bold pairs: tens of seconds). No report line holds
 * that many; a hostile one shows its asterisks as written, which keeps every character:
 * they are hidden from remark as a private character and put back after rendering.
 */
function literalAsterisksIfHostile(line: string): string {
  let count = 0;
  for (let i = line.indexOf('*'); i >= 0 && count <= MAX_LINE_ASTERISKS; i = line.indexOf('*', i + 1)) count++;
  if (count <= MAX_LINE_ASTERISKS) return line;
  return line.replace(/\*/g, LITERAL_ASTERISK);
}

export function prepareSource(lines: readonly string[], blocks: BlockScan, model: ReportModel): PreparedSource {
  const edits = new Map<number, Array<{ start: number; end: number; text: string }>>();
  const add = (line: number, start: number, end: number, text: string) => {
    let list = edits.get(line);
    if (!list) edits.set(line, (list = []));
    list.push({ start, end, text });
  };
  model.placeholders.forEach((p, i) => {
    if (p.range.start.line === p.range.end.line) add(p.range.start.line, p.range.start.character, p.range.end.character, placeholderToken(i));
  });
  // A silenced placeholder is literal text: its asterisks, brackets and underscores escaped,
  // so the parser reads them as the characters they are, never as emphasis or a link.
  for (const p of model.silencedPlaceholders ?? []) {
    if (p.range.start.line === p.range.end.line) add(p.range.start.line, p.range.start.character, p.range.end.character, p.text.replace(/[!-/:-@[-`{-~]/g, '\\$&'));
  }
  for (const h of model.headings) {
    if (h.form === 'run-in') add(h.line, h.range.end.character, h.range.end.character, RUN_IN_END);
  }

  const out: string[] = [];
  const lineOf: number[] = [];
  const fm = blocks.frontMatter;
  let prev: BlockScan['lines'][number] | null = null;
  for (let n = 0; n < lines.length; n++) {
    const info = blocks.lines[n]!;
    // Suppression comments are left out, as the block scan left them out.
    if (info.directive) continue;
    if (fm && n >= fm.startLine && n <= fm.endLine) {
      prev = info;
      out.push('');
      lineOf.push(n);
      continue;
    }
    let line = lines[n]!.replace(RESERVED, '\uFFFD');
    const list = edits.get(n);
    if (list) line = applyEdits(line, list);
    // After the edits: their positions count the BOM, as the engine's do.
    if (n === 0) line = line.replace(/^\uFEFF/, '');
    line = literalAsterisksIfHostile(line);
    const continues = info.kind === 'text' && !info.blockStart && prev?.kind === 'text';
    if (continues && info.listDepth === 0 && !info.inQuote && prev!.listDepth === 0 && !prev!.inQuote) {
      out.push('');
      lineOf.push(n);
      line = standAlone(line);
    } else if (continues && out.length > 0) {
      out[out.length - 1] = out[out.length - 1]!.replace(/[ \t]*$/, '') + '  ';
    }
    out.push(line);
    lineOf.push(n);
    prev = info;
  }
  return { markdown: out.join('\n'), lineOf };
}
