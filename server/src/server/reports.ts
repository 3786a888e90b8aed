/**
 * One analysis per document version, shared by every feature: the model, the template it
 * was checked against, and whether the document is a report at all.
 */
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { analyzeLines, frontMatterOf, lineCacheFor, type LineCache, type ReportModel, type ReportTemplate, type TemplateChoice } from '../core';
import { selectTemplate, TemplateLibrary, type TemplateFileError } from '../node/templates';
import type { SettingsStore, DocumentSettings } from './settings';
import type { WorkspaceConfig } from '../node/config';
import { matchGlob as matchRelative } from '../node/glob';
import { PLACEHOLDER_DIAGNOSTIC_LIMIT } from './diagnostics';
import { failedModel } from './guard';
import { summaryOf } from './status';
import type { OffThreadAnalyzer } from './offThread';
import type { LineDocument } from './documents';

export interface ReportState {
  uri: string;
  version: number;
  /** The version's lines, as the document holds them. */
  lines: readonly string[];
  /** The version's text (joined on first read: most versions are never read whole). */
  readonly text: string;
  model: ReportModel;
  template: ReportTemplate | null;
  isReport: boolean;
  settings: DocumentSettings;
  folderErrors: TemplateFileError[];
}

export function filePathOf(uri: string): string | null {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : null;
  } catch {
    return null;
  }
}

export class ReportStore {
  private states = new Map<string, ReportState>();
  private caches = new Map<string, LineCache>();
  readonly library = new TemplateLibrary();
  /** Analyses documents too large for the main thread in a worker (set by the server), or null. */
  offThread: OffThreadAnalyzer | null = null;
  /** Workspace folder paths, for the globs of the editor settings. */
  folders: string[] = [];

  constructor(private readonly settings: SettingsStore) {}

  /** The state for this exact version, if it was computed. */
  peek(uri: string, version?: number): ReportState | undefined {
    const s = this.states.get(uri);
    return s && (version === undefined || s.version === version) ? s : undefined;
  }

  /**
   * The state computed for exactly this text. A client may reuse a version number (a
   * didOpen after a close, a buggy didChange): the lines decide (each version of a document
   * has its own table), the version only labels.
   */
  private current(doc: LineDocument): ReportState | undefined {
    const s = this.peek(doc.uri, doc.version);
    return s && s.lines === doc.table.lines ? s : undefined;
  }

  forget(uri: string): void {
    this.states.delete(uri);
    this.caches.delete(uri);
    this.offThread?.forget(uri);
    this.forgotten.set(uri, (this.forgotten.get(uri) ?? 0) + 1);
    if (this.forgotten.size > 10_000) {
      // A workspace scan forgets every file it read: start over, as after an invalidation.
      this.forgotten.clear();
      this.invalidations++;
    }
  }

  /** Drops every result (settings or templates changed); line caches survive, keyed by options. */
  invalidate(): void {
    this.states.clear();
    this.invalidations++;
  }

  /** Counts of invalidate() and of forget() per document: a result computed across one is not kept. */
  private invalidations = 0;
  private forgotten = new Map<string, number>();
  private epoch(uri: string): string {
    return `${this.invalidations}:${this.forgotten.get(uri) ?? 0}`;
  }

