/**
 * In-editor checks through the `vscode` API, on the fixture workspace
 * (tests/fixtures/e2e-workspace). One module, two hosts:
 *
 * - `npm run test:vscode`: @vscode/test-electron loads tests/vscode/index.ts (bundled), whose
 *   `run()` calls `runSuite()`; a thrown error fails the run.
 * - `npm run test:e2e`: a small test extension (tests/vscode/extension/) runs the same
 *   `runSuite()` inside code-server when the e2e suite presses its key, and shows the result.
 *
 * Nothing here changes a file on disk: edits happen in untitled copies, reverted at the end.
 */
import * as vscode from 'vscode';

export const REPORT_FILE = '年度工作总结.md';
export const README_FILE = 'README.md';
const SOURCE = 'report-author';
const TIMEOUT = 60_000;

export interface CheckResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

export interface SuiteResult {
  language: string;
  passed: number;
  failed: number;
  results: CheckResult[];
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Resolves when `check` returns a value; re-checks on every diagnostics change and every 250 ms. */
function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = TIMEOUT): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearInterval(interval);
      sub.dispose();
      fn();
    };
    const attempt = async () => {
      try {
        const v = await check();
        if (v !== undefined) finish(() => resolve(v));
      } catch (e) {
        finish(() => reject(e));
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics(() => void attempt());
    const interval = setInterval(() => void attempt(), 250);
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
    void attempt();
  });
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

export interface SuiteOptions {
  /** Where the fixture files are, relative to the first workspace folder (default: the folder itself). */
  folder?: string;
}

function fixtureFile(options: SuiteOptions, name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert(folder, 'no workspace folder is open (expected tests/fixtures/e2e-workspace or its copy)');
  return options.folder ? vscode.Uri.joinPath(folder.uri, options.folder, name) : vscode.Uri.joinPath(folder.uri, name);
}

const chinese = () => vscode.env.language.toLowerCase().startsWith('zh');

