/**
 * Document synchronisation: didOpen for every open document the selector matches (now and
 * later), didChange with VS Code's incremental content changes (or the whole text when the
 * server asks for full sync), didSave, didClose. Sent in the order VS Code reports them, so a
 * request about a document always follows the changes made before it.
 */
import * as vscode from 'vscode';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type * as lsp from 'vscode-languageserver-protocol';
import { DidChange, DidClose, DidOpen, DidSave } from './messages';
import { toRange } from './convert';

export function syncDocuments(connection: MessageConnection, selector: vscode.DocumentSelector, sync: lsp.ServerCapabilities['textDocumentSync']): vscode.Disposable {
  const kind = typeof sync === 'number' ? sync : (sync?.change ?? 0);
  const open = new Set<string>();
  const textDocument = (doc: vscode.TextDocument) => ({ uri: doc.uri.toString() });
  const didOpen = (doc: vscode.TextDocument) => {
    const uri = doc.uri.toString();
    if (open.has(uri) || vscode.languages.match(selector, doc) === 0) return;
    open.add(uri);
    void connection.sendNotification(DidOpen, { textDocument: { uri, languageId: doc.languageId, version: doc.version, text: doc.getText() } });
  };
  for (const doc of vscode.workspace.textDocuments) didOpen(doc);
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(didOpen),
    vscode.workspace.onDidChangeTextDocument((e) => {
      // A change of dirty state alone comes with no content changes.
      if (kind === 0 || !e.contentChanges.length || !open.has(e.document.uri.toString())) return;
      const contentChanges: lsp.TextDocumentContentChangeEvent[] =
        kind === 1 ? [{ text: e.document.getText() }] : e.contentChanges.map((c) => ({ range: toRange(c.range), rangeLength: c.rangeLength, text: c.text }));
      void connection.sendNotification(DidChange, { textDocument: { ...textDocument(e.document), version: e.document.version }, contentChanges });
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (open.has(doc.uri.toString())) void connection.sendNotification(DidSave, { textDocument: textDocument(doc) });
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (open.delete(doc.uri.toString())) void connection.sendNotification(DidClose, { textDocument: textDocument(doc) });
    }),
  );
}
