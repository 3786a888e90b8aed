import type { Range } from '../../server/src/core';

/** A single-line LSP range: `r(3, 0, 2)` is line 3, characters 0 to 2. */
export function r(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** Lines joined with `\n`, so tests can index lines by position in the array. */
export function doc(...lines: string[]): string {
  return lines.join('\n');
}
