/**
 * `npm run eval`: the engine against a careful reader on the real reports of ../shared/corpus.
 *
 * For each tests/corpus/truth/NN.json whose corpus file exists, runs `node dist/cli.js --format
 * json FILE` as a user would (no --template: the kind is recognised from the title or the file
 * name), then prints per file and overall the precision and recall of level-1 and level-2
 * headings and of placeholders, and, on published reports, the error findings and the
 * level-skip/empty-section findings. Exits 1 when an overall target is missed.
 *
 *   node --import tsx scripts/eval.ts [--verbose]
 *
 * --verbose also lists every unmatched item (file:line, expected vs got) and the counted findings.
 * Without ../shared/corpus it prints one line and exits 0, or 1 when CI is set.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { JsonOutput } from '../server/src/cli/format-json';
import {
  failedTargets,
  percent,
  pool,
  precision,
  recall,
  scoreFile,
  TARGET,
  type FileScore,
  type Tally,
  type TruthFile,
} from './eval-score';

const ROOT = resolve(__dirname, '..');
const CORPUS = resolve(ROOT, '../shared/corpus');
const TRUTH = join(ROOT, 'tests/corpus/truth');
const CLI = join(ROOT, 'dist/cli.js');

function main(): number {
  const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
  if (!existsSync(CORPUS)) {
    console.log(`eval: no corpus at ${CORPUS}; nothing measured${process.env.CI ? ' (required in CI)' : ''}`);
    return process.env.CI ? 1 : 0;
  }
  if (!existsSync(CLI)) {
    console.error(`eval: ${CLI} is missing; run node esbuild.mjs first (npm run eval does)`);
    return 1;
  }
  const truths = readdirSync(TRUTH)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(TRUTH, f), 'utf8')) as TruthFile);

  const scores: FileScore[] = [];
  for (const truth of truths) {
    const path = join(CORPUS, truth.file);
    if (!existsSync(path)) {
      console.log(`eval: ${truth.file} is not in the corpus; skipped`);
      continue;
    }
    const run = spawnSync(process.execPath, [CLI, '--format', 'json', path], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, LC_ALL: 'C', LC_MESSAGES: '', LANG: 'C' },
    });
    // Exit 1 only means findings at or above --fail-on; 2 is a usage or input error.
    if (run.status !== 0 && run.status !== 1) {
      console.error(`eval: report-lint failed on ${truth.file} (exit ${run.status}): ${run.stderr.trim()}`);
      return 1;
    }
    let out: JsonOutput;
    try {
      out = JSON.parse(run.stdout) as JsonOutput;
    } catch {
      console.error(`eval: report-lint printed no JSON for ${truth.file}: ${run.stderr.trim() || run.stdout.slice(0, 200)}`);
      return 1;
    }
    const engine = out.files[0];
    if (!engine) {
      console.error(`eval: report-lint printed no file for ${truth.file}`);
      return 1;
    }
    scores.push(scoreFile(truth, engine));
  }

  printTable(scores);
  if (verbose) printUnmatched(scores);

  const totals = pool(scores);
  const failed = failedTargets(totals);
  console.log('');
  if (failed.length === 0) {
    console.log(`eval: all targets met (every P/R ≥ ${percent(TARGET)}; 0 errors and 0 level-skip/empty-section on published reports)`);
    return 0;
  }
  console.log(`eval: ${failed.length} target(s) missed:`);
  for (const f of failed) console.log(`  - ${f}`);
  return 1;
}

const pr = (t: Tally) => `${percent(precision(t)).padStart(6)} ${percent(recall(t)).padStart(6)} ${`${t.matched}/${t.found}/${t.expected}`.padStart(11)}`;

function printTable(scores: readonly FileScore[]): void {
  const head = `${'file'.padEnd(6)} ${'pub'.padEnd(3)} | ${'L1 P'.padStart(6)} ${'L1 R'.padStart(6)} ${'m/f/e'.padStart(11)} | ${'L2 P'.padStart(6)} ${'L2 R'.padStart(6)} ${'m/f/e'.padStart(11)} | ${'ph P'.padStart(6)} ${'ph R'.padStart(6)} ${'m/f/e'.padStart(11)} | err  skip/empty`;
  console.log(head);
  console.log('-'.repeat(head.length));
  const row = (name: string, pub: string, l1: Tally, l2: Tally, ph: Tally, errors: string, structure: string) =>
    console.log(`${name.padEnd(6)} ${pub.padEnd(3)} | ${pr(l1)} | ${pr(l2)} | ${pr(ph)} | ${errors.padStart(3)}  ${structure.padStart(3)}`);
  for (const s of scores) {
    const n = s.file.slice(0, 2);
    row(n, s.published ? 'yes' : 'no', s.level1, s.level2, s.placeholders,
      s.published ? String(s.errors) : '–', s.published ? String(s.structureWarnings) : '–');
  }
  const t = pool(scores);
  console.log('-'.repeat(head.length));
  row('all', '', t.level1, t.level2, t.placeholders, String(t.errors), String(t.structureWarnings));
  console.log('m/f/e = matched / found by the engine / expected by the reader; err and skip/empty count published reports only.');
}

function printUnmatched(scores: readonly FileScore[]): void {
  for (const s of scores) {
    const lines: string[] = [];
    for (const h of s.missedHeadings) lines.push(`${s.file.slice(0, 2)}:${h.line} missed L${h.level} heading ${h.marker || '(unnumbered)'}`);
    for (const h of s.extraHeadings) {
      const truthHere = s.missedHeadings.find((m) => m.line === h.line);
      const why = truthHere ? `the reader says L${truthHere.level}` : 'not a level-1/2 heading to the reader';
      lines.push(`${s.file.slice(0, 2)}:${h.line} extra L${h.level} heading ${h.marker || '(unnumbered)'} ${clip(h.title)} (${why})`);
    }
    for (const p of s.missedPlaceholders) {
      lines.push(`${s.file.slice(0, 2)}:${p.line} missed placeholder ${p.text}${p.blank ? ' (blank field)' : ''} at ${p.start}-${p.end}`);
    }
    for (const p of s.extraPlaceholders) lines.push(`${s.file.slice(0, 2)}:${p.line} extra placeholder ${clip(p.text)} at ${p.start}-${p.end === Number.MAX_SAFE_INTEGER ? 'eol' : p.end}`);
    if (s.published) {
      for (const d of s.findings) lines.push(`${s.file.slice(0, 2)}:${d.line} ${d.severity} ${d.code}: ${clip(d.message, 80)}`);
    }
    if (lines.length === 0) continue;
    console.log(`\n${s.file}`);
    for (const l of lines.sort((a, b) => lineOf(a) - lineOf(b))) console.log(`  ${l}`);
  }
}

const lineOf = (s: string) => Number(/^\d+:(\d+)/.exec(s)?.[1] ?? 0);
const clip = (s: string, n = 30) => (s.length > n ? `${s.slice(0, n)}…` : s);

process.exitCode = main();
