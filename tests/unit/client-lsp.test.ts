/**
 * The extension's language client (client/src/lsp) without an editor: conversions between
 * LSP data and the `vscode` API's classes (tests/support/fakeVscode.ts stands in for it),
 * settings answered per scope, batched file events, the capabilities the server reads, and
 * the message types shared by both sides on one vscode-jsonrpc.
 */
import '../support/fakeVscode';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import type * as lsp from 'vscode-languageserver-protocol';
import type * as vscode from 'vscode';
import * as fake from '../support/fakeVscode';
import {
  asCodeAction,
  asCompletionResult,
  asDiagnostic,
  asDocumentSymbols,
  asFoldingRanges,
  asHover,
  asWorkspaceEdit,
  lspCodeAction,
  toCodeActionContext,
  toDiagnostic,
  toRange,
} from '../../client/src/lsp/convert';
import { configurationValue, FileEvents } from '../../client/src/lsp/workspace';
import { clientCapabilities } from '../../client/src/lsp/client';
import { inDebugMode } from '../../client/src/lsp/process';
import { OutlineStatusNotification, type OutlineStatus } from '../../shared/protocol';
import { codeActions, completions, documentSymbols, foldingRanges, hover } from '../../server/src/core/features';
import { doc, r } from '../support/ranges';
import { inlineTemplate, withTemplate } from '../support/templates';
import { analyze } from '../../server/src/core';

const URI = 'file:///work/report.md';
const SUMMARY = inlineTemplate(
  'id: summary\nname: 总结\nsections:\n  - {id: work, title: 主要工作, freeTitle: true, repeat: 1..5}\n  - {id: problems, title: 存在问题, guidance: 逐条写明问题。}\n  - {id: plans, title: 下一步打算, required: false}',
);
const plainRange = (x: vscode.Range) => toRange(x);
const edits = (e: vscode.WorkspaceEdit) =>
  (e as unknown as fake.WorkspaceEdit).entries().map(([uri, list]) => [uri.toString(), list.map((t) => ({ range: plainRange(t.range as vscode.Range), newText: t.newText }))]);

test('a published diagnostic becomes a vscode.Diagnostic and goes back to the server exactly, its data intact', () => {
  const model = withTemplate(doc('一、抓学习', '内容。', '二、下一步打算', '内容。'), SUMMARY);
  const published = model.diagnostics.find((d) => d.code === 'missing-section')!;
  assert.ok(published.data, 'the finding carries its quick fix in data');
  const shown = asDiagnostic(published);
  assert.deepEqual(plainRange(shown.range), published.range);
  assert.equal(shown.message, published.message);
  assert.equal(shown.severity, fake.DiagnosticSeverity.Error); // LSP 1
  assert.equal(shown.source, 'report-author');
  const code = shown.code as { value: string; target: vscode.Uri };
  assert.equal(code.value, 'missing-section');
  assert.equal(code.target.toString(true), published.codeDescription!.href);
  // What the editor hands to the code action provider is the server's own object.
  assert.equal(toDiagnostic(shown), published);

  // The quick fix built from what goes back inserts the section, as the server would.
  const context = toCodeActionContext({ diagnostics: [shown], only: (fake.CodeActionKind.Empty.append('quickfix') as unknown as vscode.CodeActionKind), triggerKind: 1 } as unknown as vscode.CodeActionContext);
  assert.deepEqual(context.only, ['quickfix']);
  assert.equal(context.triggerKind, 1);
  const actions = codeActions(model, URI, published.range, context.diagnostics, context.only);
  const insert = actions.find((a) => a.isPreferred)!;
  const converted = asCodeAction(insert) as vscode.CodeAction;
  assert.equal(converted.title, insert.title);
  assert.equal(converted.kind!.value, 'quickfix');
  assert.equal(converted.isPreferred, true);
  assert.deepEqual(edits(converted.edit!), [[URI, insert.edit!.changes![URI]]]);
  assert.deepEqual(converted.diagnostics!.map(toDiagnostic), [published]);
});

