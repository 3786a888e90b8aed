/**
 * Placeholder reading stays linear on hostile lines (issue 11): for each shape, the time
 * for 4n repetitions is at most 6 times the time for n, measured in the same run (a
 * quadratic step would take 16 times), so the bound does not depend on the machine. Each
 * time is the best of several, and a failing measurement is taken again (up to five
 * times). The sizes are small; `PLACEHOLDER_SHAPES` has the full ones.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core';
import { renderReport } from '../../server/src/core/preview';
import { MAX_LINE_ASTERISKS } from '../../server/src/core/preview/source';
import { MAX_AMBIGUOUS_PER_LINE } from '../../server/src/core/emphasisMode';
import { PLACEHOLDER_SHAPES, bestTime } from '../support/hostilePlaceholders';

/** Below this many milliseconds a time is noise: ratios are taken from at least this. */
const FLOOR_MS = 10;
const RATIO = 6;

function assertLinear(name: string, run: (n: number) => void, n: number): void {
  // Warm up the JIT and grow the heap first: a cold first run at either size is not the algorithm.
  run(n);
  run(4 * n);
  // A shared machine can pause one measurement (GC, other processes): a quadratic step
  // fails every attempt, noise rarely fails five in a row.
  const seen: string[] = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    const small = bestTime(() => run(n), 5);
    const large = bestTime(() => run(4 * n), 3);
    if (large <= RATIO * Math.max(small, FLOOR_MS)) return;
    seen.push(`${n} → ${small.toFixed(1)} ms, ${4 * n} → ${large.toFixed(1)} ms`);
  }
  assert.fail(`${name} grows faster than linear: ${seen.join('; ')}`);
}

for (const shape of PLACEHOLDER_SHAPES) {
  test(`analysis is linear in the line: ${shape.name}`, () => {
    assertLinear(shape.name, (n) => analyze(shape.make(n)), shape.name.includes('＊') ? 16_000 : 4000);
  });
}

test('rewriting placeholders into preview chips is linear in the line', () => {
  const shape = PLACEHOLDER_SHAPES.find((s) => s.name.includes('chips'))!;
  assertLinear('chips', (n) => {
    const text = shape.make(n);
    renderReport(text, analyze(text), { style: 'editor', standalone: false });
  }, 2000);
});

test('masks that are one long run, and masks between separators, are linear too', () => {
  assertLinear('x run', (n) => analyze('x'.repeat(n) + '年'), 100_000);
  assertLinear('xx×× with separators', (n) => analyze('xx××，'.repeat(n)), 4000);
  assertLinear('backticks of growing length', (n) => analyze(Array.from({ length: n }, (_, i) => '`'.repeat((i % 50) + 1)).join('甲')), 4000);
  assertLinear('unclosed comments and link destinations', (n) => analyze('<!--甲**次'.repeat(n) + ']('.repeat(n)), 4000);
});

test('no stack overflow: 150,000 full-width runs and 150,000 placeholders on one line', () => {
  const wide = analyze('＊1'.repeat(150_000));
  assert.equal(wide.placeholders.length, 150_000);
  const many = analyze('共**次，'.repeat(150_000));
  assert.equal(many.placeholders.length, 150_000);
  assert.equal(many.placeholders[149_999]!.range.start.character, 149_999 * 5 + 1);
});

test('no stack overflow: 130,000 ambiguous pairs on one line, read as bold, with the first hundred reported', () => {
  const m = analyze('甲**重点**乙'.repeat(130_000));
  assert.equal(m.placeholders.length, 0);
  const found = m.diagnostics.filter((d) => d.code === 'ambiguous-emphasis');
  assert.equal(found.length, MAX_AMBIGUOUS_PER_LINE);
  assert.deepEqual(found[99]!.range, { start: { line: 0, character: 99 * 8 + 1 }, end: { line: 0, character: 99 * 8 + 7 } });
});

test('the preview of a line with thousands of bold pairs is linear and shows every asterisk as written', () => {
  const render = (text: string) => renderReport(text, analyze(text), { style: 'editor', standalone: false }).html;
  assertLinear('bold pairs in the preview', (n) => render('甲 **重点** 乙'.repeat(n)), 2000);
  const hostile = render('甲**重点**乙'.repeat(MAX_LINE_ASTERISKS));
  assert.doesNotMatch(hostile, /<strong|[\uE000-\uE01F]/);
  assert.equal(hostile.split('甲**重点**乙').length - 1, MAX_LINE_ASTERISKS);
  assert.equal(render('甲 **重点** 乙'.repeat(10)).split('<strong>').length - 1, 10, 'a line of a real report keeps its bold');
});
