/** Server pieces without a connection: the idle collector and the preview renderer's queue. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IdleCollector } from '../../server/src/server/idle';
import { PreviewRenderer, type RenderInput } from '../../server/src/server/preview';
import { analyze } from '../../server/src/core';

test('the idle collector runs one major collection after a quiet second, never during a burst', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const calls: unknown[] = [];
  const collector = new IdleCollector(1000, (options) => calls.push(options));
  collector.touch();
  t.mock.timers.tick(900);
  collector.touch();
  t.mock.timers.tick(900);
  assert.deepEqual(calls, []);
  t.mock.timers.tick(100);
  assert.deepEqual(calls, [{ type: 'major', execution: 'async' }]);
  t.mock.timers.tick(5000);
  assert.equal(calls.length, 1);
  // Without --expose-gc there is nothing to call, and nothing fails.
  new IdleCollector(1000, undefined).touch();
});

const input = (text: string): RenderInput => ({ text, model: analyze(text), options: { style: 'editor', standalone: false }, locale: 'en' });

test('the preview renderer: a newer request for a document replaces the one still waiting; others are kept', async () => {
  // No worker entry: renders in-process, after the messages already received.
  const renderer = new PreviewRenderer(null);
  const first = renderer.render('a', input('一、甲\n培训**次\n'));
  const stale = renderer.render('a', input('一、甲\n培训**次，投入***万元\n'));
  const other = renderer.render('b', input('一、乙\n'));
  const newest = renderer.render('a', input('一、甲\n培训**次，投入***万元，覆盖**个村\n'));
  const [r1, r2, r3, r4] = await Promise.all([first, stale, other, newest]);
  // The first was already running when the others came.
  assert.equal((r1!.html.match(/data-placeholder="/g) ?? []).length, 1);
  assert.equal(r2, null);
  assert.match(r3!.html, /乙/);
  assert.equal((r4!.html.match(/data-placeholder="/g) ?? []).length, 3);
  renderer.stop();
});

test('the preview renderer rejects what fails to render, and renders the next request', async () => {
  const renderer = new PreviewRenderer(null);
  const broken = { ...input('一、甲\n'), model: null as never };
  await assert.rejects(renderer.render('a', broken));
  assert.match((await renderer.render('a', input('一、甲\n')))!.html, /甲/);
});
