/**
 * Documents too large for the main thread. Analysing a hostile or huge document (150,000
 * headings, a 300,000-character line) takes seconds; on the main thread every other
 * document's diagnostics and requests would wait for it. Such a document (isLargeLines: over
 * 600,000 characters, 20,000 lines, or a line of 20,000 characters; an ordinary report,
 * even the 1.1 MB one of `npm run bench`, is far below and keeps the incremental path) is
 * analysed in a worker thread: the same bundle started with `workerData.role === 'analysis'`
 * (see analysisWorker.ts), one document at a time, a newer version of a document replacing
 * one still waiting.
 *
 * What comes back is made so the main thread pays little for it: the small parts of the
 * model (missing sections, title…) and its summary (the outline status, the bounded list of
 * diagnostics to publish) are copied; the large ones (headings, outline, placeholders, every
 * diagnostic) arrive serialized, one buffer each (transferred, not copied), read only when a
 * feature first asks for that part. The worker keeps the newest model of each document it
 * analysed, so the features an editor asks for on every open and cursor move (symbols,
 * folding, hover, completion, code actions) and its preview are computed there too; the
 * lazy parts are read on the main thread only when that worker no longer holds the model, or
 * for the rarer requests (placeholder lists, export). The
 * model's non-enumerable `source` (lines and blocks, for completion) is rebuilt from the
 * text on first use, once per version. A crash or an endless analysis in the worker fails
 * that document's analysis (a diagnostic on it, see ReportStore and guard.ts), never the server.
 */
import type { Worker } from 'node:worker_threads';
import { startRoleWorker } from './roleWorker';
import * as v8 from 'node:v8';
import { analyze, type AnalysisContext, type AnalysisOptions, type DeepPartial, type ReportModel, type ReportTemplate } from '../core';
import { splitLines } from '../core/text';
import { scanBlocks } from '../core/blocks';
import { rememberSummary, type OutlineSummary } from './status';

/** Above any of these, a document is analysed in the worker. */
export const OFF_THREAD_LIMITS = { chars: 600_000, lines: 20_000, lineChars: 20_000 };

/** Whether a document of these lines is too large for the main thread (one pass over the lengths). */
export function isLargeLines(lines: readonly string[], limits = OFF_THREAD_LIMITS): boolean {
  if (lines.length > limits.lines) return true;
  let chars = lines.length - 1;
  for (const line of lines) {
    if (line.length > limits.lineChars) return true;
    chars += line.length;
  }
  return chars > limits.chars;
}

/** The parts of a model sent serialized (one buffer each) and read on demand. */
export const HEAVY_KEYS = ['headings', 'outline', 'placeholders', 'silencedPlaceholders', 'diagnostics'] as const;
type HeavyKey = (typeof HEAVY_KEYS)[number];

export interface AnalysisJob {
  type: 'analyze';
  id: number;
  /** The document (its uri): the worker keeps the newest model of each for features. */
  key: string;
  text: string;
  options: DeepPartial<AnalysisOptions> | null;
  version: number;
  /** Everything but the line cache (which stays with the main thread's documents). */
  context: Omit<AnalysisContext, 'cache'>;
  locale: string | undefined;
}

export type AnalysisAnswer =
  | { type: 'analysis'; id: number; ok: true; light: Omit<ReportModel, HeavyKey>; heavy: Partial<Record<HeavyKey, ArrayBuffer>>; summary: OutlineSummary }
  | { type: 'analysis'; id: number; ok: false; error: string };

/** Editor features the worker answers from the model it holds (what a cursor move or an open asks). */
export type FeatureName = 'symbols' | 'folding' | 'hover' | 'completion' | 'codeActions' | 'resolve' | 'preview';

export interface FeatureRequest {
  type: 'feature';
  id: number;
  key: string;
  /** The analysis whose model is meant; the worker answers `missing` if it holds another. */
  analysis: number;
  name: FeatureName;
  args: unknown[];
  template: ReportTemplate | null;
  locale: string | undefined;
}

export type FeatureAnswer = { type: 'feature'; id: number; ok: true; value: unknown } | { type: 'feature'; id: number; ok: false; missing?: boolean; error: string };

/** Drops the model the worker holds for a document (closed, or small enough for the main thread now). */
export interface ForgetMessage {
  type: 'forget';
  key: string;
}

export type ToWorker = AnalysisJob | FeatureRequest | ForgetMessage;

