/**
 * "Check All Reports in the Workspace" (检查工作区全部报告): report-lint (dist/cli.js, shipped
 * in the .vsix) run as a task of type `reportAuthor` over the workspace's reports.
 *
 * Which files: a task's `files` (paths or globs relative to its folder) when tasks.json gives
 * them; otherwise the reports the language server finds (the same detection as in the
 * editor, so a README is not checked as a report). The CLI runs under the editor's own Node
 * (`process.execPath`, with ELECTRON_RUN_AS_NODE in desktop VS Code), so no Node on PATH is
 * needed.
 *
 * The task reads report-lint's JSON and puts its findings in the Problems panel itself, with
 * their exact ranges, and prints the text lines in its terminal. A problem matcher reading the
 * terminal would do for ASCII, but VS Code joins a wrapped terminal line with a space where a
 * full-width character did not fit at the edge (microsoft/vscode#45107), which would put stray
 * spaces into Chinese messages. `$report-lint` stays contributed for shell tasks of one's own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { docsLink } from '../../server/src/core/codes';
import type { LanguageClient } from './lsp/client';
import { WorkspaceReportsRequest } from '../../shared/protocol';

export const TASK_TYPE = 'reportAuthor';
/** For shell tasks that run report-lint themselves (package.json `problemMatchers`). */
export const PROBLEM_MATCHER = '$report-lint';

export interface ReportTaskDefinition extends vscode.TaskDefinition {
  type: typeof TASK_TYPE;
  /** Report files or globs, relative to the task's workspace folder. */
  files?: string[];
  /** report-lint --fail-on. */
  failOn?: 'error' | 'warning' | 'information';
}

/** report-lint's arguments for a task: options, then the files (a leading `-` made a path). */
export function cliArguments(cli: string, definition: ReportTaskDefinition, files: readonly string[]): string[] {
  const options = definition.failOn ? ['--fail-on', definition.failOn] : [];
  return [cli, ...options, ...files.map((f) => (f.startsWith('-') ? './' + f : f))];
}

/** The workspace's reports per folder (relative paths), as the server finds them. */
async function reportsByFolder(client: LanguageClient, token?: vscode.CancellationToken): Promise<Map<vscode.WorkspaceFolder, string[]>> {
  const reports = await client.sendRequest(WorkspaceReportsRequest, {}, token);
  const out = new Map<vscode.WorkspaceFolder, string[]>();
  for (const r of reports) {
    const uri = vscode.Uri.parse(r.uri);
    const folder = uri.scheme === 'file' ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
    if (!folder) continue;
    const list = out.get(folder) ?? [];
    list.push(path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/'));
    out.set(folder, list);
  }
  return out;
}

interface CliJson {
  files: { path: string; diagnostics: { code: string; severity: 'error' | 'warning' | 'information' | 'hint'; message: string; range: Range }[] }[];
  summary: { files: number; errors: number; warnings: number; information: number; placeholders: number };
}
interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
} as const;

/** report-lint's findings as the Problems panel's, in `collection`, replacing the folder's previous ones; open reports are left to the language server. */
export function publish(json: CliJson, cwd: string, collection: vscode.DiagnosticCollection): void {
  const stale: vscode.Uri[] = [];
  collection.forEach((uri) => {
    if (uri.fsPath.startsWith(cwd + path.sep)) stale.push(uri);
  });
  for (const uri of stale) collection.delete(uri);
  // An open report has the language server's live findings already; the task's would repeat them and go stale as it is edited.
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  for (const file of json.files) {
    const uri = vscode.Uri.file(path.resolve(cwd, file.path));
    if (open.has(uri.toString())) continue;
    const diagnostics = file.diagnostics.map((d) => {
      const r = d.range;
      const out = new vscode.Diagnostic(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), d.message, SEVERITY[d.severity] ?? vscode.DiagnosticSeverity.Warning);
      out.source = 'report-lint';
      out.code = { value: d.code, target: vscode.Uri.parse(docsLink(d.code)) };
      return out;
    });
    collection.set(uri, diagnostics);
  }
}