  async get(doc: LineDocument): Promise<ReportState> {
    const known = this.current(doc);
    if (known) return known;
    const epoch = this.epoch(doc.uri);
    const file = filePathOf(doc.uri);
    const settings = await this.settings.forDocument(doc.uri, file ? path.dirname(file) : null);
    const current = this.current(doc);
    if (current) return current;
    const table = doc.table;
    const { lines } = table;
    let model: ReportModel;
    let failed = false;
    let choice: TemplateChoice | null = null;
    let templates: ReportTemplate[] = [];
    let folderErrors: TemplateFileError[] = [];
    let mapped = false;
    try {
      ({ choice, templates, folderErrors, mapped } = this.choose(file, lines, settings));
      const context = { choice, templates, fileName: file ?? doc.uri, placeholderDiagnosticLimit: PLACEHOLDER_DIAGNOSTIC_LIMIT };
      if (this.offThread?.wants(lines)) {
        // Too large for the main thread: the worker's model (see offThread.ts).
        this.caches.delete(doc.uri);
        const done = await this.offThread.analyze(doc.uri, table.text, settings.options, doc.version, context);
        if (!done) return this.get(doc); // a newer text replaced this one before it started
        model = done;
      } else {
        this.offThread?.forget(doc.uri);
        const cache = lineCacheFor(this.caches.get(doc.uri), settings.options);
        this.caches.set(doc.uri, cache);
        model = analyzeLines(table, settings.options, doc.version, { ...context, cache });
      }
    } catch (e) {
      // One document that cannot be analysed says so on itself; the server goes on.
      this.caches.delete(doc.uri);
      model = failedModel(e, doc.version, doc.uri);
      failed = true;
    }
    const template = choice?.kind === 'template' ? choice.template : model.template ? (templates.find((t) => t.id === model.template) ?? null) : null;
    const state: ReportState = {
      uri: doc.uri,
      version: doc.version,
      lines,
      get text() {
        return table.text;
      },
      model,
      template,
      isReport: failed || this.isReport(model, settings, mapped, lines),
      settings,
      folderErrors,
    };
    // Kept for the text it was made from; one the document has left (while the worker
    // analysed it), or made before the document was closed or the settings changed, goes
    // back to its caller only, never over a newer state.
    if (doc.table.lines === lines && this.epoch(doc.uri) === epoch) this.states.set(doc.uri, state);
    return state;
  }

  private choose(file: string | null, text: readonly string[], settings: DocumentSettings) {
    const config: WorkspaceConfig = {
      ...settings.workspace,
      templatesFolder: settings.workspace.templatesFolder ?? this.editorTemplatesFolder(settings.editor.templatesFolder, file),
    };
    const filePath = file ?? '/untitled.md';
    const selection = selectTemplate(filePath, text, this.library, config);
    let choice: TemplateChoice | null = selection.choice;
    let mapped = choice !== null;
    if (!choice && file) {
      // Editor settings map globs too, after the workspace file.
      for (const [glob, ref] of Object.entries(settings.editor.templates)) {
        if (matchGlob(glob, file, this.folders)) {
          choice = this.library.resolve(ref, path.dirname(file), selection.templates.filter((t) => !t.builtin));
          mapped = true;
          break;
        }
      }
    }
    return { choice, templates: selection.templates, folderErrors: selection.folderErrors, mapped };
  }

  /** The `reportAuthor.templatesFolder` setting: absolute, or relative to the workspace folder holding the file. */
  editorTemplatesFolder(setting: string, file: string | null): string | null {
    if (!setting) return null;
    if (path.isAbsolute(setting)) return setting;
    const folder = (file && folderHolding(file, this.folders)) || this.folders[0];
    return folder ? path.resolve(folder, setting) : null;
  }

  /** auto: a template named or mapped, or at least two numbered level-1 sections. */
  private isReport(model: ReportModel, settings: DocumentSettings, mapped: boolean, text: readonly string[]): boolean {
    if (settings.editor.detect === 'always') return true;
    if (settings.editor.detect === 'never') return false;
    if (mapped || typeof frontMatterOf(text)?.template === 'string') return true;
    return summaryOf(model).numberedTopLevel >= 2;
  }
}

/** Globs of the `reportAuthor.templates` setting are relative to the workspace folder holding the file. */
function matchGlob(glob: string, file: string, folders: readonly string[]): boolean {
  const folder = folderHolding(file, folders);
  const rel = (folder ? path.relative(folder, file) : path.basename(file)).split(path.sep).join('/');
  return matchRelative(glob, rel);
}

/** The innermost workspace folder that holds `file`. */
function folderHolding(file: string, folders: readonly string[]): string | undefined {
  return folders.filter((f) => file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0];
}
