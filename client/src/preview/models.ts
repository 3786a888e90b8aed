/**
 * The analysis the preview renders from, computed in the extension host by the same code
 * the language server runs: `ReportStore` (template choice: front matter, .report-author.json,
 * the `reportAuthor.templates` setting, recognition) over `SettingsStore` (editor settings
 * merged with the workspace file). The editor settings come from the vscode API through
 * the one method of the connection that `SettingsStore` uses.
 */
import * as vscode from 'vscode';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection } from 'vscode-languageserver';
import type { ReportModel } from '../../../server/src/core';
import { ReportStore } from '../../../server/src/server/reports';
import { SettingsStore } from '../../../server/src/server/settings';

export interface PreviewModel {
  uri: string;
  version: number;
  text: string;
  model: ReportModel;
  isReport: boolean;
  templateName: string | null;
}

/** What `SettingsStore` asks of the LSP connection: `workspace/configuration` for one section. */
function configurationSource(): Connection {
  const source = {
    workspace: {
      getConfiguration: (item: { scopeUri?: string; section?: string }) => {
        const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
        // Plain data, as the server receives it over the wire.
        return Promise.resolve(JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(item.section, scope))) as unknown);
      },
    },
  };
  return source as unknown as Connection;
}

export class PreviewModels implements vscode.Disposable {
  private readonly settings = new SettingsStore(configurationSource(), () => true);
  private readonly store = new ReportStore(this.settings);
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    const folders = () => {
      this.store.folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    };
    folders();
    const watcher = vscode.workspace.createFileSystemWatcher('**/.report-author.{json,yaml,yml}');
    this.disposables.push(
      watcher,
      watcher.onDidChange(() => this.clear()),
      watcher.onDidCreate(() => this.clear()),
      watcher.onDidDelete(() => this.clear()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        folders();
        this.clear();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('reportAuthor')) this.clear();
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.store.forget(doc.uri.toString())),
    );
  }

  /** Forget settings and results (settings or the workspace file changed). */
  clear(): void {
    this.settings.clear();
    this.store.invalidate();
  }

  /** The analysis of the document as it is now. */
  async get(document: vscode.TextDocument): Promise<PreviewModel> {
    const uri = document.uri.toString();
    const snapshot = TextDocument.create(uri, 'markdown', document.version, document.getText());
    const state = await this.store.get(snapshot);
    return {
      uri,
      version: state.version,
      text: state.text,
      // The server publishes no findings for a Markdown file that is not a report: neither does the preview.
      model: state.isReport ? state.model : { ...state.model, diagnostics: [] },
      isReport: state.isReport,
      templateName: state.isReport ? (state.template?.name ?? null) : null,
    };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
