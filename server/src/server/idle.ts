/**
 * Memory back after a burst of work. V8 keeps its heap at the size a burst grew it to (a
 * 1 MB report analysed again on each Enter leaves tens of MB of garbage behind); once the
 * server has been idle for a moment, a major collection frees that garbage (concurrently),
 * and a second, full one half a moment later compacts the heap and gives the pages back
 * (measured on the 1 MB report after 150 edits: the committed heap from about 90 MB to 29 MB,
 * resident memory from about 160 MB to about 100 MB; the first alone leaves the heap committed).
 * The second blocks for 10–20 ms, once per quiet spell. Needs `--expose-gc`
 * (shared/serverLaunch.ts); without it, nothing happens.
 */
type Gc = (options?: { type?: 'major' | 'minor'; execution?: 'sync' | 'async' }) => unknown;

export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ms = 1000,
    private readonly gc: Gc | undefined = (globalThis as { gc?: Gc }).gc,
  ) {}

  /** Work happened: collect once it has been quiet for `ms`, and compact `ms / 2` later if still quiet. */
  touch(): void {
    if (!this.gc) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.gc?.({ type: 'major', execution: 'async' });
      this.timer = setTimeout(() => this.gc?.(), this.ms / 2);
      this.timer.unref();
    }, this.ms);
    this.timer.unref();
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
