/**
 * The data model of the analysis core. Everything here is plain data built on
 * LSP types, so the language server, the CLI and the tests all read the same thing.
 */
import type { Diagnostic, Range } from 'vscode-languageserver-types';

export type { Diagnostic, Range, Position } from 'vscode-languageserver-types';

/** GB/T 9704 levels: 1 `一、`, 2 `（一）`, 3 `1．`, 4 `（1）`. Level 0 is an annex (`附件1`). */
export type HeadingLevel = 0 | 1 | 2 | 3 | 4;

/** How the heading is written in the source. */
export type HeadingForm =
  | 'plain' // a line of its own inside a paragraph
  | 'run-in' // the first sentence of a paragraph line: `（一）标题。正文……`
  | 'atx' // `## 一、基本情况`
  | 'setext' // `标题\n====`
  | 'list'; // an ordered Markdown list item used as a level-3 heading

export interface Heading {
  level: HeadingLevel;
  /** The marker as written, e.g. `一、`, `（一）`, `1．`, `(1)`; empty for an un-numbered heading. */
  marker: string;
  /** The number the marker stands for (1-based), or null for an un-numbered heading. */
  ordinal: number | null;
  /** Heading text without its marker, emphasis markers and trailing sentence punctuation. */
  title: string;
  form: HeadingForm;
  /** Markdown heading depth (1..6) for atx/setext headings, otherwise 0. */
  depth: number;
  /** The heading itself: marker through title (and the run-in full stop). */
  range: Range;
  /** The marker alone; equals `range.start` when there is no marker. */
  markerRange: Range;
  /** 0-based line of the heading. */
  line: number;
  /** `第一部分`, `第二章`, `第三节` headings: the unit (部分, 章, 节, 篇, 编). */
  part?: string;
  /** The GB/T 9704 level of the marker, when parts above the heading moved `level` down. */
  markerLevel?: 1 | 2 | 3 | 4;
  /** A `1` right after a line ending in `：`: an item list of its own, whose numbering starts again. */
  introduced?: boolean;
}

export interface OutlineNode {
  level: HeadingLevel;
  marker: string;
  ordinal: number | null;
  title: string;
  /** Range of the heading. */
  range: Range;
  /** From the heading to the end of the section's last line. */
  sectionRange: Range;
  form: HeadingForm;
  /** Placeholders inside this section, its subsections included. */
  placeholderCount: number;
  /** The id of the template rule this section was matched to, when a template applies. */
  ruleId?: string;
  children: OutlineNode[];
}

export type PlaceholderKind = 'count' | 'amount' | 'percent' | 'date' | 'name' | 'other';

/** Which family of mask produced a placeholder. */
export type PlaceholderForm =
  | 'asterisk' // `**`, `＊＊`
  | 'mask' // `××`, `XX`, `xx`
  | 'prompt' // `[填写…]`, `【待填…】`, `{{…}}`, `${…}`
  | 'blank'; // `____`

export interface Placeholder {
  text: string;
  kind: PlaceholderKind;
  form: PlaceholderForm;
  range: Range;
}

export interface ReportTitle {
  text: string;
  range: Range;
  source: 'front-matter' | 'heading' | 'line';
}

export interface ReportModel {
  /** Version of the document this model was computed from (LSP version, or 0). */
  version: number;
  lineCount: number;
  title: ReportTitle | null;
  /** Parsed YAML front matter (an object), or null. */
  frontMatter: Record<string, unknown> | null;
  /** All headings in document order, annex markers included (level 0). */
  headings: Heading[];
  /** Section tree; annexes are level-0 nodes holding their own sections. */
  outline: OutlineNode[];
  placeholders: Placeholder[];
  /**
   * Placeholders a suppression comment silenced: text the author keeps as written. Not counted
   * or listed anywhere; a renderer shows them as the literal text they are.
   */
  silencedPlaceholders?: Placeholder[];
  /** The template the report was checked against (its id, or its path for a user's file), or null. */
  template: string | null;
  /** Every finding, each with a stable `code`, severity already applied. */
  diagnostics: Diagnostic[];
}
