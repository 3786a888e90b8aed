/**
 * "Export Report as HTML…": the report rendered as a self-contained page (the stylesheet
 * inline, no script, no remote resource), in the style the setting chooses, saved where
 * the user says.
 */
import * as vscode from 'vscode';
import { renderReport } from '../../../server/src/core/preview';
import type { PreviewModels } from './models';
import { previewStyle } from './panel';

export async function exportHtml(document: vscode.TextDocument, models: PreviewModels, extensionUri: vscode.Uri): Promise<void> {
  const css = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'media', 'preview.css')));
  const model = await models.get(document);
  const { html } = renderReport(model.text, model.model, {
    style: previewStyle(document.uri),
    standalone: true,
    css,
    templateName: model.templateName,
  });
  const defaultUri =
    document.uri.scheme === 'file' ? document.uri.with({ path: document.uri.path.replace(/\.(md|markdown)$/i, '') + '.html' }) : undefined;
  const target = await vscode.window.showSaveDialog({
    defaultUri,
    filters: { HTML: ['html', 'htm'] },
    title: vscode.l10n.t('Export Report as HTML'),
    saveLabel: vscode.l10n.t('Export'),
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
  const open = vscode.l10n.t('Open in Browser');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}.', target.path.split('/').pop() ?? target.toString()), open);
  if (choice === open) await vscode.env.openExternal(target);
}
