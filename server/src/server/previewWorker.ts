/** The preview's worker thread: renders what server/preview.ts sends, one message at a time. */
import { parentPort } from 'node:worker_threads';
import { renderInProcess, type RenderInput } from './preview';

export function runPreviewWorker(): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (input: RenderInput) => {
    try {
      port.postMessage({ ok: true, out: renderInProcess(input) });
    } catch (e) {
      port.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  });
}
