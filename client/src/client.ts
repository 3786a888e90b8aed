/**
 * The language client (client/src/lsp): runs dist/server.js in a Node process over IPC for
 * Markdown files and untitled Markdown documents. The id `reportAuthor` makes
 * `reportAuthor.trace.server` apply. A crashed server is restarted up to 4 times in 3
 * minutes; after that, "Restart Language Server" starts it again.
 */
import * as vscode from 'vscode';
import { SERVER_NODE_OPTIONS } from '../../shared/serverLaunch';
import { LanguageClient } from './lsp/client';

export const CLIENT_ID = 'reportAuthor';

export function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  // The server reads these from disk: tell it when they change.
  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/.report-author.{json,yaml,yml}'),
    vscode.workspace.createFileSystemWatcher('**/*.template.{json,yaml,yml}'),
  ];
  context.subscriptions.push(...watchers); // bounded: two watchers
  // Settings: the server pulls `reportAuthor` per document (workspace/configuration) and
  // registers for didChangeConfiguration itself.
  return new LanguageClient({
    id: CLIENT_ID,
    name: vscode.l10n.t('Report Author'),
    server: { module, execArgv: SERVER_NODE_OPTIONS, debugExecArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6011'] },
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    fileWatchers: watchers,
  });
}
