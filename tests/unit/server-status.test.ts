/**
 * The outline status (server/src/server/status.ts): exact counts, a bounded list of sections,
 * breadth first; bounded diagnostics; sent when it changes: the first change after a quiet
 * interval at once, the last of a burst once it pauses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core';
import { STATUS_TITLE_LIMIT, StatusSender, summarize } from '../../server/src/server/status';
import type { OutlineStatus } from '../../shared/protocol';
import { DIAGNOSTIC_LIMIT } from '../../server/src/server/diagnostics';
import { gappedHeadings, unnumberedHeadings } from '../stress/shapes';

const NESTED = ['一、甲', '（一）甲一', '（二）甲二', '（三）甲三', '二、乙', '（一）乙一', '（二）乙二', '三、丙', '（一）丙一'].join('\n\n') + '\n';

test('sections are listed breadth first up to the limit; each cut list counts what it left out', () => {
  const model = analyze(NESTED);
  const full = summarize(model);
  assert.deepEqual(full.sections.map((s) => [s.marker, s.children.length, s.more]), [['一、', 3, undefined], ['二、', 2, undefined], ['三、', 1, undefined]]);
  const cut = summarize(model, 5);
  // The three top-level sections first, then as many of the first one's children as fit.
  assert.deepEqual(cut.sections.map((s) => [s.marker, s.children.map((c) => c.marker), s.more]), [
    ['一、', ['（一）', '（二）'], 1],
    ['二、', [], 2],
    ['三、', [], 1],
  ]);
  assert.equal(cut.moreSections, 0);
  const top = summarize(model, 2);
  assert.deepEqual(top.sections.map((s) => s.marker), ['一、', '二、']);
  assert.equal(top.moreSections, 1);
  assert.equal(top.numberedTopLevel, 3);
});

test('the status of 150,000 headings stays small; long titles are cut', () => {
  const model = analyze(unnumberedHeadings(150_000).replace('一、总体情况', `一、${'很长的标题'.repeat(2_000)}`));
  const summary = summarize(model);
  const size = JSON.stringify(summary).length;
  assert.ok(size < 100_000, `${size} characters`);
  assert.equal(summary.sections.length + summary.moreSections, model.outline.length);
  assert.equal(summary.sections[0]!.title.length, STATUS_TITLE_LIMIT);
  assert.ok(summary.sections[0]!.title.endsWith('…'));
});

test('a document publishes at most DIAGNOSTIC_LIMIT findings and one that counts the rest', () => {
  const model = analyze(gappedHeadings(6_000));
  const all = model.diagnostics.length;
  assert.ok(all > DIAGNOSTIC_LIMIT, `${all} findings`);
  const published = summarize(model).published;
  assert.equal(published.length, DIAGNOSTIC_LIMIT + 1);
  assert.deepEqual(published.slice(0, DIAGNOSTIC_LIMIT), model.diagnostics.slice(0, DIAGNOSTIC_LIMIT));
  assert.equal(published.at(-1)!.message, `${all - DIAGNOSTIC_LIMIT} more findings are not listed one by one.`);
  assert.deepEqual(published.at(-1)!.range, model.diagnostics[DIAGNOSTIC_LIMIT]!.range);
  const few = analyze('一、甲\n\n三、丙\n');
  assert.equal(summarize(few).published, few.diagnostics, 'below the limit: the same list');
});

const status = (version: number, placeholderCount: number): OutlineStatus => ({ uri: 'file:///a.md', version, isReport: true, template: null, placeholderCount, missingCount: 0, sections: [] });

test('a burst of changes sends the first status at once and the last one once the changes pause; an unchanged one is not sent', async () => {
  const sent: OutlineStatus[] = [];
  let arrived: (() => void) | null = null;
  const sender = new StatusSender((s) => {
    sent.push(s);
    arrived?.();
  }, 50);
  let made = 0;
  sender.update('file:///a.md', () => (made++, status(1, 5)));
  assert.deepEqual(sent.map((s) => s.version), [1]);
  sender.update('file:///a.md', () => (made++, status(2, 4)));
  sender.update('file:///a.md', () => (made++, status(3, 3)));
  assert.deepEqual(sent.map((s) => s.version), [1], 'within the interval nothing more is sent');
  assert.equal(made, 1, 'a status is made only when it is about to be sent');
  await new Promise<void>((resolve) => (arrived = resolve));
  assert.deepEqual(sent.map((s) => s.version), [1, 3]);
  // The same status again (the version aside) is not sent.
  sender.update('file:///a.md', () => status(4, 3));
  assert.deepEqual(sent.map((s) => s.version), [1, 3]);
});

test('a closed document gets nothing more, even a status still waiting', async () => {
  const sent: OutlineStatus[] = [];
  const sender = new StatusSender((s) => sent.push(s), 10);
  sender.update('file:///a.md', () => status(1, 5));
  sender.update('file:///a.md', () => status(2, 4));
  sender.forget('file:///a.md');
  // The trailing status of another document, due after the closed one's would have been, has come.
  await new Promise<void>((resolve) => {
    let count = 0;
    const other = new StatusSender(() => ++count === 2 && resolve(), 10);
    other.update('file:///b.md', () => ({ ...status(1, 1), uri: 'file:///b.md' }));
    other.update('file:///b.md', () => ({ ...status(2, 2), uri: 'file:///b.md' }));
  });
  assert.deepEqual(sent.map((s) => s.version), [1]);
});
