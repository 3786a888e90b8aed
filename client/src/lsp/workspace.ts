/**
 * The workspace side of the protocol: settings pulled per scope (`workspace/configuration`),
 * registrations the server asks for (`client/registerCapability`: watched files, settings
 * changes), file events (from those watchers and the client's own), workspace folders.
 */
import * as vscode from 'vscode';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type * as lsp from 'vscode-languageserver-protocol';
import { Configuration, DidChangeConfiguration, DidChangeWatchedFiles, DidChangeWorkspaceFolders, RegisterCapability, UnregisterCapability } from './messages';

/** One item of `workspace/configuration`: the section's value for the scope, as plain JSON (null when unset). */
export function configurationValue(item: lsp.ConfigurationItem): unknown {
  const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
  let value: unknown;
  if (!item.section) value = vscode.workspace.getConfiguration(undefined, scope);
  else {
    const dot = item.section.lastIndexOf('.');
    value =
      dot < 0
        ? vscode.workspace.getConfiguration(undefined, scope).get(item.section)
        : vscode.workspace.getConfiguration(item.section.slice(0, dot), scope).get(item.section.slice(dot + 1));
  }
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/**
 * File events batched and sent as one `workspace/didChangeWatchedFiles` (a checkout changes
 * many files at once; the same file may be watched twice). Each event is sent once.
 */
export class FileEvents implements vscode.Disposable {
  private pending = new Map<string, lsp.FileEvent>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (params: lsp.DidChangeWatchedFilesParams) => void,
    private readonly delayMs = 50,
  ) {}

  /** Events of a watcher: 1 created, 2 changed, 3 deleted. */
  watch(watcher: vscode.FileSystemWatcher): vscode.Disposable {
    return vscode.Disposable.from(
      watcher.onDidCreate((uri) => this.push(uri, 1)),
      watcher.onDidChange((uri) => this.push(uri, 2)),
      watcher.onDidDelete((uri) => this.push(uri, 3)),
    );
  }

  push(uri: vscode.Uri, type: lsp.FileChangeType): void {
    const key = uri.toString();
    this.pending.delete(key); // the latest event of a file, in the order they came
    this.pending.set(key, { uri: key, type });
    this.timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending.size) return;
    const changes = [...this.pending.values()];
    this.pending.clear();
    this.send({ changes });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}

function globPattern(pattern: lsp.GlobPattern): vscode.GlobPattern {
  if (typeof pattern === 'string') return pattern;
  const base = typeof pattern.baseUri === 'string' ? pattern.baseUri : pattern.baseUri.uri;
  return new vscode.RelativePattern(vscode.Uri.parse(base), pattern.pattern);
}

/**
 * Answers the server's workspace requests and forwards workspace events for one connection.
 * `watchers`: the client's own watchers, whose events are sent too.
 */
export function connectWorkspace(
  connection: MessageConnection,
  capabilities: lsp.ServerCapabilities,
  watchers: readonly vscode.FileSystemWatcher[],
): vscode.Disposable {
  const files = new FileEvents((params) => void connection.sendNotification(DidChangeWatchedFiles, params));
  const registrations = new Map<string, vscode.Disposable>();
  const out: vscode.Disposable[] = [files, ...watchers.map((w) => files.watch(w))];

  connection.onRequest(Configuration, (params) => params.items.map(configurationValue));
  connection.onRequest(RegisterCapability, (params) => {
    for (const r of params.registrations) {
      if (r.method === DidChangeWatchedFiles.method) {
        const options = r.registerOptions as lsp.DidChangeWatchedFilesRegistrationOptions;
        const created = options.watchers.map((w) => {
          const kind = w.kind ?? 7; // create | change | delete
          return vscode.workspace.createFileSystemWatcher(globPattern(w.globPattern), !(kind & 1), !(kind & 2), !(kind & 4));
        });
        registrations.set(r.id, vscode.Disposable.from(...created, ...created.map((w) => files.watch(w))));
      } else if (r.method === DidChangeConfiguration.method) {
        const section = (r.registerOptions as { section?: string | string[] } | undefined)?.section;
        const sections = section === undefined ? [] : Array.isArray(section) ? section : [section];
        registrations.set(
          r.id,
          vscode.workspace.onDidChangeConfiguration((e) => {
            if (!sections.length || sections.some((s) => e.affectsConfiguration(s))) void connection.sendNotification(DidChangeConfiguration, { settings: null });
          }),
        );
      }
      // Other registrations are features this client does not offer: accepted, nothing to do.
    }
  });
  connection.onRequest(UnregisterCapability, (params) => {
    for (const u of params.unregisterations) {
      registrations.get(u.id)?.dispose();
      registrations.delete(u.id);
    }
  });
  if (capabilities.workspace?.workspaceFolders?.changeNotifications) {
    const folder = (f: vscode.WorkspaceFolder): lsp.WorkspaceFolder => ({ uri: f.uri.toString(), name: f.name });
    out.push(
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        void connection.sendNotification(DidChangeWorkspaceFolders, { event: { added: e.added.map(folder), removed: e.removed.map(folder) } });
      }),
    );
  }
  out.push({ dispose: () => registrations.forEach((r) => r.dispose()) });
  return vscode.Disposable.from(...out);
}
