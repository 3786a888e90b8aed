/**
 * report-language-server: LSP over --stdio, --node-ipc or --socket (vscode-languageserver
 * reads the transport from the command line). Console output goes to the client's log.
 *
 * The same bundle is the preview's worker thread (server/preview.ts starts it with
 * `workerData.role === 'preview'`) and the analysis worker of documents too large for the
 * main thread (server/offThread.ts, `workerData.role === 'analysis'`). A process started
 * without the V8 flags of shared/serverLaunch.ts (`node dist/server.js --stdio`) starts
 * itself again with them.
 */
import { spawn } from 'node:child_process';
import { isMainThread, workerData } from 'node:worker_threads';
import { hasServerFlags, RELAUNCHED_ENV, SERVER_NODE_OPTIONS } from '../../shared/serverLaunch';

function relaunch(): boolean {
  if (!__filename.endsWith('.js') || process.env[RELAUNCHED_ENV] || hasServerFlags(process.execArgv, process.env.NODE_OPTIONS)) return false;
  // --node-ipc needs the channel to this process: keep it (the extension passes the flags anyway).
  if (process.argv.includes('--node-ipc') || process.send) return false;
  const child = spawn(process.execPath, [...process.execArgv, ...SERVER_NODE_OPTIONS, __filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, [RELAUNCHED_ENV]: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', () => process.exit(1));
  return true;
}

const role = isMainThread ? null : (workerData as { role?: string } | null)?.role;
if (role === 'preview') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./server/previewWorker') as typeof import('./server/previewWorker')).runPreviewWorker();
} else if (role === 'analysis') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./server/analysisWorker') as typeof import('./server/analysisWorker')).runAnalysisWorker();
} else if (!relaunch()) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createConnection, ProposedFeatures } = require('vscode-languageserver/node') as typeof import('vscode-languageserver/node');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startServer } = require('./server/server') as typeof import('./server/server');
  const connection = createConnection(ProposedFeatures.all);
  console.log = connection.console.log.bind(connection.console);
  console.error = connection.console.error.bind(connection.console);
  startServer(connection, __filename);
}
