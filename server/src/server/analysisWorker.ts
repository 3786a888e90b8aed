/** The analysis worker thread: analyses what offThread.ts sends, one document at a time. */
import { parentPort } from 'node:worker_threads';
import * as v8 from 'node:v8';
import { analyze, type ReportModel } from '../core';
import { useLocale } from '../l10n';
import { summarize } from './status';
import { HEAVY_KEYS, type AnalysisAnswer, type AnalysisJob } from './offThread';

export function runAnalysisWorker(): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (job: AnalysisJob) => {
    let answer: AnalysisAnswer;
    let transfer: ArrayBuffer[] = [];
    try {
      useLocale(job.locale);
      const model = analyze(job.text, job.options, job.version, job.context);
      const summary = summarize(model);
      const light: Record<string, unknown> = { ...model };
      const heavy: Partial<Record<(typeof HEAVY_KEYS)[number], ArrayBuffer>> = {};
      for (const k of HEAVY_KEYS) {
        if (!(k in model)) continue;
        const bytes = v8.serialize(model[k]);
        const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
        heavy[k] = buffer;
        transfer.push(buffer);
        delete light[k];
      }
      answer = { id: job.id, ok: true, light: light as Omit<ReportModel, (typeof HEAVY_KEYS)[number]>, heavy, summary };
    } catch (e) {
      answer = { id: job.id, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(answer, transfer);
  });
}
