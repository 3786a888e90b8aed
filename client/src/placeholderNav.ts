/**
 * Which placeholder the navigation and fill commands go to, from the server's list and the
 * selection. Plain data (LSP positions), no `vscode` import.
 */
import type { Position } from 'vscode-languageserver-types';
import type { PlaceholderItem } from '../../shared/protocol';

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function sortByPosition(items: readonly PlaceholderItem[]): PlaceholderItem[] {
  return [...items].sort((a, b) => comparePositions(a.range.start, b.range.start));
}

/**
 * The next placeholder after the selection (one that starts right at an empty selection
 * counts, unless it has no width: an empty form field the cursor already stands on), or
 * the previous one before it; wraps around the document.
 */
export function step(
  items: readonly PlaceholderItem[],
  selection: { start: Position; isEmpty: boolean },
  direction: 'next' | 'previous',
): PlaceholderItem | undefined {
  const sorted = sortByPosition(items);
  if (direction === 'next') {
    return (
      sorted.find((p) => {
        const c = comparePositions(p.range.start, selection.start);
        return c > 0 || (c === 0 && selection.isEmpty && comparePositions(p.range.end, p.range.start) > 0);
      }) ?? sorted[0]
    );
  }
  const before = sorted.filter((p) => comparePositions(p.range.start, selection.start) < 0);
  return before[before.length - 1] ?? sorted[sorted.length - 1];
}

/** The placeholder at the cursor (touching it counts), else the next one. */
export function atOrAfter(items: readonly PlaceholderItem[], cursor: Position): PlaceholderItem | undefined {
  const sorted = sortByPosition(items);
  return (
    sorted.find((p) => comparePositions(p.range.start, cursor) <= 0 && comparePositions(cursor, p.range.end) <= 0) ??
    step(sorted, { start: cursor, isEmpty: true }, 'next')
  );
}
