/**
 * What the preview shows, asked of the language server: it renders from its one analysis
 * of the document's current version (shared/protocol.ts `reportAuthor/preview`), and
 * keeps the placeholders of each version for VS Code's own Markdown preview
 * (`reportAuthor/documentPlaceholders`). The extension analyses nothing itself.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from '../lsp/client';
import {
  DocumentPlaceholdersRequest,
  PreviewRequest,
  type DocumentPlaceholders,
  type PlaceholderSpan,
  type PreviewResult,
} from '../../../shared/protocol';
import type { PreviewStyle } from '../../../shared/previewProtocol';

export class PreviewSource implements vscode.Disposable {
  private readonly placeholders = new Map<string, DocumentPlaceholders>();
  private readonly asking = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(vscode.workspace.onDidCloseTextDocument((doc) => this.placeholders.delete(doc.uri.toString())));
  }

  /** The server's rendering of the document as it is now (null: superseded by a newer request). */
  render(document: vscode.TextDocument, style: PreviewStyle, standalone = false): Promise<PreviewResult | null> {
    return this.client.sendRequest(PreviewRequest, { uri: document.uri.toString(), style, standalone });
  }

  /**
   * The placeholders the server found in the latest version it answered for; when that is
   * not the document's current version, asks again and has VS Code's preview drawn again
   * when the answer comes (a markdown-it plugin renders synchronously).
   */
  placeholdersOf(uri: string): readonly PlaceholderSpan[] {
    const held = this.placeholders.get(uri);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (document && held?.version !== document.version) void this.ask(uri);
    return held?.placeholders ?? [];
  }

  private async ask(uri: string): Promise<void> {
    if (this.asking.has(uri)) return;
    this.asking.add(uri);
    try {
      const answer = await this.client.sendRequest(DocumentPlaceholdersRequest, { uri });
      if (!answer) return;
      const before = this.placeholders.get(uri);
      this.placeholders.set(uri, answer);
      // VS Code's Markdown engine caches its tokens per document version: a plain refresh
      // would show the same ones. Reloading the plugins clears that cache and re-renders.
      if (!before || before.version !== answer.version) await vscode.commands.executeCommand('markdown.api.reloadPlugins');
    } catch {
      // The server is not running: VS Code's preview shows no chips.
    } finally {
      this.asking.delete(uri);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