test('a diagnostic made elsewhere (another extension, a task) is converted field by field', () => {
  const d = new fake.Diagnostic(new fake.Range(new fake.Position(2, 1), new fake.Position(2, 5)), 'm', fake.DiagnosticSeverity.Hint);
  d.code = { value: 'x', target: fake.Uri.parse('https://example.com/x') };
  d.source = 'other';
  d.tags = [1];
  assert.deepEqual(toDiagnostic(d as unknown as vscode.Diagnostic), {
    range: r(2, 1, 5),
    message: 'm',
    severity: 4,
    code: 'x',
    codeDescription: { href: 'https://example.com/x' },
    source: 'other',
    tags: [1],
  });
  const plain = new fake.Diagnostic(new fake.Range(new fake.Position(0, 0), new fake.Position(0, 1)), 'n', fake.DiagnosticSeverity.Warning);
  plain.code = 7;
  assert.deepEqual(toDiagnostic(plain as unknown as vscode.Diagnostic), { range: r(0, 0, 1), message: 'n', severity: 2, code: 7 });
  // Severities 2..4 and a missing one (an error, as LSP says).
  assert.deepEqual([2, 3, 4, undefined].map((severity) => asDiagnostic({ range: r(0, 0, 1), message: '', severity: severity as lsp.DiagnosticSeverity }).severity), [1, 2, 3, 0]);
});

test('a fix-all offered without its edits keeps the server\'s action (with data) for codeAction/resolve', () => {
  const text = doc('一、甲', '内容。', '三、乙', '内容。');
  const model = analyze(text);
  const [lazy] = codeActions(model, URI, r(0, 0, 0), [], undefined, text, { lazyFixAll: true }).filter((a) => a.kind === 'source.fixAll.reportAuthor');
  assert.ok(lazy && !lazy.edit && lazy.data, 'the server offers fix-all lazily');
  const converted = asCodeAction(lazy) as vscode.CodeAction;
  assert.equal(converted.kind!.value, 'source.fixAll.reportAuthor');
  assert.equal(converted.edit, undefined);
  assert.equal(lspCodeAction(converted), lazy);
  // A bare command stays a command.
  assert.deepEqual(asCodeAction({ title: 't', command: 'c', arguments: [1] }), { title: 't', command: 'c', arguments: [1] });
});

test('completion items: snippets with their range, label details, documentation, extra edits, LSP kinds one lower', () => {
  const text = doc('一、主要工作', '（一）甲', '内容。', '（二）乙', '内容。', '');
  const model = analyze(text);
  const items = completions(model, text, { line: 5, character: 0 }, null);
  assert.ok(items.length > 0);
  const list = asCompletionResult(items) as unknown as fake.CompletionList;
  assert.equal(list.isIncomplete, false);
  items.forEach((item, i) => {
    const got = list.items[i]!;
    assert.equal(typeof got.label === 'string' ? got.label : got.label.label, item.label);
    assert.equal(got.kind, item.kind! - 1);
    assert.equal(got.sortText, item.sortText);
    assert.equal(got.filterText, item.filterText);
    assert.equal(got.detail, item.detail);
    assert.ok(got.insertText instanceof fake.SnippetString, 'a snippet');
    assert.equal((got.insertText as fake.SnippetString).value, (item.textEdit as lsp.TextEdit).newText);
    assert.deepEqual(plainRange(got.range as unknown as vscode.Range), (item.textEdit as lsp.TextEdit).range);
    assert.equal(got.additionalTextEdits?.length, item.additionalTextEdits?.length);
  });
  const detailed = asCompletionResult([
    { label: 'a', labelDetails: { description: 'd' }, documentation: { kind: 'markdown', value: '**b**' }, insertText: 'x', textEdit: { insert: r(0, 0, 1), replace: r(0, 0, 2), newText: 'y' } },
  ]) as unknown as fake.CompletionList;
  const [a] = detailed.items;
  assert.deepEqual(a!.label, { label: 'a', description: 'd' });
  assert.equal((a!.documentation as fake.MarkdownString).value, '**b**');
  assert.equal(a!.insertText, 'y'); // plain text: not a snippet
  const range = a!.range as { inserting: vscode.Range; replacing: vscode.Range };
  assert.deepEqual([plainRange(range.inserting), plainRange(range.replacing)], [r(0, 0, 1), r(0, 0, 2)]);
  const fromList = asCompletionResult({ isIncomplete: true, itemDefaults: { editRange: r(1, 0, 3), insertTextFormat: 2 }, items: [{ label: 'z', insertText: '$1z' }] }) as unknown as fake.CompletionList;
  assert.equal(fromList.isIncomplete, true);
  assert.equal((fromList.items[0]!.insertText as fake.SnippetString).value, '$1z');
  assert.deepEqual(plainRange(fromList.items[0]!.range as vscode.Range), r(1, 0, 3));
  assert.equal(asCompletionResult(null), undefined);
});

