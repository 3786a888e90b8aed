/**
 * The "Report" tree view (`reportAuthor.outline`, in the Explorer while a report is
 * active): the sections of the active report with their placeholder counts; sections the
 * template requires but the report lacks are marked missing. A click reveals the heading,
 * or for a missing section the place where it belongs.
 */
import * as vscode from 'vscode';
import type { Range } from 'vscode-languageserver-types';
import type { SectionStatus } from '../../shared/protocol';
import type { ActiveReport } from './activeReport';

export const VIEW_ID = 'reportAuthor.outline';
export const REVEAL_COMMAND = 'reportAuthor.revealSection';

interface SectionNode {
  id: string;
  uri: string;
  section: SectionStatus;
}

class ReportTreeProvider implements vscode.TreeDataProvider<SectionNode> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly active: ActiveReport) {}

  refresh(): void {
    this.emitter.fire();
  }

  getChildren(node?: SectionNode): SectionNode[] {
    const status = this.active.status;
    if (!status) return [];
    const sections = node ? node.section.children : status.sections;
    const parent = node ? node.id : status.uri;
    return sections.map((section, i) => ({ id: `${parent}/${i}:${label(section)}`, uri: status.uri, section }));
  }

  getTreeItem(node: SectionNode): vscode.TreeItem {
    const { section } = node;
    const item = new vscode.TreeItem(
      label(section),
      section.children.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    item.id = node.id;
    if (section.missing) {
      item.description = vscode.l10n.t('missing');
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
      item.tooltip = vscode.l10n.t('The template requires this section. Click to go to where it belongs.');
    } else if (section.placeholderCount > 0) {
      item.description = vscode.l10n.t('{0} to fill', section.placeholderCount);
      item.iconPath = new vscode.ThemeIcon('edit');
    } else {
      item.iconPath = new vscode.ThemeIcon('check');
    }
    item.command = { command: REVEAL_COMMAND, title: '', arguments: [node.uri, section.range, section.missing] };
    return item;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

function label(section: SectionStatus): string {
  return `${section.marker}${section.title}` || section.title;
}

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** Shows `uri` (in the column it is already visible in, if any) with `selection`. */
export async function reveal(uri: string, selection: vscode.Selection): Promise<vscode.TextEditor> {
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  const doc = visible?.document ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)));
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn, selection });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export function registerReportView(active: ActiveReport): vscode.Disposable {
  const provider = new ReportTreeProvider(active);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const update = () => {
    const status = active.status;
    view.description = status?.template?.name ?? '';
    view.message = status && status.sections.length === 0 ? vscode.l10n.t('No numbered sections yet.') : undefined;
    provider.refresh();
  };
  update();
  return vscode.Disposable.from(
    provider,
    view,
    active.onDidChange(update),
    vscode.commands.registerCommand(REVEAL_COMMAND, async (uri: string, range: Range, missing: boolean) => {
      const r = toRange(range);
      // A missing section: the cursor where it belongs. A present one: its heading selected.
      await reveal(uri, missing ? new vscode.Selection(r.start, r.start) : new vscode.Selection(r.start, r.end));
    }),
  );
}
