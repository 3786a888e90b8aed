/**
 * The commands: placeholder navigation and filling, new report from a template, derive a
 * template, export as Word, show the Report view, restart the server. Each asks the server and acts on
 * the editor; errors become a message, never an unhandled rejection.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from './lsp/client';
import {
  DeriveTemplateRequest,
  ExportDocxRequest,
  ListTemplatesRequest,
  PlaceholdersRequest,
  TemplateSkeletonRequest,
  type PlaceholderItem,
  type TemplateInfo,
} from '../../shared/protocol';
import { checkPlaceholderValue, type ValueProblem } from '../../server/src/core/placeholderValue';
import type { ActiveReport } from './activeReport';
import { atOrAfter, step } from './placeholderNav';
import { reveal, toRange, VIEW_ID } from './reportView';

type Kind = PlaceholderItem['kind'];

export function kindLabel(kind: Kind): string {
  switch (kind) {
    case 'count':
      return vscode.l10n.t('a count');
    case 'amount':
      return vscode.l10n.t('an amount of money');
    case 'percent':
      return vscode.l10n.t('a percentage');
    case 'date':
      return vscode.l10n.t('a date');
    case 'name':
      return vscode.l10n.t('a name');
    default:
      return vscode.l10n.t('a value');
  }
}

/**
 * The input box's message for a value. A value that does not fit the kind is a warning
 * (the kind is read from the words around the placeholder and can be wrong); asterisks
 * would leave a placeholder behind, so they are an error.
 */
export function valueMessage(kind: Kind, value: string): vscode.InputBoxValidationMessage | undefined {
  const problem: ValueProblem | null = checkPlaceholderValue(kind, value);
  const warning = (message: string) => ({ message, severity: vscode.InputBoxValidationSeverity.Warning });
  switch (problem) {
    case null:
    case 'empty':
      return undefined;
    case 'has-asterisks':
      return { message: vscode.l10n.t('The value still contains asterisks.'), severity: vscode.InputBoxValidationSeverity.Error };
    case 'not-a-whole-number':
      return warning(vscode.l10n.t('Expected a whole number, such as 12.'));
    case 'not-a-number':
      return warning(vscode.l10n.t('Expected a number, such as 12 or 3.5.'));
    case 'not-a-date':
      return warning(vscode.l10n.t('Expected the digits of a date, such as 2025 or 3.'));
  }
}