test('document symbols keep their hierarchy; SymbolKind, folding kinds one lower or named', () => {
  const model = analyze(doc('一、甲', '（一）子', '内容。', '二、乙', '内容。'));
  const symbols = documentSymbols(model);
  const got = asDocumentSymbols(symbols) as unknown as fake.DocumentSymbol[];
  const shape = (s: fake.DocumentSymbol): unknown => [s.name, s.kind, s.detail, plainRange(s.range as vscode.Range), s.children.map(shape)];
  const want = (s: lsp.DocumentSymbol): unknown => [s.name, s.kind - 1, s.detail ?? '', s.range, (s.children ?? []).map(want)];
  assert.deepEqual(got.map(shape), symbols.map(want));
  assert.equal(got[0]!.children.length, 1);
  const info = asDocumentSymbols([{ name: 'n', kind: 5, containerName: 'c', location: { uri: URI, range: r(1, 0, 1) } }]) as unknown as fake.SymbolInformation[];
  assert.equal(info[0]!.kind, 4);
  assert.equal(info[0]!.location.uri.toString(), URI);

  const folds = asFoldingRanges(foldingRanges(model)) as unknown as fake.FoldingRange[];
  assert.deepEqual(
    folds.map((f) => [f.start, f.end, f.kind]),
    foldingRanges(model).map((f) => [f.startLine, f.endLine, undefined]),
  );
  assert.deepEqual((asFoldingRanges([{ startLine: 1, endLine: 2, kind: 'region' }, { startLine: 3, endLine: 4, kind: 'comment' }]) as unknown as fake.FoldingRange[]).map((f) => f.kind), [3, 1]);
});

test('hover: Markdown stays Markdown, plain text is escaped, a marked string with a language is a code block', () => {
  const text = doc('一、甲', '完成**次培训。');
  const model = analyze(text);
  const h = hover(model, { line: 1, character: 3 }, null);
  assert.ok(h && typeof h.contents === 'object' && 'kind' in h.contents && h.contents.kind === 'markdown');
  const got = asHover(h) as unknown as fake.Hover;
  assert.equal(got.contents[0]!.value, (h.contents as lsp.MarkupContent).value);
  assert.deepEqual(plainRange(got.range as vscode.Range), h.range);
  const plain = asHover({ contents: [{ kind: 'plaintext', value: 'a*b' } as unknown as lsp.MarkedString, { language: 'md', value: '# x' }] }) as unknown as fake.Hover;
  assert.equal(plain.contents[0]!.value, 'a\\*b');
  assert.match(plain.contents[1]!.value, /```md\n# x\n```/);
  assert.equal(asHover(null), undefined);
});

test('workspace edits: changes by document, document changes in order, file operations', () => {
  const other = 'file:///work/other.md';
  assert.deepEqual(edits(asWorkspaceEdit({ changes: { [URI]: [{ range: r(0, 0, 1), newText: 'a' }, { range: r(1, 0, 0), newText: 'b' }], [other]: [{ range: r(2, 0, 0), newText: 'c' }] } })), [
    [URI, [{ range: r(0, 0, 1), newText: 'a' }, { range: r(1, 0, 0), newText: 'b' }]],
    [other, [{ range: r(2, 0, 0), newText: 'c' }]],
  ]);
  const withFiles = asWorkspaceEdit({
    documentChanges: [
      { kind: 'create', uri: other, options: { ignoreIfExists: true } },
      { textDocument: { uri: other, version: null }, edits: [{ range: r(0, 0, 0), newText: 'x' }] },
      { kind: 'rename', oldUri: other, newUri: URI },
      { kind: 'delete', uri: URI },
    ],
  }) as unknown as fake.WorkspaceEdit;
  assert.deepEqual(edits(withFiles as unknown as vscode.WorkspaceEdit), [[other, [{ range: r(0, 0, 0), newText: 'x' }]]]);
  assert.deepEqual(withFiles.fileOperations.map((o) => o.op), ['create', 'rename', 'delete']);
});