/** The report's diagnostics once the server has published them: a missing section and placeholders. */
async function reportDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics of ${uri.path}`, () => {
    const list = ours(uri);
    return list.some((d) => codeOf(d) === 'missing-section') ? list : undefined;
  });
}

/** An untitled copy of the report (the language server checks untitled Markdown too). */
async function untitledCopy(text: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  return vscode.window.showTextDocument(doc, { preview: false });
}

async function discard(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document, { preview: false });
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

type Check = [name: string, fn: () => Promise<void>];

function checks(options: SuiteOptions): Check[] {
  const report = fixtureFile(options, REPORT_FILE);
  const readme = fixtureFile(options, README_FILE);
  return [
    [
      'the extension is installed and active on a report',
      async () => {
        const ext = vscode.extensions.getExtension('report-author.report-author');
        assert(ext, 'report-author.report-author is not installed');
        const doc = await vscode.workspace.openTextDocument(report);
        await vscode.window.showTextDocument(doc, { preview: false });
        await waitFor('the extension to activate', () => (ext.isActive ? true : undefined));
      },
    ],
    [
      'diagnostics: the missing section and the placeholders, in the display language',
      async () => {
        const list = await reportDiagnostics(report);
        const missing = list.filter((d) => codeOf(d) === 'missing-section');
        const placeholders = list.filter((d) => codeOf(d) === 'unfilled-placeholder');
        assert(missing.length === 1, `expected 1 missing-section, got ${missing.length}`);
        assert(missing[0]!.severity === vscode.DiagnosticSeverity.Error, 'missing-section should be an error');
        assert(missing[0]!.message.includes('存在的问题和不足'), `missing-section names another section: ${missing[0]!.message}`);
        assert(placeholders.length > 0, 'no unfilled-placeholder diagnostics');
        if (chinese()) {
          assert(/^缺少/.test(missing[0]!.message), `vscode.env.language is ${vscode.env.language} but the message is not Chinese: ${missing[0]!.message}`);
          assert(placeholders.every((d) => d.message.startsWith('占位符')), `placeholder messages are not Chinese: ${placeholders[0]!.message}`);
        } else {
          assert(/^Missing section/.test(missing[0]!.message), `unexpected message in ${vscode.env.language}: ${missing[0]!.message}`);
        }
      },
    ],
    [
      'commands: the status bar command and the others are registered',
      async () => {
        const all = new Set(await vscode.commands.getCommands(true));
        for (const id of ['reportAuthor.nextPlaceholder', 'reportAuthor.previousPlaceholder', 'reportAuthor.fillPlaceholder', 'reportAuthor.showReportView']) {
          assert(all.has(id), `command ${id} is not registered`);
        }
      },
    ],
    [
      'document symbols: 一、 sections hold their （一） subsections',
      async () => {
        const symbols = await waitFor('document symbols', async () => {
          const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', report);
          return s?.some((x) => x.name.startsWith('一、')) ? s : undefined;
        });
        const top = symbols.filter((s) => /^[一二三四五六七八九十]+、/.test(s.name));
        assert(top.length === 2, `expected the two 一、/二、 sections at the top, got ${symbols.map((s) => s.name).join(' | ')}`);
        for (const section of top) {
          const children = section.children.map((c) => c.name);
          assert(children.length === 2 && children[0]!.startsWith('（一）') && children[1]!.startsWith('（二）'), `${section.name} holds ${children.join(' | ')}`);
        }
      },
    ],
    [
      'completion on a new line after a subsection offers the next one',
      async () => {
        const doc = await vscode.workspace.openTextDocument(report);
        const lines = doc.getText().split('\n');
        const sub = lines.findIndex((l) => l.startsWith('（二）'));
        assert(sub >= 0, 'no （二） in the report');
        // After the body of the first （二）: a new line holding the `（` a user types.
        lines.splice(sub + 2, 0, '（');
        const editor = await untitledCopy(lines.join('\n'));
        try {
          const position = new vscode.Position(sub + 2, 1);
          const items = await waitFor('completion items', async () => {
            const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position, '（');
            return list?.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label).startsWith('（三）')) ? list.items : undefined;
          });
          const labels = items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
          assert(labels.includes('（三）'), `no （三） among ${labels.join(' | ')}`);
        } finally {
          await discard(editor);
        }
      },
    ],
    [
      'the quick fix inserts the missing section and its diagnostic goes away',
      async () => {
        const text = (await vscode.workspace.openTextDocument(report)).getText();
        const editor = await untitledCopy(text);
        try {
          const uri = editor.document.uri;
          const missing = await waitFor('missing-section on the copy', () => ours(uri).find((d) => codeOf(d) === 'missing-section'));
          const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, missing.range, vscode.CodeActionKind.QuickFix.value);
          const fix = actions?.find((a) => a.title.includes('存在的问题和不足') && a.edit);
          assert(fix?.edit, `no quick fix inserting 存在的问题和不足 among: ${(actions ?? []).map((a) => a.title).join(' | ')}`);
          assert(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit was not applied');
          assert(/^[一二三四五六七八九十]+、存在的问题和不足/m.test(editor.document.getText()), 'the section heading is not in the document');
          await waitFor('the missing-section diagnostic to go away', () => {
            const list = ours(uri);
            return list.length > 0 && !list.some((d) => codeOf(d) === 'missing-section') ? true : undefined;
          });
        } finally {
          await discard(editor);
        }
      },
    ],
    [
      '在此处忽略: the quick fix silences a placeholder where it stands',
      async () => {
        const text = (await vscode.workspace.openTextDocument(report)).getText();
        const editor = await untitledCopy(text);
        try {
          const uri = editor.document.uri;
          const first = await waitFor('a placeholder finding on the copy', () => ours(uri).find((d) => codeOf(d) === 'unfilled-placeholder'));
          const line = first.range.start.line;
          const before = ours(uri).filter((d) => codeOf(d) === 'unfilled-placeholder').length;
          const onLine = ours(uri).filter((d) => codeOf(d) === 'unfilled-placeholder' && d.range.start.line === line).length;
          const title = chinese() ? '在此处忽略 unfilled-placeholder' : 'Ignore unfilled-placeholder here';
          const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, first.range, vscode.CodeActionKind.QuickFix.value);
          const fix = actions?.find((a) => a.title === title && a.edit);
          assert(fix?.edit, `no “${title}” among: ${(actions ?? []).map((a) => a.title).join(' | ')}`);
          assert(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit was not applied');
          assert(editor.document.lineAt(line).text.trim() === '<!-- report-author-disable-next-line unfilled-placeholder -->', `line ${line + 1} is ${editor.document.lineAt(line).text}`);
          await waitFor(`the ${onLine} placeholder finding(s) of that line to go`, () =>
            ours(uri).filter((d) => codeOf(d) === 'unfilled-placeholder').length === before - onLine ? true : undefined,
          );
        } finally {
          await discard(editor);
        }
      },
    ],
    [
      'the workspace check is a task of type reportAuthor',
      async () => {
        const tasks = await vscode.tasks.fetchTasks({ type: 'reportAuthor' });
        assert(tasks.length > 0, 'no reportAuthor task is provided');
        const name = chinese() ? '检查工作区全部报告' : 'Check All Reports in the Workspace';
        assert(tasks.every((t) => t.name === name && t.source === 'report-lint'), `tasks: ${tasks.map((t) => `${t.source}: ${t.name}`).join(' | ')}`);
      },
    ],
    [
      'a plain README gets no findings',
      async () => {
        const doc = await vscode.workspace.openTextDocument(readme);
        await vscode.window.showTextDocument(doc, { preview: false });
        // A round trip to the server after it opened the README: every provider has answered.
        await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', readme);
        assert(ours(report).length > 0, 'the report lost its diagnostics');
        const found = ours(readme);
        assert(found.length === 0, `README has ${found.length} findings: ${found.map((d) => d.message).join(' | ')}`);
      },
    ],
  ];
}

/** Runs every check (each independent of the others' outcome) and returns the results. */
export async function runSuite(log: (line: string) => void = console.log, options: SuiteOptions = {}): Promise<SuiteResult> {
  const results: CheckResult[] = [];
  log(`in-editor suite: VS Code ${vscode.version}, language ${vscode.env.language}`);
  for (const [name, fn] of checks(options)) {
    const started = Date.now();
    try {
      await fn();
      results.push({ name, ok: true, ms: Date.now() - started });
      log(`ok - ${name}`);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      results.push({ name, ok: false, ms: Date.now() - started, error });
      log(`not ok - ${name}: ${error}`);
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  log(`${passed} passed, ${failed} failed`);
  return { language: vscode.env.language, passed, failed, results };
}
