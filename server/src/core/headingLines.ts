/**
 * Headings found by their line, for the passes that run on every keystroke over a list of
 * headings in document order: no map or set of the whole list is built each time.
 */
import type { Heading } from './types';

/** The heading on `line`: a binary search of a list in document order (a linear one if it is not). */
export function headingOnLine(headings: readonly Heading[], line: number): Heading | undefined {
  let lo = 0;
  let hi = headings.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = headings[mid]!.line;
    if (at === line) return headings[mid];
    if (at < line) lo = mid + 1;
    else hi = mid - 1;
  }
  return headings.find((h) => h.line === line);
}

/** Which of `lineCount` lines hold a heading of `list`: a flag per line (no hashing). */
export function headingLineFlags(list: readonly Heading[], lineCount: number): { has(line: number): boolean } {
  const flags = new Uint8Array(lineCount);
  for (const h of list) if (h.line >= 0 && h.line < lineCount) flags[h.line] = 1;
  return { has: (line: number) => flags[line] === 1 };
}
