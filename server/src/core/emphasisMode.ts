/**
 * The document-level half of reading asterisks: a document whose placeholders outnumber
 * its certain bold spans is a template, and the other way round it is filled text (see
 * `documentMode`). A line's cached scan does not depend on the document; its reading in a
 * document of a given mode is made here, and kept with the line while the mode holds.
 */
import type { LineEntry } from './lineCache';
import { emphasisIn, placeholdersIn, scanLine, type DocumentMode, type ModeVotes } from './placeholders';
import type { BlockScan } from './blocks';
import type { PlaceholderOptions } from './options';
import { excludedSpans } from './inline';
import { skipIndent, trimEnd } from './text';

export { documentMode, type DocumentMode, type ModeVotes } from './placeholders';

/** Adds a line's votes: each placeholder found in any document, each certain bold pair. */
export function addVotes(votes: ModeVotes, entry: LineEntry, sign = 1): void {
  votes.template += sign * entry.cols.length;
  votes.bold += sign * entry.emphasis.length;
}

/**
 * At most this many `ambiguous-emphasis` findings on one line: no line of a report has so
 * many, and an editor cannot use 150,000 of them on a hostile one.
 */
export const MAX_AMBIGUOUS_PER_LINE = 100;

/**
 * Line `raw` as read in a document of `mode`: in a template its ambiguous pairs are two
 * placeholders each and its template-only blanks are placeholders; otherwise the pairs are
 * emphasis, reported as ambiguous only when the document is undecided.
 */
export function resolveEntry(raw: LineEntry, mode: DocumentMode): LineEntry {
  if (!raw.ambiguous.length && !raw.templateOnly.length) return raw;
  if (raw.resolved?.mode === mode) return raw.resolved.entry;
  let cols = raw.cols;
  if (mode === 'template') {
    cols = placeholdersIn(raw.text, { placeholders: raw.cols.slice(), ambiguous: raw.ambiguous, templateOnly: raw.templateOnly }, mode);
  }
  const entry: LineEntry = {
    line: raw.line,
    text: raw.text,
    from: raw.from,
    cols,
    ambiguous: mode === 'undecided' ? raw.ambiguous.slice(0, MAX_AMBIGUOUS_PER_LINE) : [],
    emphasis: emphasisIn(raw, mode),
    templateOnly: [],
  };
  raw.resolved = { mode, entry };
  return entry;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const CJK = /[\u3400-\u9fff]/;

/**
 * Lines of fenced blocks that hold prose, not code: a fence with no language whose line
 * has Chinese text (a names list or a form laid out in a ``` block). Their masks, prompts
 * and blanks are placeholders; asterisks stay literal there, as in any code block.
 */
export function proseFenceLines(lines: readonly string[], blocks: BlockScan): number[] {
  const out: number[] = [];
  for (let n = 0; n < lines.length; n++) {
    if (blocks.lines[n]!.kind !== 'code' || !FENCE_OPEN.test(lines[n]!)) continue;
    const fence = FENCE_OPEN.exec(lines[n]!)![1]!;
    let k = n + 1;
    for (; k < lines.length && blocks.lines[k]!.kind === 'code'; k++) {
      if (lines[k]!.trim().startsWith(fence)) break;
      if (CJK.test(lines[k]!)) out.push(k);
    }
    n = k;
  }
  return out;
}

/** A line of a prose fence, scanned without asterisks and not cached (such lines are few). */
export function proseEntry(line: string, n: number, options: PlaceholderOptions): LineEntry {
  const from = skipIndent(line);
  const scanned = scanLine(line, from, trimEnd(line, from), from, excludedSpans(line, from), { ...options, asterisks: false });
  return {
    line: n,
    text: line,
    from,
    cols: scanned.placeholders,
    ambiguous: [],
    emphasis: [],
    templateOnly: scanned.templateOnly,
  };
}

/** `**重点**` → `＊＊重点＊＊`: an ambiguous pair written as two placeholders (its quick fix). */
export function asFullWidth(pair: string): string {
  return pair.replace(/^\*+|\*+$/g, (run) => '＊'.repeat(run.length));
}

/** `＊＊重点＊＊` → `<b>重点</b>` (`<i>` for one asterisk, both for three): the pair written as bold. */
export function asHtmlEmphasis(fullWidth: string): string | null {
  const m = /^(＊{1,3})([^＊]+)＊{1,3}$/.exec(fullWidth);
  if (!m) return null;
  const n = m[1]!.length;
  const open = n === 1 ? '<i>' : n === 2 ? '<b>' : '<b><i>';
  const close = n === 1 ? '</i>' : n === 2 ? '</b>' : '</i></b>';
  return open + m[2]! + close;
}
