/** The section tree: headings nested by level, annexes as scopes of their own. */
import type { Heading, HeadingLevel, OutlineNode } from './types';
import { trimmedEnd, type LineTable } from './text';

/**
 * Un-numbered Markdown headings take the level that numbered headings of the same depth
 * have in this document, or one level per `#` below the nearest depth that is known. A
 * heading whose level changes is replaced in the list by a copy (the line cache keeps the
 * heading it read).
 */
export function assignMarkdownLevels(headings: Heading[]): void {
  const votes = new Map<number, Map<number, number>>();
  for (const h of headings) {
    if (h.depth > 0 && h.ordinal !== null && h.level > 0) {
      const v = votes.get(h.depth) ?? new Map<number, number>();
      v.set(h.level, (v.get(h.level) ?? 0) + 1);
      votes.set(h.depth, v);
    }
  }
  const known = new Map<number, number>();
  for (const [depth, v] of votes) known.set(depth, [...v].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]);
  // Parts (`# 主要工作` above `## 一、`) already have their level.
  const isUnnumbered = (h: Heading) => h.depth > 0 && h.ordinal === null && h.level > 0 && !h.part;
  // A loop, not Math.min(...depths): 125,000 headings overflow the stack as call arguments.
  let base = Infinity;
  for (const h of headings) if (isUnnumbered(h)) base = Math.min(base, h.depth);
  if (base === Infinity) return; // none
  for (const d of known.keys()) base = Math.min(base, d);
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    if (!isUnnumbered(h)) continue;
    let level: number;
    const nearest = [...known.keys()].filter((d) => d <= h.depth).sort((a, b) => b - a)[0];
    if (known.has(h.depth)) level = known.get(h.depth)!;
    else if (nearest !== undefined) level = known.get(nearest)! + (h.depth - nearest);
    else level = h.depth - base + 1;
    const assigned = Math.min(4, Math.max(1, level)) as HeadingLevel;
    if (assigned !== h.level) headings[i] = { ...h, level: assigned };
  }
}

function node(h: Heading): OutlineNode {
  return {
    level: h.level,
    marker: h.marker,
    ordinal: h.ordinal,
    title: h.title,
    range: h.range,
    sectionRange: h.range,
    form: h.form,
    placeholderCount: 0,
    children: [],
  };
}

/** Builds the tree; `parents[i]` is the node that holds heading i (null at the top). */
export function buildOutline(
  headings: readonly Heading[],
  table: LineTable,
  placeholderLines: readonly { line: number; cols: readonly unknown[] }[],
): { outline: OutlineNode[]; nodes: OutlineNode[]; parents: (OutlineNode | null)[] } {
  const outline: OutlineNode[] = [];
  const nodes: OutlineNode[] = [];
  const parents: (OutlineNode | null)[] = [];
  const stack: OutlineNode[] = [];
  for (const h of headings) {
    const n = node(h);
    if (h.level === 0) stack.length = 0;
    else while (stack.length && stack[stack.length - 1]!.level >= h.level && stack[stack.length - 1]!.level !== 0) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    (parent ? parent.children : outline).push(n);
    parents.push(parent);
    nodes.push(n);
    stack.push(n);
  }
  // A section runs to the line before the next heading of the same or a higher level:
  // one pass with a stack of open sections.
  const open: number[] = [];
  const close = (i: number, next: number) => {
    const h = headings[i]!;
    let last = next - 1;
    while (last > h.line && trimmedEnd(table.lines[last]!) === 0) last--; // a blank line (no copy of a long one)
    const endChar = last === h.line ? Math.max(h.range.end.character, table.lines[last]!.length) : table.lines[last]!.length;
    nodes[i]!.sectionRange = { start: h.range.start, end: { line: last, character: endChar } }; // starts where its heading does
  };
  headings.forEach((h, i) => {
    while (open.length) {
      const top = headings[open[open.length - 1]!]!;
      if (h.level === 0 || (top.level !== 0 && h.level <= top.level)) close(open.pop()!, h.line);
      else break;
    }
    open.push(i);
  });
  while (open.length) close(open.pop()!, table.lines.length);
  // Placeholders per section from running counts by line (one entry per line that has any).
  const before = new Int32Array(table.lines.length + 1);
  for (const e of placeholderLines) before[e.line + 1] = e.cols.length;
  for (let n = 1; n < before.length; n++) before[n]! += before[n - 1]!;
  for (const n of nodes) n.placeholderCount = before[n.sectionRange.end.line + 1]! - before[n.sectionRange.start.line]!;
  return { outline, nodes, parents };
}

/** The section whose heading starts on `line`, searched through the whole tree. */
export function sectionAtLine(nodes: readonly OutlineNode[], line: number): OutlineNode | undefined {
  for (const n of nodes) {
    if (n.range.start.line === line) return n;
    const inner = sectionAtLine(n.children, line);
    if (inner) return inner;
  }
  return undefined;
}
