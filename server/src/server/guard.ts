/**
 * No document can take the server down. Every handler registered on the connection is
 * wrapped: an exception becomes an empty answer (null) and one line in the log, never an
 * error per keystroke, never an exit. An analysis that throws becomes one diagnostic on
 * its own document (as unified-language-server does) while the others are still served.
 * Rejections and exceptions that escape anyway (fire-and-forget work) are logged once.
 */
import { ResponseError, type Connection } from 'vscode-languageserver';
import { analyze, DIAGNOSTIC_SOURCE, messages, type ReportModel } from '../core';

type Log = (text: string) => void;
let log: Log = (text) => process.stderr.write(text + '\n');
const logged = new Set<string>();

/** Logs `error` the first time this (where, message) pair is seen. */
export function logOnce(where: string, error: unknown): void {
  const message = (error as Error)?.message ?? String(error);
  const key = `${where}\u0000${message}`;
  if (logged.has(key)) return;
  if (logged.size > 1000) logged.clear();
  logged.add(key);
  log(`report-author: ${where} failed: ${(error as Error)?.stack ?? message}`);
}

/** Objects of the connection whose `on…` methods register handlers too. */
const NESTED = new Set(['languages', 'diagnostics', 'workspace', 'window', 'notebooks', 'synchronization', 'client']);

/** Answers that clients accept in place of a failed request's result. */
function fallback(where: string): unknown {
  return where.endsWith('diagnostics.on') ? { kind: 'full', items: [] } : null;
}

function wrapHandler(where: string, handler: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  const fail = (e: unknown) => {
    if (e instanceof ResponseError) throw e; // cancellations and deliberate errors keep their meaning
    logOnce(where, e);
    return fallback(where);
  };
  return function (this: unknown, ...args: unknown[]) {
    try {
      const result = handler.apply(this, args);
      return result instanceof Promise ? result.catch(fail) : result;
    } catch (e) {
      return fail(e);
    }
  };
}

function guardObject<T extends object>(target: T, path: string): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof prop !== 'string') return value;
      if (typeof value === 'function' && prop.startsWith('on')) {
        const where = `${path}.${prop}`;
        return (...args: unknown[]) => {
          const method = args.find((a) => typeof a === 'string') ?? (args[0] as { method?: string } | undefined)?.method;
          const label = typeof method === 'string' ? `${where}(${method})` : where;
          return (value as (...a: unknown[]) => unknown).apply(
            obj,
            args.map((a) => (typeof a === 'function' ? wrapHandler(label, a as (...x: unknown[]) => unknown) : a)),
          );
        };
      }
      if (value && typeof value === 'object' && NESTED.has(prop)) return guardObject(value as object, `${path}.${prop}`);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(obj) : value;
    },
  });
}

let processGuarded = false;

/**
 * The connection with every handler registration guarded; also keeps the process alive on
 * an escaped rejection or exception (logged once each).
 */
export function guardConnection(connection: Connection, options: { processHandlers?: boolean } = {}): Connection {
  log = (text) => connection.console.error(text);
  if (options.processHandlers !== false && !processGuarded) {
    processGuarded = true;
    process.on('unhandledRejection', (e) => logOnce('background work', e));
    process.on('uncaughtException', (e) => logOnce('background work', e));
  }
  return guardObject(connection, 'connection');
}

/** The model of a document whose analysis threw: empty, with one error saying so at its start. */
export function failedModel(error: unknown, version: number, uri: string): ReportModel {
  logOnce(`analysing ${uri}`, error);
  const model = analyze('', undefined, version);
  const zero = { line: 0, character: 0 };
  model.diagnostics.push({
    range: { start: zero, end: zero },
    severity: 1,
    source: DIAGNOSTIC_SOURCE,
    message: messages.analysisFailed(String((error as Error)?.message ?? error)),
  });
  return model;
}
