/**
 * Memory back after a burst of work. V8 keeps its heap at the size a burst grew it to (a
 * 1 MB report analysed again on each Enter leaves tens of MB of garbage behind); once the
 * server has been idle for a moment, one full collection lets it return that memory. Needs
 * `--expose-gc` (shared/serverLaunch.ts); without it, nothing happens.
 */
type Gc = (options?: { type?: 'major' | 'minor'; execution?: 'sync' | 'async' }) => unknown;

export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ms = 1000,
    private readonly gc: Gc | undefined = (globalThis as { gc?: Gc }).gc,
  ) {}

  /** Work happened: collect once it has been quiet for `ms`. */
  touch(): void {
    if (!this.gc) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.gc?.({ type: 'major', execution: 'async' }), this.ms);
    this.timer.unref();
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
