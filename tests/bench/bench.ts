/**
 * `npm run bench`: the analysis engine against two Markdown peers, on the real example
 * report and on a generated ~1 MB report in two shapes (a blank line between paragraphs;
 * one paragraph a line without blank lines, like the example); then the language server,
 * launched plainly, on both shapes: open → diagnostics against markdownlint, and
 * edit → diagnostics for six kinds of edit (see lsp.ts).
 *
 * The engine is imported from the TypeScript source (run through tsx, which compiles it
 * with esbuild like the bundle, so the generated code is the same). Peers: markdownlint
 * with its default rules, and remark-parse (the parse only, no transforms).
 *
 * Each measurement warms up, then reports the median of several runs (fewer for the slow
 * peers on the large text). Exit code is 0 unless something throws; targets print PASS/FAIL.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lint } from 'markdownlint/promise';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { analyze } from '../../server/src/core';
import { generateLargeReport, utf8Length } from '../support/generate';
import { benchServer, EDIT_KINDS, EDIT_LABELS, type ServerFigures } from './lsp';

const EXAMPLE = fileURLToPath(new URL('../fixtures/reports/annual-work-summary.md', import.meta.url));

interface Measurement {
  input: string;
  /** Input size in UTF-8 bytes. */
  bytes: number;
  tool: string;
  runs: number;
  median: number;
  min: number;
}

interface Options {
  runs: number;
  warmup?: number;
}

const results: Measurement[] = [];
const sizes = new Map<string, number>();

/** Times `fn` (sync or async) `runs` times after `warmup` untimed calls; records the median. */
async function measure(input: string, tool: string, fn: () => unknown, { runs, warmup = 1 }: Options): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  const m = { input, bytes: sizes.get(input) ?? 0, tool, runs, median, min: times[0] };
  results.push(m);
  return m;
}

interface Input {
  name: string;
  text: string;
  /** Runs for the engine and for the (slower) peers. */
  engineRuns: number;
  peerRuns: number;
  /** Untimed peer runs first (default 1). */
  peerWarmup?: number;
  /** remark-parse too (it takes ~44 s on 1 MB without blank lines: skipped there). */
  remark?: boolean;
}

async function benchInput({ name, text, engineRuns, peerRuns, peerWarmup = 1, remark: withRemark = true }: Input) {
  sizes.set(name, utf8Length(text));
  const model = analyze(text);
  console.log(
    `${name}: ${text.length.toLocaleString()} UTF-16 units, ${utf8Length(text).toLocaleString()} UTF-8 bytes; ` +
      `engine finds ${model.headings.length} headings, ${model.placeholders.length} placeholders, ${model.diagnostics.length} diagnostics`,
  );
  const engine = await measure(name, 'engine', () => analyze(text), { runs: engineRuns, warmup: 3 });
  const markdownlint = await measure(name, 'markdownlint', () => lint({ strings: { doc: text } }), { runs: peerRuns, warmup: peerWarmup });
  const remark = withRemark ? await measure(name, 'remark-parse', () => unified().use(remarkParse).parse(text), { runs: peerRuns }) : null;
  return { engine, markdownlint, remark };
}

function printTable() {
  const engineOf = (input: string) => results.find((r) => r.input === input && r.tool === 'engine');
  const header = ['input', 'KB (UTF-8)', 'tool', 'runs', 'median ms', 'min ms', 'engine ÷ tool'];
  const rows = results.map((r) => {
    const e = engineOf(r.input);
    const ratio = e && r.tool !== 'engine' ? `${(e.median / r.median).toFixed(3)}×` : '';
    return [r.input, (r.bytes / 1000).toFixed(1), r.tool, String(r.runs), r.median.toFixed(2), r.min.toFixed(2), ratio];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log('\n' + line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((row) => console.log(line(row)));
}

function target(description: string, ok: boolean, detail: string) {
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${description}  (${detail})`);
}

function printServer(shape: string, server: ServerFigures, markdownlintMs: number) {
  console.log(`\nLanguage server (dist/server.js --stdio, launched plainly) on the 1 MB report, ${shape}`);
  console.log(`open → diagnostics      median ${server.openMedian.toFixed(1)} ms  (${(server.openMedian / markdownlintMs).toFixed(3)}× markdownlint)`);
  for (const kind of EDIT_KINDS) {
    const e = server.edits[kind];
    console.log(`edit → diagnostics      ${EDIT_LABELS[kind].padEnd(42)} median ${e.median.toFixed(1).padStart(6)} ms  p95 ${e.p95.toFixed(1).padStart(6)} ms  (${e.times.length} edits)`);
  }
  console.log(`server memory           ${server.rssMb.toFixed(0)} MB resident right after the edits, ${server.idleRssMb.toFixed(0)} MB once idle`);
}

async function main() {
  const example = readFileSync(EXAMPLE, 'utf8');
  const blank = generateLargeReport();
  const dense = generateLargeReport({ blankLines: false });

  const small = await benchInput({ name: 'example 2022', text: example, engineRuns: 200, peerRuns: 15 });
  const big = await benchInput({ name: 'generated 1 MB', text: blank, engineRuns: 10, peerRuns: 3 });
  // markdownlint takes ~25 s here (micromark on one giant paragraph): one timed run, no warm-up.
  const bigDense = await benchInput({ name: '1 MB, no blank lines', text: dense, engineRuns: 10, peerRuns: 1, peerWarmup: 0, remark: false });
  const shapes = [
    { shape: 'blank line between paragraphs', server: await benchServer(blank), markdownlint: big.markdownlint.median },
    { shape: 'one paragraph a line, no blank lines', server: await benchServer(dense), markdownlint: bigDense.markdownlint.median },
  ];

  printTable();
  for (const { shape, server, markdownlint } of shapes) printServer(shape, server, markdownlint);
  console.log('\nTargets');
  const ratio = big.engine.median / big.markdownlint.median;
  target('engine ≤ 0.25 × markdownlint on 1 MB', ratio <= 0.25, `${ratio.toFixed(3)}×`);
  target('engine < 5 ms on the example (median)', small.engine.median < 5, `${small.engine.median.toFixed(2)} ms`);
  const worst = Math.max(...shapes.map((s) => s.server.openMedian / s.markdownlint));
  target('server open → diagnostics ≤ 0.15 × markdownlint, worse shape', worst <= 0.15, `${worst.toFixed(3)}×`);
  for (const kind of EDIT_KINDS) {
    const p95 = Math.max(...shapes.map((s) => s.server.edits[kind].p95));
    target(`server edit → diagnostics p95 ≤ 15 ms: ${EDIT_LABELS[kind]}, worse shape`, p95 <= 15, `${p95.toFixed(1)} ms`);
  }
  const rss = Math.max(...shapes.map((s) => s.server.idleRssMb));
  const busy = Math.max(...shapes.map((s) => s.server.rssMb));
  target('server memory with the 1 MB report open ≤ 120 MB, once idle', rss <= 120, `${rss.toFixed(0)} MB; ${busy.toFixed(0)} MB right after the edits`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
