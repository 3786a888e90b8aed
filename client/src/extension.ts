/**
 * Activation (on Markdown): starts the language client and registers the features. Each
 * feature lives in its own file; this one only wires them together.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from './lsp/client';
import { OutlineStatusNotification } from '../../shared/protocol';
import { ActiveReport } from './activeReport';
import { createClient } from './client';
import { registerCommands } from './commands';
import { OutlineStore } from './outlineStore';
import { registerReportView } from './reportView';
import { registerStatusBar } from './statusBar';
import { registerWorkspaceCheck } from './workspaceCheck';
import { registerPreview } from './preview';
import type { MarkdownIt } from 'markdown-it';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): { extendMarkdownIt(md: MarkdownIt): MarkdownIt } {
  client = createClient(context);
  const store = new OutlineStore();
  const active = new ActiveReport(store);
  const preview = registerPreview(context, client);

  // The client is stopped in deactivate(), not disposed with the subscriptions.
  context.subscriptions.push(
    active,
    client.onNotification(OutlineStatusNotification, (status) => void store.update(status)),
    client.onDidChangeState((e) => {
      if (e.newState === State.Stopped) store.clear();
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => store.delete(doc.uri.toString())),
    registerStatusBar(active),
    registerReportView(active, client),
    registerWorkspaceCheck(context, client),
    registerCommands(client, active),
    preview,
  );

  client.start().catch((e: unknown) => {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Report Author: the language server could not start ({0}).', e instanceof Error ? e.message : String(e)),
    );
  });
  // VS Code's own Markdown preview shows placeholders as chips too (markdown.markdownItPlugins).
  return { extendMarkdownIt: (md) => preview.extendMarkdownIt(md) };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
