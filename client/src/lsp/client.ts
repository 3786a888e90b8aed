/**
 * A small language client, written for this server (vscode-languageclient bundled to 350 KB
 * of the extension's 400). It starts the server process, initializes it with the
 * capabilities the server reads, keeps documents, settings, watched files and workspace
 * folders in sync, shows published diagnostics, registers the features the server offers,
 * and restarts a crashed server up to 4 times in 3 minutes; after that it offers
 * "Restart Language Server".
 *
 * Custom requests and notifications (shared/protocol.ts) go through `sendRequest` and
 * `onNotification`; `onDidChangeState` tells when the server stops or runs again.
 */
import * as vscode from 'vscode';
import { ResponseError, Trace, type MessageConnection, type NotificationType, type RequestType } from 'vscode-jsonrpc/node';
import type * as lsp from 'vscode-languageserver-protocol';
import { asDiagnostic, asWorkspaceEdit } from './convert';
import { syncDocuments } from './documents';
import { registerFeatures, type Ask } from './features';
import { ApplyWorkspaceEdit, Exit, Initialize, Initialized, LogMessage, PublishDiagnostics, ShowMessage, ShowMessageRequest, Shutdown } from './messages';
import { startServerProcess, type ServerOptions, type ServerProcess } from './process';
import { connectWorkspace } from './workspace';

export enum State {
  Stopped = 1,
  Running = 2,
  Starting = 3,
}

export interface StateChangeEvent {
  oldState: State;
  newState: State;
}

export interface ClientOptions {
  /** The settings section: `<id>.trace.server` traces the messages. */
  id: string;
  /** The output channel's name. */
  name: string;
  server: ServerOptions;
  documentSelector: vscode.DocumentFilter[];
  /** The client's own watchers; their events are sent as watched-file changes. */
  fileWatchers?: readonly vscode.FileSystemWatcher[];
}

const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;
const SHUTDOWN_TIMEOUT_MS = 2000;

/** The capabilities the server reads (server/src/server/server.ts) and what this client can do. */
export function clientCapabilities(): lsp.ClientCapabilities {
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return {
    general: { positionEncodings: ['utf-16'] },
    workspace: {
      applyEdit: true,
      configuration: true,
      workspaceFolders: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: true },
      publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true, labelSupport: true, symbolKind: { valueSet: range(1, 26) as lsp.SymbolKind[] } },
      foldingRange: { lineFoldingOnly: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: {
        contextSupport: true,
        completionItem: {
          snippetSupport: true,
          documentationFormat: ['markdown', 'plaintext'],
          labelDetailsSupport: true,
          insertReplaceSupport: true,
          preselectSupport: true,
          commitCharactersSupport: true,
          tagSupport: { valueSet: [1] },
        },
        completionItemKind: { valueSet: range(1, 25) as lsp.CompletionItemKind[] },
      },
      codeAction: {
        codeActionLiteralSupport: {
          codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports', 'source.fixAll'] },
        },
        isPreferredSupport: true,
        disabledSupport: true,
        dataSupport: true,
        resolveSupport: { properties: ['edit'] },
      },
    },
    window: { showMessage: { messageActionItem: { additionalPropertiesSupport: false } } },
  };
}

export class LanguageClient implements vscode.Disposable {
  private current = State.Stopped;
  private readonly stateEmitter = new vscode.EventEmitter<StateChangeEvent>();
  readonly onDidChangeState = this.stateEmitter.event;
  readonly output: vscode.OutputChannel;
  private readonly diagnostics: vscode.DiagnosticCollection;
  private readonly handlers = new Map<string, Set<(params: unknown) => void>>();
  private server: ServerProcess | undefined;
  private starting: Promise<void> | undefined;
  /** Everything tied to one server process: providers, listeners, registrations. */
  private session: vscode.Disposable[] = [];
  private crashes: number[] = [];
  private readonly configListener: vscode.Disposable;

