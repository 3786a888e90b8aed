/**
 * Work bounds that do not depend on the machine's speed: the same operation on an input
 * and on one FACTOR times larger, each timed as the best of a few runs in this process.
 * Linear work grows by about FACTOR, quadratic by FACTOR²; the assertion sits in between
 * (and is retried up to five times, for a machine busy with something else).
 */
import assert from 'node:assert/strict';

export const FACTOR = 4;

/** Milliseconds of the fastest of `runs` calls. */
export function bestOf(runs: number, f: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/**
 * Asserts that `work(make(FACTOR * n))` costs at most `limit` times `work(make(n))` (2.25 ×
 * FACTOR by default: well above linear, well below quadratic), plus 2 ms of timer noise.
 */
export function assertScales<T>(what: string, make: (n: number) => T, work: (input: T) => unknown, n: number, limit = 2.25 * FACTOR): void {
  const small = make(n);
  const large = make(FACTOR * n);
  work(small); // warm up (compilation, caches of the first call)
  work(large);
  // Below FLOOR_MS a time is timer and GC noise: ratios are taken from at least that. A
  // quadratic step fails every attempt; noise on a shared machine rarely fails five in a row.
  const seen: string[] = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    const a = bestOf(5, () => work(small));
    const b = bestOf(3, () => work(large));
    const ratio = b / Math.max(a, FLOOR_MS);
    if (ratio <= limit) return;
    seen.push(`${a.toFixed(1)} ms for n=${n}, ${b.toFixed(1)} ms for ${FACTOR}n (×${ratio.toFixed(1)})`);
  }
  assert.fail(`${what} grows faster than linear (at most ×${limit}): ${seen.join('; ')}`);
}

/** Times below this are noise. */
export const FLOOR_MS = 10;

/** `f` repeated `times` times: brings a fast operation above FLOOR_MS so its growth can be measured. */
export function repeated<T>(times: number, f: (input: T) => unknown): (input: T) => void {
  return (input) => {
    for (let i = 0; i < times; i++) f(input);
  };
}
