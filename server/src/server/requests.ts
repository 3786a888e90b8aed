/** The custom requests of shared/protocol.ts. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import type { CancellationToken, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { OutlineNode, Placeholder, ReportTemplate } from '../core';
import type { ExportDocxResult, PlaceholderItem, TemplateInfo } from '../../../shared/protocol';
import { exportDocx } from '../core/export';
import { imageLoader } from '../node/exportFiles';
import { filePathOf, type ReportState, type ReportStore } from './reports';
import type { SettingsStore } from './settings';

/**
 * The deepest section holding each placeholder, found in one sweep: sections in document
 * order (pre-order) and placeholders in document order, with the chain of sections open at
 * the current line on a stack (25,000 placeholders × 1,200 sections take a few ms, not 250).
 */
export function placeholderItems(state: ReportState): PlaceholderItem[] {
  const sections: OutlineNode[] = [];
  const walk = (nodes: readonly OutlineNode[]) => nodes.forEach((n) => (sections.push(n), walk(n.children)));
  walk(state.model.outline);
  const open: OutlineNode[] = [];
  let next = 0;
  let previous = -1;
  const label = (p: Placeholder): string => {
    const line = p.range.start.line;
    if (line < previous) {
      // Out of document order (never, from the core): start the sweep again.
      next = 0;
      open.length = 0;
    }
    previous = line;
    while (next < sections.length && sections[next]!.sectionRange.start.line <= line) {
      const n = sections[next++]!;
      while (open.length && !holds(open[open.length - 1]!, n)) open.pop();
      open.push(n);
    }
    while (open.length && open[open.length - 1]!.sectionRange.end.line < line) open.pop();
    // The innermost open section holds the line; among equals, the deeper level (as a parent and its first child can share lines).
    let best: OutlineNode | null = null;
    for (let i = open.length - 1; i >= 0; i--) {
      const n = open[i]!;
      if (n.sectionRange.end.line < line) continue;
      if (!best || n.level > best.level) best = n;
    }
    return best ? `${best.marker}${best.title}` : '';
  };
  return state.model.placeholders.map((p) => ({ uri: state.uri, text: p.text, kind: p.kind, range: p.range, section: label(p) }));
}

/** Whether `outer`'s section holds the start of `inner`'s. */
function holds(outer: OutlineNode, inner: OutlineNode): boolean {
  return outer.sectionRange.start.line <= inner.sectionRange.start.line && outer.sectionRange.end.line >= inner.sectionRange.start.line;
}

const MAX_WORKSPACE_FILES = 500;

const yieldToMessages = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reports open in the editor and Markdown reports on disk in the workspace folders. Files
 * are listed and read asynchronously, one at a time with the server's other messages in
 * between (a keystroke's analysis never waits for the workspace), and the request stops
 * when the client cancels it.
 */
export async function workspacePlaceholders(store: ReportStore, documents: TextDocuments<TextDocument>, token: CancellationToken): Promise<PlaceholderItem[]> {
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
      let text: string;
      try {
        text = await fs.promises.readFile(file, 'utf8');
      } catch {
        continue;
      }
      const s = await store.get(TextDocument.create(uri, 'markdown', 0, text));
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
