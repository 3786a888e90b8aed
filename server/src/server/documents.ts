/**
 * The server's copy of each open document: a table of lines, to which LSP content changes
 * are applied (the lines an edit touches are split again, every other line stays the same
 * string object), so that a version costs the analysis its changed lines, not a split of
 * the whole text. The text as one string is joined on first read, for the features that
 * need it (completion, code actions, the preview), once per version.
 */
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { LineTable } from '../core/text';

const BREAK = /\r\n|\r|\n/g;

/** Lines and the break after each ('' after the last), as LSP counts lines. */
function split(text: string): { lines: string[]; breaks: string[] } {
  const lines: string[] = [];
  const breaks: string[] = [];
  if (!text.includes('\r')) {
    const parts = text.split('\n');
    for (let i = 0; i < parts.length; i++) breaks.push(i < parts.length - 1 ? '\n' : '');
    return { lines: parts, breaks };
  }
  BREAK.lastIndex = 0;
  let start = 0;
  for (let m = BREAK.exec(text); m; m = BREAK.exec(text)) {
    lines.push(text.slice(start, m.index));
    breaks.push(m[0] === '\n' ? '\n' : m[0] === '\r\n' ? '\r\n' : '\r');
    start = m.index + m[0].length;
  }
  lines.push(text.slice(start));
  breaks.push('');
  return { lines, breaks };
}

/** One version's lines; its text joined on first read (and given, for the version opened). */
class VersionTable implements LineTable {
  readonly stable = true;
  constructor(
    readonly lines: readonly string[],
    private readonly breaks: readonly string[],
    private joined: string | null,
  ) {}

  get crlf(): boolean {
    return this.breaks.includes('\r\n');
  }

  get text(): string {
    if (this.joined === null) {
      const { lines, breaks } = this;
      if (breaks.every((b, i) => b === '\n' || i === breaks.length - 1)) this.joined = lines.join('\n');
      else {
        let out = '';
        for (let i = 0; i < lines.length; i++) out += lines[i]! + breaks[i]!;
        this.joined = out;
      }
    }
    return this.joined;
  }
}

export class LineDocument implements TextDocument {
  private _lines: string[];
  private breaks: string[];
  private offsets: number[] | null = null;
  private _table: VersionTable;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private _version: number,
    content: string,
  ) {
    ({ lines: this._lines, breaks: this.breaks } = split(content));
    this._table = new VersionTable(this._lines, this.breaks, content);
  }

  get version(): number {
    return this._version;
  }

  get lineCount(): number {
    return this._lines.length;
  }

  /**
   * This version's lines, and its text joined on first read: what the analysis takes. The
   * table stays as it is when the document changes (a later version gets a new one).
   */
  get table(): LineTable {
    return this._table;
  }

  getText(range?: Range): string {
    const text = this._table.text;
    if (!range) return text;
    return text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (line >= this._lines.length) {
      const last = this._lines.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this._lines[last]!.length } };
    }
    return { start: { line, character: 0 }, end: { line, character: this._lines[line]!.length } };
  }

  getEOLCharacters(line: number): string {
    return line >= 0 && line < this.breaks.length ? this.breaks[line]! : '';
  }

  offsetAt(position: Position): number {
    const offsets = this.lineOffsets();
    if (position.line >= this._lines.length) return this.getText().length;
    if (position.line < 0) return 0;
    return offsets[position.line]! + Math.max(0, Math.min(position.character, this._lines[position.line]!.length));
  }

  positionAt(offset: number): Position {
    const offsets = this.lineOffsets();
    offset = Math.max(0, Math.min(offset, this.getText().length));
    let lo = 0;
    let hi = offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (offsets[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: Math.min(offset - offsets[lo]!, this._lines[lo]!.length) };
  }

  private lineOffsets(): number[] {
    if (!this.offsets) {
      const offsets = new Array<number>(this._lines.length);
      let at = 0;
      for (let i = 0; i < this._lines.length; i++) {
        offsets[i] = at;
        at += this._lines[i]!.length + this.breaks[i]!.length;
      }
      this.offsets = offsets;
    }
    return this.offsets;
  }

  /** Applies the changes of one didChange, in order, as LSP defines them. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    let lines = this._lines.slice();
    let breaks = this.breaks.slice();
    for (const change of changes) {
      if (!('range' in change) || !change.range) {
        ({ lines, breaks } = split(change.text));
        continue;
      }
      const { start, end } = ordered(change.range);
      const last = lines.length - 1;
      // As TextDocument reads positions: past the last line is the end, before the first the start.
      const clamp = (p: Position) =>
        p.line > last ? { line: last, character: lines[last]!.length } : p.line < 0 ? { line: 0, character: 0 } : { line: p.line, character: Math.max(0, Math.min(p.character, lines[p.line]!.length)) };
      const s = clamp(start);
      const e = clamp(end);
      // The lines around the change are split again with it, so that a `\r` and a `\n` that
      // meet across its edges make one break, as they do in the text.
      const from = Math.max(0, s.line - 1);
      const to = Math.min(last, e.line + 1);
      let region = '';
      for (let i = from; i < s.line; i++) region += lines[i]! + breaks[i]!;
      region += lines[s.line]!.slice(0, s.character) + change.text + lines[e.line]!.slice(e.character) + breaks[e.line]!;
      for (let i = e.line + 1; i <= to; i++) region += lines[i]! + breaks[i]!;
      const parts = split(region);
      // The region ends with the break of line `to` (none after the last line): drop the empty
      // line split after it, unless the region ends the document.
      if (to < last) {
        parts.lines.pop();
        parts.breaks.pop();
      }
      // Unchanged lines at the region's edges keep their string (the analysis compares by identity).
      const n = parts.lines.length;
      if (from < s.line && n > 0 && parts.lines[0] === lines[from]) parts.lines[0] = lines[from]!;
      if (to > e.line && n > 0 && parts.lines[n - 1] === lines[to]) parts.lines[n - 1] = lines[to]!;
      spliceIn(lines, from, to - from + 1, parts.lines);
      spliceIn(breaks, from, to - from + 1, parts.breaks);
    }
    this._lines = lines;
    this.breaks = breaks;
    this._version = version;
    this.offsets = null;
    this._table = new VersionTable(lines, breaks, null);
  }
}

/** `list.splice(start, remove, ...items)` without spreading a long list into arguments. */
function spliceIn<T>(list: T[], start: number, remove: number, items: readonly T[]): void {
  if (items.length === remove) {
    for (let i = 0; i < remove; i++) list[start + i] = items[i]!;
    return;
  }
  const tail = list.slice(start + remove);
  list.length = start;
  for (const x of items) list.push(x);
  for (const x of tail) list.push(x);
}

function ordered(r: Range): Range {
  const { start, end } = r;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : r;
}

/** The configuration that makes `TextDocuments` keep LineDocuments. */
export const lineDocuments: TextDocumentsConfiguration<LineDocument> = {
  create: (uri, languageId, version, content) => new LineDocument(uri, languageId, version, content),
  update: (document, changes, version) => {
    document.update(changes, version);
    return document;
  },
};
