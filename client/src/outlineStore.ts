/**
 * The latest `reportAuthor/outlineStatus` per document. The server pushes one after each
 * analysis; a status for an older version than the one held is dropped, so a late answer
 * for a stale version never overwrites a newer one. A status for the same version replaces
 * the held one (the server re-analyses an unchanged document when settings change).
 *
 * No `vscode` import: this is plain data, testable without an editor.
 */
import type { OutlineStatus } from '../../shared/protocol';

export type Listener = (uri: string) => void;

export class OutlineStore {
  private readonly statuses = new Map<string, OutlineStatus>();
  private readonly listeners = new Set<Listener>();

  /** Keeps `status` unless a newer version of its document is held; returns whether it was kept. */
  update(status: OutlineStatus): boolean {
    const held = this.statuses.get(status.uri);
    if (held && held.version > status.version) return false;
    this.statuses.set(status.uri, status);
    this.fire(status.uri);
    return true;
  }

  get(uri: string): OutlineStatus | undefined {
    return this.statuses.get(uri);
  }

  /** Forgets a closed document (a reopened one starts again at version 1). */
  delete(uri: string): void {
    if (this.statuses.delete(uri)) this.fire(uri);
  }

  /** Forgets everything (the server stopped; it sends fresh statuses when it starts again). */
  clear(): void {
    const uris = [...this.statuses.keys()];
    this.statuses.clear();
    for (const uri of uris) this.fire(uri);
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(uri: string): void {
    for (const listener of [...this.listeners]) listener(uri);
  }
}
