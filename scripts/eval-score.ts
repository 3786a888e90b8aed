/**
 * Scoring of `npm run eval`: the engine's headings and placeholders (as `report-lint --format
 * json` prints them) against a careful reader's ground truth (tests/corpus/truth/NN.json).
 * Pure functions, no I/O, so tests/unit/eval.test.ts can check them on inline data.
 */
import type { JsonFile, JsonOutline } from '../server/src/cli/format-json';

/** A level-1 or level-2 heading as the reader numbers it; `line` is 1-based. */
export interface TruthHeading {
  line: number;
  level: 1 | 2;
  marker: string;
}

/** A value still to fill; `line` is 1-based, `start`/`end` are 0-based UTF-16 columns. */
export interface TruthPlaceholder {
  line: number;
  start: number;
  end: number;
  text: string;
  /** A blank form field: the span is its label's; any finding on the line matches it. */
  blank?: boolean;
}

export interface TruthFile {
  file: string;
  published: boolean;
  notes: string;
  headings: TruthHeading[];
  placeholders: TruthPlaceholder[];
}

/** What the engine found, reduced to what is scored. Lines are 1-based. */
export interface FoundHeading {
  line: number;
  level: number;
  marker: string;
  title: string;
}

export interface FoundPlaceholder {
  line: number;
  start: number;
  end: number;
  text: string;
}

/** Counts of one precision/recall pair: matched, found (engine), expected (truth). */
export interface Tally {
  matched: number;
  found: number;
  expected: number;
}

export interface FileScore {
  file: string;
  published: boolean;
  level1: Tally;
  level2: Tally;
  placeholders: Tally;
  /** Findings of severity error. */
  errors: number;
  /** `level-skip` and `empty-section` findings of severity warning or error. */
  structureWarnings: number;
  missedHeadings: TruthHeading[];
  extraHeadings: FoundHeading[];
  missedPlaceholders: TruthPlaceholder[];
  extraPlaceholders: FoundPlaceholder[];
  /** Codes and 1-based lines of the findings counted in `errors` and `structureWarnings`. */
  findings: { line: number; code: string; severity: string; message: string }[];
}

const STRUCTURE_CODES = new Set(['level-skip', 'empty-section']);

/**
 * The engine's level-1 and level-2 headings: the outline flattened in document order. Annex
 * nodes (level 0) are not headings, but the sections they hold are.
 */
export function foundHeadings(file: Pick<JsonFile, 'outline'>): FoundHeading[] {
  const out: FoundHeading[] = [];
  const walk = (nodes: readonly JsonOutline[]) => {
    for (const n of nodes) {
      if (n.level === 1 || n.level === 2) {
        out.push({ line: n.range.start.line + 1, level: n.level, marker: n.marker, title: n.title });
      }
      walk(n.children);
    }
  };
  walk(file.outline);
  return out.sort((a, b) => a.line - b.line);
}

export function foundPlaceholders(file: Pick<JsonFile, 'placeholders'>): FoundPlaceholder[] {
  const out: FoundPlaceholder[] = [];
  for (const p of file.placeholders) {
    const { start, end } = p.range;
    // A placeholder spanning lines is scored on its first line, up to that line's end.
    const endCol = end.line === start.line ? end.character : Number.MAX_SAFE_INTEGER;
    out.push({ line: start.line + 1, start: start.character, end: endCol, text: p.text });
  }
  return out.sort((a, b) => a.line - b.line || a.start - b.start);
}

/** Headings match on the same line and the same level; one-to-one. */
export function matchHeadings(
  truth: readonly TruthHeading[],
  found: readonly FoundHeading[],
  level: 1 | 2,
): { tally: Tally; missed: TruthHeading[]; extra: FoundHeading[] } {
  const want = truth.filter((h) => h.level === level);
  const got = found.filter((h) => h.level === level);
  const used = new Set<number>();
  const missed: TruthHeading[] = [];
  for (const t of want) {
    const i = got.findIndex((g, k) => !used.has(k) && g.line === t.line);
    if (i < 0) missed.push(t);
    else used.add(i);
  }
  const extra = got.filter((_, k) => !used.has(k));
  return { tally: { matched: used.size, found: got.length, expected: want.length }, missed, extra };
}

/** Half-open spans overlap; an empty found span overlaps a span that contains its position. */
export function overlaps(t: { start: number; end: number }, f: { start: number; end: number }): boolean {
  if (f.start === f.end) return f.start >= t.start && f.start <= t.end;
  return f.start < t.end && f.end > t.start;
}

/**
 * Placeholders match one-to-one on the same line with overlapping spans; a `blank` truth entry
 * (an empty form field) matches any finding on its line. Spanned entries are matched first, so
 * a blank field cannot take the finding that a value on the same line needs.
 */
