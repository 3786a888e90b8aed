/**
 * The test extension that runs tests/vscode/suite.ts inside code-server: the e2e suite
 * installs it beside the real .vsix and presses a key bound to this command. The result goes
 * to `in-editor-suite.json` beside the workspace folder and into a notification on screen.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runSuite, type SuiteOptions } from '../suite';

export const COMMAND = 'reportAuthorE2E.runInEditorSuite';
export const RESULT_FILE = 'in-editor-suite.json';

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Report Author in-editor suite');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand(COMMAND, async (options?: SuiteOptions) => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      const result = await runSuite((line) => output.appendLine(line), options ?? {});
      if (folder) fs.writeFileSync(path.join(path.dirname(folder.uri.fsPath), RESULT_FILE), JSON.stringify(result, null, 2));
      output.show(true);
      const summary = `In-editor suite: ${result.passed} passed, ${result.failed} failed`;
      if (result.failed) void vscode.window.showErrorMessage(summary);
      else void vscode.window.showInformationMessage(summary);
      return result;
    }),
  );
}

export function deactivate(): void {}
