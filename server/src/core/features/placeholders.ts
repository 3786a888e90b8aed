/** Finding placeholders by position, for hover and the next/previous placeholder commands. */
import type { Position } from 'vscode-languageserver-types';
import type { Placeholder, ReportModel } from '../types';
import { comparePositions } from '../text';

/**
 * The placeholder at `position`. With `touching` (the default, for a cursor), a position
 * just after a placeholder counts too; without it (for hover, a character) it does not.
 */
export function placeholderAt(model: ReportModel, position: Position, touching = true): Placeholder | null {
  const list = model.placeholders;
  // The last placeholder starting at or before the position (the list is in document order).
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comparePositions(list[mid]!.range.start, position) <= 0) lo = mid + 1;
    else hi = mid;
  }
  const p = list[lo - 1];
  if (!p) return null;
  const end = comparePositions(position, p.range.end);
  return end < 0 || (touching && end === 0) ? p : null;
}

/**
 * The placeholder after (`next`: the first starting after `position`) or before
 * (`previous`: the last ending before it) the position, wrapping around the document.
 * A placeholder the position is in or touches is never the answer, so a client may pass
 * either end of a selected placeholder.
 */
export function nextPlaceholder(
  model: ReportModel,
  position: Position,
  direction: 'next' | 'previous',
  wrap = true,
): Placeholder | null {
  const list = model.placeholders;
  if (direction === 'next') {
    const found = list.find((p) => comparePositions(p.range.start, position) > 0);
    return found ?? (wrap ? (list[0] ?? null) : null);
  }
  for (let i = list.length - 1; i >= 0; i--) {
    if (comparePositions(list[i]!.range.end, position) < 0) return list[i]!;
  }
  return wrap ? (list[list.length - 1] ?? null) : null;
}
