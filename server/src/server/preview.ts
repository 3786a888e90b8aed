/**
 * The preview, rendered by the server from the one analysis of a version (the extension
 * renders nothing). Rendering a large report takes remark and rehype about half a second,
 * so it runs in a worker thread: diagnostics of the next keystroke never wait for it. The
 * worker gets the text and the parts of the model the renderer reads; it is started on the
 * first preview and stopped after a minute without one, which gives its memory back.
 * Where a worker cannot start (the server run from source), rendering happens in-process.
 */
import type { Worker } from 'node:worker_threads';
import { startRoleWorker } from './roleWorker';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, ReportModel } from '../core';
import { renderReport, type RenderOptions } from '../core/preview';
import { useLocale } from '../l10n';
import type { PreviewResult } from '../../../shared/protocol';
import type { ReportState } from './reports';

export interface RenderInput {
  text: string;
  model: ReportModel;
  options: RenderOptions;
  locale: string | undefined;
}

export interface RenderOutput {
  html: string;
  title: string;
}

/** What the renderer reads of a model: no placeholder findings (the chips come from `placeholders`). */
export function renderInput(state: ReportState, options: RenderOptions, locale: string | undefined): RenderInput {
  return { text: state.text, model: renderedModel(state.model, state.isReport), options, locale };
}

/** The model as the renderer reads it (also in the analysis worker, for a large document). */
export function renderedModel(m: ReportModel, isReport: boolean): ReportModel {
  const diagnostics: Diagnostic[] = isReport ? m.diagnostics.filter((d) => d.code !== 'unfilled-placeholder') : [];
  return { ...m, diagnostics, missing: isReport ? m.missing : [] };
}

export function renderInProcess(input: RenderInput): RenderOutput {
  useLocale(input.locale);
  const { html, title } = renderReport(input.text, input.model, input.options);
  return { html, title };
}

export function previewResult(state: ReportState, out: RenderOutput): PreviewResult {
  return {
    uri: state.uri,
    version: state.version,
    html: out.html,
    title: out.title,
    isReport: state.isReport,
    inserts: state.isReport ? state.model.missing.map((m) => ({ title: m.title, edits: m.edits })) : [],
  };
}

/** media/preview.css beside dist/ (the package) or at the repository root (running from source). */
export function previewCss(): string {
  for (const file of [path.join(__dirname, '..', 'media', 'preview.css'), path.join(__dirname, '..', '..', '..', 'media', 'preview.css')]) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      // next candidate
    }
  }
  return '';
}

interface Job {
  key: string;
  input: RenderInput;
  resolve(out: RenderOutput | null): void;
  reject(error: unknown): void;
}

const IDLE_MS = 60_000;
/** Longest a rendering may take in the worker (a 1 MB report takes about half a second). */
const RENDER_LIMIT_MS = 30_000;

/**
 * One rendering at a time; a newer request for the same document replaces one still
 * waiting (the older resolves to null). Errors reject; a crashed worker is replaced.
 */
export class PreviewRenderer {
  private worker: Worker | null = null;
  private workerFailed = false;
  private running: Job | null = null;
  private queue: Job[] = [];
  private idle: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;

  /** `entry`: the script that runs `runPreviewWorker` when it is not the main thread (dist/server.js). */
  constructor(private readonly entry: string | null) {}

  render(key: string, input: RenderInput): Promise<RenderOutput | null> {
    return new Promise((resolve, reject) => {
      for (const waiting of this.queue.filter((j) => j.key === key)) {
        this.queue.splice(this.queue.indexOf(waiting), 1);
        waiting.resolve(null);
      }
      this.queue.push({ key, input, resolve, reject });
      this.next();
    });
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
      // In-process, after the messages already received (a didChange's analysis goes first).
      setImmediate(() => {
        try {
          this.finish(renderInProcess(job.input));
        } catch (e) {
          this.fail(e);
        }
      });
      return;
    }
    worker.postMessage(job.input);
    // A rendering that never ends must not stop every later one: the worker is replaced.
    this.watchdog = setTimeout(() => {
      if (this.running !== job || this.worker !== worker) return;
      this.worker = null;
      void worker.terminate();
      this.fail(new Error(`the preview took longer than ${RENDER_LIMIT_MS / 1000} s and was stopped`));
    }, RENDER_LIMIT_MS);
    this.watchdog.unref();
  }

  private finish(out: RenderOutput): void {
    clearTimeout(this.watchdog);
    const job = this.running;
    this.running = null;
    job?.resolve(out);
    this.next();
  }

  private fail(error: unknown): void {
    clearTimeout(this.watchdog);
    const job = this.running;
    this.running = null;
    job?.reject(error);
    this.next();
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    if (this.workerFailed || !this.entry || !this.entry.endsWith('.js')) return null;
    try {
      // Small young-generation spaces: a rendering is a burst as rare as a preview's update, and
      // the worker's memory matters more than its collections' pace (the server has larger ones,
      // see shared/serverLaunch.ts, for the keystrokes it analyses).
      const worker = startRoleWorker<{ ok: true; out: RenderOutput } | { ok: false; error: string }>(this.entry, 'preview', { maxYoungGenerationSizeMb: 4 }, {
        message: (m) => {
          if (m.ok) this.finish(m.out);
          else this.fail(new Error(m.error));
        },
        // Only the current worker's end fails the rendering it was doing (a replaced one's does not).
        ended: (ended, detail) => {
          if (this.worker !== ended) return;
          this.worker = null;
          if (this.running) this.fail(new Error(`the preview worker stopped (${detail})`));
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
    if (!this.worker) return;
    this.idle = setTimeout(() => this.stop(), IDLE_MS);
    this.idle.unref();
  }

  /** Stops the worker (idle, or the server shuts down); a rendering in progress fails. */
  stop(): void {
    clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
    if (worker && this.running) this.fail(new Error('the preview worker was stopped'));
  }
}
