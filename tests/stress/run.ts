/**
 * `npm run stress`: every hostile shape of issue 11 at the sizes the issue reports, each in
 * a child process, with its wall time, its budget (2 s + 1 s per MB) and its peak memory.
 * The machine may be shared: before each CLI shape the CLI checks a tiny report ("tiny"),
 * and the budget is stretched by the factor that run is slower than on an idle machine.
 *
 *   npm run stress                  # full sizes
 *   npm run stress -- --scale ci    # the small sizes of npm test
 *   npm run stress -- --only glob   # shapes whose name contains "glob"
 *
 * Exit code 1 when any shape fails. The owner column says which issue's item a shape
 * checks (i9: placeholder reading, i11: hostile input).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHAPES, type Outcome, type Scale } from './shapes';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const ENGINE = join(__dirname, 'engine.ts');
const TIME = '/usr/bin/time';
/** Seconds the CLI needs to start and check a tiny report on an idle machine. */
const NOMINAL_STARTUP = 0.5;

const argv = process.argv.slice(2);
const scale: Scale = argv.includes('--scale') && argv[argv.indexOf('--scale') + 1] === 'ci' ? 'ci' : 'full';
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1]! : '';

interface Measured extends Outcome {
  seconds: number;
  peakMb: number | null;
  timedOut: boolean;
}

function measure(command: string[], cwd: string, timeoutMs: number): Promise<Measured> {
  const withTime = existsSync(TIME);
  const [exe, ...args] = withTime ? [TIME, '-f', '\n@@stress %e %M', ...command] : command;
  return new Promise((resolve) => {
    const started = performance.now();
    // A process group of its own: a timeout kills the measured process, not only /usr/bin/time.
    const child = spawn(exe!, args, { cwd, detached: true, env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' } });
    const chunks: Buffer[] = [];
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => void chunks.push(d));
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(chunks).toString('utf8');
      let seconds = (performance.now() - started) / 1000;
      let peakMb: number | null = null;
      const m = /\n@@stress ([\d.]+) (\d+)\s*$/.exec(stderr);
      if (m) {
        seconds = Number(m[1]);
        peakMb = Math.round(Number(m[2]) / 1024);
        stderr = stderr.slice(0, m.index);
      }
      const status = /Command exited with non-zero status (\d+)/.exec(stderr);
      if (status) stderr = stderr.replace(status[0], '');
      resolve({ code: timedOut ? null : status ? Number(status[1]) : code, stdout, stderr, seconds, peakMb, timedOut });
    });
  });
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node esbuild.mjs` first');
  // The machine may be busy: the CLI on a tiny report, just before each CLI shape, shows
  // what starting it costs right now; what exceeds an idle machine's startup is allowed for.
  const tinyDir = mkdtempSync(join(tmpdir(), 'ra-stress-'));
  writeFileSync(join(tinyDir, 'tiny.md'), '# 报告\n\n一、甲\n\n二、乙\n');
  const baseline = async () => (await measure([process.execPath, CLI, 'tiny.md'], tinyDir, 60_000)).seconds;
  const baselines: number[] = [];
  const rows: string[][] = [['shape', 'owner', 'input', 'time', 'tiny', 'budget', 'peak', 'result']];
  let failed = 0;
  for (const shape of SHAPES.filter((s) => s.name.includes(only))) {
    const dir = mkdtempSync(join(tmpdir(), 'ra-stress-'));
    try {
      const prepared = shape.prepare(dir, scale);
      const budget = 2 + prepared.bytes / 1e6;
      const base = prepared.kind === 'cli' ? await baseline() : NOMINAL_STARTUP;
      baselines.push(base);
      // A busy machine slows everything by about the factor it slows a tiny run.
      const slowdown = Math.max(1, base / NOMINAL_STARTUP);
      const command = prepared.kind === 'cli' ? [process.execPath, CLI, ...prepared.args] : [process.execPath, '--import', 'tsx', ENGINE, ...prepared.args];
      const out = await measure(command, prepared.kind === 'cli' ? dir : ROOT, Math.max(30_000, budget * 10_000));
      const problem = out.timedOut ? `no answer within ${Math.max(30, budget * 10).toFixed(0)} s (killed)` : prepared.check(out);
      const slow = prepared.kind === 'cli' && out.seconds > budget * slowdown;
      const ok = !problem && !slow;
      if (!ok) failed++;
      const detail = prepared.kind === 'engine' ? ` ${out.stdout.trim().split('\n').pop()}` : '';
      rows.push([
        `${shape.item}. ${shape.name}`,
        shape.owner,
        `${(prepared.bytes / 1e6).toFixed(2)} MB`,
        `${out.seconds.toFixed(2)} s`,
        prepared.kind === 'cli' ? `${base.toFixed(2)} s` : '-',
        prepared.kind === 'cli' ? `${(budget * slowdown).toFixed(2)} s` : '-',
        out.peakMb === null ? '?' : `${out.peakMb} MB`,
        (ok ? 'PASS' : `FAIL ${problem ?? 'over budget'}`.slice(0, 300)) + detail,
      ]);
      console.log(rows[rows.length - 1]!.join(' | '));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  rmSync(tinyDir, { recursive: true, force: true });
  const cli = baselines.filter((b) => b !== NOMINAL_STARTUP);
  console.log(
    `\n${scale} sizes, ${new Date().toISOString()}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}. ` +
      `"tiny": the CLI on a tiny report just before (${Math.min(...cli).toFixed(2)}–${Math.max(...cli).toFixed(2)} s); ` +
      `budget: (2 s + 1 s/MB) × max(1, tiny ÷ ${NOMINAL_STARTUP} s), the slowdown a busy machine shows on a tiny run\n`,
  );
  const widths = rows[0]!.map((_, c) => Math.min(70, Math.max(...rows.map((r) => r[c]!.length))));
  for (const r of rows) console.log(r.map((cell, c) => (c === r.length - 1 ? cell : cell.slice(0, widths[c]).padEnd(widths[c]!))).join('  '));
  process.exitCode = failed ? 1 : 0;
}

void main();
