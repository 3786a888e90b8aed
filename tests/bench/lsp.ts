/**
 * The language server measured over stdio as an editor drives it, launched plainly
 * (`dist/server.js --stdio` run by its shebang, as `report-language-server --stdio` is):
 * open → diagnostics, edit → diagnostics for that version for each kind of edit a writer
 * makes, and the server's resident memory with the report open.
 */
import { readFileSync } from 'node:fs';
import { startServer, type LspSession } from '../support/lspClient';
import { analyze } from '../../server/src/core';

export const EDIT_KINDS = ['type', 'enter', 'join', 'paste', 'renumber', 'delete5'] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

export const EDIT_LABELS: Record<EditKind, string> = {
  type: 'type a character mid-paragraph',
  enter: 'Enter mid-paragraph',
  join: 'join two lines',
  paste: 'paste 10 lines (a heading, placeholders)',
  renumber: "change a heading's number",
  delete5: 'delete 5 lines',
};

export interface EditFigures {
  times: number[];
  median: number;
  p95: number;
}

export interface ServerFigures {
  /** Median ms from didOpen to the diagnostics of that document. */
  openMedian: number;
  edits: Record<EditKind, EditFigures>;
  /** Resident set size of the server process with the report open, right after the edits, MB. */
  rssMb: number;
  /** The same once the server has been idle (it collects its garbage after a second of quiet), MB. */
  idleRssMb: number;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resident memory once the server has settled: past its idle collection, two readings a quarter second apart within 1 MB. */
async function settledRss(pid: number): Promise<number> {
  await pause(1500);
  let last = rssOf(pid);
  for (let i = 0; i < 20; i++) {
    await pause(250);
    const now = rssOf(pid);
    if (Math.abs(now - last) < 1) return now;
    last = now;
  }
  return last;
}

async function diagnosticsFor(s: LspSession, uri: string, version: number): Promise<void> {
  await s.waitFor<{ uri: string; version?: number }>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version, 120_000);
}

async function session(launch: 'bin' | 'extension'): Promise<LspSession> {
  const s = startServer({ launch });
  await s.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  s.connection.sendNotification('initialized', {});
  return s;
}

