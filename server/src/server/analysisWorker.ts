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
      const heavyPart: Record<string, unknown> = {};
      const heavyKeys = HEAVY_KEYS.filter((k) => k in model);
      for (const k of heavyKeys) {
        heavyPart[k] = model[k];
        delete light[k];
      }
      const bytes = v8.serialize(heavyPart);
      const heavy = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      transfer = [heavy];
      answer = { id: job.id, ok: true, light: light as Omit<ReportModel, (typeof HEAVY_KEYS)[number]>, heavy, heavyKeys, summary };
    } catch (e) {
      answer = { id: job.id, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(answer, transfer);
  });
}
