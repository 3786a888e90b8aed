/**
 * Work bounds that do not depend on the machine's speed: the same operation on an input
 * and on one FACTOR times larger, each timed as the best of a few runs in this process.
 * Linear work grows by about FACTOR, quadratic by FACTOR²; the assertion sits in between
 * (and is retried once, for a machine busy with something else).
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
  let ratio = Infinity;
  let times: [number, number] = [0, 0];
  for (let attempt = 0; attempt < 2 && ratio > limit; attempt++) {
    const a = bestOf(5, () => work(small));
    const b = bestOf(5, () => work(large));
    times = [a, b];
    ratio = (b - 2) / Math.max(a, 0.5);
  }
  assert.ok(ratio <= limit, `${what}: ${times[0].toFixed(1)} ms for n=${n}, ${times[1].toFixed(1)} ms for ${FACTOR}n (×${ratio.toFixed(1)}, at most ×${limit})`);
}
