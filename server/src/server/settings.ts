/**
 * The `reportAuthor.*` settings of the client, per document, merged with the nearest
 * `.report-author.json`: defaults ← editor settings ← the workspace file, so the editor and
 * the CLI in CI agree wherever a workspace file exists.
 */
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, type ReportAuthorSettings } from '../../../shared/protocol';
import type { AnalysisOptions, DeepPartial } from '../core';
import { EMPTY_CONFIG, findConfigFile, loadConfig, type WorkspaceConfig } from '../node/config';
import type { DataError } from '../core/yamlData';

export interface DocumentSettings {
  editor: ReportAuthorSettings;
  /** The workspace file's configuration (or the empty one). */
  workspace: WorkspaceConfig;
  /** Problems in the workspace file, shown on that file. */
  workspaceErrors: DataError[];
  options: DeepPartial<AnalysisOptions>;
}

function merge(editor: ReportAuthorSettings, workspace: WorkspaceConfig): DeepPartial<AnalysisOptions> {
  const w = workspace.options;
  return {
    severity: { ...editor.severity, ...(w.severity ?? {}) },
    placeholders: { ...editor.placeholders, ...(w.placeholders ?? {}) },
    level3Punctuation: w.level3Punctuation ?? editor.level3Punctuation,
    recognizeTemplates: w.recognizeTemplates ?? editor.recognizeTemplates,
  };
}

/** Reads untrusted settings into the typed shape, keeping defaults for anything malformed. */
export function sanitizeSettings(raw: unknown): ReportAuthorSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const placeholders = { ...DEFAULT_SETTINGS.placeholders };
  for (const [k, v] of Object.entries(obj(r.placeholders))) if (k in placeholders && typeof v === 'boolean') placeholders[k as keyof typeof placeholders] = v;
  const strings = (v: unknown) => Object.fromEntries(Object.entries(obj(v)).filter(([, x]) => typeof x === 'string')) as Record<string, string>;
  return {
    severity: strings(r.severity) as ReportAuthorSettings['severity'],
    placeholders,
    level3Punctuation: r.level3Punctuation === 'halfwidth' || r.level3Punctuation === 'fullwidth' ? r.level3Punctuation : 'any',
    templatesFolder: typeof r.templatesFolder === 'string' ? r.templatesFolder : '',
    templates: strings(r.templates),
    detect: r.detect === 'always' || r.detect === 'never' ? r.detect : 'auto',
    recognizeTemplates: typeof r.recognizeTemplates === 'boolean' ? r.recognizeTemplates : true,
  };
}

export class SettingsStore {
  private editorCache = new Map<string, Promise<ReportAuthorSettings>>();
  private workspaceCache = new Map<string, { config: WorkspaceConfig; errors: DataError[] }>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  /** Forget everything (configuration or workspace file changed). */
  clear(): void {
    this.editorCache.clear();
    this.workspaceCache.clear();
  }

  private editor(uri: string): Promise<ReportAuthorSettings> {
    if (!this.canPull()) return Promise.resolve(DEFAULT_SETTINGS);
    let p = this.editorCache.get(uri);
    if (!p) {
      p = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'reportAuthor' })
        .then(sanitizeSettings, () => DEFAULT_SETTINGS);
      this.editorCache.set(uri, p);
    }
    return p;
  }

  workspaceFor(dir: string | null): { config: WorkspaceConfig; errors: DataError[] } {
    const file = dir ? findConfigFile(dir) : null;
    if (!file) return { config: EMPTY_CONFIG, errors: [] };
    let entry = this.workspaceCache.get(file);
    if (!entry) {
      try {
        entry = loadConfig(file);
      } catch {
        entry = { config: EMPTY_CONFIG, errors: [] };
      }
      this.workspaceCache.set(file, entry);
    }
    return entry;
  }

  async forDocument(uri: string, dir: string | null): Promise<DocumentSettings> {
    const editor = await this.editor(uri);
    const { config, errors } = this.workspaceFor(dir);
    return { editor, workspace: errors.length ? { ...EMPTY_CONFIG, file: config.file } : config, workspaceErrors: errors, options: merge(editor, config) };
  }
}