export function matchPlaceholders(
  truth: readonly TruthPlaceholder[],
  found: readonly FoundPlaceholder[],
): { tally: Tally; missed: TruthPlaceholder[]; extra: FoundPlaceholder[] } {
  const used = new Set<number>();
  const matched = new Set<TruthPlaceholder>();
  const order = [...truth.filter((t) => !t.blank), ...truth.filter((t) => t.blank)];
  for (const t of order) {
    let best = -1;
    let bestOverlap = -1;
    found.forEach((f, k) => {
      if (used.has(k) || f.line !== t.line) return;
      if (!t.blank && !overlaps(t, f)) return;
      const amount = Math.max(0, Math.min(t.end, f.end) - Math.max(t.start, f.start));
      if (amount > bestOverlap) {
        best = k;
        bestOverlap = amount;
      }
    });
    if (best >= 0) {
      used.add(best);
      matched.add(t);
    }
  }
  return {
    tally: { matched: used.size, found: found.length, expected: truth.length },
    missed: truth.filter((t) => !matched.has(t)),
    extra: found.filter((_, k) => !used.has(k)),
  };
}

/** Scores one file of `report-lint --format json` output against its truth. */
export function scoreFile(truth: TruthFile, engine: Pick<JsonFile, 'outline' | 'placeholders' | 'diagnostics'>): FileScore {
  const headings = foundHeadings(engine);
  const l1 = matchHeadings(truth.headings, headings, 1);
  const l2 = matchHeadings(truth.headings, headings, 2);
  const ph = matchPlaceholders(truth.placeholders, foundPlaceholders(engine));
  const findings = engine.diagnostics
    .filter((d) => d.severity === 'error' || (d.severity === 'warning' && STRUCTURE_CODES.has(d.code)))
    .map((d) => ({ line: d.range.start.line + 1, code: d.code, severity: d.severity, message: d.message }));
  return {
    file: truth.file,
    published: truth.published,
    level1: l1.tally,
    level2: l2.tally,
    placeholders: ph.tally,
    errors: findings.filter((d) => d.severity === 'error').length,
    structureWarnings: findings.filter((d) => STRUCTURE_CODES.has(d.code)).length,
    missedHeadings: [...l1.missed, ...l2.missed].sort((a, b) => a.line - b.line),
    extraHeadings: [...l1.extra, ...l2.extra].sort((a, b) => a.line - b.line),
    missedPlaceholders: ph.missed,
    extraPlaceholders: ph.extra,
    findings,
  };
}

/** Precision; null when the engine found nothing (no claim, so nothing to be wrong about). */
export function precision(t: Tally): number | null {
  return t.found === 0 ? null : t.matched / t.found;
}

/** Recall; null when there was nothing to find. */
export function recall(t: Tally): number | null {
  return t.expected === 0 ? null : t.matched / t.expected;
}

const add = (a: Tally, b: Tally): Tally => ({
  matched: a.matched + b.matched,
  found: a.found + b.found,
  expected: a.expected + b.expected,
});
const zero = (): Tally => ({ matched: 0, found: 0, expected: 0 });

export interface Totals {
  level1: Tally;
  level2: Tally;
  placeholders: Tally;
  /** Over published files only. */
  errors: number;
  /** Over published files only. */
  structureWarnings: number;
}

/** Pooled counts: P and R overall are computed over all files' counts together. */
export function pool(scores: readonly FileScore[]): Totals {
  const totals: Totals = { level1: zero(), level2: zero(), placeholders: zero(), errors: 0, structureWarnings: 0 };
  for (const s of scores) {
    totals.level1 = add(totals.level1, s.level1);
    totals.level2 = add(totals.level2, s.level2);
    totals.placeholders = add(totals.placeholders, s.placeholders);
    if (s.published) {
      totals.errors += s.errors;
      totals.structureWarnings += s.structureWarnings;
    }
  }
  return totals;
}

export const TARGET = 0.98;

/** The targets the totals miss, each as one line of text; empty when all are met. */
export function failedTargets(totals: Totals, target = TARGET): string[] {
  const failed: string[] = [];
  const check = (name: string, value: number | null) => {
    if (value !== null && value < target) failed.push(`${name} ${percent(value)} < ${percent(target)}`);
  };
  for (const [name, t] of [
    ['level-1 headings', totals.level1],
    ['level-2 headings', totals.level2],
    ['placeholders', totals.placeholders],
  ] as const) {
    check(`${name} precision`, precision(t));
    check(`${name} recall`, recall(t));
  }
  if (totals.errors > 0) failed.push(`${totals.errors} error finding(s) on published reports, expected 0`);
  if (totals.structureWarnings > 0) {
    failed.push(`${totals.structureWarnings} level-skip/empty-section finding(s) on published reports, expected 0`);
  }
  return failed;
}

export function percent(v: number | null): string {
  return v === null ? '—' : `${(v * 100).toFixed(1)}%`;
}
