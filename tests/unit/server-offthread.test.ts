/**
 * Documents too large for the main thread (server/src/server/offThread.ts): which go to the
 * worker, that the worker's model equals the in-process one, and that a worker that dies
 * or throws fails that document's analysis only (a diagnostic on it), never the caller.
 * Uses the bundle (dist/server.js) as the worker's script, as the server does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { LineDocument } from '../../server/src/server/documents';
import { analyze } from '../../server/src/core';
import { codeActions, documentSymbols, hover } from '../../server/src/core/features';
import { isLargeLines, OffThreadAnalyzer } from '../../server/src/server/offThread';
import { renderedModel, renderInProcess } from '../../server/src/server/preview';
import { ReportStore } from '../../server/src/server/reports';
import { SettingsStore } from '../../server/src/server/settings';
import { summarize, summaryOf } from '../../server/src/server/status';
import { generateLargeReport } from '../support/generate';
import { oneLine, unnumberedHeadings } from '../stress/shapes';

const BUNDLE = join(__dirname, '../../dist/server.js');

/** As the server asks it: of the document's lines. */
const isLarge = (text: string) => isLargeLines(text.split('\n'));

test('ordinary reports stay on the main thread; long, many-lined or long-lined documents do not', () => {
  assert.equal(isLarge(generateLargeReport()), false, 'the 1.1 MB report of npm run bench keeps the incremental path');
  assert.equal(isLarge(generateLargeReport({ blankLines: false })), false);
  assert.equal(isLarge('一、甲\n'), false);
  assert.equal(isLarge(unnumberedHeadings(25_000)), true);
  assert.equal(isLarge(oneLine('**1', 7_000)), true);
  assert.equal(isLarge('文。'.repeat(310_000)), true);
});

test("the worker's model equals the in-process one; large parts and the source are read on demand", async () => {
  const analyzer = new OffThreadAnalyzer(BUNDLE);
  try {
    const text = unnumberedHeadings(25_000) + '\n四、结尾\n完成**次。\n';
    const model = await analyzer.analyze('a', text, null, 3, { placeholderDiagnosticLimit: 500 });
    const here = analyze(text, null, 3, { placeholderDiagnosticLimit: 500 });
    assert.ok(model);
    assert.deepEqual(summaryOf(model), summarize(here), 'the summary made in the worker');
    assert.deepEqual(JSON.parse(JSON.stringify(model)), JSON.parse(JSON.stringify(here)));
    assert.deepEqual(model.source!.blocks, here.source!.blocks);
    assert.equal(model.source!.table.text, text);
    assert.ok(!Object.keys(model).includes('source'), 'the source stays non-enumerable');
  } finally {
    analyzer.stop();
  }
});

test('the worker answers the features of the models it holds, and says when it no longer holds one', async () => {
  const analyzer = new OffThreadAnalyzer(BUNDLE);
  const alive = setInterval(() => undefined, 60_000);
  try {
    const text = unnumberedHeadings(25_000) + '\n四、结尾\n完成**次。\n';
    const model = (await analyzer.analyze('a', text, null, 1, {}))!;
    const here = analyze(text, null, 1, {});
    const gap = here.diagnostics.find((d) => d.code === 'numbering-gap')!;
    assert.deepEqual((await analyzer.feature(model, 'symbols', [], null))!.value, documentSymbols(here));
    const args = ['file:///a.md', gap.range, [gap], undefined, { lazyFixAll: true }];
    assert.deepEqual((await analyzer.feature(model, 'codeActions', args, null))!.value, codeActions(here, 'file:///a.md', gap.range, [gap], undefined, text, { lazyFixAll: true }));
    const at = here.placeholders[0]!.range.start;
    assert.deepEqual((await analyzer.feature(model, 'hover', [at], null))!.value, hover(here, at, null));
    const options = { style: 'editor', standalone: false, interactive: true, templateName: null } as const;
    assert.deepEqual((await analyzer.feature(model, 'preview', [options, true], null))!.value, renderInProcess({ text, model: renderedModel(here, true), options, locale: undefined }));
    // A newer analysis of the document: the older model is not held any more.
    const newer = (await analyzer.analyze('a', text + '\n', null, 2, {}))!;
    assert.equal(await analyzer.feature(model, 'symbols', [], null), null);
    assert.ok(await analyzer.feature(newer, 'symbols', [], null));
    analyzer.forget('a');
    assert.equal(analyzer.feature(newer, 'symbols', [], null), null, 'forgotten: computed on the main thread');
    // Closed while it was being analysed: the worker does not keep it.
    const closing = analyzer.analyze('b', text, null, 1, {});
    analyzer.forget('b');
    assert.equal(analyzer.feature((await closing)!, 'symbols', [], null), null);
    const again = (await analyzer.analyze('a', text, null, 3, {}))!;
    analyzer.stop();
    assert.equal(analyzer.feature(again, 'symbols', [], null), null, 'a stopped worker holds nothing');
    assert.ok(again.outline.length > 25_000, 'the lazy model still reads its own parts');
  } finally {
    clearInterval(alive);
    analyzer.stop();
  }
});

