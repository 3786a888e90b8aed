/** Comparing section titles: numbers, punctuation and spacing never matter. */
import type { SectionRule } from './model';
import { compileSafe } from './regex';

export function normalizeTitle(title: string): string {
  return title.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}

function bigrams(s: string): string[] {
  const chars = [...s];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Sørensen–Dice similarity of character bigrams, 0..1. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.length || !y.length) return 0;
  const pool = new Map<string, number>();
  for (const g of x) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of y) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

const scores = new WeakMap<SectionRule, Map<string, number>>();

/** How a title matches a rule: 3 by title or synonym, 2 by pattern, 1 by resemblance, 0 not at all. */
export function titleScore(title: string, rule: SectionRule): number {
  // Every keystroke re-matches the same titles against the same rules: remember the answers.
  let known = scores.get(rule);
  if (!known) scores.set(rule, (known = new Map()));
  let score = known.get(title);
  if (score === undefined) {
    if (known.size > 10_000) known.clear();
    known.set(title, (score = computeScore(title, rule)));
  }
  return score;
}

function computeScore(title: string, rule: SectionRule): number {
  const t = normalizeTitle(title);
  if (!t) return 0;
  const names = [rule.title, ...rule.synonyms].map(normalizeTitle);
  if (names.includes(t)) return 3;
  if (rule.pattern && (compileSafe(rule.pattern).test(title) || compileSafe(rule.pattern).test(t))) return 2;
  if (names.some((n) => similarity(n, t) >= 0.6)) return 1;
  return 0;
}
