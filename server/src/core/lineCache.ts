/**
 * What one line's scan produced, kept between versions of a document so that an edit
 * rescans only the lines it touched. Entries are found by line number and text (an
 * unchanged line in place reuses its objects outright) or, for lines that moved, by text
 * alone (their ranges are rebuilt; no pattern runs again).
 */
import type { Diagnostic, Placeholder } from './types';
import type { EmphasisPair } from './placeholders';

export interface AmbiguousPair {
  start: number;
  end: number;
}

export interface LineEntry {
  line: number;
  text: string;
  from: number;
  placeholders: Placeholder[];
  ambiguous: AmbiguousPair[];
  emphasis: EmphasisPair[];
  /** The line's unfilled-placeholder diagnostics, made on first use. */
  diagnostics?: Diagnostic[];
}

export class LineCache {
  private byLine: (LineEntry | undefined)[] = [];
  private byText = new Map<string, LineEntry>();
  private nextByLine: (LineEntry | undefined)[] = [];
  private nextByText = new Map<string, LineEntry>();

  /** @param key options fingerprint: a cache made under other options is not reused */
  constructor(readonly key: string) {}

  lookup(line: number, text: string, from: number): LineEntry | undefined {
    const here = this.byLine[line];
    if (here && here.text === text && here.from === from) return here;
    const moved = this.byText.get(text);
    if (!moved || moved.from !== from) return undefined;
    return {
      line,
      text,
      from,
      placeholders: moved.placeholders.map((p) => ({ ...p, range: { start: { line, character: p.range.start.character }, end: { line, character: p.range.end.character } } })),
      ambiguous: moved.ambiguous,
      emphasis: moved.emphasis,
    };
  }

  keep(entry: LineEntry): void {
    this.nextByLine[entry.line] = entry;
    this.nextByText.set(entry.text, entry);
  }

  /** Ends a pass: what was not kept in it is forgotten. */
  commit(): void {
    this.byLine = this.nextByLine;
    this.byText = this.nextByText;
    this.nextByLine = [];
    this.nextByText = new Map();
  }
}