interface Change {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

const PASTE = [
  '（二十一）新增**项重点工作。',
  '1．开展培训**次，参训***人次。',
  '2．投入资金***万元，完成率**%。',
  '3．××单位于20××年**月完成验收。',
  '4．走访企业**家，解决问题**个。',
  '5．新建项目**个，总投资***万元。',
  '6．组织检查**次，发现问题**处。',
  '7．[填写具体成效]。',
  '8．同比增长**%，环比增长**%。',
  '9．覆盖**个乡镇、***个行政村。',
].join('\n');

const isText = (l: string | undefined) => !!l && l.length >= 8 && !/^[#（一二三四五六七八九十]/.test(l) && !/^[一二三四五六七八九十]+、/.test(l);

/**
 * One edit of `kind` near line `near` of the document mirrored in `lines` (updated in
 * place), as the LSP change an editor would send.
 */
export function makeEdit(lines: string[], kind: EditKind, near: number): Change {
  let n = Math.min(Math.max(0, near), lines.length - 2);
  const findFrom = (ok: (i: number) => boolean) => {
    for (let i = n; i < lines.length - 1; i++) if (ok(i)) return i;
    for (let i = n; i >= 0; i--) if (ok(i)) return i;
    throw new Error(`no line for ${kind}`);
  };
  switch (kind) {
    case 'type': {
      n = findFrom((i) => isText(lines[i]));
      const c = lines[n]!.length >> 1;
      lines[n] = lines[n]!.slice(0, c) + '字' + lines[n]!.slice(c);
      return { range: { start: { line: n, character: c }, end: { line: n, character: c } }, text: '字' };
    }
    case 'enter': {
      n = findFrom((i) => isText(lines[i]));
      const c = lines[n]!.length >> 1;
      lines.splice(n, 1, lines[n]!.slice(0, c), lines[n]!.slice(c));
      return { range: { start: { line: n, character: c }, end: { line: n, character: c } }, text: '\n' };
    }
    case 'join': {
      n = findFrom((i) => isText(lines[i]) && lines[i + 1] !== undefined);
      const c = lines[n]!.length;
      lines.splice(n, 2, lines[n]! + lines[n + 1]!);
      return { range: { start: { line: n, character: c }, end: { line: n + 1, character: 0 } }, text: '' };
    }
    case 'paste': {
      n = findFrom((i) => isText(lines[i]) && /^\d+．/.test(lines[i]!));
      lines.splice(n, 0, ...PASTE.split('\n'));
      return { range: { start: { line: n, character: 0 }, end: { line: n, character: 0 } }, text: PASTE + '\n' };
    }
    case 'renumber': {
      n = findFrom((i) => /^（[一二三四五六七八九十]+）/.test(lines[i]!));
      const m = /^（([一二三四五六七八九十]+)）/.exec(lines[n]!)!;
      const next = m[1] === '十' ? '九' : '十';
      lines[n] = `（${next}）` + lines[n]!.slice(m[0].length);
      return { range: { start: { line: n, character: 1 }, end: { line: n, character: 1 + m[1]!.length } }, text: next };
    }
    case 'delete5': {
      n = Math.min(n, lines.length - 6);
      lines.splice(n, 5);
      return { range: { start: { line: n, character: 0 }, end: { line: n + 5, character: 0 } }, text: '' };
    }
  }
}

/**
 * Opens are timed on one server (the first open warms it up and is not counted); edits and
 * memory on a fresh one that has only the report open. Each kind of edit runs `warmup`
 * untimed times, then `edits` timed ones, at lines spread over the document.
 */
export async function benchServer(
  text: string,
  { opens = 3, edits = 20, warmup = 5, launch = 'bin' as 'bin' | 'extension' } = {},
): Promise<ServerFigures> {
  const openTimes: number[] = [];
  const first = await session(launch);
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
  const s = await session(launch);
  try {
    const uri = 'file:///bench/editing.md';
    s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await diagnosticsFor(s, uri, 1);
    const lines = text.split('\n');
    let version = 1;
    const figures = {} as Record<EditKind, EditFigures>;
    for (const kind of EDIT_KINDS) {
      const times: number[] = [];
      const total = warmup + edits;
      for (let i = 0; i < total; i++) {
        const change = makeEdit(lines, kind, Math.floor(((i + 1) * lines.length) / (total + 1)));
        version++;
        const start = performance.now();
        s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        await diagnosticsFor(s, uri, version);
        if (i >= warmup) times.push(performance.now() - start);
      }
      figures[kind] = { times, median: percentile(times, 50), p95: percentile(times, 95) };
    }
    const rssMb = rssOf(s.process.pid!);
    const idleRssMb = await settledRss(s.process.pid!);
    // The mirror and the server's document agree (every change was applied as meant).
    // (A build without the request, compared against through REPORT_AUTHOR_TEST_SERVER, is not checked.)
    const held = await s.connection
      .sendRequest<{ version: number; placeholders: unknown[] } | null>('reportAuthor/documentPlaceholders', { uri })
      .catch((e: { code?: number }) => (e.code === -32601 ? undefined : Promise.reject(e)));
    const expected = analyze(lines.join('\n')).placeholders.length;
    if (held !== undefined && (held?.version !== version || held.placeholders.length !== expected)) {
      throw new Error(`the server's document differs from the bench's: ${held?.placeholders.length} placeholders at version ${held?.version}, expected ${expected} at ${version}`);
    }
    openTimes.sort((a, b) => a - b);
    return { openMedian: openTimes[openTimes.length >> 1]!, edits: figures, rssMb, idleRssMb };
  } finally {
    await s.close();
  }
}
