/** Numbering checks among the sibling headings of each section and annex. */
import type { Heading, OutlineNode, Range } from './types';
import { formatMarker, formatPart } from './headings';
import { messages } from './messages';
import { headingOnLine } from './headingLines';
import type { Level3Style } from './headings';

export interface NumberingFinding {
  code: 'numbering-gap' | 'numbering-duplicate' | 'numbering-order' | 'level-skip';
  range: Range;
  message: string;
  data?: Record<string, unknown>;
  /** A finding a careful reader would not call an error (numbering that starts past one): at most a warning. */
  uncertain?: boolean;
}

const LEVEL_EXAMPLE = ['', '一、', '（一）', '1．', '（1）'] as const;

export function checkNumbering(
  headings: readonly Heading[],
  parents: readonly (OutlineNode | null)[],
  level3: Level3Style,
  lines: readonly string[] = [],
): NumberingFinding[] {
  const findings: NumberingFinding[] = [];
  // Siblings: same parent node (or the top) and the same kind of marker.
  const groups = new Map<OutlineNode | null, Map<string, number[]>>();
  headings.forEach((h, i) => {
    if (h.level === 0) return;
    const kind = h.part ? `part:${h.part}` : String(h.markerLevel ?? h.level);
    const byKind = groups.get(parents[i]!) ?? new Map<string, number[]>();
    const list = byKind.get(kind) ?? [];
    list.push(i);
    byKind.set(kind, list);
    groups.set(parents[i]!, byKind);
  });
  for (const [parent, byKind] of groups) {
    for (const indices of byKind.values()) {
      const first = headings[indices[0]!]!;
      checkSequence(headings, indices, level3, !parent || parent.level === 0, findings, lines);
      if (first.part) continue;
      // Compared by the levels the markers stand for: under a part (第一章), 一、 comes next.
      const level = first.markerLevel ?? first.level;
      // Nothing skips to a first level, nor in a group without numbers, nor in an annex (level 0:
      // a document of its own, where a glossary numbered 1. 2. is fine).
      if (level <= 1 || first.ordinal === null || (parent && parent.level === 0)) continue;
      const parentHeading = parent ? headingOnLine(headings, parent.range.start.line) : undefined;
      const parentLevel = !parent ? 0 : parentHeading?.part ? 0 : (parentHeading?.markerLevel ?? parent.level);
      if (level > parentLevel + 1) {
        const skipped = LEVEL_EXAMPLE[parentLevel + 1]!;
        const message = parent && parent.level > 0 && !parentHeading?.part
          ? messages.levelSkipUnder(first.marker, parent.marker || parent.title, skipped)
          : messages.levelSkipTop(first.marker, skipped);
        findings.push({ code: 'level-skip', range: first.markerRange, message });
      }
    }
  }
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The level `h`'s marker stands for: `1.` is a 1． marker even on a top section (`## 1. 本周工作`). */
function markerLevelOf(h: Heading): 1 | 2 | 3 | 4 {
  if (h.markerLevel) return h.markerLevel;
  if (/^[0-9０-９]/.test(h.marker)) return 3;
  return h.level as 1 | 2 | 3 | 4;
}

/** The marker for `ordinal` written like `h`'s. */
function markerLike(h: Heading, ordinal: number, level3: Level3Style): string {
  return h.part ? formatPart(h.marker, ordinal) : formatMarker(markerLevelOf(h), ordinal, level3);
}

/**
 * The markers for ordinals `from`..`to` (same level as `h`) all stand in the text a reader sees
 * just before `h`: from the heading before it (after that heading's marker) to `h`'s own line.
 * They were not read as headings (`1、格式要求 (1)封面……` then `(2)……`, a table row
 * `(一)予以公开 |` then a wrapped cell `(二)……`), but the numbers are there: no gap.
 */
function numbersInTextBefore(headings: readonly Heading[], i: number, from: number, to: number, lines: readonly string[]): boolean {
  const h = headings[i]!;
  if (!lines.length || h.part || to - from > 3) return false;
  const prev = i > 0 ? headings[i - 1]! : null;
  const first = prev ? prev.line : 0;
  // Close before: at most a dozen lines with words in them (a table's bare `|` lines not counted).
  let text = (lines[h.line] ?? '').slice(0, h.markerRange.start.character);
  for (let k = h.line - 1, near = 0; k >= first && near < 12; k--) {
    const line = prev && k === prev.line ? (lines[k] ?? '').slice(prev.markerRange.end.character) : (lines[k] ?? '');
    if (/[\p{L}\p{N}]/u.test(line)) near++;
    text = line + '\n' + text;
  }
  const level = markerLevelOf(h);
  for (let n = from; n <= to; n++) if (!markerPattern(level, n).test(text)) return false;
  return true;
}

/** markerPattern's expressions, made once each (every keystroke asks again for the gaps a document has). */
const MARKER_PATTERNS = new Map<number, RegExp>();

/** A marker for `ordinal` at `level` in any width or punctuation, standing on its own (not `11.`, not `1.5`). */
function markerPattern(level: 1 | 2 | 3 | 4, ordinal: number): RegExp {
  const key = ordinal * 4 + level;
  let re = MARKER_PATTERNS.get(key);
  if (!re) {
    re = newMarkerPattern(level, ordinal);
    if (MARKER_PATTERNS.size < 4096) MARKER_PATTERNS.set(key, re);
  }
  return re;
}

function newMarkerPattern(level: 1 | 2 | 3 | 4, ordinal: number): RegExp {
  const cn = formatMarker(1, ordinal).slice(0, -1);
  switch (level) {
    case 1:
      return new RegExp(`(?<![一二三四五六七八九十])${cn}、`);
    case 2:
      return new RegExp(`[（(]${cn}[）)]`);
    case 3:
      return new RegExp(`(?<![0-9０-９.．])${ordinal}[.．、](?![0-9０-９])`);
    case 4:
      return new RegExp(`[（(]${ordinal}[）)]`);
  }
}

/** The data of a finding on `h` after `last`: what was expected, for the quick fix. */
function findingData(h: Heading, last: number, level3: Level3Style): Record<string, unknown> {
  return { level: h.level, ordinal: h.ordinal, expected: last + 1, expectedMarker: markerLike(h, last + 1, level3) };
}

function checkSequence(headings: readonly Heading[], indices: readonly number[], level3: Level3Style, top: boolean, out: NumberingFinding[], lines: readonly string[]): void {
  let last = 0;
  let seen = new Map<number, number>();
  let previous: Heading | null = null;
  // The sequences an item list nested in a deeper heading interrupted.
  const outer: Array<{ last: number; seen: Map<number, number>; previous: Heading | null }> = [];
  for (const i of indices) {
    const h = headings[i]!;
    if (h.ordinal === null) continue;
    const ord = h.ordinal;
    const before = i > 0 ? headings[i - 1]! : null;
    if (ord === 1 && last > 0 && h.introduced) {
      // A list of items introduced by a colon numbers on its own.
      last = 0;
      seen = new Map();
      outer.length = 0;
    } else if (ord === 1 && last > 0 && h.level >= 3 && before && before.level > h.level && before.line > (previous?.line ?? -1)) {
      // An item list that starts again at 1 right after a deeper heading is nested in that
      // heading (`（2）…` then `1、` `2、`): a new sequence, not a repeat; the outer one goes on after it.
      outer.push({ last, seen, previous });
      last = 0;
      seen = new Map();
    } else if (ord !== last + 1 && outer.length && ord === outer[outer.length - 1]!.last + 1) {
      ({ last, seen, previous } = outer.pop()!);
    } else if (ord === 1 && last > 0 && top) {
      // 一、 again at the top with no title before it (a title would have opened a document of
      // its own): a second report or a quoted outline as likely as a slip. Say so once, as a
      // warning, and read on from there.
      const data = findingData(h, last, level3);
      const first = seen.get(1);
      out.push(
        first !== undefined
          ? { code: 'numbering-duplicate', range: h.markerRange, message: messages.numberingDuplicate(h.marker, first + 1), data, uncertain: true }
          : { code: 'numbering-order', range: h.markerRange, message: messages.numberingOrder(h.marker, previous!.marker), data, uncertain: true },
      );
      last = 1;
      seen = new Map([[1, h.line]]);
      previous = h;
      continue;
    }
    // What a finding carries is made only for one: most headings are in sequence.
    if (ord === last + 1) {
      // in sequence
    } else if (seen.has(ord)) {
      out.push({ code: 'numbering-duplicate', range: h.markerRange, message: messages.numberingDuplicate(h.marker, seen.get(ord)! + 1), data: findingData(h, last, level3) });
    } else if (ord < last) {
      out.push({ code: 'numbering-order', range: h.markerRange, message: messages.numberingOrder(h.marker, previous!.marker), data: findingData(h, last, level3) });
    } else if (numbersInTextBefore(headings, i, last + 1, ord - 1, lines)) {
      // the missing numbers are in the text just before: read on
    } else {
      const message = previous ? messages.numberingGap(h.marker, previous.marker, markerLike(h, last + 1, level3)) : messages.numberingStart(h.marker, markerLike(h, last + 1, level3));
      // Top-level numbering of a document that starts past one is an excerpt, or a first section
      // left without its heading, as often as a slip: a warning, not an error.
      out.push({ code: 'numbering-gap', range: h.markerRange, message, data: findingData(h, last, level3), ...(!previous && top ? { uncertain: true } : {}) });
    }
    if (!seen.has(ord)) seen.set(ord, h.line);
    last = Math.max(last, ord);
    previous = h;
  }
}
