/**
 * The report preview panel: one webview beside the editor that follows the active
 * Markdown editor, re-rendered as the user types (debounced; a stale rendering never
 * replaces a newer one: see RenderScheduler), scrolled together with the editor, and
 * answering the webview's typed messages (reveal a line, insert a missing section, open a
 * link). The language server renders (reportAuthor/preview) from its analysis of the
 * version; the extension host only passes the HTML on.
 */
import * as vscode from 'vscode';
import type { TextEdit } from 'vscode-languageserver-types';
import type { PreviewResult } from '../../../shared/protocol';
import { isExternalLink, parseFromWebview, type FromWebview, type PreviewStyle, type RenderMessage, type ToWebview } from '../../../shared/previewProtocol';
import { makeNonce, previewShell } from './html';
import type { PreviewSource } from './models';
import { RenderScheduler, type RenderJob } from './scheduler';

export const PREVIEW_VIEW_TYPE = 'reportAuthor.preview';
/** After we scroll one side to follow the other, its own scroll event is not sent back. */
const ECHO_MS = 300;

interface Rendered {
  message: RenderMessage;
  result: PreviewResult;
}

export function previewStyle(uri: vscode.Uri | undefined): PreviewStyle {
  const value = vscode.workspace.getConfiguration('reportAuthor.preview', uri).get<string>('style');
  return value === 'gbt9704' ? 'gbt9704' : 'editor';
}

