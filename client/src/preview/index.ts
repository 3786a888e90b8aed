/**
 * The report preview, for extension.ts to wire in:
 *
 *   const preview = registerPreview(context, client);
 *   …
 *   return { extendMarkdownIt: preview.extendMarkdownIt };   // chips in VS Code's Markdown preview
 *
 * Commands: `reportAuthor.openPreviewToSide`, `reportAuthor.exportHtml`. The webview
 * serializer restores a preview left open when the window closed.
 */
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import type { MarkdownIt } from 'markdown-it';
import type { LanguageClient } from '../lsp/client';
import { reportPlaceholdersPlugin } from './markdownItPlugin';
import { PreviewSource } from './models';
import { PREVIEW_VIEW_TYPE, PreviewManager } from './panel';
import { exportHtml } from './exportHtml';

export { PREVIEW_VIEW_TYPE } from './panel';
export { reportPlaceholdersPlugin } from './markdownItPlugin';

/** The core's words (chip labels, side panel, messages) in VS Code's display language. */
function useDisplayLanguage(): void {
  l10n.config({ contents: vscode.l10n.bundle ?? {} });
}

export interface Preview extends vscode.Disposable {
  /** For activate()'s return value: VS Code's Markdown preview calls it (`markdown.markdownItPlugins`). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient): Preview {
  useDisplayLanguage();
  const source = new PreviewSource(client);
  const manager = new PreviewManager(context.extensionUri, source);

  /** The document a command acts on: the one given (editor title menu), the previewed one, the active Markdown editor's. */
  const target = (uri?: vscode.Uri): vscode.TextDocument | undefined => {
    if (uri instanceof vscode.Uri) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open) return open;
    }
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === 'markdown') return active;
    return manager.followed;
  };

  const exportCommand = async (uri?: vscode.Uri) => {
    const document = target(uri);
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown report first.'));
      return;
    }
    try {
      await exportHtml(document, source);
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Report Author: {0}', e instanceof Error ? e.message : String(e)));
    }
  };

  const disposable = vscode.Disposable.from(
    source,
    manager,
    vscode.commands.registerCommand('reportAuthor.openPreviewToSide', (uri?: vscode.Uri) => manager.show(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('reportAuthor.exportHtml', exportCommand),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, manager),
  );
  return {
    dispose: () => disposable.dispose(),
    extendMarkdownIt: (md: MarkdownIt) => {
      useDisplayLanguage();
      // The server's placeholders of the document VS Code's preview renders.
      return md.use(reportPlaceholdersPlugin, {
        placeholders: (env, src) => {
          // VS Code's Markdown engine parses (and caches tokens) with no document in its env:
          // the open Markdown document with this text is the one.
          const current = (env as { currentDocument?: { scheme?: unknown; toString(): string } } | undefined)?.currentDocument;
          const uri = current && typeof current.scheme === 'string' ? current.toString() : documentWithText(src)?.uri.toString();
          return uri ? source.placeholdersOf(uri) : undefined;
        },
      });
    },
  };
}

/** The open Markdown document whose text is `src` (VS Code's parser normalizes line ends to \n). */
function documentWithText(src: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => {
    if (d.languageId !== 'markdown') return false;
    const text = d.getText();
    return (text.length === src.length || text.includes('\r')) && text.replace(/\r\n?/g, '\n') === src;
  });
}
