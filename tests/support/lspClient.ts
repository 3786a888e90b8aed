/**
 * A small LSP client for protocol tests: spawns the bundled server over stdio and speaks
 * JSON-RPC through vscode-jsonrpc. Waits are on messages, never on timers (each wait has
 * a deadline so a broken server fails the test instead of hanging it).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

import { SERVER_NODE_OPTIONS } from '../../shared/serverLaunch';

/** The bundled server; REPORT_AUTHOR_TEST_SERVER names another build (to compare against, in the bench). */
export const SERVER = process.env.REPORT_AUTHOR_TEST_SERVER || join(__dirname, '../../dist/server.js');

export interface LspSession {
  connection: MessageConnection;
  process: ChildProcessWithoutNullStreams;
  /** Resolves with the first notification of `method` that satisfies `predicate`. */
  waitFor<T>(method: string, predicate?: (params: T) => boolean, ms?: number): Promise<T>;
  /** Resolves when the server next sends the request `method` to the client. */
  waitForRequest(method: string, ms?: number): Promise<unknown>;
  close(): Promise<void>;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /** Answers to server → client requests (workspace/configuration, client/registerCapability …). */
  requests?: Record<string, (params: unknown) => unknown>;
  /** Node options for the server process (e.g. --cpu-prof while investigating). */
  execArgv?: string[];
  /**
   * How the server is started: `extension` (node with SERVER_NODE_OPTIONS, as the extension
   * does; the default), `bin` (dist/server.js run by its shebang, as an editor runs
   * `report-language-server --stdio`), `node` (`node dist/server.js`, no options).
   */
  launch?: 'extension' | 'bin' | 'node';
}

export function startServer(options: StartOptions | NodeJS.ProcessEnv = {}): LspSession {
  const opts: StartOptions =
    'requests' in options || 'env' in options || 'execArgv' in options || 'launch' in options ? (options as StartOptions) : { env: options as NodeJS.ProcessEnv };
  const env = { ...process.env, ...opts.env };
  const launch = opts.launch ?? 'extension';
  const child =
    launch === 'bin'
      ? spawn(SERVER, ['--stdio'], { env })
      : spawn(process.execPath, [...(launch === 'extension' ? SERVER_NODE_OPTIONS : []), ...(opts.execArgv ?? []), SERVER, '--stdio'], { env });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const answers: Record<string, (params: unknown) => unknown> = { 'client/registerCapability': () => null, 'workspace/diagnostic/refresh': () => null, ...opts.requests };
  const requestWaiters: Array<{ method: string; resolve: (p: unknown) => void }> = [];
  connection.onRequest((method, params) => {
    for (const w of requestWaiters.filter((x) => x.method === method)) {
      requestWaiters.splice(requestWaiters.indexOf(w), 1);
      w.resolve(params);
    }
    return method in answers ? answers[method]!(params) : null;
  });
  const waiters: Array<{ method: string; predicate: (p: unknown) => boolean; resolve: (p: unknown) => void }> = [];
  const seen: Array<{ method: string; params: unknown }> = [];
  connection.onNotification((method, params) => {
    seen.push({ method, params });
    for (const w of [...waiters]) {
      if (w.method === method && w.predicate(params)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  });
  connection.listen();
  return {
    connection,
    process: child,
    waitFor<T>(method: string, predicate: (p: T) => boolean = () => true, ms = 10_000) {
      const earlier = seen.find((s) => s.method === method && predicate(s.params as T));
      if (earlier) {
        seen.splice(seen.indexOf(earlier), 1);
        return Promise.resolve(earlier.params as T);
      }
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${method} within ${ms} ms`)), ms);
        waiters.push({
          method,
          predicate: predicate as (p: unknown) => boolean,
          resolve: (p) => {
            clearTimeout(timer);
            const i = seen.findIndex((s) => s.params === p);
            if (i >= 0) seen.splice(i, 1);
            resolve(p as T);
          },
        });
      });
    },
    waitForRequest(method: string, ms = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${method} request within ${ms} ms`)), ms);
        requestWaiters.push({ method, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    async close() {
      try {
        await connection.sendRequest('shutdown');
        connection.sendNotification('exit');
      } catch {
        // already gone
      }
      await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
      connection.dispose();
    },
  };
}
