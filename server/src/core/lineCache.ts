/**
 * What one line's scan produced, kept between versions of a document so that an edit
 * rescans only the lines it touched, and the previous version's block structure, so that
 * an edit re-parses only the blocks it can affect. Line entries are found by line number
 * and text (an unchanged line in place reuses its objects outright) or, for lines that
 * moved, by text alone (their ranges are rebuilt from columns; no pattern runs again).
 */
import type { Diagnostic, Heading, Placeholder } from './types';
import type { Finding } from './scan';
import type { AmbiguousPair, DocumentMode, EmphasisPair, LinePlaceholder } from './placeholders';
import { lineRange, type LineTable } from './text';
import { scanBlocks, updateBlocks, type BlockScan, type LineInfo } from './blocks';

export type { AmbiguousPair } from './placeholders';

/** A placeholder of a line by its columns (as the line's scan found it): kept with the line's text, whatever line it moves to. */
export type PlaceholderColumns = LinePlaceholder;

export interface LineEntry {
  line: number;
  text: string;
  from: number;
  /** The line's placeholders by column (shared by the entries of the same text on other lines). */
  cols: readonly PlaceholderColumns[];
  /** The same on this entry's line, made on first use (`placeholdersOf`). */
  abs?: Placeholder[];
  ambiguous: AmbiguousPair[];
  emphasis: EmphasisPair[];
  /** Placeholders the line has only in a template (`……` lines, empty form labels). */
  templateOnly: LinePlaceholder[];
  /** This line as read in a document of a given mode (see emphasisMode.ts), when that differs. */
  resolved?: { mode: DocumentMode; entry: LineEntry };
  /** The line's unfilled-placeholder diagnostics, made on first use. */
  diagnostics?: Diagnostic[];
  /** The heading read from the line in its block context (`li`, …), with its marker findings. */
  heading?: { li: LineInfo; allowHeading: boolean; to: number; heading: Heading | null; findings: Finding[] };
}

export class LineCache {
  private byLine: (LineEntry | undefined)[] = [];
  private nextByLine: (LineEntry | undefined)[] = [];
  /**
   * An entry for each line text seen lately: kept across passes (a pass sets only the texts
   * it scanned or moved, no map is rebuilt per version) and pruned to the lines of the last
   * pass when it holds more than twice as many texts.
   */
  private byText = new Map<string, LineEntry>();

  /** The previous version's lines and block structure. */
  private blocks: { lines: readonly string[]; scan: BlockScan } | null = null;

  /** @param key options fingerprint: a cache made under other options is not reused */
  constructor(readonly key: string) {}

  /**
   * The block structure of this version: the previous one with the region an edit can
   * affect parsed again (see `updateBlocks`), or a whole parse the first time.
   */
  blocksFor(table: LineTable): BlockScan {
    const prev = this.blocks;
    const scan = prev ? updateBlocks(prev.lines, prev.scan, table) : scanBlocks(table);
    this.blocks = { lines: table.lines, scan };
    return scan;
  }

  /**
   * The entry of line `n` (text `text`, read from column `from`): the same object when the
   * line is unchanged in place; for a line that moved (lines inserted or deleted above it),
   * the entry of its text with the line number attached again — what it found is kept with
   * columns only, so no pattern runs again.
   */
  lookup(line: number, text: string, from: number): LineEntry | undefined {
    const here = this.byLine[line];
    if (here && here.text === text && here.from === from) return here;
    const moved = this.byText.get(text);
    if (!moved || moved.from !== from) return undefined;
    const entry: LineEntry = {
      line,
      text: moved.text,
      from,
      cols: moved.cols,
      ambiguous: moved.ambiguous,
      emphasis: moved.emphasis,
      templateOnly: moved.templateOnly,
    };
    const read = moved.heading;
    if (read) {
      const findings = read.findings.length ? read.findings.map((f) => ({ ...f, range: lineRange(line, f.range.start.character, f.range.end.character) })) : read.findings;
      entry.heading = { li: read.li, allowHeading: read.allowHeading, to: read.to, heading: read.heading && onLine(read.heading, line), findings };
    }
    return entry;
  }

  keep(entry: LineEntry): void {
    this.nextByLine[entry.line] = entry;
    if (this.byText.get(entry.text) !== entry) this.byText.set(entry.text, entry);
  }

  /** Ends a pass: lines not kept in it are forgotten (their texts once there are many). */
  commit(): void {
    this.byLine = this.nextByLine;
    this.nextByLine = [];
    if (this.byText.size > 2 * this.byLine.length + 64) {
      this.byText = new Map();
      for (const e of this.byLine) if (e) this.byText.set(e.text, e);
    }
  }
}

/** The placeholders of a line entry with their ranges on its line, made once per entry. */
export function placeholdersOf(entry: LineEntry): Placeholder[] {
  if (!entry.abs) {
    const { line, cols, text } = entry;
    const out: Placeholder[] = new Array(cols.length);
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i]!;
      out[i] = { text: text.slice(c.start, c.end), kind: c.kind, form: c.form, range: lineRange(line, c.start, c.end) };
    }
    entry.abs = out;
  }
  return entry.abs;
}

/** A heading read on one line, moved to line `line` (a heading's ranges never leave its line). */
function onLine(h: Heading, line: number): Heading {
  return { ...h, range: lineRange(line, h.range.start.character, h.range.end.character), markerRange: lineRange(line, h.markerRange.start.character, h.markerRange.end.character), line };
}
