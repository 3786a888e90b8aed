/**
 * Scroll sync arithmetic, without the DOM: the preview's blocks with their source lines and
 * vertical positions, mapped both ways by interpolation between neighbouring blocks.
 */

export interface BlockPosition {
  /** 0-based source line. */
  line: number;
  /** Top relative to the page, in px. */
  top: number;
  height: number;
}

/** Blocks in page order, one per (line, top), lines never going back. */
export function normalizeBlocks(blocks: readonly BlockPosition[]): BlockPosition[] {
  const sorted = [...blocks].sort((a, b) => a.top - b.top || a.line - b.line);
  const out: BlockPosition[] = [];
  for (const b of sorted) {
    const last = out[out.length - 1];
    if (last && b.line <= last.line) continue; // nested blocks on the same line, or out of order
    out.push(b);
  }
  return out;
}

/** The (fractional) source line at `scrollTop`, or null without blocks. */
export function lineAtScroll(blocks: readonly BlockPosition[], scrollTop: number): number | null {
  if (!blocks.length) return null;
  let lo = 0;
  let hi = blocks.length - 1;
  if (scrollTop < blocks[0]!.top) return blocks[0]!.line;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]!.top <= scrollTop) lo = mid;
    else hi = mid - 1;
  }
  const b = blocks[lo]!;
  const next = blocks[lo + 1];
  if (next) {
    const span = Math.max(1, next.top - b.top);
    return b.line + Math.min(1, (scrollTop - b.top) / span) * (next.line - b.line);
  }
  return b.line + Math.min(1, (scrollTop - b.top) / Math.max(1, b.height));
}

/** The scroll position that puts (fractional) source `line` at the top, or null without blocks. */
export function scrollForLine(blocks: readonly BlockPosition[], line: number): number | null {
  if (!blocks.length) return null;
  let prev: BlockPosition | undefined;
  let next: BlockPosition | undefined;
  for (const b of blocks) {
    if (b.line <= line) prev = b;
    else {
      next = b;
      break;
    }
  }
  // At or above the first block: the top of the page.
  if (!prev || line <= blocks[0]!.line) return 0;
  if (next) return prev.top + ((line - prev.line) / (next.line - prev.line)) * (next.top - prev.top);
  return prev.top + Math.min(1, line - prev.line) * prev.height;
}
