/**
 * "Check All Reports in the Workspace" (检查工作区全部报告): report-lint (dist/cli.js, shipped
 * in the .vsix) run as a task of type `reportAuthor` over the workspace's reports, its text
 * output read into the Problems panel by the `$report-lint` problem matcher.
 *
 * Which files: a task's `files` (paths or globs relative to its folder) when tasks.json gives
 * them; otherwise the reports the language server finds (the same detection as in the
 * editor, so a README is not checked as a report). The CLI runs under the editor's own Node
 * (`process.execPath`, with ELECTRON_RUN_AS_NODE in desktop VS Code), so no Node on PATH is
 * needed.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WorkspaceReportsRequest } from '../../shared/protocol';

export const TASK_TYPE = 'reportAuthor';
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

export function registerWorkspaceCheck(context: vscode.ExtensionContext, client: LanguageClient): vscode.Disposable {
  const cli = context.asAbsolutePath('dist/cli.js');
  const task = (definition: ReportTaskDefinition, folder: vscode.WorkspaceFolder, files: readonly string[]) => {
    const env: Record<string, string> = {
      ELECTRON_RUN_AS_NODE: '1',
      // The CLI's messages in the editor's language.
      LC_ALL: vscode.env.language.toLowerCase().startsWith('zh') ? 'zh_CN.UTF-8' : 'en_US.UTF-8',
    };
    const execution = new vscode.ProcessExecution(process.execPath, cliArguments(cli, definition, files), { cwd: folder.uri.fsPath, env });
    const t = new vscode.Task(definition, folder, vscode.l10n.t('Check All Reports in the Workspace'), 'report-lint', execution, PROBLEM_MATCHER);
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
    for (const [folder, files] of byFolder) await vscode.tasks.executeTask(task({ type: TASK_TYPE }, folder, files));
  };

  return vscode.Disposable.from(
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
