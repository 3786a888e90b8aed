/**
 * The analysis worker thread: analyses what offThread.ts sends, one document at a time, and
 * keeps the newest model of each document to answer its editor features.
 */
import { parentPort } from 'node:worker_threads';
import * as v8 from 'node:v8';
import { analyze, type ReportModel } from '../core';
import { codeActions, completions, documentSymbols, foldingRanges, hover, resolveCodeAction } from '../core/features';
import { useLocale } from '../l10n';
import { summarize } from './status';
import { renderedModel, renderInProcess } from './preview';
import { HEAVY_KEYS, type AnalysisAnswer, type AnalysisJob, type FeatureAnswer, type FeatureRequest, type ToWorker } from './offThread';

interface Held {
  analysis: number;
  model: ReportModel;
  text: string;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
const FEATURES: Record<FeatureRequest['name'], (h: Held, r: FeatureRequest) => unknown> = {
  symbols: (h) => documentSymbols(h.model),
  folding: (h) => foldingRanges(h.model),
  hover: (h, r) => hover(h.model, r.args[0] as any, r.template),
  completion: (h, r) => completions(h.model, h.text, r.args[0] as any, r.template),
  codeActions: (h, r) => codeActions(h.model, r.args[0] as any, r.args[1] as any, r.args[2] as any, r.args[3] as any, h.text, r.args[4] as any),
  resolve: (h, r) => resolveCodeAction(r.args[0] as any, h.model),
  preview: (h, r) => renderInProcess({ text: h.text, model: renderedModel(h.model, r.args[1] as boolean), options: r.args[0] as any, locale: r.locale }),
};
/* eslint-enable @typescript-eslint/no-explicit-any */

export function runAnalysisWorker(): void {
  const port = parentPort;
  if (!port) return;
  const held = new Map<string, Held>();
  port.on('message', (m: ToWorker) => {
    if (m.type === 'forget') {
      held.delete(m.key);
    } else if (m.type === 'feature') {
      const h = held.get(m.key);
      let answer: FeatureAnswer;
      if (!h || h.analysis !== m.analysis) answer = { type: 'feature', id: m.id, ok: false, missing: true, error: 'not held' };
      else {
        try {
          useLocale(m.locale);
          answer = { type: 'feature', id: m.id, ok: true, value: FEATURES[m.name](h, m) };
        } catch (e) {
          answer = { type: 'feature', id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) };
        }
      }
      port.postMessage(answer);
    } else {
      const { answer, transfer } = analysed(m, held);
      port.postMessage(answer, transfer);
    }
  });
}

function analysed(job: AnalysisJob, held: Map<string, Held>): { answer: AnalysisAnswer; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  try {
    useLocale(job.locale);
    held.delete(job.key); // the older model is of no use any more, and its memory is needed
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
    held.set(job.key, { analysis: job.id, model, text: job.text });
    return { answer: { type: 'analysis', id: job.id, ok: true, light: light as Omit<ReportModel, (typeof HEAVY_KEYS)[number]>, heavy, summary }, transfer };
  } catch (e) {
    return { answer: { type: 'analysis', id: job.id, ok: false, error: e instanceof Error ? e.message : String(e) }, transfer: [] };
  }
}
