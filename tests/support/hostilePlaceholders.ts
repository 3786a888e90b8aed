/**
 * Hostile lines for placeholder reading (issue 11): each shape makes a document of `n`
 * repetitions; `full` is the size the issue reported as slow or crashing. Used by
 * tests/unit/stress-placeholders.test.ts at small sizes and by full-size stress runs.
 */
export interface PlaceholderShape {
  name: string;
  make: (n: number) => string;
  /** Repetitions at the size reported in issue 11. */
  full: number;
}

export const PLACEHOLDER_SHAPES: readonly PlaceholderShape[] = [
  { name: 'heading of **1 runs', make: (n) => '# ' + '**1'.repeat(n) + '\n', full: 16_000 },
  { name: 'xx×× masks', make: (n) => 'xx××'.repeat(n) + '\n', full: 16_000 },
  { name: 'xx2 masks', make: (n) => 'xx2'.repeat(n) + '\n', full: 32_000 },
  { name: 'full-width ＊ runs', make: (n) => '＊1'.repeat(n) + '\n', full: 150_000 },
  { name: 'ambiguous pairs', make: (n) => '甲**重点**乙'.repeat(n) + '\n', full: 150_000 },
  { name: 'placeholders on one line (chips)', make: (n) => '共**次，'.repeat(n) + '\n', full: 150_000 },
];

/** The best of `tries` wall-clock times of `run`, in milliseconds. */
export function bestTime(run: () => unknown, tries = 3): number {
  let best = Infinity;
  for (let i = 0; i < tries; i++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}