  constructor(private readonly options: ClientOptions) {
    this.output = vscode.window.createOutputChannel(options.name);
    this.diagnostics = vscode.languages.createDiagnosticCollection(options.id);
    this.configListener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (this.server && e.affectsConfiguration(`${options.id}.trace.server`)) this.applyTrace(this.server.connection, true);
    });
  }

  get state(): State {
    return this.current;
  }

  /** The server's process id while it runs (tests kill it to see the client restart it). */
  get serverProcessId(): number | undefined {
    return this.server?.child.pid;
  }

  isRunning(): boolean {
    return this.current === State.Running;
  }

  private setState(newState: State): void {
    const oldState = this.current;
    if (oldState === newState) return;
    this.current = newState;
    this.stateEmitter.fire({ oldState, newState });
  }

  /** Starts the server (the same promise while it is starting). */
  start(): Promise<void> {
    if (this.current === State.Starting && this.starting) return this.starting;
    if (this.current === State.Running) return Promise.resolve();
    this.setState(State.Starting);
    this.starting = this.launch().then(
      () => this.setState(State.Running),
      (e: unknown) => {
        this.cleanUp();
        this.setState(State.Stopped);
        throw e;
      },
    );
    return this.starting;
  }

  private async launch(): Promise<void> {
    const server = startServerProcess(this.options.server, (text) => this.output.append(text));
    this.server = server;
    const { connection } = server;
    connection.onNotification(PublishDiagnostics, (p) => this.diagnostics.set(vscode.Uri.parse(p.uri), p.diagnostics.map(asDiagnostic)));
    connection.onNotification(ShowMessage, (p) => void this.show(p.type, p.message));
    connection.onNotification(LogMessage, (p) => this.log(p.type, p.message));
    connection.onNotification((method, params) => this.handlers.get(method)?.forEach((h) => h(params)));
    connection.onRequest(ShowMessageRequest, async (p) => (await this.show(p.type, p.message, ...(p.actions ?? []))) ?? null);
    connection.onRequest(ApplyWorkspaceEdit, async (p) => ({ applied: await vscode.workspace.applyEdit(asWorkspaceEdit(p.edit)) }));
    connection.onClose(() => this.closed(server));
    connection.onError(([e]) => this.output.appendLine(`Connection error: ${e.message}`));
    this.applyTrace(connection, false);
    connection.listen();

    const folders = vscode.workspace.workspaceFolders ?? [];
    const initialize = connection.sendRequest(Initialize, {
      processId: process.pid,
      clientInfo: { name: vscode.env.appName, version: vscode.version },
      locale: vscode.env.language,
      rootPath: folders[0]?.uri.fsPath ?? null,
      rootUri: folders[0]?.uri.toString() ?? null,
      workspaceFolders: folders.length ? folders.map((f) => ({ uri: f.uri.toString(), name: f.name })) : null,
      capabilities: clientCapabilities(),
      trace: this.traceSetting(),
    });
    const exited = server.exited.then(() => {
      throw new Error(vscode.l10n.t('the server process exited'));
    });
    const { capabilities } = await Promise.race([initialize, exited]);
    // The server registers watchers and asks for settings once initialized: answer from now on.
    this.session.push(connectWorkspace(connection, capabilities, this.options.fileWatchers ?? []));
    void connection.sendNotification(Initialized, {});
    const selector = this.options.documentSelector;
    this.session.push(syncDocuments(connection, selector, capabilities.textDocumentSync), registerFeatures(this.ask, capabilities, selector));
  }

  /** Requests of the providers: a failure is logged and answers nothing; a cancellation too. */
  private readonly ask: Ask = async (type, params, token) => {
    const connection = this.server?.connection;
    if (!connection || this.current !== State.Running) return null;
    try {
      return await connection.sendRequest(type, params, token);
    } catch (e) {
      // RequestCancelled, ContentModified, ServerCancelled (LSPErrorCodes).
      const cancelled = e instanceof ResponseError && e.code <= -32800 && e.code >= -32802;
      if (!token.isCancellationRequested && !cancelled) this.output.appendLine(`Request ${type.method} failed: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  };

  async sendRequest<P, R, E>(type: RequestType<P, R, E>, params: P, token?: vscode.CancellationToken): Promise<R> {
    if (this.current === State.Starting) await this.starting;
    const connection = this.server?.connection;
    if (!connection || this.current !== State.Running) throw new Error(vscode.l10n.t('The Report Author language server is not running.'));
    return connection.sendRequest(type, params, token);
  }

  /** Handles a notification from the server, across restarts. */
  onNotification<P>(type: NotificationType<P>, handler: (params: P) => void): vscode.Disposable {
    let set = this.handlers.get(type.method);
    if (!set) this.handlers.set(type.method, (set = new Set()));
    const h = handler as (params: unknown) => void;
    set.add(h);
    return { dispose: () => void set.delete(h) };
  }

  /** Asks the server to shut down and exit; kills it if it does not within 2 s. */
  async stop(): Promise<void> {
    if (this.current === State.Starting) await this.starting?.catch(() => undefined);
    const server = this.server;
    if (!server || this.current === State.Stopped) return;
    this.server = undefined; // a close from now on is expected
    try {
      await withTimeout(server.connection.sendRequest(Shutdown), SHUTDOWN_TIMEOUT_MS);
      await server.connection.sendNotification(Exit);
    } catch {
      // Not answering: killed below.
    }
    if (!(await withTimeout(server.exited, SHUTDOWN_TIMEOUT_MS).then(() => true, () => false))) server.child.kill();
    this.cleanUp(server);
    this.setState(State.Stopped);
  }

  async restart(): Promise<void> {
    await this.stop();
    this.crashes = [];
    await this.start();
  }

  private closed(server: ServerProcess): void {
    if (this.server !== server) return; // stopped on purpose
    this.server = undefined;
    this.cleanUp(server);
    const wasRunning = this.current === State.Running;
    if (!wasRunning) return; // still starting: the start fails with it
    this.setState(State.Stopped);
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < RESTART_WINDOW_MS), now];
    if (this.crashes.length <= MAX_RESTARTS) {
      this.output.appendLine('The server stopped unexpectedly: restarting it.');
      this.start().catch((e: unknown) => {
        void vscode.window.showErrorMessage(
          vscode.l10n.t('Report Author: the language server could not start ({0}).', e instanceof Error ? e.message : String(e)),
        );
      });
      return;
    }
    const restart = vscode.l10n.t('Restart Language Server');
    void vscode.window
      .showErrorMessage(vscode.l10n.t('The Report Author language server stopped {0} times in the last 3 minutes and will not be restarted.', this.crashes.length), restart)
      .then((choice) => (choice === restart ? this.restart() : undefined))
      .then(undefined, (e: unknown) => this.output.appendLine(`Restart failed: ${e instanceof Error ? e.message : String(e)}`));
  }

  private cleanUp(server = this.server): void {
    for (const d of this.session.splice(0)) d.dispose();
    this.diagnostics.clear();
    if (server) {
      server.connection.dispose();
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill();
    }
    if (this.server === server) this.server = undefined;
  }

  private traceSetting(): 'off' | 'messages' | 'verbose' {
    const value = vscode.workspace.getConfiguration(this.options.id).get<string>('trace.server');
    return value === 'messages' || value === 'verbose' ? value : 'off';
  }

  private applyTrace(connection: MessageConnection, notify: boolean): void {
    const tracer = { log: (message: string, data?: string) => this.output.appendLine(data ? `${message}\n${data}` : message) };
    void connection.trace(Trace.fromString(this.traceSetting()), tracer, notify).catch(() => undefined);
  }

  private log(type: lsp.MessageType, message: string): void {
    const level = ['Error', 'Warn', 'Info', 'Log', 'Debug'][type - 1] ?? 'Log';
    this.output.appendLine(`[${level} - ${new Date().toLocaleTimeString()}] ${message}`);
  }

  private show<T extends vscode.MessageItem>(type: lsp.MessageType, message: string, ...items: T[]): Thenable<T | undefined> {
    if (type === 1) return vscode.window.showErrorMessage(message, ...items);
    if (type === 2) return vscode.window.showWarningMessage(message, ...items);
    if (type === 3) return vscode.window.showInformationMessage(message, ...items);
    this.log(type, message);
    return Promise.resolve(undefined);
  }

  dispose(): void {
    void this.stop();
    this.configListener.dispose();
    this.diagnostics.dispose();
    this.stateEmitter.dispose();
    this.output.dispose();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