test('workspace/configuration: each item is the section\'s value for its scope, as plain JSON, null when unset', () => {
  fake.configuration.settings = { reportAuthor: { detect: 'always', placeholders: { masks: false } } };
  fake.configuration.calls = [];
  assert.deepEqual(configurationValue({ scopeUri: URI, section: 'reportAuthor' }), { detect: 'always', placeholders: { masks: false } });
  assert.deepEqual(fake.configuration.calls, [{ section: undefined, scope: URI }]);
  assert.equal(configurationValue({ section: 'reportAuthor.placeholders.masks' }), false);
  assert.equal(fake.configuration.calls[1]!.section, 'reportAuthor.placeholders');
  assert.equal(configurationValue({ section: 'nothing' }), null);
  const value = configurationValue({ section: 'reportAuthor' }) as { detect: string };
  value.detect = 'never'; // a copy: the editor's settings stay as they are
  assert.equal((fake.configuration.settings.reportAuthor as { detect: string }).detect, 'always');
});

test('file events go out as one notification, once per file, its latest change last', async () => {
  const sent: lsp.DidChangeWatchedFilesParams[] = [];
  const events = new FileEvents((p) => sent.push(p));
  const a = fake.Uri.parse('file:///w/.report-author.json');
  const b = fake.Uri.parse('file:///w/x.template.json');
  events.push(a as unknown as vscode.Uri, 1);
  events.push(b as unknown as vscode.Uri, 2);
  events.push(a as unknown as vscode.Uri, 2);
  events.flush();
  assert.deepEqual(sent, [{ changes: [{ uri: b.toString(), type: 2 }, { uri: a.toString(), type: 2 }] }]);
  events.flush();
  assert.equal(sent.length, 1, 'nothing more to send');
  // Without an explicit flush the batch goes out by itself.
  const batched = new Promise<lsp.DidChangeWatchedFilesParams>((resolve) => {
    const later = new FileEvents(resolve, 1);
    later.push(b as unknown as vscode.Uri, 3);
  });
  assert.deepEqual(await batched, { changes: [{ uri: b.toString(), type: 3 }] });
  // Disposed: what was pending is dropped.
  events.push(a as unknown as vscode.Uri, 3);
  events.dispose();
  events.flush();
  assert.equal(sent.length, 1);
});

test('the client offers what the server reads: pulled settings, watched files, folders, code action data and resolve; diagnostics are pushed', () => {
  const c = clientCapabilities();
  assert.equal(c.workspace?.configuration, true);
  assert.equal(c.workspace?.workspaceFolders, true);
  assert.equal(c.workspace?.didChangeWatchedFiles?.dynamicRegistration, true);
  assert.equal(c.workspace?.didChangeConfiguration?.dynamicRegistration, true);
  assert.deepEqual(c.textDocument?.codeAction?.resolveSupport?.properties, ['edit']);
  assert.equal(c.textDocument?.codeAction?.dataSupport, true);
  assert.ok(c.textDocument?.codeAction?.codeActionLiteralSupport?.codeActionKind.valueSet.includes('quickfix'));
  assert.equal(c.textDocument?.completion?.completionItem?.snippetSupport, true);
  assert.equal(c.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport, true);
  assert.deepEqual(c.textDocument?.hover?.contentFormat, ['markdown', 'plaintext']);
  assert.equal(c.textDocument?.publishDiagnostics?.dataSupport, true);
  assert.equal(c.textDocument?.diagnostic, undefined, 'pull diagnostics are not claimed: the server publishes');
});

test('the debug launch is chosen when the extension host runs under a debugger', () => {
  assert.equal(inDebugMode(['--inspect=9229']), true);
  assert.equal(inDebugMode(['--inspect-brk']), true);
  assert.equal(inDebugMode(['--debug']), true);
  assert.equal(inDebugMode(['--max-semi-space-size=2', '--inspector-thing']), false);
});

test('a notification typed in shared/protocol.ts goes through the server\'s connection (one vscode-jsonrpc on both sides)', async () => {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  const server = createConnection(toServer, fromServer);
  server.listen();
  const client = createMessageConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
  const got = new Promise<OutlineStatus>((resolve) => client.onNotification(OutlineStatusNotification, resolve));
  client.listen();
  const status: OutlineStatus = { uri: URI, version: 3, isReport: true, template: null, placeholderCount: 2, missingCount: 0, sections: [] };
  await server.sendNotification(OutlineStatusNotification, status);
  assert.deepEqual(await got, status);
  // Left open: vscode-languageserver ends the process when its input closes without a shutdown.
});
