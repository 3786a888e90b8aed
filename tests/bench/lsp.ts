/**
 * The language server measured over stdio, as an editor drives it: open → diagnostics,
 * keystroke → diagnostics for that version, and the server's resident memory.
 */
import { readFileSync } from 'node:fs';
import { startServer, type LspSession } from '../support/lspClient';

export interface ServerFigures {
  /** Median ms from didOpen to the diagnostics of that document. */
  openMedian: number;
  /** ms from each single-character didChange to the diagnostics of its version. */
  keystrokes: number[];
  keystrokeP95: number;
  /** Resident set size of the server process with the report open, MB. */
  rssMb: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function diagnosticsFor(s: LspSession, uri: string, version: number): Promise<void> {
  await s.waitFor<{ uri: string; version?: number }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version, 60_000);
}

async function session(execArgv: string[]): Promise<LspSession> {
  const s = startServer({ execArgv });
  await s.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  s.connection.sendNotification('initialized', {});
  return s;
}

/**
 * Opens are timed on one server (the first open warms it up and is not counted); typing and
 * memory on a fresh one that has only the report open. Ten untimed keystrokes warm up the
 * incremental path before the timed ones, as the engine's own runs are warmed up.
 */
export async function benchServer(text: string, { opens = 3, edits = 30, warmup = 10, execArgv = [] as string[] } = {}): Promise<ServerFigures> {
  const openTimes: number[] = [];
  const first = await session(execArgv);
  try {
    for (let i = 0; i <= opens; i++) {
      const uri = `file:///bench/open-${i}.md`;
      const start = performance.now();
      first.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      await diagnosticsFor(first, uri, 1);
      if (i > 0) openTimes.push(performance.now() - start);
      first.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  } finally {
    await first.close();
  }
  const s = await session(execArgv);
  try {
    const uri = 'file:///bench/typing.md';
    s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await diagnosticsFor(s, uri, 1);
    const lines = text.split('\n');
    const keystrokes: number[] = [];
    const total = warmup + edits;
    for (let i = 0; i < total; i++) {
      // Type into text lines spread over the document, as a writer filling values would.
      let line = Math.floor(((i + 1) * lines.length) / (total + 1));
      while (lines[line]!.length < 4) line++;
      const character = Math.floor(lines[line]!.length / 2);
      lines[line] = lines[line]!.slice(0, character) + '字' + lines[line]!.slice(character);
      const version = i + 2;
      const start = performance.now();
      s.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: '字' }],
      });
      await diagnosticsFor(s, uri, version);
      if (i >= warmup) keystrokes.push(performance.now() - start);
    }
    openTimes.sort((a, b) => a - b);
    return {
      openMedian: openTimes[openTimes.length >> 1]!,
      keystrokes,
      keystrokeP95: percentile(keystrokes, 95),
      rssMb: rssOf(s.process.pid!),
    };
  } finally {
    await s.close();
  }
}
