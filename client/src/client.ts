/**
 * The language client: runs dist/server.js in a Node process over IPC for Markdown files
 * and untitled Markdown documents. The id `reportAuthor` makes `reportAuthor.trace.server`
 * apply. The default error handler restarts a crashed server up to 4 times in 3 minutes;
 * after that, "Restart Language Server" starts it again.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_OPTIONS } from '../../shared/serverLaunch';

export const CLIENT_ID = 'reportAuthor';

export function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6011'] } },
  };
  // The server reads these from disk: tell it when they change.
  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/.report-author.{json,yaml,yml}'),
    vscode.workspace.createFileSystemWatcher('**/*.template.{json,yaml,yml}'),
  ];
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    // Settings: the server pulls `reportAuthor` per document (workspace/configuration) and
    // registers for didChangeConfiguration itself, so no configurationSection here (it would
    // send every change twice).
    synchronize: { fileEvents: watchers },
  };
  return new LanguageClient(CLIENT_ID, vscode.l10n.t('Report Author'), serverOptions, clientOptions);
}
