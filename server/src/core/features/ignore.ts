/**
 * "Ignore here" quick fixes: a suppression comment (suppressions.ts) placed where it keeps
 * the Markdown as it was.
 *
 * - An ordinary line: `<!-- report-author-disable-next-line CODE -->` on the line above, with
 *   the line's indentation: at the top level up to three spaces (four would make it code; a
 *   full-width indentation is the text's own); in a block quote the `>` prefix.
 * - A list item: inside the previous item of the same list, at its content column, so the
 *   list stays one list; the first item of a list gets the comment above the list.
 * - A table row: `disable CODE` above the table and `enable CODE` below it (a comment line
 *   inside a table would end it).
 * - Front matter: `disable-file CODE` after its closing fence (a comment would break the YAML).
 * - A `disable-next-line` comment already above the line gets the code added to it.
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { scanBlocks, type BlockScan } from '../blocks';
import { splitLines, type LineTable } from '../text';
import { directiveText, parseDirective } from '../suppressions';

export interface IgnoreEdits {
  /** Edits for "ignore here". */
  here: TextEdit[];
  /** Edits for "ignore in this file". */
  file: TextEdit[];
}

/** The document's lines and blocks, computed once for all the findings of one request. */
export class IgnoreContext {
  private parsed: { table: LineTable; blocks: BlockScan; eol: string } | null = null;
  constructor(private readonly text: string) {}

  private get doc() {
    if (!this.parsed) {
      const table = splitLines(this.text);
      this.parsed = { table, blocks: scanBlocks(table), eol: this.text.includes('\r\n') ? '\r\n' : this.text.includes('\r') ? '\r' : '\n' };
    }
    return this.parsed;
  }

  /** The edits that silence `d`, or null when the finding has no line of its own to name. */
  editsFor(d: Diagnostic): IgnoreEdits | null {
    const code = String(d.code);
    const { table, blocks, eol } = this.doc;
    const { lines } = table;
    const L = d.range.start.line;
    if (L < 0 || L >= lines.length) return null;
    const file = this.fileEdits(code);
    const info = blocks.lines[L]!;
    const fm = blocks.frontMatter;
    if (fm && L >= fm.startLine && L <= fm.endLine) return { here: file, file };
    if (info.kind === 'table') {
      let first = L;
      while (first > 0 && blocks.lines[first - 1]!.kind === 'table') first--;
      let last = L;
      while (last + 1 < lines.length && blocks.lines[last + 1]!.kind === 'table') last++;
      const indent = prefixOf(lines[first]!, blocks, first);
      return {
        here: [insertBefore(first, indent + directiveText('disable', [code]), eol), insertAfter(lines, last, indent + directiveText('enable', [code]), eol)],
        file,
      };
    }
    const above = L > 0 && blocks.lines[L - 1]!.directive ? parseDirective(lines[L - 1]!, L - 1) : null;
    if (above?.kind === 'disable-next-line' && above.codes.length) {
      if (above.codes.includes(code)) return null;
      return { here: [{ range: above.range, newText: directiveText('disable-next-line', [...above.codes, code]) }], file };
    }
    let at = L;
    let indent = prefixOf(lines[L]!, blocks, L);
    if (info.listMarker && info.listDepth > 0) {
      // The item before it in the same list, if the line above belongs to one.
      let p = L - 1;
      while (p >= 0 && blocks.lines[p]!.kind === 'blank') p--;
      if (p >= 0 && blocks.lines[p]!.listDepth >= info.listDepth) {
        let item = p;
        while (item >= 0 && !(blocks.lines[item]!.listMarker && blocks.lines[item]!.listDepth === info.listDepth)) item--;
        if (item >= 0) indent = ' '.repeat(blocks.lines[item]!.contentStart);
      }
    }
    // Stacked comments above the line stay together: the new one goes above them.
    while (at > 0 && blocks.lines[at - 1]!.directive) at--;
    return { here: [insertBefore(at, indent + directiveText('disable-next-line', [code]), eol)], file };
  }

  /**
   * The edit that removes what an `unused-suppression` finding names: the comment line, or the
   * codes of it that silence nothing when others in it still do.
   */
  removeUnused(d: Diagnostic): TextEdit | null {
    const { table } = this.doc;
    const n = d.range.start.line;
    const line = table.lines[n];
    const directive = line === undefined ? null : parseDirective(line, n);
    if (!directive) return null;
    const unused = (d.data as { codes?: unknown } | undefined)?.codes;
    const drop = Array.isArray(unused) ? unused.filter((c): c is string => typeof c === 'string') : [];
    const keep = directive.codes.filter((c) => !drop.includes(c));
    if (drop.length && keep.length) return { range: directive.range, newText: directiveText(directive.kind, keep) };
    // The whole line, with its line break.
    const end = n + 1 < table.lines.length ? { line: n + 1, character: 0 } : { line: n, character: line!.length };
    const start = n + 1 < table.lines.length || n === 0 ? { line: n, character: 0 } : { line: n - 1, character: table.lines[n - 1]!.length };
    return { range: { start, end }, newText: '' };
  }

  private fileEdits(code: string): TextEdit[] {
    const { table, blocks, eol } = this.doc;
    const fm = blocks.frontMatter;
    const text = directiveText('disable-file', [code]);
    if (fm) return [insertAfter(table.lines, fm.endLine, text, eol)];
    return [insertBefore(0, text, eol)];
  }
}

/** What a comment line before line `n` starts with: the quote's `>`s, the list's indentation. */
function prefixOf(line: string, blocks: BlockScan, n: number): string {
  const info = blocks.lines[n]!;
  const quote = info.inQuote ? (/^(?:[ \t]{0,3}>[ \t]?)+/.exec(line)?.[0] ?? '') : '';
  if (info.listDepth === 0) {
    // Up to three spaces, as the line has them; four would make the comment code.
    const spaces = /^ {0,3}(?! )/.exec(line.slice(quote.length))?.[0] ?? '';
    return quote + spaces;
  }
  return quote + (/^[ \t]*/.exec(line.slice(quote.length))?.[0] ?? '');
}

function insertBefore(line: number, text: string, eol: string): TextEdit {
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: text + eol };
}

function insertAfter(lines: readonly string[], line: number, text: string, eol: string): TextEdit {
  if (line + 1 < lines.length) return insertBefore(line + 1, text, eol);
  const end = { line, character: lines[line]!.length };
  return { range: { start: end, end }, newText: eol + text };
}
