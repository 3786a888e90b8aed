/** Server pieces without a connection: the idle collector, the preview renderer's queue, placeholder labels. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IdleCollector } from '../../server/src/server/idle';
import { PreviewRenderer, type RenderInput } from '../../server/src/server/preview';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type OutlineNode } from '../../server/src/core';
import { placeholderItems } from '../../server/src/server/requests';
import type { ReportState } from '../../server/src/server/reports';
import { createRng, generateReport } from '../support/generate';
import { EXAMPLE, SHARED, sharedAvailable } from '../support/fixtures';
import { hasServerFlags, SERVER_NODE_OPTIONS } from '../../shared/serverLaunch';

test('the idle collector runs a major collection after a quiet second and a full one half a second later, never during a burst', (t) => {
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
  // Work between the two: the full collection waits for the next quiet second.
  t.mock.timers.tick(400);
  collector.touch();
  t.mock.timers.tick(900);
  assert.equal(calls.length, 1);
  t.mock.timers.tick(100);
  assert.equal(calls.length, 2);
  t.mock.timers.tick(500);
  assert.deepEqual(calls, [{ type: 'major', execution: 'async' }, { type: 'major', execution: 'async' }, undefined]);
  t.mock.timers.tick(5000);
  assert.equal(calls.length, 3);
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

/** The definition: the deepest section whose range holds the placeholder's line. */
function deepestByDefinition(model: ReturnType<typeof analyze>): string[] {
  const sections: OutlineNode[] = [];
  const walk = (nodes: readonly OutlineNode[]) => nodes.forEach((n) => (sections.push(n), walk(n.children)));
  walk(model.outline);
  return model.placeholders.map((p) => {
    let best: OutlineNode | null = null;
    for (const n of sections) {
      const { start, end } = n.sectionRange;
      if (p.range.start.line >= start.line && p.range.start.line <= end.line && (!best || n.level > best.level)) best = n;
    }
    return best ? `${best.marker}${best.title}` : '';
  });
}

test('each placeholder is labelled with the deepest section holding it, by one sweep: the corpus, the reports, generated reports', () => {
  // Our own example always; the real reports in ../shared when they are beside the clone.
  const dirs = ['corpus', 'reports'].filter((sub) => sharedAvailable(sub, `placeholder labels over ../shared/${sub}`)).map((sub) => join(SHARED, sub));
  const texts = [EXAMPLE, ...dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(d, f), 'utf8')))];
  const rng = createRng(7);
  for (let i = 0; i < 40; i++) texts.push(generateReport(rng).text);
  texts.push('附件1\n\n一、甲\n**次\n（一）乙\n**次\n\n附件2\n\n一、丙\n**个\n');
  let labelled = 0;
  for (const text of texts) {
    const model = analyze(text);
    const items = placeholderItems({ uri: 'file:///r.md', model } as ReportState);
    assert.deepEqual(items.map((i) => i.section), deepestByDefinition(model));
    labelled += items.filter((i) => i.section).length;
  }
  assert.ok(labelled > 1000, `${labelled} placeholders in sections`);
});

test('the server knows when it was started with its V8 flags: on the command line or in NODE_OPTIONS, in either spelling', () => {
  const all = [...SERVER_NODE_OPTIONS];
  assert.equal(hasServerFlags(all, undefined), true);
  assert.equal(hasServerFlags([], all.join(' ')), true);
  assert.equal(hasServerFlags(['--max-semi-space-size=4', '--expose-gc'], undefined), true, 'another semi-space size is the user’s choice');
  assert.equal(hasServerFlags(['--max_semi_space_size=2', '--expose_gc'], ''), true);
  assert.equal(hasServerFlags(['--expose-gc'], undefined), false);
  assert.equal(hasServerFlags([], '--inspect'), false);
  // The bundle's shebang carries the same flags (esbuild.mjs reads them from shared/serverLaunch.ts).
  const bundle = join(__dirname, '../../dist/server.js');
  if (existsSync(bundle)) assert.equal(readFileSync(bundle, 'utf8').split('\n')[0], `#!/usr/bin/env -S node ${all.join(' ')}`);
});
