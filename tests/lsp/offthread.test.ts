/**
 * Issue 11, "the server answers another small document within 1 s while a hostile one is
 * open": a document too large for the main thread is analysed in a worker thread
 * (server/src/server/offThread.ts) while small documents are analysed and answered at once.
 * Every wait is on a message from the server (each with a deadline), never on a timer.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type LspSession } from '../support/lspClient';
import { oneLine, unnumberedHeadings } from '../stress/shapes';

interface Published {
  uri: string;
  version?: number;
  diagnostics: Array<{ code?: string; message: string; range: { start: { line: number } } }>;
}

interface Status {
  uri: string;
  version: number;
  isReport: boolean;
  placeholderCount: number;
  sections: unknown[];
  moreSections?: number;
}

const GAP = '# 报告\n\n一、总体情况\n\n正文。\n\n三、存在问题\n\n正文。\n';
const FIXED = '# 报告\n\n一、总体情况\n\n正文。\n\n二、存在问题\n\n正文。\n';

function open(s: LspSession, uri: string, text: string, version = 1): void {
  s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
}

const published = (s: LspSession, uri: string, predicate: (p: Published) => boolean = () => true, ms?: number) =>
  s.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && predicate(p), ms);

/** 150k un-numbered headings (1 MB, well over a second to analyse) and a numbering gap on its last line. */
function hostile(): { text: string; gapLine: number } {
  const text = unnumberedHeadings(150_000) + '\n四、结尾\n';
  return { text, gapLine: text.split('\n').length - 2 };
}

describe('a document too large for the main thread', () => {
  let s: LspSession;
  before(async () => {
    s = startServer();
    await s.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    s.connection.sendNotification('initialized', {});
    // The worker thread starts with the first large document; a warm server is what an editor has.
    open(s, 'file:///warm/small.md', FIXED);
    await published(s, 'file:///warm/small.md');
  });
  after(() => s.close());

  test('while a hostile document is analysed, a small report opened after it is answered within a second', async () => {
    const huge = 'file:///busy/hostile.md';
    const small = 'file:///busy/small.md';
    const { text, gapLine } = hostile();
    const order: string[] = [];
    const hugeDone = published(s, huge, (p) => p.version === 1, 30_000).then((p) => (order.push('huge'), p));
    open(s, huge, text);
    const opened = performance.now();
    open(s, small, GAP);
    const smallDone = await published(s, small, (p) => p.version === 1, 30_000);
    const ms = performance.now() - opened;
    order.push('small');
    assert.deepEqual(smallDone.diagnostics.map((d) => d.code), ['numbering-gap']);
    const hugeDiagnostics = await hugeDone;
    // The hostile document really was the slower one (it took longer than the small one's wait).
    assert.deepEqual(order, ['small', 'huge']);
    assert.ok(ms < 1_000, `the small report's diagnostics came ${ms.toFixed(0)} ms after its didOpen`);
    assert.deepEqual(
      hugeDiagnostics.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['numbering-gap', gapLine]],
    );
    const status = await s.waitFor<Status>('reportAuthor/outlineStatus', (p) => p.uri === huge && p.version === 1);
    assert.equal(status.isReport, true);
    // Bounded: the first 500 sections and a count of the rest, not 150,000 sections (tens of MB).
    const size = JSON.stringify(status).length;
    assert.ok(size < 100_000, `${size} characters of outline status`);
    assert.ok(status.sections.length <= 500 && (status.moreSections ?? 0) + status.sections.length > 150_000, `${status.sections.length} + ${status.moreSections}`);
    assert.equal(s.process.exitCode, null, 'the server is still running');
  });

  test('an older version finished in the worker is never published over a newer one', async () => {
    const uri = 'file:///busy/edited.md';
    const { text } = hostile();
    open(s, uri, text, 1);
    // The same version number again with other text (a client bug the server must survive), then a newer one.
    s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: FIXED }] });
    const first = await published(s, uri, undefined, 30_000);
    assert.equal(first.version, 1);
    assert.deepEqual(first.diagnostics, [], 'the diagnostics of the small text, not of the large one it replaced');
    s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: GAP }] });
    const next = await published(s, uri, undefined, 30_000);
    assert.equal(next.version, 3);
    assert.deepEqual(next.diagnostics.map((d) => d.code), ['numbering-gap']);
  });

  test('features of a document analysed in the worker: symbols, placeholders, completion and the preview', async () => {
    const uri = 'file:///busy/line.md';
    // One 30,000-character line: analysed off the main thread.
    const text = oneLine('**1', 10_000) + '\n三、';
    open(s, uri, text);
    await published(s, uri, (p) => p.version === 1, 30_000);
    const symbols = await s.connection.sendRequest<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((x) => x.name), ['一、总体情况', '二、主要做法', '三、']);
    const spans = await s.connection.sendRequest<{ placeholders: unknown[] }>('reportAuthor/documentPlaceholders', { uri });
    assert.equal(spans.placeholders.length, 10_000);
    const lastLine = text.split('\n').length - 1;
    const items = await s.connection.sendRequest<Array<{ label: string }>>('textDocument/completion', {
      textDocument: { uri },
      position: { line: lastLine, character: 2 },
    });
    assert.ok(Array.isArray(items) && items.length > 0, JSON.stringify(items).slice(0, 200));
    const preview = await s.connection.sendRequest<{ html: string; version: number; isReport: boolean }>('reportAuthor/preview', { uri });
    assert.equal(preview.version, 1);
    assert.equal(preview.isReport, true);
    assert.match(preview.html, /主要做法/);
    assert.equal((preview.html.match(/data-placeholder="/g) ?? []).length, 10_000);
  });
});
