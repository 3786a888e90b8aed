/**
 * The report the user is working on: the active Markdown editor and the latest outline
 * status of its document. Sets the `reportAuthor.isReport` context key, which shows the
 * "Report" view. Focusing something that is not a document editor (the preview, a view,
 * the Output panel) keeps the last report; another text editor replaces it.
 */
import * as vscode from 'vscode';
import type { OutlineStatus } from '../../shared/protocol';
import type { OutlineStore } from './outlineStore';

export const IS_REPORT_CONTEXT = 'reportAuthor.isReport';

export class ActiveReport implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private current: vscode.TextEditor | undefined;
  private isReport: boolean | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly store: OutlineStore) {
    this.subscriptions.push(
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor((e) => {
        // The Output panel is a text editor too; like a view, it keeps the last report.
        const editor = e?.document.uri.scheme === 'output' ? undefined : e;
        if (editor || !this.current || this.current.document.isClosed) this.track(editor);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (this.current?.document === doc) this.track(undefined);
      }),
      store.onDidChange((uri) => {
        if (uri === this.uri) this.refresh();
      }),
    );
    this.track(vscode.window.activeTextEditor);
  }

  /** The Markdown editor being tracked (it may not have a report). */
  get editor(): vscode.TextEditor | undefined {
    return this.current;
  }

  get uri(): string | undefined {
    return this.current?.document.uri.toString();
  }

  /** The outline status of the tracked editor's document, if it is a report. */
  get status(): OutlineStatus | undefined {
    const uri = this.uri;
    const status = uri === undefined ? undefined : this.store.get(uri);
    return status?.isReport ? status : undefined;
  }

  private track(editor: vscode.TextEditor | undefined): void {
    this.current = editor?.document.languageId === 'markdown' ? editor : undefined;
    this.refresh();
  }

  private refresh(): void {
    const isReport = this.status !== undefined;
    if (isReport !== this.isReport) {
      this.isReport = isReport;
      void vscode.commands.executeCommand('setContext', IS_REPORT_CONTEXT, isReport);
    }
    this.emitter.fire();
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
