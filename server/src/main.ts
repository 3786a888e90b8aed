/**
 * report-language-server: speaks LSP over --stdio or --node-ipc (vscode-languageserver
 * reads the transport from the command line). This first version answers initialize,
 * keeps documents in sync and pushes the core's diagnostics; issue 4 grows it.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from './core';
import { useLocale } from './l10n';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize((params) => {
  useLocale(params.locale ?? process.env.LANG);
  return {
    capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
    serverInfo: { name: 'report-language-server', version: '0.1.0' },
  };
});

function validate(doc: TextDocument): void {
  try {
    const model = analyze(doc.getText(), null, doc.version);
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: model.diagnostics });
  } catch (e) {
    connection.console.error(`report-author: analysing ${doc.uri} failed: ${String(e)}`);
  }
}

documents.onDidChangeContent((e) => validate(e.document));
documents.onDidClose((e) => void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));
documents.listen(connection);
connection.listen();
