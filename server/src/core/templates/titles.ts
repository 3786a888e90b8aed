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

/** A year in front (`2025年`, `2025年度`, `20XX年`, `二〇二五年`) does not change what a section is. */
const LEADING_YEAR = /^(?:[0-9０-９]{4}|[12][0-9０-９xX×＊*]{3}|[12][0-9][xX×＊*]{2}|二[〇零][一二三四五六七八九〇零]{2})年度?的?/;

function computeScore(title: string, rule: SectionRule): number {
  const full = normalizeTitle(title);
  if (!full) return 0;
  const names = [rule.title, ...rule.synonyms].map(normalizeTitle);
  const bare = full.replace(LEADING_YEAR, '');
  const forms = bare && bare !== full ? [full, bare] : [full];
  if (forms.some((t) => names.includes(t))) return 3;
  if (rule.pattern && (compileSafe(rule.pattern).test(title) || forms.some((t) => compileSafe(rule.pattern!).test(t)))) return 2;
  if (forms.some((t) => names.some((n) => similarity(n, t) >= 0.6))) return 1;
  return 0;
}
