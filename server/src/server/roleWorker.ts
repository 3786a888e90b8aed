/**
 * The server's worker threads (the preview's, the large documents' analysis) are the server's
 * own bundle started again with `workerData.role` (see main.ts). This starts one: its output
 * drained, not keeping the process alive, and its end — an error or an exit, whichever comes
 * first — reported once.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

export type WorkerRole = 'analysis' | 'preview';

export interface RoleWorkerEvents<M> {
  message(message: M, worker: Worker): void;
  /** The worker ended on its own: `detail` says how (its error's message, or its exit code). */
  ended(worker: Worker, detail: string): void;
}

export function startRoleWorker<M>(entry: string, role: WorkerRole, resourceLimits: ResourceLimits, on: RoleWorkerEvents<M>): Worker {
  const worker = new Worker(entry, { workerData: { role }, argv: [], resourceLimits, stdout: true, stderr: true });
  worker.unref();
  worker.on('message', (m: M) => on.message(m, worker));
  let ended = false;
  worker.on('error', (e) => {
    if (ended) return;
    ended = true;
    void worker.terminate();
    on.ended(worker, e.message);
  });
  worker.on('exit', (code) => {
    if (ended) return;
    ended = true;
    on.ended(worker, `exit code ${code}`);
  });
  worker.stdout.resume();
  worker.stderr.resume();
  return worker;
}
