/**
 * The extension's own language client (client/src/lsp/client.ts) against the bundled server,
 * with tests/support/fakeVscode.ts as the editor: start, document sync, published
 * diagnostics, settings pulled per document, watchers registered, custom requests, providers,
 * restarts after a crash, the message after too many, and a clean stop. Every wait is on an
 * event (a state change, diagnostics set, a message shown).
 */
import '../support/fakeVscode';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as vscode from 'vscode';
import * as fake from '../support/fakeVscode';
import { LanguageClient, State, type StateChangeEvent } from '../../client/src/lsp/client';
import { OutlineStatusNotification, PlaceholdersRequest, type OutlineStatus } from '../../shared/protocol';
import { SERVER_NODE_OPTIONS } from '../../shared/serverLaunch';
import { SERVER } from '../support/lspClient';
import { doc } from '../support/ranges';

const dir = mkdtempSync(join(tmpdir(), 'report-author-client-'));
const file = join(dir, 'report.md');
const text = doc('一、主要工作', '完成**次培训。', '二、下一步打算', '内容。');
writeFileSync(file, text);
const document = new fake.TextDocument(fake.Uri.file(file), 'markdown', text);
const uri = document.uri.toString();
fake.workspace.textDocuments = [document];
fake.configuration.settings = { reportAuthor: { detect: 'always', trace: { server: 'messages' } } };

const client = new LanguageClient({
  id: 'reportAuthor',
  name: 'Report Author',
  server: { module: SERVER, execArgv: SERVER_NODE_OPTIONS, debugExecArgv: SERVER_NODE_OPTIONS },
  documentSelector: [{ scheme: 'file', language: 'markdown' }],
});
const collection = fake.languages.collections.at(-1)!;
const statuses = new fake.EventEmitter<OutlineStatus>();
client.onNotification(OutlineStatusNotification, (s) => statuses.fire(s));

after(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The first event that satisfies `ok`, from an event source that may already hold it. */
function when<T>(event: (l: (e: T) => unknown) => { dispose(): unknown }, ok: (e: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const sub = event((e) => {
      if (!ok(e)) return;
      sub.dispose();
      resolve(e);
    });
  });
}
const codes = () => (collection.get(document.uri) ?? []).map((d) => (d.code as { value: string }).value);
const diagnosticsWhere = (ok: (codes: string[]) => boolean) => when(collection.changed.event, (u) => u === uri && ok(codes()));
const stateIs = (state: State) => when<StateChangeEvent>(client.onDidChangeState, (e) => e.newState === state);
const provider = <T>(kind: string) => [...(fake.languages.providers.get(kind) ?? [])][0]?.provider as T;
const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) } as unknown as vscode.CancellationToken;

test('starts the server, opens the document, shows its diagnostics and answers requests and providers', { timeout: 60_000 }, async () => {
  const published = diagnosticsWhere((c) => c.includes('unfilled-placeholder'));
  const status = when(statuses.event, (s) => s.uri === uri && s.version === 1);
  await client.start();
  assert.equal(client.state, State.Running);
  await published;
  // Settings were pulled for the document's scope, watchers registered, features offered.
  assert.ok(fake.configuration.calls.some((c) => c.scope === uri && c.section === undefined), JSON.stringify(fake.configuration.calls));
  assert.ok(fake.workspace.watched.includes('**/*.md'), JSON.stringify(fake.workspace.watched));
  for (const kind of ['DocumentSymbol', 'FoldingRange', 'Hover', 'CompletionItem', 'CodeActions']) assert.ok(provider(kind), kind);
  assert.equal((await status).placeholderCount, 1);
  // reportAuthor.trace.server: messages are traced to the output channel.
  assert.match((client.output as unknown as { text: string }).text, /Sending request 'initialize - \(0\)'/);

  const items = await client.sendRequest(PlaceholdersRequest, { uri }, token);
  assert.deepEqual(items.map((i) => i.text), ['**']);

  const symbols = (await provider<vscode.DocumentSymbolProvider>('DocumentSymbol').provideDocumentSymbols(document as never, token)) as unknown as fake.DocumentSymbol[];
  assert.deepEqual(symbols.map((s) => s.name), ['一、主要工作', '二、下一步打算']);

  // The editor hands back the diagnostic it was given; the fixes come with their edits.
  const placeholder = collection.get(document.uri)!.find((d) => (d.code as { value: string }).value === 'unfilled-placeholder')!;
  const actions = (await provider<vscode.CodeActionProvider>('CodeActions').provideCodeActions(
    document as never,
    placeholder.range as never,
    { diagnostics: [placeholder], only: undefined, triggerKind: 1 } as never,
    token,
  )) as unknown as fake.CodeAction[];
  const ignore = actions.find((a) => a.edit && a.kind?.value === 'quickfix');
  assert.ok(ignore, JSON.stringify(actions.map((a) => a.title)));
  assert.match(ignore.edit!.entries()[0]![1][0]!.newText, /report-author-disable-next-line unfilled-placeholder/);

  // An incremental change: the placeholder filled, its finding goes.
  const filled = diagnosticsWhere((c) => !c.includes('unfilled-placeholder'));
  const next = when(statuses.event, (s) => s.uri === uri && s.version === 2);
  document.edit(1, 2, 4, '12');
  await filled;
  assert.equal((await next).placeholderCount, 0);
});

test('a crashed server is restarted with the document open again; after 5 crashes in 3 minutes a message offers to restart it', { timeout: 120_000 }, async () => {
  for (let crash = 1; crash <= 5; crash++) {
    const pid = client.serverProcessId!;
    const stopped = stateIs(State.Stopped);
    const shown = crash === 5 ? when(fake.messages.onShown.event, (m) => /stopped 5 times/.test(m)) : null;
    if (crash === 5) fake.messages.answer = (_m, items) => items.find((i) => i === 'Restart Language Server');
    const running = stateIs(State.Running);
    const republished = diagnosticsWhere(() => true);
    process.kill(pid, 'SIGKILL');
    await stopped;
    assert.equal(collection.get(document.uri), undefined, 'diagnostics of a stopped server are cleared');
    if (shown) assert.match(await shown, /5 times in the last 3 minutes/);
    await running;
    await republished;
    assert.notEqual(client.serverProcessId, pid);
    assert.equal(client.state, State.Running);
  }
  assert.equal(fake.messages.shown.filter((m) => m.level === 'error').length, 1, 'the message once, after the fifth crash only');
  assert.deepEqual(fake.messages.shown[0]!.items, ['Restart Language Server']);
  assert.deepEqual(codes(), [], 'the document as edited, not as first opened');
});

test('stop shuts the server down: the process ends, diagnostics and providers go, requests are refused', { timeout: 60_000 }, async () => {
  const pid = client.serverProcessId!;
  await client.stop();
  assert.equal(client.state, State.Stopped);
  assert.throws(() => process.kill(pid, 0), /ESRCH/);
  assert.equal(collection.entries.size, 0);
  assert.equal([...fake.languages.providers.values()].reduce((n, s) => n + s.size, 0), 0);
  await assert.rejects(client.sendRequest(PlaceholdersRequest, { uri }), /not running/);
  // Document events no longer go anywhere.
  assert.equal(fake.workspace.changed.size, 0);
});
