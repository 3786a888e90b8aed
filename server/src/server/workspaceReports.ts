/**
 * `reportAuthor/workspaceReports`: every report of the workspace with what is left in it
 * (placeholders, missing sections, findings). Open documents are read from the editor, the
 * others from disk (at most 500 Markdown files a folder, node_modules and .git left out).
 * The walk yields to the event loop after each file, so keystrokes are answered meanwhile,
 * and stops when the client cancels.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import type { CancellationToken, TextDocuments } from 'vscode-languageserver';
import { LineDocument } from './documents';
import { URI } from 'vscode-uri';
import { WORKSPACE_PLACEHOLDERS_PER_REPORT, type WorkspaceReport } from '../../../shared/protocol';
import { filePathOf, type ReportState, type ReportStore } from './reports';
import { placeholderItems } from './requests';

const MAX_FILES_PER_FOLDER = 500;
const MAX_BYTES = 5 * 1024 * 1024;

export async function workspaceReports(
  store: ReportStore,
  documents: TextDocuments<LineDocument>,
  token: CancellationToken,
  only?: readonly string[],
): Promise<WorkspaceReport[]> {
  const out: WorkspaceReport[] = [];
  const seen = new Set<string>();
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
  if (only) {
    for (const uri of only) {
      if (token.isCancellationRequested) break;
      const open = documents.get(uri);
      const file = filePathOf(uri);
      const doc = open ?? (file ? readDocument(uri, file) : null);
      if (!doc) continue;
      const s = await store.get(doc);
      if (!open) store.forget(uri);
      if (s.isReport) out.push(summary(s, store.folders));
      await pause();
    }
    return out;
  }
  for (const doc of documents.all()) {
    if (token.isCancellationRequested) return out;
    seen.add(doc.uri);
    if (filePathOf(doc.uri) === null && !doc.uri.startsWith('untitled:')) continue;
    const s = await store.get(doc);
    if (s.isReport) out.push(summary(s, store.folders));
    await pause();
  }
  for (const folder of store.folders) {
    let files: string[];
    try {
      files = globSync('**/*.{md,markdown}', { cwd: folder, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] }).sort().slice(0, MAX_FILES_PER_FOLDER);
    } catch {
      continue;
    }
    for (const file of files) {
      if (token.isCancellationRequested) return out;
      const uri = URI.file(file).toString();
      if (seen.has(uri)) continue;
      seen.add(uri);
      const doc = readDocument(uri, file);
      if (!doc) continue;
      const s = await store.get(doc);
      store.forget(uri);
      if (s.isReport) out.push(summary(s, store.folders));
      await pause();
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A Markdown file on disk as a document, or null when it cannot be read or is too large. */
function readDocument(uri: string, file: string): LineDocument | null {
  try {
    if (fs.statSync(file).size > MAX_BYTES) return null;
    return new LineDocument(uri, 'markdown', 0, fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function summary(s: ReportState, folders: readonly string[]): WorkspaceReport {
  const file = filePathOf(s.uri);
  const folder = file ? folders.filter((f) => file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0] : undefined;
  const rel = file ? (folder ? path.relative(folder, file) : file).split(path.sep).join('/') : s.uri;
  const missing: WorkspaceReport['missing'] = [];
  let errors = 0;
  let warnings = 0;
  for (const d of s.model.diagnostics) {
    if (d.severity === 1) errors++;
    else if (d.severity === 2) warnings++;
    const data = d.data as { title?: unknown; edits?: { range: WorkspaceReport['missing'][number]['range'] }[] } | undefined;
    if (d.code === 'missing-section' && typeof data?.title === 'string') missing.push({ title: data.title, range: data.edits?.[0]?.range ?? d.range });
  }
  return {
    uri: s.uri,
    path: rel,
    template: s.template ? { id: s.template.id, name: s.template.name } : null,
    placeholderCount: s.model.placeholders.length,
    placeholders: placeholderItems({ ...s, model: { ...s.model, placeholders: s.model.placeholders.slice(0, WORKSPACE_PLACEHOLDERS_PER_REPORT) } }),
    missing,
    errors,
    warnings,
  };
}