/** Where a lazy model came from: the worker (and its analysis) that still holds it whole. */
const ORIGIN = Symbol('offThread.origin');
interface Origin {
  worker: Worker;
  key: string;
  analysis: number;
}

/** The model of a worker's answer: small parts at hand, large parts read from the buffer on first use. */
export function lazyModel(answer: Extract<AnalysisAnswer, { ok: true }>, text: string, origin?: Origin): ReportModel {
  const model = { ...answer.light } as ReportModel;
  if (origin) Object.defineProperty(model, ORIGIN, { value: origin, enumerable: false });
  for (const [key, buffer] of Object.entries(answer.heavy) as Array<[HeavyKey, ArrayBuffer]>) {
    // Read on first use, then an ordinary property.
    const own = (value: unknown) => Object.defineProperty(model, key, { value, enumerable: true, configurable: true, writable: true });
    Object.defineProperty(model, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = v8.deserialize(new Uint8Array(buffer)) as unknown;
        own(value);
        return value;
      },
      set: own,
    });
  }
  let source: ReportModel['source'];
  Object.defineProperty(model, 'source', {
    enumerable: false,
    get: () => {
      if (!source) {
        const table = splitLines(text);
        source = { table, blocks: scanBlocks(table) };
      }
      return source;
    },
  });
  rememberSummary(model, answer.summary);
  return model;
}

interface Job {
  key: string;
  job: AnalysisJob;
  /** The document was closed meanwhile: the worker is not to keep this model. */
  drop?: boolean;
  promise: Promise<ReportModel | null>;
  resolve(model: ReportModel | null): void;
  reject(error: unknown): void;
}

const IDLE_MS = 60_000;
/** Longest an analysis may take in the worker (150,000 headings take about 2 s). */
const ANALYSIS_LIMIT_MS = 60_000;

export class OffThreadAnalyzer {
  private worker: Worker | null = null;
  private workerFailed = false;
  private running: Job | null = null;
  private queue: Job[] = [];
  private idle: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private ids = 0;
  /** Feature requests sent to the worker, by id. */
  private features = new Map<number, (answer: { value: unknown } | null) => void>();
  /** Documents whose model the current worker holds (it is not stopped while it holds one). */
  private held = new Set<string>();
  /** The language of the messages (the client's locale, set at initialize). */
  locale: string | undefined;

  /** `entry`: the script that runs `runAnalysisWorker` when it is not the main thread (dist/server.js); null: never. */
  constructor(private readonly entry: string | null) {}

  /** Whether a document of these lines goes to the worker: too large for the main thread, and a worker can run. */
  wants(lines: readonly string[]): boolean {
    return !this.workerFailed && !!this.entry && this.entry.endsWith('.js') && isLargeLines(lines);
  }

  /**
   * The model of `text`, analysed in the worker. The same document and text already waiting
   * or running share that answer; an older text of the same document still waiting resolves
   * to null (the caller asks again for the document as it is now). Rejects when the worker
   * fails (crash, out of memory, over the time limit).
   */
  analyze(key: string, text: string, options: DeepPartial<AnalysisOptions> | null, version: number, context: Omit<AnalysisContext, 'cache'>): Promise<ReportModel | null> {
    const same = [this.running, ...this.queue].find((j) => j && j.key === key && j.job.version === version && j.job.text === text);
    if (same) {
      same.drop = false; // asked for again: the document is open
      return same.promise;
    }
    for (const waiting of this.queue.filter((j) => j.key === key)) {
      this.queue.splice(this.queue.indexOf(waiting), 1);
      waiting.resolve(null);
    }
    let resolve!: (m: ReportModel | null) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<ReportModel | null>((res, rej) => ((resolve = res), (reject = rej)));
    this.queue.push({ key, job: { type: 'analyze', id: ++this.ids, key, text, options, version, context, locale: this.locale }, promise, resolve, reject });
    this.next();
    return promise;
  }

  /**
   * A feature of a model analysed here, computed by the worker that holds the model whole
   * (nothing large is read on the main thread); null when that worker no longer holds it
   * (a newer analysis, a restart, a crash): the caller computes it from the lazy model.
   */
  feature<T>(model: ReportModel, name: FeatureName, args: unknown[], template: ReportTemplate | null): Promise<{ value: T } | null> | null {
    const origin = (model as { [ORIGIN]?: Origin })[ORIGIN];
    if (!origin || origin.worker !== this.worker || !this.held.has(origin.key)) return null;
    const id = ++this.ids;
    const request: FeatureRequest = { type: 'feature', id, key: origin.key, analysis: origin.analysis, name, args, template, locale: this.locale };
    return new Promise((resolve) => {
      this.features.set(id, resolve as (answer: { value: unknown } | null) => void);
      try {
        origin.worker.postMessage(request);
      } catch {
        this.features.delete(id);
        resolve(null);
      }
    });
  }

