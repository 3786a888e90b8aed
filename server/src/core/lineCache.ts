/**
 * What one line's scan produced, kept between versions of a document so that an edit
 * rescans only the lines it touched. Entries are found by line number and text (an
 * unchanged line in place reuses its objects outright) or, for lines that moved, by text
 * alone (their ranges are rebuilt; no pattern runs again).
 */
import type { Diagnostic, Heading, Placeholder } from './types';
import type { Finding, LineScanResult } from './scan';
import type { AmbiguousPair, DocumentMode, EmphasisPair, LinePlaceholder } from './placeholders';
import { lineRange } from './text';
import type { BlockScan } from './blocks';

export type { AmbiguousPair } from './placeholders';

export interface LineEntry {
  line: number;
  text: string;
  from: number;
  placeholders: Placeholder[];
  ambiguous: AmbiguousPair[];
  emphasis: EmphasisPair[];
  /** Placeholders the line has only in a template (`……` lines, empty form labels). */
  templateOnly: LinePlaceholder[];
  /** This line as read in a document of a given mode (see emphasisMode.ts), when that differs. */
  resolved?: { mode: DocumentMode; entry: LineEntry };
  /** The line's unfilled-placeholder diagnostics, made on first use. */
  diagnostics?: Diagnostic[];
  /** The heading read from the line in its block context (`sig`), with its marker findings. */
  heading?: { sig: string; heading: Heading | null; findings: Finding[] };
}

export class LineCache {
  private byLine: (LineEntry | undefined)[] = [];
  private byText = new Map<string, LineEntry>();
  private nextByLine: (LineEntry | undefined)[] = [];
  private nextByText = new Map<string, LineEntry>();

  /** The previous version's lines and block structure. */
  private blocks: { lines: readonly string[]; scan: BlockScan } | null = null;
  /** The previous version's line scan, and the one line this version changed (-1: none). */
  private scan: LineScanResult | null = null;
  private changed: number | null = null;
  private prevLines: readonly string[] | null = null;

  /** @param key options fingerprint: a cache made under other options is not reused */
  constructor(readonly key: string) {}

  /**
   * The previous block structure, when this version differs from it in one paragraph line
   * whose start is the same: such an edit cannot change what is code, a list, a heading or
   * a table, so markdown-it need not run again.
   */
  reusableBlocks(lines: readonly string[]): BlockScan | null {
    const prev = this.blocks;
    this.changed = null;
    this.prevLines = prev?.lines ?? null;
    if (!prev || prev.lines.length !== lines.length) return null;
    let changed = -1;
    for (let i = 0; i < lines.length; i++) {
      if (prev.lines[i] !== lines[i]) {
        if (changed >= 0) return null;
        changed = i;
      }
    }
    if (changed < 0) return prev.scan;
    const info = prev.scan.lines[changed]!;
    if (info.kind !== 'text' || info.listDepth > 0 || info.inQuote || info.listMarker) return null;
    if (!sameBlockShape(prev.lines[changed]!, lines[changed]!)) return null;
    this.changed = changed;
    return prev.scan;
  }

  /** The one line changed since the previous version, when the block structure was reused. */
  changedLine(): number | null {
    return this.changed !== null && this.changed >= 0 ? this.changed : null;
  }

  previousScan(): LineScanResult | null {
    return this.scan;
  }

  /** Line `n` as it was in the previous version. */
  previousLine(n: number): string | undefined {
    return this.prevLines?.[n];
  }

  rememberBlocks(lines: readonly string[], scan: BlockScan): void {
    this.blocks = { lines, scan };
  }

  lookup(line: number, text: string, from: number): LineEntry | undefined {
    const here = this.byLine[line];
    if (here && here.text === text && here.from === from) return here;
    const moved = this.byText.get(text);
    if (!moved || moved.from !== from) return undefined;
    return {
      line,
      text: moved.text,
      from,
      // Same property order as a fresh scan makes, so code reading placeholders sees one shape.
      placeholders: moved.placeholders.map((p) => ({ text: p.text, kind: p.kind, form: p.form, range: lineRange(line, p.range.start.character, p.range.end.character) })),
      ambiguous: moved.ambiguous,
      emphasis: moved.emphasis,
      templateOnly: moved.templateOnly,
    };
  }

  keep(entry: LineEntry): void {
    this.nextByLine[entry.line] = entry;
    this.nextByText.set(entry.text, entry);
  }

  /** Ends a full pass: what was not kept in it is forgotten. */
  commit(scan: LineScanResult): void {
    this.byLine = this.nextByLine;
    this.byText = this.nextByText;
    this.nextByLine = [];
    this.nextByText = new Map();
    this.scan = scan;
  }

  /** Ends a one-line pass: every other line stays as it was. */
  commitPatch(scan: LineScanResult, entry: LineEntry): void {
    const old = this.byLine[entry.line];
    if (old && this.byText.get(old.text) === old) this.byText.delete(old.text);
    this.byLine[entry.line] = entry;
    this.byText.set(entry.text, entry);
    this.nextByLine = [];
    this.nextByText = new Map();
    this.scan = scan;
  }
}

const PREFIX = 8;
const RISKY = /[|<`~\[]/;
const BREAK_LIKE = /^\s*([=\-*_#+>])/;

/** Two versions of a paragraph line that leave the block structure alone. */
function sameBlockShape(before: string, after: string): boolean {
  if (!before.trim() || !after.trim()) return false;
  if (RISKY.test(before) || RISKY.test(after)) return false;
  if (BREAK_LIKE.test(before) || BREAK_LIKE.test(after)) return false;
  const lead = (s: string) => s.slice(0, s.length - s.trimStart().length + PREFIX);
  return lead(before) === lead(after) && before.trimStart().length >= PREFIX && after.trimStart().length >= PREFIX;
}