/** The task's terminal: runs report-lint, prints its findings as text lines, publishes them. */
class CheckTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.written.event;
  readonly onDidClose = this.closed.event;
  private child: ChildProcess | undefined;

  constructor(
    private readonly args: string[],
    private readonly cwd: string,
    private readonly collection: vscode.DiagnosticCollection,
  ) {}

  open(): void {
    const line = (text: string) => this.written.fire(text.replace(/\r?\n/g, '\r\n') + '\r\n');
    const env = {
      ...process.env,
      ELECTRON_RUN_AS_NODE: '1',
      // The CLI's messages in the editor's language.
      LC_ALL: vscode.env.language.toLowerCase().startsWith('zh') ? 'zh_CN.UTF-8' : 'en_US.UTF-8',
    };
    let stdout = '';
    let stderr = '';
    const child = (this.child = spawn(process.execPath, [...this.args.slice(0, 1), '--format', 'json', ...this.args.slice(1)], { cwd: this.cwd, env }));
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', (e) => {
      line(vscode.l10n.t('Report Author: {0}', e.message));
      this.closed.fire(2);
    });
    child.on('close', (code) => {
      this.child = undefined;
      if (stderr.trim()) line(stderr.trimEnd());
      try {
        const json = JSON.parse(stdout) as CliJson;
        for (const f of json.files) {
          for (const d of f.diagnostics) line(`${f.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
        }
        const s = json.summary;
        line(vscode.l10n.t('{0} reports checked: {1} errors, {2} warnings, {3} placeholders to fill.', s.files, s.errors, s.warnings, s.placeholders));
        publish(json, this.cwd, this.collection);
      } catch {
        if (stdout.trim()) line(stdout.trimEnd());
      }
      this.closed.fire(code ?? 2);
    });
  }

  close(): void {
    this.child?.kill();
  }
}

export function registerWorkspaceCheck(context: vscode.ExtensionContext, client: LanguageClient): vscode.Disposable {
  const cli = context.asAbsolutePath('dist/cli.js');
  const collection = vscode.languages.createDiagnosticCollection('report-lint');
  const task = (definition: ReportTaskDefinition, folder: vscode.WorkspaceFolder, files: readonly string[]) => {
    const execution = new vscode.CustomExecution(async () => new CheckTerminal(cliArguments(cli, definition, files), folder.uri.fsPath, collection));
    const t = new vscode.Task(definition, folder, vscode.l10n.t('Check All Reports in the Workspace'), 'report-lint', execution);
    t.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
    return t;
  };

  const provider: vscode.TaskProvider = {
    async provideTasks(token) {
      if (!client.isRunning()) return [];
      const byFolder = await reportsByFolder(client, token);
      return [...byFolder].map(([folder, files]) => task({ type: TASK_TYPE }, folder, files));
    },
    async resolveTask(t, token) {
      const definition = t.definition as ReportTaskDefinition;
      const folder = typeof t.scope === 'object' ? t.scope : vscode.workspace.workspaceFolders?.[0];
      if (definition.type !== TASK_TYPE || !folder) return undefined;
      const files = definition.files?.length ? definition.files : ((await reportsByFolder(client, token)).get(folder) ?? []);
      return files.length ? task(definition, folder, files) : undefined;
    },
  };

  const checkWorkspace = async () => {
    const byFolder = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Looking for reports…'), cancellable: false },
      () => reportsByFolder(client),
    );
    if (byFolder.size === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No reports in the workspace.'));
      return;
    }
    for (const [folder, files] of byFolder) {
      const execution = await vscode.tasks.executeTask(task({ type: TASK_TYPE }, folder, files));
      // When it is done, show what it found (not the terminal, which a failing exit code brings forward).
      const done = vscode.tasks.onDidEndTaskProcess((e) => {
        if (e.execution !== execution) return;
        done.dispose();
        void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    }
  };

  return vscode.Disposable.from(
    collection,
    vscode.tasks.registerTaskProvider(TASK_TYPE, provider),
    vscode.commands.registerCommand('reportAuthor.checkWorkspace', async () => {
      try {
        await checkWorkspace();
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Report Author: {0}', e instanceof Error ? e.message : String(e)));
      }
    }),
  );
}
