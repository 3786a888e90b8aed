/** The custom requests of shared/protocol.ts. */
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import type { CancellationToken, TextDocuments } from 'vscode-languageserver';
import { LineDocument } from './documents';
import { URI } from 'vscode-uri';
import type { OutlineNode, ReportTemplate } from '../core';
import type { ExportDocxResult, PlaceholderItem, TemplateInfo } from '../../../shared/protocol';
import { exportDocx } from '../core/export';
import { imageLoader } from '../node/exportFiles';
import { filePathOf, type ReportState, type ReportStore } from './reports';
import type { SettingsStore } from './settings';
import { readRegularFile } from '../node/safeRead';

/** Section labels longer than this are cut (with `…`): the label names a section, it does not repeat it. */
export const SECTION_LABEL_LIMIT = 40;

/** `（一）抓好阵地建设`, cut to SECTION_LABEL_LIMIT code units without splitting a surrogate pair. */
export function sectionLabel(node: OutlineNode): string {
  const full = `${node.marker}${node.title}`;
  if (full.length <= SECTION_LABEL_LIMIT) return full;
  let end = SECTION_LABEL_LIMIT - 1;
  const c = full.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return full.slice(0, end) + '…';
}

/**
 * The deepest section holding each placeholder, in one walk: both lists are in document
 * order and sections nest, so the open sections form a stack. Each item carries a short
 * label, never the whole heading (5,000 placeholders under a 10 KB heading would be 50 MB).
 */
export function placeholderItems(state: ReportState): PlaceholderItem[] {
  // Every section in document order (pre-order, without recursion).
  const sections: OutlineNode[] = [];
  const walk: Array<{ list: readonly OutlineNode[]; i: number }> = [{ list: state.model.outline, i: 0 }];
  while (walk.length) {
    const top = walk[walk.length - 1]!;
    if (top.i >= top.list.length) {
      walk.pop();
      continue;
    }
    const n = top.list[top.i++]!;
    sections.push(n);
    if (n.children.length) walk.push({ list: n.children, i: 0 });
  }
  const open: Array<{ node: OutlineNode; label: string | null }> = [];
  let next = 0;
  const items: PlaceholderItem[] = new Array(state.model.placeholders.length);
  state.model.placeholders.forEach((p, k) => {
    const line = p.range.start.line;
    while (next < sections.length && sections[next]!.sectionRange.start.line <= line) {
      const n = sections[next++]!;
      while (open.length && open[open.length - 1]!.node.sectionRange.end.line < n.sectionRange.start.line) open.pop();
      open.push({ node: n, label: null });
    }
    while (open.length && open[open.length - 1]!.node.sectionRange.end.line < line) open.pop();
    // Sections nest or are disjoint (each ends before the next heading of its level), so
    // the innermost open one is the deepest section holding the line.
    const best = open[open.length - 1];
    if (best && best.label === null) best.label = sectionLabel(best.node);
    items[k] = { uri: state.uri, text: p.text, kind: p.kind, range: p.range, section: best?.label ?? '' };
  });
  return items;
}

const MAX_WORKSPACE_FILES = 500;

const yieldToMessages = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reports open in the editor and Markdown reports on disk in the workspace folders. Files
 * are listed asynchronously and read one at a time (regular files only, size-capped), with
 * the server's other messages in between (a keystroke's analysis never waits for the workspace), and the request stops
 * when the client cancels it.
 */
export async function workspacePlaceholders(store: ReportStore, documents: TextDocuments<LineDocument>, token: CancellationToken): Promise<PlaceholderItem[]> {
  const items: PlaceholderItem[] = [];
  const seen = new Set<string>();
  for (const doc of documents.all()) {
    if (token.isCancellationRequested) return items;
    seen.add(doc.uri);
    const s = await store.get(doc);
    if (s.isReport) for (const item of placeholderItems(s)) items.push(item);
  }
  for (const folder of store.folders) {
    const files = (await glob('**/*.{md,markdown}', { cwd: folder, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] })).slice(0, MAX_WORKSPACE_FILES);
    for (const file of files) {
      await yieldToMessages();
      if (token.isCancellationRequested) return items;
      const uri = URI.file(file).toString();
      if (seen.has(uri)) continue;
      // Regular files only, size-capped: a FIFO or a link to /dev/zero in the workspace must not block or fill the server.
      const read = readRegularFile(file);
      if (!read.ok) continue;
      const text = read.bytes.toString('utf8');
      const s = await store.get(new LineDocument(uri, 'markdown', 0, text));
      if (!documents.get(uri)) store.forget(uri);
      if (s.isReport) for (const item of placeholderItems(s)) items.push(item);
    }
  }
  return items;
}

/** The user's templates (workspace file folder, else the setting) and the built-in ones. */
export async function templatesFor(store: ReportStore, settings: SettingsStore, uri: string | null): Promise<ReportTemplate[]> {
  const file = uri ? filePathOf(uri) : null;
  const dir = file ? path.dirname(file) : (store.folders[0] ?? null);
  const ds = await settings.forDocument(uri ?? (dir ? URI.file(dir).toString() : ''), dir);
  const folder = ds.workspace.templatesFolder ?? store.editorTemplatesFolder(ds.editor.templatesFolder, file);
  const user = folder ? store.library.folder(folder).templates : [];
  return [...user, ...store.library.builtins()];
}

export function templateInfo(t: ReportTemplate): TemplateInfo {
  return { id: t.id, name: t.name, description: t.description, path: t.file ?? '', builtin: t.builtin };
}

/** The Word export of a document's current version; images are read relative to its file. */
export async function exportDocxOf(state: ReportState): Promise<ExportDocxResult> {
  const file = filePathOf(state.uri);
  const result = await exportDocx(state.text, state.model, {
    layout: state.template?.layout ?? null,
    loadImage: file ? imageLoader(path.dirname(file)) : undefined,
    title: state.model.title?.text ?? (file ? path.basename(file) : ''),
  });
  return {
    base64: Buffer.from(result.bytes).toString('base64'),
    placeholders: result.placeholders,
    warnings: result.warnings.map((w) => `${w.line + 1}: ${w.message}`),
  };
}