  /** The document is closed (or small again): the worker lets its model go. */
  forget(key: string): void {
    for (const job of [this.running, ...this.queue]) if (job?.key === key) job.drop = true;
    if (!this.held.delete(key)) return;
    this.worker?.postMessage({ type: 'forget', key } satisfies ForgetMessage);
    if (!this.running && !this.queue.length) this.scheduleStop();
  }

  private answerFeature(m: FeatureAnswer): void {
    const resolve = this.features.get(m.id);
    if (!resolve) return;
    this.features.delete(m.id);
    resolve(m.ok ? { value: m.value } : null);
  }

  /** The worker is gone: what it held is gone, pending features are computed on the main thread. */
  private lost(): void {
    this.held.clear();
    const pending = [...this.features.values()];
    this.features.clear();
    for (const resolve of pending) resolve(null);
  }

  private next(): void {
    if (this.running) return;
    const job = this.queue.shift();
    if (!job) {
      this.scheduleStop();
      return;
    }
    clearTimeout(this.idle);
    this.running = job;
    const worker = this.ensureWorker();
    if (!worker) {
      // No worker could start: here, after the messages already received.
      setImmediate(() => {
        try {
          const { text, options, version, context } = job.job;
          this.finish(job, analyze(text, options, version, context));
        } catch (e) {
          this.fail(job, e);
        }
      });
      return;
    }
    worker.postMessage(job.job);
    // An analysis that never ends must not stop every later one: the worker is replaced.
    this.watchdog = setTimeout(() => {
      if (this.running !== job || this.worker !== worker) return;
      this.worker = null;
      this.lost();
      void worker.terminate();
      this.fail(job, new Error(`the analysis took longer than ${ANALYSIS_LIMIT_MS / 1000} s and was stopped`));
    }, ANALYSIS_LIMIT_MS);
    this.watchdog.unref();
  }

  private finish(job: Job, model: ReportModel): void {
    if (this.running !== job) return;
    clearTimeout(this.watchdog);
    this.running = null;
    job.resolve(model);
    this.next();
  }

  private fail(job: Job | null, error: unknown): void {
    if (!job || this.running !== job) return;
    clearTimeout(this.watchdog);
    this.running = null;
    job.reject(error);
    this.next();
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    if (this.workerFailed || !this.entry) return null;
    try {
      // A hostile document that still exhausts memory ends the worker (ERR_WORKER_OUT_OF_MEMORY), not the server.
      const worker = startRoleWorker<AnalysisAnswer | FeatureAnswer>(this.entry, 'analysis', { maxOldGenerationSizeMb: 2048 }, {
        message: (m) => {
          if (m.type === 'feature') return this.answerFeature(m);
          const job = this.running;
          if (!job || job.job.id !== m.id) return;
          if (!m.ok) {
            this.held.delete(job.key);
            return this.fail(job, new Error(m.error));
          }
          if (job.drop) worker.postMessage({ type: 'forget', key: job.key } satisfies ForgetMessage);
          else this.held.add(job.key);
          this.finish(job, lazyModel(m, job.job.text, { worker, key: job.key, analysis: m.id }));
        },
        // Only the current worker's end fails the analysis it was doing (a replaced one's does not).
        ended: (ended, detail) => {
          if (this.worker !== ended) return;
          this.worker = null;
          this.lost();
          this.fail(this.running, new Error(`the analysis worker stopped (${detail})`));
        },
      });
      this.worker = worker;
      return worker;
    } catch {
      this.workerFailed = true;
      return null;
    }
  }

  private scheduleStop(): void {
    clearTimeout(this.idle);
    // Kept while it holds the model of an open document: its features are answered there.
    if (!this.worker || this.held.size) return;
    this.idle = setTimeout(() => this.stop(), IDLE_MS);
    this.idle.unref();
  }

  /** Stops the worker (idle, or the server shuts down); an analysis in progress fails. */
  stop(): void {
    clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = null;
    this.lost();
    void worker?.terminate();
    if (worker) this.fail(this.running, new Error('the analysis worker was stopped'));
  }
}
