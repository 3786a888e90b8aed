import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OutlineStore } from '../../client/src/outlineStore';
import { atOrAfter, step } from '../../client/src/placeholderNav';
import type { OutlineStatus, PlaceholderItem } from '../../shared/protocol';

const status = (version: number, count: number): OutlineStatus => ({ uri: 'file:///a.md', version, isReport: true, template: null, placeholderCount: count, missingCount: 0, sections: [] });

test('store keeps the newest version, accepts same version, drops older', () => {
  const s = new OutlineStore();
  const seen: string[] = [];
  s.onDidChange((u) => seen.push(u));
  assert.equal(s.update(status(3, 1)), true);
  assert.equal(s.update(status(2, 9)), false);
  assert.equal(s.get('file:///a.md')!.placeholderCount, 1);
  assert.equal(s.update(status(3, 5)), true);
  assert.equal(s.get('file:///a.md')!.placeholderCount, 5);
  s.delete('file:///a.md');
  assert.equal(s.update(status(1, 7)), true);
  assert.equal(seen.length, 4);
  s.clear();
  assert.equal(s.get('file:///a.md'), undefined);
});

const item = (line: number, start: number, end: number): PlaceholderItem => ({ uri: 'u', text: '**', kind: 'count', section: '', range: { start: { line, character: start }, end: { line, character: end } } });
const items = [item(5, 2, 4), item(1, 3, 5), item(1, 10, 13)];

test('next/previous wrap and respect selection', () => {
  assert.deepEqual(step(items, { start: { line: 0, character: 0 }, isEmpty: true }, 'next')!.range.start, { line: 1, character: 3 });
  assert.deepEqual(step(items, { start: { line: 1, character: 3 }, isEmpty: true }, 'next')!.range.start, { line: 1, character: 3 });
  assert.deepEqual(step(items, { start: { line: 1, character: 3 }, isEmpty: false }, 'next')!.range.start, { line: 1, character: 10 });
  assert.deepEqual(step(items, { start: { line: 5, character: 2 }, isEmpty: false }, 'next')!.range.start, { line: 1, character: 3 });
  assert.deepEqual(step(items, { start: { line: 1, character: 3 }, isEmpty: false }, 'previous')!.range.start, { line: 5, character: 2 });
  assert.deepEqual(step(items, { start: { line: 3, character: 0 }, isEmpty: true }, 'previous')!.range.start, { line: 1, character: 10 });
  assert.equal(step([], { start: { line: 0, character: 0 }, isEmpty: true }, 'next'), undefined);
});

test('next moves on from an empty form field (a placeholder of no width) the cursor stands on', () => {
  const fields = [item(2, 4, 4), item(3, 6, 6)];
  assert.deepEqual(step(fields, { start: { line: 2, character: 4 }, isEmpty: true }, 'next')!.range.start, { line: 3, character: 6 });
  assert.deepEqual(atOrAfter(fields, { line: 2, character: 4 })!.range.start, { line: 2, character: 4 });
});

test('fill picks the one at the cursor, else the next', () => {
  assert.deepEqual(atOrAfter(items, { line: 1, character: 12 })!.range.start, { line: 1, character: 10 });
  assert.deepEqual(atOrAfter(items, { line: 1, character: 13 })!.range.start, { line: 1, character: 10 });
  assert.deepEqual(atOrAfter(items, { line: 2, character: 0 })!.range.start, { line: 5, character: 2 });
  assert.deepEqual(atOrAfter(items, { line: 9, character: 0 })!.range.start, { line: 1, character: 3 });
});