export function registerCommands(client: LanguageClient, active: ActiveReport): vscode.Disposable {
  /** Runs a command body; a failed request becomes an error message. */
  const guarded =
    <A extends unknown[]>(body: (...args: A) => Promise<unknown>) =>
    async (...args: A) => {
      if (client.state === State.Stopped) {
        const restart = vscode.l10n.t('Restart');
        const choice = await vscode.window.showErrorMessage(vscode.l10n.t('The Report Author language server is not running.'), restart);
        if (choice === restart) await vscode.commands.executeCommand('reportAuthor.restartServer');
        return;
      }
      try {
        await body(...args);
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Report Author: {0}', e instanceof Error ? e.message : String(e)));
      }
    };

  /** The tracked Markdown editor, shown and focused, or a message saying there is none. */
  const reportEditor = async (): Promise<vscode.TextEditor | undefined> => {
    const editor = active.editor;
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown report first.'));
      return undefined;
    }
    if (vscode.window.activeTextEditor === editor) return editor;
    return vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn });
  };

  const placeholdersOf = async (doc: vscode.TextDocument): Promise<PlaceholderItem[]> =>
    client.sendRequest(PlaceholdersRequest, { uri: doc.uri.toString() });

  const select = (editor: vscode.TextEditor, item: PlaceholderItem) =>
    reveal(editor.document.uri.toString(), new vscode.Selection(toRange(item.range).start, toRange(item.range).end));

  const go = (direction: 'next' | 'previous') =>
    guarded(async () => {
      const editor = await reportEditor();
      if (!editor) return;
      const items = await placeholdersOf(editor.document);
      const sel = editor.selection;
      const target = step(items, { start: { line: sel.start.line, character: sel.start.character }, isEmpty: sel.isEmpty }, direction);
      if (!target) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No placeholders left to fill.'));
        return;
      }
      await select(editor, target);
    });

  const fill = guarded(async () => {
    const editor = await reportEditor();
    if (!editor) return;
    const doc = editor.document;
    const version = doc.version;
    const items = await placeholdersOf(doc);
    const cursor = editor.selection.active;
    const item = atOrAfter(items, { line: cursor.line, character: cursor.character });
    if (!item) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No placeholders left to fill.'));
      return;
    }
    const shown = await select(editor, item);
    const value = await vscode.window.showInputBox({
      title: vscode.l10n.t('Fill Placeholder {0}', item.text),
      prompt: item.section ? vscode.l10n.t('{0} in “{1}”', kindLabel(item.kind), item.section) : kindLabel(item.kind),
      validateInput: (v) => valueMessage(item.kind, v),
    });
    if (value === undefined || value.trim() === '') return;
    const range = toRange(item.range);
    if (doc.version !== version && doc.getText(range) !== item.text) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The placeholder has changed; run the command again.'));
      return;
    }
    const text = value.trim();
    if (await shown.edit((b) => b.replace(range, text))) {
      const end = range.start.translate(0, text.length);
      shown.selection = new vscode.Selection(end, end);
    }
  });

  const newReport = guarded(async () => {
    // Templates for the active report's folder; without one, the server uses the first workspace folder.
    const doc = active.editor?.document;
    const uri = doc?.uri.scheme === 'file' ? doc.uri.toString() : undefined;
    const templates = await client.sendRequest(ListTemplatesRequest, { uri });
    if (templates.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No report templates found.'));
      return;
    }
    const picked = await vscode.window.showQuickPick(
      templates.map((t: TemplateInfo) => ({
        label: t.name,
        description: t.builtin ? vscode.l10n.t('built-in') : vscode.workspace.asRelativePath(t.path),
        detail: t.description,
        template: t,
      })),
      { title: vscode.l10n.t('New Report from Template'), placeHolder: vscode.l10n.t('Choose a template'), matchOnDescription: true, matchOnDetail: true },
    );
    if (!picked) return;
    const skeleton = await client.sendRequest(TemplateSkeletonRequest, { id: picked.template.id, uri });
    if (!skeleton) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The template {0} could not be read.', picked.template.name));
      return;
    }
    await openUntitled(skeleton.text);
  });

  const deriveTemplate = guarded(async () => {
    const editor = await reportEditor();
    if (!editor) return;
    const derived = await client.sendRequest(DeriveTemplateRequest, { uri: editor.document.uri.toString() });
    if (!derived) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This document has no sections to derive a template from.'));
      return;
    }
    await openUntitled(derived.text);
  });

  /**
   * Export as Word (GB/T 9704): the server builds the file from its analysis of the open
   * document; here it is only saved where the user says, and the unfilled placeholders counted.
   */
  const exportDocx = guarded(async (uri?: unknown) => {
    const doc =
      (uri instanceof vscode.Uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : undefined) ??
      (vscode.window.activeTextEditor?.document.languageId === 'markdown' ? vscode.window.activeTextEditor.document : active.editor?.document);
    if (!doc || doc.isClosed) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown report first.'));
      return;
    }
    const defaultUri = doc.uri.scheme === 'file' ? doc.uri.with({ path: doc.uri.path.replace(/\.(md|markdown)$/i, '') + '.docx' }) : undefined;
    const target = await vscode.window.showSaveDialog({
      defaultUri,
      filters: { [vscode.l10n.t('Word Document')]: ['docx'] },
      title: vscode.l10n.t('Export as Word (GB/T 9704)'),
      saveLabel: vscode.l10n.t('Export'),
    });
    if (!target) return;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0}…', baseName(target)) },
      () => client.sendRequest(ExportDocxRequest, { uri: doc.uri.toString() }),
    );
    if (!result) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The language server does not have this document open; try again.'));
      return;
    }
    await vscode.workspace.fs.writeFile(target, Buffer.from(result.base64, 'base64'));
    // Images that could not be embedded: one message, the first few named (each with its line).
    if (result.warnings.length > 0) {
      const shown = result.warnings.slice(0, 3).join('；');
      const more = result.warnings.length - 3;
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Report Author: {0}', more > 0 ? vscode.l10n.t('{0} (and {1} more)', shown, more) : shown),
      );
    }
    const name = baseName(target);
    const open = vscode.l10n.t('Open');
    const choice =
      result.placeholders > 0
        ? await vscode.window.showWarningMessage(
            vscode.l10n.t('Exported {0}: {1} placeholders are still to be filled (highlighted in the document).', name, result.placeholders),
            open,
          )
        : await vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}: no placeholders left to fill.', name), open);
    if (choice === open) await vscode.env.openExternal(target);
  });

  const showReportView = async () => {
    if (!active.status) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The active editor is not a report.'));
      return;
    }
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
  };

  const restartServer = async () => {
    try {
      await client.restart();
    } catch (e) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Report Author: {0}', e instanceof Error ? e.message : String(e)),
      );
    }
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand('reportAuthor.nextPlaceholder', go('next')),
    vscode.commands.registerCommand('reportAuthor.previousPlaceholder', go('previous')),
    vscode.commands.registerCommand('reportAuthor.fillPlaceholder', fill),
    vscode.commands.registerCommand('reportAuthor.newReport', newReport),
    vscode.commands.registerCommand('reportAuthor.deriveTemplate', deriveTemplate),
    vscode.commands.registerCommand('reportAuthor.showReportView', showReportView),
    vscode.commands.registerCommand('reportAuthor.exportDocx', exportDocx),
    vscode.commands.registerCommand('reportAuthor.restartServer', restartServer),
  );
}

function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.toString();
}

async function openUntitled(content: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(doc);
}
