/** Comparing section titles: numbers, punctuation and spacing never matter. */
import type { ReportTemplate, SectionRule } from './model';
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

/** How a title matches a rule: 3 by title or synonym, 2 by pattern, 1.5 by name after topic words, 1 by resemblance, 0 not at all. */
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

/** The title is one of the rule's former names (exactly, a year in front aside): a report in an older format. */
export function isFormerTitle(title: string, rule: SectionRule): boolean {
  if (!rule.formerTitles?.length) return false;
  const full = normalizeTitle(title);
  const former = rule.formerTitles.map(normalizeTitle);
  return former.includes(full) || former.includes(full.replace(LEADING_YEAR, ''));
}

/** A year in front (`2025年`, `2025年度`, `20XX年`, `二〇二五年`) does not change what a section is. */
const LEADING_YEAR = /^(?:[0-9０-９]{4}|[12][0-9０-９xX×＊*]{3}|[12][0-9][xX×＊*]{2}|二[〇零][一二三四五六七八九〇零]{2})年度?的?/;

/** A year set off by a space instead of 年 (`2024 计划`, `二〇二四 规划`) is a year in front too. */
const LEADING_YEAR_SPACED = /^[\s\u3000]*(?:[0-9０-９]{4}|[12][0-9０-９xX×＊*]{3}|[12][0-9][xX×＊*]{2}|二[〇零][一二三四五六七八九〇零]{2})[\s\u3000]+(?=\S)/;

/** Names this short say too little to be recognised inside a longer title. */
const MIN_QUALIFIED_NAME = 4;

function computeScore(title: string, rule: SectionRule): number {
  const full = normalizeTitle(title);
  if (!full) return 0;
  const names = [rule.title, ...rule.synonyms, ...(rule.formerTitles ?? [])].map(normalizeTitle);
  // `2024 计划` reads as `2024年计划`: a year is a year with or without its 年.
  const year = LEADING_YEAR_SPACED.exec(title);
  const withYear = year ? normalizeTitle(year[0]) + '年' + normalizeTitle(title.slice(year[0].length)) : full;
  const bare = withYear.replace(LEADING_YEAR, '');
  const forms = [...new Set([full, withYear, bare].filter(Boolean))];
  if (forms.some((t) => names.includes(t))) return 3;
  const pattern = rule.pattern ? compileSafe(rule.pattern) : null;
  if (pattern && (pattern.test(title) || forms.some((t) => pattern.test(t)))) return 2;
  // The section named after its topic (`山区茶产业发展面临的主要困难`): the name ends the title,
  // or what follows the title's last 的 is the section by its name or pattern. Weaker than a
  // title the rule names outright, stronger than a resemblance.
  const t = forms[forms.length - 1]!;
  const tail = t.includes('的') ? t.slice(t.lastIndexOf('的') + 1) : '';
  if (names.some((n) => [...n].length >= MIN_QUALIFIED_NAME && t.length > n.length && t.endsWith(n))) return 1.5;
  if ([...tail].length >= 2 && (names.includes(tail) || pattern?.test(tail))) return 1.5;
  if (forms.some((t) => names.some((n) => similarity(n, t) >= 0.6))) return 1;
  return 0;
}

const namesOfTemplate = new WeakMap<ReportTemplate, ReadonlySet<string>>();

/** The normalised titles and synonyms of a template's top sections (what a line alone may name). */
export function sectionNames(template: ReportTemplate): ReadonlySet<string> {
  let names = namesOfTemplate.get(template);
  if (!names) {
    names = new Set(template.scope.rules.flatMap((r) => [r.title, ...r.synonyms, ...(r.formerTitles ?? [])]).map(normalizeTitle).filter((n) => [...n].length >= 2));
    namesOfTemplate.set(template, names);
  }
  return names;
}

/**
 * The section names of every template a report may be recognised as: each template's own
 * set, asked in turn (the edge hands a new list of the same templates on every version, so a
 * union made per list would be made again on every keystroke).
 */
export function sectionNamesOfAll(templates: readonly ReportTemplate[]): { has(name: string): boolean } {
  return { has: (name) => templates.some((t) => sectionNames(t).has(name)) };
}
