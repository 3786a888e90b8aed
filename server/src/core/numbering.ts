/** Numbering checks among the sibling headings of each section and annex. */
import type { Heading, OutlineNode, Range } from './types';
import { formatMarker } from './headings';
import { messages } from './messages';
import type { Level3Style } from './headings';

export interface NumberingFinding {
  code: 'numbering-gap' | 'numbering-duplicate' | 'numbering-order' | 'level-skip';
  range: Range;
  message: string;
  data?: Record<string, unknown>;
}

const LEVEL_EXAMPLE = ['', '一、', '（一）', '1．', '（1）'] as const;

export function checkNumbering(
  headings: readonly Heading[],
  parents: readonly (OutlineNode | null)[],
  level3: Level3Style,
): NumberingFinding[] {
  const findings: NumberingFinding[] = [];
  // Siblings: same parent node (or the top) and the same level.
  const groups = new Map<OutlineNode | null, Map<number, number[]>>();
  headings.forEach((h, i) => {
    if (h.level === 0) return;
    const byLevel = groups.get(parents[i]!) ?? new Map<number, number[]>();
    const list = byLevel.get(h.level) ?? [];
    list.push(i);
    byLevel.set(h.level, list);
    groups.set(parents[i]!, byLevel);
  });
  for (const [parent, byLevel] of groups) {
    for (const [level, indices] of byLevel) {
      checkSequence(headings, indices, level as 1 | 2 | 3 | 4, level3, findings);
      const first = headings[indices[0]!]!;
      const parentLevel = parent ? parent.level : 0;
      // Annexes (level 0) are documents of their own: a glossary numbered 1. 2. is fine there.
      if (level > parentLevel + 1 && first.ordinal !== null && !(parent && parent.level === 0)) {
        const skipped = LEVEL_EXAMPLE[parentLevel + 1]!;
        const message = parent && parent.level > 0
          ? messages.levelSkipUnder(first.marker, parent.marker || parent.title, skipped)
          : messages.levelSkipTop(first.marker, skipped);
        findings.push({ code: 'level-skip', range: first.markerRange, message });
      }
    }
  }
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function checkSequence(
  headings: readonly Heading[],
  indices: readonly number[],
  level: 1 | 2 | 3 | 4,
  level3: Level3Style,
  out: NumberingFinding[],
): void {
  let last = 0;
  const seen = new Map<number, number>();
  let previous: Heading | null = null;
  for (const i of indices) {
    const h = headings[i]!;
    if (h.ordinal === null) continue;
    const ord = h.ordinal;
    const expected = formatMarker(level, last + 1, level3);
    const data = { level, ordinal: ord, expected: last + 1, expectedMarker: expected };
    if (ord === last + 1) {
      // in sequence
    } else if (seen.has(ord)) {
      out.push({ code: 'numbering-duplicate', range: h.markerRange, message: messages.numberingDuplicate(h.marker, seen.get(ord)! + 1), data });
    } else if (ord < last) {
      out.push({ code: 'numbering-order', range: h.markerRange, message: messages.numberingOrder(h.marker, previous!.marker), data });
    } else {
      const message = previous ? messages.numberingGap(h.marker, previous.marker, expected) : messages.numberingStart(h.marker, expected);
      out.push({ code: 'numbering-gap', range: h.markerRange, message, data });
    }
    if (!seen.has(ord)) seen.set(ord, h.line);
    last = Math.max(last, ord);
    previous = h;
  }
}
