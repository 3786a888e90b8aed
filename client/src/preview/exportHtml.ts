/**
 * "Export Report as HTML…": the report rendered as a self-contained page (the stylesheet
 * inline, no script, no remote resource), in the style the setting chooses, saved where
 * the user says.
 */
import * as vscode from 'vscode';
import type { PreviewSource } from './models';
import { previewStyle } from './panel';

/** The page is rendered by the language server (its stylesheet inlined there). */
export async function exportHtml(document: vscode.TextDocument, source: PreviewSource): Promise<void> {
  const rendered = await source.render(document, previewStyle(document.uri), true);
  if (!rendered) return;
  const html = rendered.html;
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
