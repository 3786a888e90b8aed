/**
 * The status bar item: placeholders left and sections missing in the active report
 * (`待填 12 · 缺 1 个章节` / `12 to fill · 1 missing`); a click goes to the next placeholder.
 * Hidden when the active editor is not a report.
 */
import * as vscode from 'vscode';
import type { OutlineStatus } from '../../shared/protocol';
import type { ActiveReport } from './activeReport';

export function statusText(status: OutlineStatus): string {
  const icon = status.placeholderCount === 0 && status.missingCount === 0 ? '$(check)' : '$(edit)';
  const text =
    status.missingCount > 0
      ? vscode.l10n.t('{0} to fill · {1} missing', status.placeholderCount, status.missingCount)
      : vscode.l10n.t('{0} to fill', status.placeholderCount);
  return `${icon} ${text}`;
}

export function statusTooltip(status: OutlineStatus): string {
  const template = status.template
    ? vscode.l10n.t('Template: {0}', status.template.name)
    : vscode.l10n.t('No template: numbering and placeholder checks only');
  return [template, vscode.l10n.t('Click to go to the next placeholder.')].join('\n');
}

export function registerStatusBar(active: ActiveReport): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('reportAuthor.status', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Report Author');
  item.command = 'reportAuthor.nextPlaceholder';
  const update = () => {
    const status = active.status;
    if (!status) {
      item.hide();
      return;
    }
    item.text = statusText(status);
    item.tooltip = statusTooltip(status);
    item.show();
  };
  const subscription = active.onDidChange(update);
  update();
  return vscode.Disposable.from(subscription, item);
}
