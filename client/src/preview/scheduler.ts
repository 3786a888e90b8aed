/**
 * When the preview renders, and which renderings it shows. No vscode here, so that the
 * timing can be tested with fake timers.
 *
 * - Typing schedules a rendering after a pause (`delay`, longer for longer documents);
 *   during a long burst of typing one still happens every `maxWait` ms, so the preview
 *   keeps up as the user types. Neither is shorter than the last rendering took (twice
 *   that for `maxWait`), so a slow rendering of a very large report never keeps the
 *   extension host busy more than about half the time.
 * - Following another document, or an explicit refresh, renders at once.
 * - A rendering is delivered only if it is for the document followed now, and for a
 *   version at least as new as the one shown (a re-rendering of the same version, after a
 *   settings change, is newer by its sequence number). A rendering that finishes late,
 *   after a newer one, is dropped: a stale render never wins.
 */

export interface RenderJob {
  /** The document (its URI). */
  key: string;
  version: number;
  /** The document's length, for the delay. */
  size: number;
}

export interface SchedulerOptions<R> {
  render(job: RenderJob): R | Promise<R>;
  deliver(job: RenderJob, result: R): void;
  /** A rendering that threw or rejected. */
  failed?(job: RenderJob, error: unknown): void;
  /** Pause after the last change before rendering, in ms (default: `debounceDelay`). */
  delay?(size: number): number;
  /** Longest time changes wait while the user keeps typing, in ms (default 1000). */
  maxWait?: number;
}

/** 150 ms, plus 1 ms for every 2,000 characters beyond the first 20,000, up to 1 s. */
export function debounceDelay(size: number): number {
  return Math.min(1000, 150 + Math.max(0, Math.floor((size - 20_000) / 2000)));
}

export class RenderScheduler<R> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: RenderJob | undefined;
  private pendingSince = 0;
  /** The document followed now. */
  private key: string | undefined;
  private sequence = 0;
  private shown: { key: string; version: number; sequence: number } | undefined;
  private disposed = false;
  /** How long the last rendering took, in ms. */
  private lastDuration = 0;

  constructor(private readonly options: SchedulerOptions<R>) {}

  /** The document changed (typing): render after a pause. */
  changed(job: RenderJob): void {
    if (this.disposed) return;
    if (job.key !== this.key) return this.now(job);
    const first = this.pending === undefined;
    this.pending = job;
    if (first) this.pendingSince = Date.now();
    const waited = Date.now() - this.pendingSince;
    const maxWait = Math.max(this.options.maxWait ?? 1000, 2 * this.lastDuration);
    const delay = Math.max((this.options.delay ?? debounceDelay)(job.size), this.lastDuration);
    const wait = Math.max(0, Math.min(delay, maxWait - waited));
    this.clearTimer();
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Follow this document, or render it again (settings changed): at once. */
  now(job: RenderJob): void {
    if (this.disposed) return;
    this.key = job.key;
    this.pending = job;
    this.flush();
  }

  /** Stop following any document: pending work is dropped, late results too. */
  clear(): void {
    this.clearTimer();
    this.pending = undefined;
    this.key = undefined;
    this.shown = undefined;
  }

  /** What was delivered last. */
  get current(): { key: string; version: number } | undefined {
    return this.shown && { key: this.shown.key, version: this.shown.version };
  }

  dispose(): void {
    this.clear();
    this.disposed = true;
  }

  private flush(): void {
    this.clearTimer();
    const job = this.pending;
    this.pending = undefined;
    if (!job) return;
    const sequence = ++this.sequence;
    const started = Date.now();
    const took = () => (this.lastDuration = Date.now() - started);
    let result: R | Promise<R>;
    try {
      result = this.options.render(job);
    } catch (error) {
      took();
      this.options.failed?.(job, error);
      return;
    }
    if (result instanceof Promise) {
      result.then(
        (r) => {
          took();
          this.finish(job, sequence, r);
        },
        (error: unknown) => {
          took();
          if (!this.disposed) this.options.failed?.(job, error);
        },
      );
    } else {
      took();
      this.finish(job, sequence, result);
    }
  }

  private finish(job: RenderJob, sequence: number, result: R): void {
    if (this.disposed || job.key !== this.key) return;
    const shown = this.shown;
    if (shown && shown.key === job.key && (job.version < shown.version || (job.version === shown.version && sequence < shown.sequence))) return;
    this.shown = { key: job.key, version: job.version, sequence };
    this.options.deliver(job, result);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