export class PreviewManager implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private document: vscode.TextDocument | undefined;
  private rendered: Rendered | undefined;
  private ready = false;
  /** The line to show first when a document starts being followed. */
  private firstLine = 0;
  private ignoreEditorScrollUntil = 0;
  private readonly scheduler: RenderScheduler<Rendered>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly source: PreviewSource,
  ) {
    this.scheduler = new RenderScheduler<Rendered>({
      render: (job) => this.render(job),
      deliver: (_job, result) => this.deliver(result),
      failed: (_job, error) => this.failed(error),
    });
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document === this.document && e.contentChanges.length) this.scheduler.changed(this.job(e.document));
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && isMarkdown(editor.document) && editor.document !== this.document) this.follow(editor.document, topLine(editor));
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.editorScrolled(e)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (this.panel && this.document && e.affectsConfiguration('reportAuthor')) this.scheduler.now(this.job(this.document));
      }),
    );
  }

  /** The document the preview shows, if it is open. */
  get followed(): vscode.TextDocument | undefined {
    return this.panel && this.document && !this.document.isClosed ? this.document : undefined;
  }

  /** "Open Preview to the Side": the given document, else the active Markdown editor's. */
  async show(uri?: vscode.Uri): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const document = uri
      ? (vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri)))
      : editor && isMarkdown(editor.document)
        ? editor.document
        : this.document;
    if (!document || !isMarkdown(document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown report first.'));
      return;
    }
    if (this.panel) this.panel.reveal(undefined, true);
    else {
      const column = editor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
      this.attach(vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, '', { viewColumn: column, preserveFocus: true }, this.webviewOptions()));
    }
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
    this.follow(document, visible ? topLine(visible) : 0);
  }

  /** A preview left open when the window closed. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = (state ?? {}) as { uri?: unknown; line?: unknown };
    if (this.panel) {
      panel.dispose();
      return;
    }
    this.attach(panel);
    let document: vscode.TextDocument | undefined;
    try {
      if (typeof saved.uri === 'string') document = await vscode.workspace.openTextDocument(vscode.Uri.parse(saved.uri));
    } catch {
      document = undefined;
    }
    document ??= vscode.window.activeTextEditor?.document;
    if (document && isMarkdown(document)) this.follow(document, typeof saved.line === 'number' ? saved.line : 0);
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableForms: false,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
      retainContextWhenHidden: false,
    };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    panel.webview.options = this.webviewOptions();
    const webview = panel.webview;
    const nonce = makeNonce();
    webview.html = previewShell({
      cspSource: webview.cspSource,
      nonce,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'preview.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js')).toString(),
      title: vscode.l10n.t('Report Preview'),
      loading: vscode.l10n.t('Rendering the report…'),
    });
    this.panelDisposables.push(
      webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseFromWebview(raw);
        if (message) void this.received(message);
      }),
      panel.onDidDispose(() => this.detach()),
    );
  }

  private detach(): void {
    for (const d of this.panelDisposables) d.dispose();
    this.panelDisposables = [];
    this.panel = undefined;
    this.document = undefined;
    this.rendered = undefined;
    this.ready = false;
    this.scheduler.clear();
  }

  private follow(document: vscode.TextDocument, line: number): void {
    if (!this.panel) return;
    this.document = document;
    this.firstLine = line;
    this.panel.title = vscode.l10n.t('Preview {0}', basename(document.uri));
    this.scheduler.now(this.job(document));
  }

  private job(document: vscode.TextDocument): RenderJob {
    return { key: document.uri.toString(), version: document.version, size: document.getText().length };
  }

  private async render(job: RenderJob): Promise<Rendered> {
    const document = this.document;
    if (!document || document.uri.toString() !== job.key) throw new Cancelled();
    const style = previewStyle(document.uri);
    const result = await this.source.render(document, style);
    if (!result) throw new Cancelled();
    const message: RenderMessage = { type: 'render', uri: result.uri, version: result.version, html: result.html, style };
    if (this.rendered?.message.uri !== result.uri) message.line = this.firstLine;
    return { message, result };
  }

  private deliver(result: Rendered): void {
    this.rendered = result;
    if (this.ready) this.post(result.message);
  }

  private failed(error: unknown): void {
    if (error instanceof Cancelled) return;
    void vscode.window.showErrorMessage(vscode.l10n.t('Report Author: the preview could not be rendered ({0}).', error instanceof Error ? error.message : String(error)));
  }

  private post(message: ToWebview): void {
    void this.panel?.webview.postMessage(message);
  }

  private async received(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (this.rendered) this.post({ ...this.rendered.message, line: this.firstLine });
        return;
      case 'scrolled':
        return this.previewScrolled(message.line);
      case 'reveal':
        return this.reveal(message.line, message.character, message.endCharacter);
      case 'insertSection':
        return this.insertSection(message.uri, message.version, message.missing);
      case 'openLink':
        if (isExternalLink(message.href)) await vscode.env.openExternal(vscode.Uri.parse(message.href.trim()));
        return;
    }
  }

  private editorFor(document: vscode.TextDocument): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document === document);
  }

  private editorScrolled(e: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (!this.panel?.visible || e.textEditor.document !== this.document) return;
    this.firstLine = topLine(e.textEditor);
    if (Date.now() < this.ignoreEditorScrollUntil) return;
    this.post({ type: 'scrollTo', line: this.firstLine });
  }

  private previewScrolled(line: number): void {
    const document = this.followed;
    const editor = document && this.editorFor(document);
    if (!editor) return;
    const target = Math.min(Math.floor(line), document.lineCount - 1);
    this.firstLine = target;
    this.ignoreEditorScrollUntil = Date.now() + ECHO_MS;
    editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.AtTop);
  }

  private async reveal(line: number, character?: number, endCharacter?: number): Promise<void> {
    const document = this.followed;
    if (!document) return;
    const at = Math.min(line, document.lineCount - 1);
    const text = document.lineAt(at).text;
    const selection =
      character !== undefined && endCharacter !== undefined && endCharacter <= text.length
        ? new vscode.Selection(at, character, at, endCharacter)
        : new vscode.Selection(at, 0, at, 0);
    const column = this.editorFor(document)?.viewColumn ?? vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false, selection });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Inserts a missing section of the version the preview showed (whatever the severity of `missing-section`). */
  private async insertSection(uri: string, version: number, index: number): Promise<void> {
    const document = this.followed;
    const rendered = this.rendered;
    if (!document || !rendered || rendered.result.uri !== uri || rendered.result.version !== version || document.uri.toString() !== uri) return;
    if (document.version !== version) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The report changed since the preview was drawn; try again once it has updated.'));
      return;
    }
    const edits = rendered.result.inserts[index]?.edits;
    if (!Array.isArray(edits) || !edits.length) return;
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits as TextEdit[]) edit.replace(document.uri, toRange(e.range), e.newText);
    if (!(await vscode.workspace.applyEdit(edit))) return;
    // The inserted heading: after the line breaks its text starts with.
    const first = edits[0] as TextEdit;
    const breaks = /^(?:\r?\n)*/.exec(first.newText)![0].split('\n').length - 1;
    const line = first.range.start.line + breaks;
    await this.reveal(line, 0, document.lineAt(Math.min(line, document.lineCount - 1)).text.length);
  }

  dispose(): void {
    this.panel?.dispose();
    this.detach();
    this.scheduler.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

class Cancelled extends Error {}

function isMarkdown(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown';
}

function topLine(editor: vscode.TextEditor): number {
  return editor.visibleRanges[0]?.start.line ?? 0;
}

function basename(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

export function toRange(r: TextEdit['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
