/**
 * Renumbering a group of sibling headings (same parent, same level) 1..n in document order.
 * Only the number characters change: `一、二、四、五、` → `一、二、三、四、`, brackets and
 * punctuation stay as written.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Heading, OutlineNode, ReportModel } from '../types';
import { headingAtLine, placedAtLine } from './outline';
import { numberLike, numberSpan } from './markers';

export interface SiblingGroup {
  /** The numbered headings of the group, in document order. */
  headings: Heading[];
  /** Identifies the group (its parent's line and its level), so one action serves all its findings. */
  key: string;
}

/** The key of the group of the heading on `line` (found without building the group), or null. */
export function siblingKey(model: ReportModel, line: number): string | null {
  const placed = placedAtLine(model, line);
  if (!placed || placed.node.ordinal === null || placed.node.level === 0) return null;
  return `${placed.parent?.range.start.line ?? -1}:${placed.node.level}`;
}

/** The numbered siblings of the heading on `line` (itself included), or null. */
export function siblingGroup(model: ReportModel, line: number): SiblingGroup | null {
  const placed = placedAtLine(model, line);
  const key = siblingKey(model, line);
  if (!placed || key === null) return null;
  const level = placed.node.level;
  const nodes = placed.siblings.filter((n: OutlineNode) => n.level === level && n.ordinal !== null);
  const headings = nodes.map((n) => headingAtLine(model, n.range.start.line)).filter((h): h is Heading => h !== null);
  return { headings, key };
}

/** The new number characters of each heading whose number changes, by line. */
export function renumbering(group: SiblingGroup): Map<number, number> {
  const out = new Map<number, number>();
  group.headings.forEach((h, i) => {
    if (h.ordinal !== i + 1) out.set(h.line, i + 1);
  });
  return out;
}

/** Edits that replace only the number characters of a marker. */
export function numberEdit(h: Heading, ordinal: number): TextEdit | null {
  const span = numberSpan(h.marker);
  if (!span) return null;
  const { line, character } = h.markerRange.start;
  return {
    range: { start: { line, character: character + span[0] }, end: { line, character: character + span[1] } },
    newText: numberLike(h.marker.slice(span[0], span[1]), ordinal),
  };
}

export function renumberEdits(group: SiblingGroup): TextEdit[] {
  const byLine = renumbering(group);
  return group.headings.flatMap((h) => {
    const n = byLine.get(h.line);
    const e = n === undefined ? null : numberEdit(h, n);
    return e ? [e] : [];
  });
}
