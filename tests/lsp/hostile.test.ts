/**
 * Issue 11 over the protocol: hostile documents and workspaces never take the server down,
 * never leave stale results, and never keep it from answering about another document.
 * Every wait is on a message from the server (each with a deadline), never on a timer.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type LspSession } from '../support/lspClient';
import { aliasBombRules, gappedEdits, gappedHeadings, placeholdersUnderLongHeading } from '../stress/shapes';

interface Published {
  uri: string;
  version?: number;
  diagnostics: Array<{ code?: string; message: string; range: { start: { line: number } } }>;
}

async function initialize(s: LspSession, capabilities: object = {}, extra: object = {}) {
  await s.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, ...extra });
  s.connection.sendNotification('initialized', {});
}

function open(s: LspSession, uri: string, text: string, version = 1): void {
  s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
}

const published = (s: LspSession, uri: string, predicate: (p: Published) => boolean = () => true, ms?: number) =>
  s.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && predicate(p), ms);

const GAP = '# 报告\n\n一、总体情况\n\n正文。\n\n三、存在问题\n\n正文。\n';
const FIXED = '# 报告\n\n一、总体情况\n\n正文。\n\n二、存在问题\n\n正文。\n';

describe('versions', () => {
  let s: LspSession;
  before(async () => {
    s = startServer();
    await initialize(s);
  });
  after(() => s.close());

  test('a didChange that reuses the version number is analysed, not answered from the old text', async () => {
    const uri = 'file:///reports/reused.md';
    open(s, uri, GAP, 1);
    const first = await published(s, uri, (p) => p.version === 1);
    assert.deepEqual(first.diagnostics.map((d) => d.code), ['numbering-gap']);
    s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: FIXED }] });
    const second = await published(s, uri, (p) => p.version === 1);
    assert.deepEqual(second.diagnostics, []);
    const symbols = await s.connection.sendRequest<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((x) => x.name), ['一、总体情况', '二、存在问题']);
  });

  test('a didOpen after a close with the same version shows the new text', async () => {
    const uri = 'file:///reports/reopened.md';
    open(s, uri, FIXED, 3);
    assert.deepEqual((await published(s, uri, (p) => p.version === 3)).diagnostics, []);
    s.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await published(s, uri, (p) => p.version === undefined && p.diagnostics.length === 0);
    open(s, uri, GAP, 3);
    assert.deepEqual((await published(s, uri, (p) => p.version === 3)).diagnostics.map((d) => d.code), ['numbering-gap']);
  });
});

describe('a hostile workspace and a hostile document', () => {
  let s: LspSession;
  let dir: string;
  let folderUri: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ra-hostile-lsp-'));
    mkdirSync(join(dir, 'tpl'));
    writeFileSync(join(dir, 'tpl', 'bomb.md'), '一、总体情况\n');
    writeFileSync(join(dir, 'tpl', 'bomb.template.yaml'), aliasBombRules());
    execFileSync('mkfifo', [join(dir, 'tpl', 'fifo.md')]);
    symlinkSync('/dev/zero', join(dir, 'tpl', 'zero.md'));
    symlinkSync('loop2.md', join(dir, 'tpl', 'loop1.md'));
    symlinkSync('loop1.md', join(dir, 'tpl', 'loop2.md'));
    writeFileSync(join(dir, '.report-author.json'), JSON.stringify({ templatesFolder: 'tpl', templates: { [`**/${'*a'.repeat(18)}*b.md`]: 'annual-summary' } }));
    folderUri = pathToFileURL(dir).toString();
    s = startServer();
    await initialize(
      s,
      { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } },
      { workspaceFolders: [{ uri: folderUri, name: 'w' }] },
    );
  });
  after(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an alias bomb, a FIFO, /dev/zero and a symlink loop in the templates folder are findings on those files; reports are still checked', async () => {
    const uri = `${folderUri}/${'a'.repeat(35)}.md`;
    const bombUri = `${folderUri}/tpl/bomb.template.yaml`;
    const wait = [published(s, bombUri), published(s, `${folderUri}/tpl/fifo.md`), published(s, `${folderUri}/tpl/zero.md`), published(s, `${folderUri}/tpl/loop1.md`)];
    open(s, uri, GAP);
    const report = await published(s, uri, (p) => p.version === 1);
    assert.deepEqual(report.diagnostics.map((d) => d.code), ['numbering-gap']);
    const [bomb, fifo, zero, loop] = await Promise.all(wait);
    assert.match(bomb.diagnostics[0]!.message, /Excessive alias count/);
    assert.match(fifo.diagnostics[0]!.message, /fifo\.md: not a regular file/);
    assert.match(zero.diagnostics[0]!.message, /zero\.md: not a regular file/);
    assert.match(loop.diagnostics[0]!.message, /loop1\.md: a symbolic link that loops/);
  });

  test('placeholders under a 10 KB heading come back with short labels', async () => {
    const uri = `${folderUri}/long.md`;
    open(s, uri, placeholdersUnderLongHeading(2_000));
    const items = await s.connection.sendRequest<Array<{ section: string }>>('reportAuthor/placeholders', { uri });
    assert.equal(items.length, 2_000);
    assert.ok(items.every((i) => i.section.length <= 40));
    assert.ok(JSON.stringify(items).length < 2_000 * 300);
  });

  test('fix-all is offered on a cursor move without edits and resolved on demand', async () => {
    const uri = `${folderUri}/gapped.md`;
    open(s, uri, gappedHeadings(500));
    const diagnostics = (await published(s, uri, (p) => p.version === 1)).diagnostics.filter((d) => d.code === 'numbering-gap');
    assert.ok(diagnostics.length >= 8, JSON.stringify(diagnostics.slice(0, 3)));
    const at = diagnostics[7]!;
    const actions = await s.connection.sendRequest<Array<{ kind: string; edit?: unknown; data?: unknown; title: string }>>('textDocument/codeAction', {
      textDocument: { uri },
      range: at.range,
      context: { diagnostics: [at] },
    });
    const lazy = actions.find((a) => a.kind === 'source.fixAll.reportAuthor')!;
    assert.equal(lazy.edit, undefined);
    const resolved = await s.connection.sendRequest<{ edit: { changes: Record<string, unknown[]> } }>('codeAction/resolve', lazy);
    assert.equal(resolved.edit.changes[uri]!.length, gappedEdits(500));
  });

  test('while a huge document is open, a small one is answered within a second', async () => {
    const huge = `${folderUri}/huge.md`;
    const small = `${folderUri}/small.md`;
    const symbolsOf = async (uri: string) => {
      const t = performance.now();
      const symbols = await s.connection.sendRequest<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri } });
      return { names: symbols.map((x) => x.name), ms: performance.now() - t };
    };
    // What a small document costs on this machine right now (a busy one is slow for everything).
    open(s, `${folderUri}/first.md`, FIXED);
    const alone = await symbolsOf(`${folderUri}/first.md`);
    // Large enough to matter, small enough to stay on the main thread (offThread.ts) and
    // that its first analysis there stays well inside the second; documents too large for
    // the main thread: tests/lsp/offthread.test.ts.
    open(s, huge, gappedHeadings(1_000) + placeholdersUnderLongHeading(500));
    open(s, small, FIXED);
    const withHuge = await symbolsOf(small);
    assert.deepEqual(withHuge.names, ['一、总体情况', '二、存在问题']);
    assert.ok(withHuge.ms < 1_000 + alone.ms, `${withHuge.ms.toFixed(0)} ms (${alone.ms.toFixed(0)} ms without the huge document)`);
    await published(s, huge, (p) => p.version === 1, 30_000);
    assert.equal(s.process.exitCode, null, 'the server is still running');
  });
});
