/**
 * The language server: thin glue from LSP to the core. Each handler finds the document's
 * analysis (one per version, see ReportStore) and delegates to a core feature.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { codeActions, completions, documentSymbols, fixAllUri, foldingRanges, hover, resolveCodeAction, FIX_ALL_KIND } from '../core/features';
import { deriveTemplate } from '../core';
import { useLocale } from '../l10n';
import {
  DeriveTemplateRequest,
  DocumentPlaceholdersRequest,
  ExportDocxRequest,
  ListTemplatesRequest,
  OutlineStatusNotification,
  PlaceholdersRequest,
  PreviewRequest,
  TemplateSkeletonRequest,
  WorkspaceReportsRequest,
} from '../../../shared/protocol';
import { workspaceReports } from './workspaceReports';
import { SettingsStore } from './settings';
import { filePathOf, ReportStore, type ReportState } from './reports';
import { lineDocuments } from './documents';
import { outlineStatus, publishable, StatusSender } from './status';
import type { PlaceholderSpan } from '../../../shared/protocol';
import { checkTemplateText, looksLikeTemplate, templateDiagnostics } from './templateFiles';
import { guardConnection } from './guard';
import { MAX_DATA_BYTES, readRegularFile } from '../node/safeRead';
import { exportDocxOf, placeholderItems, templateInfo, templatesFor, workspacePlaceholders } from './requests';
import { PreviewRenderer, previewCss, previewResult, renderInput, type RenderOutput } from './preview';
import { IdleCollector } from './idle';
import { OffThreadAnalyzer, type FeatureName } from './offThread';

import { CONFIG_FILES, isConfigFile } from '../node/config';

/** `entry`: the bundle's own file (dist/server.js), which the preview's worker thread runs. */
export function startServer(unguarded: Connection, entry: string | null = null): void {
  const connection = guardConnection(unguarded);
  // Documents as line tables: a change splits again only the lines it touches (documents.ts).
  const documents = new TextDocuments(lineDocuments);
  let pullDiagnostics = false;
  let configurationPull = false;
  let watchRegistration = false;
  let folderNotifications = false;
  let resolveEdits = false;
  const settings = new SettingsStore(connection, () => configurationPull);
  const store = new ReportStore(settings);
  const pending = new Map<string, NodeJS.Immediate>();
  const status = new StatusSender((s) => void connection.sendNotification(OutlineStatusNotification, s));
  const templateFileDiagnostics = new Set<string>();
  const renderer = new PreviewRenderer(entry);
  const offThread = new OffThreadAnalyzer(entry);
  store.offThread = offThread;
  const idle = new IdleCollector();
  let locale: string | undefined;
  /** A template file: by its front matter, or a companion rules file beside it (cached, see TemplateLibrary). */
  const isTemplate = (text: string | readonly string[], file: string | null) => looksLikeTemplate(text, file, (f) => store.library.hasCompanion(f));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    locale = params.locale ?? process.env.LANG;
    useLocale(locale);
    offThread.locale = locale;
    pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
    configurationPull = !!params.capabilities.workspace?.configuration;
    watchRegistration = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    folderNotifications = !!params.capabilities.workspace?.workspaceFolders;
    resolveEdits = !!params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    store.folders = (params.workspaceFolders ?? []).map((f) => filePathOf(f.uri)).filter((p): p is string => !!p);
    // What was read from disk is trusted until a watched-file event says otherwise; a client
    // that cannot watch gets it re-read at most every 2 s.
    const trust = watchRegistration ? Infinity : 2000;
    store.library.trustMs = trust;
    settings.finder.ttl = trust;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: 'Report' },
        foldingRangeProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['（', '('] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], ...(resolveEdits ? { resolveProvider: true } : {}) },
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'reportAuthor', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'report-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (configurationPull) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'reportAuthor' });
    // Markdown templates change on disk too (a checkout, another editor): watch Markdown and
    // react to the files that are templates (see onDidChangeWatchedFiles).
    if (watchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.md' }, ...CONFIG_FILES.map((name) => ({ globPattern: `**/${name}` })), { globPattern: '**/*.template.{json,yaml,yml}' }],
      });
    }
    // Workspace folders added or removed later: their globs and templates folders apply.
    if (folderNotifications) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => filePathOf(f.uri)));
        const added = e.added.map((f) => filePathOf(f.uri)).filter((p): p is string => !!p);
        store.folders = [...store.folders.filter((f) => !removed.has(f)), ...added.filter((f) => !store.folders.includes(f))];
        refreshAll();
      });
    }
  });

  /** Analyses a document and tells the client; results for a version the editor has left are dropped. */
  async function refresh(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const file = filePathOf(uri);
    if (isTemplate(doc.table.lines, file)) {
      if (!pullDiagnostics) void connection.sendDiagnostics({ uri, version, diagnostics: checkTemplateText(doc.getText(), file, (f) => store.library.hasCompanion(f)) });
      status.update(uri, () => ({ uri, version, isReport: false, template: null, placeholderCount: 0, missingCount: 0, sections: [] }));
      return;
    }
    let state: ReportState;
    try {
      state = await store.get(doc);
    } catch (e) {
      connection.console.error(`report-author: analysing ${uri} failed: ${(e as Error)?.stack ?? String(e)}`);
      return;
    }
    // Not for a version the editor has left, nor for the old text of a reused version number.
    const now = documents.get(uri);
    if (now?.version !== version || now.table.lines !== state.lines) return;
    const published = pullDiagnostics ? null : connection.sendDiagnostics({ uri, version, diagnostics: publishable(state) });
    // The status (hundreds of KB for a large report) once the diagnostics are written: it never holds them up.
    const sendStatus = () => status.update(uri, () => outlineStatus(state));
    if (published) void published.then(sendStatus, sendStatus);
    else sendStatus();
    publishFolderErrors(state);
    idle.touch();
  }

  /** Problems of the user's template folder go on the template files themselves. */
  function publishFolderErrors(state: ReportState): void {
    for (const bad of state.folderErrors) {
      const uri = URI.file(bad.file).toString();
      if (documents.get(uri) || templateFileDiagnostics.has(uri)) continue;
      templateFileDiagnostics.add(uri);
      void connection.sendDiagnostics({ uri, diagnostics: templateDiagnostics(bad.errors) });
    }
  }

  /**
   * Coalesces bursts of changes: the analysis runs once the messages already received are
   * handled, so a burst of keystrokes costs one analysis of its last version.
   */
  function schedule(uri: string): void {
    const previous = pending.get(uri);
    if (previous) clearImmediate(previous);
    pending.set(
      uri,
      setImmediate(() => {
        pending.delete(uri);
        void refresh(uri);
      }),
    );
  }

  function refreshAll(): void {
    settings.clear();
    store.library.invalidate();
    store.invalidate();
    templateFileDiagnostics.clear();
    status.clear();
    for (const doc of documents.all()) schedule(doc.uri);
    if (pullDiagnostics) void connection.languages.diagnostics.refresh();
  }

  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    store.forget(e.document.uri);
    status.forget(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  documents.onDidSave((e) => {
    // A saved template or workspace file changes what other reports are checked against.
    const file = filePathOf(e.document.uri);
    if (file && (isConfigFile(file) || isTemplate(e.document.getText(), file))) refreshAll();
  });
  connection.onDidChangeConfiguration(() => refreshAll());
  connection.onDidChangeWatchedFiles((params) => {
    // Configuration and rules files always matter; a Markdown file only when it is a template.
    const relevant = params.changes.some(({ uri }) => {
      const file = filePathOf(uri);
      if (!file || !file.endsWith('.md')) return true;
      const read = readRegularFile(file, file, MAX_DATA_BYTES); // never a FIFO or a device: it would block the server
      return read.ok ? looksLikeTemplate(read.bytes.toString('utf8'), file) || store.library.reads(file) : read.problem === 'missing' || store.library.reads(file); // deleted: it may have been a template
    });
    if (relevant) refreshAll();
  });

  const report = async (uri: string): Promise<ReportState | null> => {
    const doc = documents.get(uri);
    if (!doc) return null;
    const state = await store.get(doc);
    return state.isReport ? state : null;
  };

  connection.languages.diagnostics.on(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const file = filePathOf(doc.uri);
    if (isTemplate(doc.getText(), file)) return { kind: DocumentDiagnosticReportKind.Full, items: checkTemplateText(doc.getText(), file, (f) => store.library.hasCompanion(f)) };
    const state = await store.get(doc);
    return { kind: DocumentDiagnosticReportKind.Full, items: publishable(state) };
  });
  /** A feature of a document analysed in the worker is computed there (see offThread.ts); others here. */
  async function feature<T>(s: ReportState, name: FeatureName, args: unknown[], here: () => T): Promise<T> {
    const remote = offThread.feature<T>(s.model, name, args, s.template);
    const answer = remote ? await remote : null;
    return answer ? answer.value : here();
  }

  connection.onDocumentSymbol(async (p) => {
    const s = await report(p.textDocument.uri);
    return s ? feature(s, 'symbols', [], () => documentSymbols(s.model)) : [];
  });
  connection.onFoldingRanges(async (p) => {
    const s = await report(p.textDocument.uri);
    return s ? feature(s, 'folding', [], () => foldingRanges(s.model)) : [];
  });
  connection.onHover(async (p) => {
    const s = await report(p.textDocument.uri);
    return s ? feature(s, 'hover', [p.position], () => hover(s.model, p.position, s.template)) : null;
  });
  connection.onCompletion(async (p) => {
    const s = await report(p.textDocument.uri);
    return s ? feature(s, 'completion', [p.position], () => completions(s.model, s.text, p.position, s.template)) : [];
  });
  connection.onCodeAction(async (p) => {
    const s = await report(p.textDocument.uri);
    const args = [p.textDocument.uri, p.range, p.context.diagnostics, p.context.only, { lazyFixAll: resolveEdits }] as const;
    return s ? feature(s, 'codeActions', [...args], () => codeActions(s.model, args[0], args[1], args[2], args[3], s.text, args[4])) : [];
  });
  connection.onCodeActionResolve(async (action) => {
    const uri = fixAllUri(action);
    const s = uri ? await report(uri) : null;
    return s ? feature(s, 'resolve', [action], () => resolveCodeAction(action, s.model)) : action;
  });

  connection.onRequest(PlaceholdersRequest, async (p, token) => {
    if (p.uri) {
      const s = await report(p.uri);
      return s ? placeholderItems(s) : [];
    }
    return workspacePlaceholders(store, documents, token);
  });
  connection.onRequest(DocumentPlaceholdersRequest, async (p) => {
    const doc = documents.get(p.uri);
    if (!doc) return null;
    const s = await store.get(doc);
    if (!s.isReport) return { uri: s.uri, version: s.version, placeholders: [] };
    const spans: PlaceholderSpan[] = s.model.placeholders.map(({ range, text, kind }) => ({ range, text, kind }));
    for (const { range, text, kind } of s.model.silencedPlaceholders ?? []) spans.push({ range, text, kind, silenced: true });
    return { uri: s.uri, version: s.version, placeholders: spans };
  });
  connection.onRequest(PreviewRequest, async (p, token) => {
    // After the analyses already scheduled have published their diagnostics.
    await new Promise((resolve) => setImmediate(resolve));
    const doc = documents.get(p.uri);
    if (!doc || token.isCancellationRequested) return null;
    const state = await store.get(doc);
    const standalone = p.standalone === true;
    const style = p.style === 'gbt9704' ? 'gbt9704' : 'editor';
    const options = { style, standalone, interactive: !standalone, css: standalone ? previewCss() : undefined, templateName: state.isReport ? (state.template?.name ?? null) : null } as const;
    // A large document is rendered by the analysis worker, which holds its model; others by the preview worker.
    const remote = offThread.feature<RenderOutput>(state.model, 'preview', [options, state.isReport], null);
    const out = (remote ? await remote : null)?.value ?? (await renderer.render(`${p.uri}\0${standalone}`, renderInput(state, options, locale)));
    return out && !token.isCancellationRequested ? previewResult(state, out) : null;
  });
  connection.onRequest(WorkspaceReportsRequest, (p, token) => workspaceReports(store, documents, token, p?.uris));
  connection.onRequest(ListTemplatesRequest, async (p) => (await templatesFor(store, settings, p.uri ?? null)).map(templateInfo));
  connection.onRequest(TemplateSkeletonRequest, async (p) => {
    const found = (await templatesFor(store, settings, p.uri ?? null)).find((t) => t.id === p.id || t.name === p.id);
    return found ? { text: found.body } : null;
  });
  connection.onRequest(DeriveTemplateRequest, async (p) => {
    const doc = documents.get(p.uri);
    if (!doc) return null;
    const s = await store.get(doc);
    return { text: deriveTemplate(s.text, s.model, filePathOf(p.uri) ?? 'report.md') };
  });

  connection.onRequest(ExportDocxRequest, async (p) => {
    const doc = documents.get(p.uri);
    return doc ? exportDocxOf(await store.get(doc)) : null;
  });

  connection.onShutdown(() => {
    renderer.stop();
    offThread.stop();
    idle.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
