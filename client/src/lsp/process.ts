/**
 * The server process: `dist/server.js` forked with a Node IPC channel (`--node-ipc`, which
 * vscode-languageserver reads), JSON-RPC over that channel. `--clientProcessId` lets the
 * server end itself if the extension host dies without stopping it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface ServerOptions {
  module: string;
  execArgv: readonly string[];
  /** Used instead of `execArgv` when the extension host itself runs under a debugger. */
  debugExecArgv: readonly string[];
}

export interface ServerProcess {
  child: ChildProcess;
  connection: MessageConnection;
  /** Settles when the process has exited (or could not be started). */
  exited: Promise<void>;
}

/** Whether this process (the extension host) was started to be debugged. */
export function inDebugMode(execArgv: readonly string[]): boolean {
  return execArgv.some((a) => /^--(debug|inspect)(-brk)?(=|$)/.test(a));
}

export function startServerProcess(options: ServerOptions, log: (text: string) => void): ServerProcess {
  const child = fork(options.module, ['--node-ipc', `--clientProcessId=${process.pid}`], {
    execArgv: [...(inDebugMode(process.execArgv) ? options.debugExecArgv : options.execArgv)],
    // In desktop VS Code process.execPath is Electron: run it as Node.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.on('data', (data) => log(String(data)));
  child.stderr?.on('data', (data) => log(String(data)));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (e) => {
      log(`Failed to start the server: ${e.message}`);
      resolve();
    });
  });
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  return { child, connection, exited };
}
