/**
 * The "Report" tree view (`reportAuthor.outline`, in the Explorer while a report is
 * active): the sections of the active report with their placeholder counts; sections the
 * template requires but the report lacks are marked missing. A click reveals the heading,
 * or for a missing section the place where it belongs.
 *
 * Its other mode lists every report of the workspace with what is left in it (missing
 * sections, then placeholders), the way Todo Tree lists TODOs: asked of the server
 * (`reportAuthor/workspaceReports`, cancellable), listed again on demand; a saved file alone
 * is asked for again after a save.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from './lsp/client';
import type { Range } from 'vscode-languageserver-types';
import { WorkspaceReportsRequest, type PlaceholderItem, type SectionStatus, type WorkspaceReport } from '../../shared/protocol';
import type { ActiveReport } from './activeReport';

export const VIEW_ID = 'reportAuthor.outline';
export const REVEAL_COMMAND = 'reportAuthor.revealSection';
export const ALL_REPORTS_CONTEXT = 'reportAuthor.allReports';

interface SectionNode {
  type: 'section';
  id: string;
  uri: string;
  section: SectionStatus;
}
interface FileNode {
  type: 'file';
  id: string;
  report: WorkspaceReport;
}
interface LeftNode {
  type: 'missing' | 'placeholder' | 'more';
  id: string;
  uri: string;
  label: string;
  description: string;
  range: Range;
}
type Node = SectionNode | FileNode | LeftNode;

class ReportTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** The workspace's reports in "all reports" mode; null in the active report's mode. */
  all: WorkspaceReport[] | null = null;

  constructor(private readonly active: ActiveReport) {}

  refresh(): void {
    this.emitter.fire();
  }

  getChildren(node?: Node): Node[] {
    if (this.all) {
      if (!node) return this.all.map((report) => ({ type: 'file', id: report.uri, report }));
      return node.type === 'file' ? leftIn(node.report) : [];
    }
    const status = this.active.status;
    if (!status || (node && node.type !== 'section')) return [];
    const sections = node ? node.section.children : status.sections;
    const parent = node ? node.id : status.uri;
    const out: Node[] = sections.map((section, i) => ({ type: 'section', id: `${parent}/${i}:${label(section)}`, uri: status.uri, section }));
    // The server lists a bounded number of sections; the rest are counted.
    const more = node ? (node.section.more ?? 0) : (status.moreSections ?? 0);
    const last = sections.at(-1)?.range ?? node?.section.range;
    if (more > 0 && last) out.push({ type: 'more', id: `${parent}#more`, uri: status.uri, label: vscode.l10n.t('{0} more sections', more), description: '', range: last });
    return out;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'file') return fileItem(node);
    if (node.type !== 'section') return leftItem(node);
    const { section } = node;
    const item = new vscode.TreeItem(
      label(section),
      section.children.length || section.more ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
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

function fileItem(node: FileNode): vscode.TreeItem {
  const r = node.report;
  const done = r.placeholderCount === 0 && r.missing.length === 0;
  const item = new vscode.TreeItem(r.path, done ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.resourceUri = vscode.Uri.parse(r.uri);
  item.description = leftText(r.placeholderCount, r.missing.length);
  item.iconPath = done ? new vscode.ThemeIcon('check') : r.missing.length ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('edit');
  item.tooltip = [r.template ? r.template.name : vscode.l10n.t('No template applies'), leftText(r.placeholderCount, r.missing.length)].join(' · ');
  item.command = { command: REVEAL_COMMAND, title: '', arguments: [r.uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, true] };
  return item;
}

function leftItem(node: LeftNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = node.description;
  if (node.type === 'missing') item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  else if (node.type === 'placeholder') item.iconPath = new vscode.ThemeIcon('edit');
  item.command = { command: REVEAL_COMMAND, title: '', arguments: [node.uri, node.range, node.type === 'missing'] };
  return item;
}

/** `待填 12 · 缺 1 个章节`, or `已完成`. */
export function leftText(placeholders: number, missing: number): string {
  if (placeholders === 0 && missing === 0) return vscode.l10n.t('complete');
  if (missing === 0) return vscode.l10n.t('{0} to fill', placeholders);
  return vscode.l10n.t('{0} to fill · {1} missing', placeholders, missing);
}

function leftIn(r: WorkspaceReport): LeftNode[] {
  const out: LeftNode[] = r.missing.map((m, i) => ({
    type: 'missing',
    id: `${r.uri}#missing/${i}`,
    uri: r.uri,
    label: m.title,
    description: vscode.l10n.t('missing'),
    range: m.range,
  }));
  r.placeholders.forEach((p: PlaceholderItem, i) =>
    out.push({
      type: 'placeholder',
      id: `${r.uri}#placeholder/${i}`,
      uri: r.uri,
      label: vscode.l10n.t('Line {0}: {1}', p.range.start.line + 1, p.text),
      description: p.section,
      range: p.range,
    }),
  );
  const more = r.placeholderCount - r.placeholders.length;
  if (more > 0) out.push({ type: 'more', id: `${r.uri}#more`, uri: r.uri, label: vscode.l10n.t('{0} more placeholders', more), description: '', range: r.placeholders.at(-1)!.range });
  return out;
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

export function registerReportView(active: ActiveReport, client: LanguageClient): vscode.Disposable {
  const provider = new ReportTreeProvider(active);
  const view = vscode.window.createTreeView<Node>(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  let listing: vscode.CancellationTokenSource | undefined;
  const update = () => {
    if (provider.all) {
      view.description = vscode.l10n.t('{0} reports in the workspace', provider.all.length);
      view.message = listing && provider.all.length === 0 ? vscode.l10n.t('Looking for reports…') : provider.all.length === 0 ? vscode.l10n.t('No reports in the workspace.') : undefined;
    } else {
      const status = active.status;
      view.description = status?.template?.name ?? '';
      view.message = status && status.sections.length === 0 ? vscode.l10n.t('No numbered sections yet.') : undefined;
    }
    provider.refresh();
  };
  update();

  /** Asks the server for every report; a newer listing cancels the one in flight. */
  const list = async () => {
    listing?.cancel();
    const source = (listing = new vscode.CancellationTokenSource());
    update();
    try {
      const reports = await vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () =>
        client.sendRequest(WorkspaceReportsRequest, {}, source.token),
      );
      if (source.token.isCancellationRequested || !provider.all) return;
      provider.all = reports;
    } catch (e) {
      if (!source.token.isCancellationRequested) void vscode.window.showErrorMessage(vscode.l10n.t('Report Author: {0}', e instanceof Error ? e.message : String(e)));
    } finally {
      if (listing === source) {
        listing = undefined;
        update();
      }
      source.dispose();
    }
  };
  const setMode = async (all: boolean) => {
    listing?.cancel();
    provider.all = all ? (provider.all ?? []) : null;
    await vscode.commands.executeCommand('setContext', ALL_REPORTS_CONTEXT, all);
    update();
    if (all) {
      await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
      await list();
    }
  };
  /** After a save: only the files saved since the last update are asked for again. */
  const changed = new Set<string>();
  const refreshChanged = async () => {
    const uris = [...changed];
    changed.clear();
    if (!provider.all || listing || uris.length === 0) return;
    try {
      const fresh = await client.sendRequest(WorkspaceReportsRequest, { uris });
      if (!provider.all) return;
      const byUri = new Map(provider.all.map((r) => [r.uri, r]));
      for (const uri of uris) byUri.delete(uri);
      for (const r of fresh) byUri.set(r.uri, r);
      provider.all = [...byUri.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      update();
    } catch {
      // The next save or a refresh asks again.
    }
  };
  let saved: ReturnType<typeof setTimeout> | undefined;
  return vscode.Disposable.from(
    provider,
    view,
    active.onDidChange(() => {
      if (!provider.all) update();
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (!provider.all || doc.languageId !== 'markdown') return;
      changed.add(doc.uri.toString());
      clearTimeout(saved);
      saved = setTimeout(() => void refreshChanged(), 300);
    }),
    { dispose: () => (clearTimeout(saved), listing?.cancel()) },
    vscode.commands.registerCommand('reportAuthor.listWorkspaceReports', () => setMode(true)),
    vscode.commands.registerCommand('reportAuthor.refreshWorkspaceReports', () => (provider.all ? list() : setMode(true))),
    vscode.commands.registerCommand('reportAuthor.showActiveReport', () => setMode(false)),
    vscode.commands.registerCommand(REVEAL_COMMAND, async (uri: string, range: Range, missing: boolean) => {
      const r = toRange(range);
      // A missing section: the cursor where it belongs. A present one: its heading selected.
      await reveal(uri, missing ? new vscode.Selection(r.start, r.start) : new vscode.Selection(r.start, r.end));
    }),
  );
}
