/** The custom requests of shared/protocol.ts. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import type { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { OutlineNode, Placeholder, ReportTemplate } from '../core';
import type { ExportDocxResult, PlaceholderItem, TemplateInfo } from '../../../shared/protocol';
import { exportDocx } from '../core/export';
import { imageLoader } from '../node/exportFiles';
import { filePathOf, type ReportState, type ReportStore } from './reports';
import type { SettingsStore } from './settings';

/** The deepest section holding each placeholder, found in one walk (both lists are in order). */
export function placeholderItems(state: ReportState): PlaceholderItem[] {
  const sections: OutlineNode[] = [];
  const walk = (nodes: readonly OutlineNode[]) => nodes.forEach((n) => (sections.push(n), walk(n.children)));
  walk(state.model.outline);
  const label = (p: Placeholder) => {
    let best: OutlineNode | null = null;
    for (const n of sections) {
      const { start, end } = n.sectionRange;
      if (p.range.start.line >= start.line && p.range.start.line <= end.line && (!best || n.level > best.level)) best = n;
    }
    return best ? `${best.marker}${best.title}` : '';
  };
  return state.model.placeholders.map((p) => ({ uri: state.uri, text: p.text, kind: p.kind, range: p.range, section: label(p) }));
}

const MAX_WORKSPACE_FILES = 500;

/** Reports open in the editor and Markdown reports on disk in the workspace folders. */
export async function workspacePlaceholders(store: ReportStore, documents: TextDocuments<TextDocument>, _settings: SettingsStore): Promise<PlaceholderItem[]> {
  const items: PlaceholderItem[] = [];
  const seen = new Set<string>();
  for (const doc of documents.all()) {
    seen.add(doc.uri);
    const s = await store.get(doc);
    if (s.isReport) for (const item of placeholderItems(s)) items.push(item);
  }
  for (const folder of store.folders) {
    const files = globSync('**/*.{md,markdown}', { cwd: folder, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] }).slice(0, MAX_WORKSPACE_FILES);
    for (const file of files) {
      const uri = URI.file(file).toString();
      if (seen.has(uri)) continue;
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      const s = await store.get(TextDocument.create(uri, 'markdown', 0, text));
      store.forget(uri);
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