test('a newer text of a document replaces one still waiting; the same text shares one analysis', async () => {
  const analyzer = new OffThreadAnalyzer(BUNDLE);
  try {
    const big = unnumberedHeadings(25_000);
    const first = analyzer.analyze('a', big, null, 1, {});
    const waiting = analyzer.analyze('a', big + '\n三、丙\n', null, 2, {});
    const newest = analyzer.analyze('a', big + '\n四、丁\n', null, 3, {});
    const again = analyzer.analyze('a', big + '\n四、丁\n', null, 3, {});
    assert.equal(again, newest);
    const [m1, m2, m3] = await Promise.all([first, waiting, newest]);
    assert.equal(m1!.version, 1, 'the one already running finishes');
    assert.equal(m2, null);
    assert.equal(m3!.version, 3);
  } finally {
    analyzer.stop();
  }
});

test('a worker that dies or throws fails that analysis with an error; the next one gets a new worker', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ra-offthread-'));
  // The workers are unref'd (the server's connection keeps it alive): so does this, until the end.
  const alive = setInterval(() => undefined, 60_000);
  try {
    const dies = join(dir, 'dies.js');
    writeFileSync(dies, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const throws = join(dir, 'throws.js');
    writeFileSync(throws, "require('node:worker_threads').parentPort.on('message', () => { throw new Error('boom'); });\n");
    const dying = new OffThreadAnalyzer(dies);
    await assert.rejects(dying.analyze('a', 'x', null, 1, {}), /analysis worker stopped \(exit code 3\)/);
    await assert.rejects(dying.analyze('a', 'y', null, 2, {}), /exit code 3/);
    const throwing = new OffThreadAnalyzer(throws);
    await assert.rejects(throwing.analyze('a', 'x', null, 1, {}), /boom/);
    throwing.stop();

    // In the server's store: a diagnostic on the document, which is still a report to show it.
    const store = new ReportStore(new SettingsStore({} as Connection, () => false));
    store.offThread = new OffThreadAnalyzer(dies);
    const state = await store.get(new LineDocument('file:///big.md', 'markdown', 1, unnumberedHeadings(25_000)));
    assert.equal(state.isReport, true);
    assert.equal(state.model.diagnostics.length, 1);
    assert.match(state.model.diagnostics[0]!.message, /exit code 3/);
  } finally {
    clearInterval(alive);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a result computed across a close or a settings change is returned but not kept', async () => {
  const store = new ReportStore(new SettingsStore({} as Connection, () => false));
  const doc = new LineDocument('file:///r.md', 'markdown', 1, '一、甲\n\n三、丙\n');
  const closing = store.get(doc);
  store.forget(doc.uri);
  assert.equal((await closing).model.diagnostics[0]?.code, 'numbering-gap');
  assert.equal(store.peek(doc.uri), undefined);
  const changing = store.get(doc);
  store.invalidate();
  await changing;
  assert.equal(store.peek(doc.uri), undefined);
  const other = new LineDocument('file:///other.md', 'markdown', 1, '一、甲\n');
  const kept = store.get(doc);
  store.forget(other.uri); // another document's close changes nothing for this one
  await kept;
  assert.equal(store.peek(doc.uri, 1)?.version, 1);
});
