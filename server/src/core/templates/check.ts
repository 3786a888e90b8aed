/**
 * Checks a report's outline against a template: every section is matched to a rule
 * (by title, synonym, pattern or resemblance first, then free-title rules by position),
 * then order, counts, lengths and children are checked scope by scope.
 */
import { isDirectiveLine } from '../suppressions';
import type { OutlineNode, Range, ReportModel } from '../types';
import { detach, type LineTable } from '../text';
import type { ReportTemplate, RuleScope } from './model';
import { isFormerTitle, titleScore } from './titles';
import { templateMessages as msg } from './messages';
import { planInsertion } from './insert';
import { compileSafe } from './regex';

export type TemplateCode =
  | 'missing-section'
  | 'section-order'
  | 'unexpected-section'
  | 'duplicate-section'
  | 'empty-section'
  | 'section-length'
  | 'too-few-children'
  | 'too-many-children'
  | 'title-mismatch';

export interface TemplateFinding {
  code: TemplateCode;
  range: Range;
  message: string;
  data?: unknown;
  /** At most this severity whatever the template's standing (a section the report says it need not have). */
  cap?: 'information';
}

interface Assignment {
  node: OutlineNode;
  /** Rule indices this section satisfies (usually one), ascending. */
  rules: number[];
  /**
   * The one rule the section stands for (its `ruleId`, the rule its duplicates count
   * against): among tied rules the first not yet filled, so titles that differ only in a
   * digit do not make every heading a duplicate of every rule. -1 when `rules` is empty.
   */
  primary: number;
  score: number;
}

const lowest = (a: Assignment) => a.rules[0]!;
const highest = (a: Assignment) => a.rules[a.rules.length - 1]!;

const label = (n: OutlineNode) => `${n.marker}${n.title}`;

export function checkTemplate(model: ReportModel, table: LineTable, template: ReportTemplate): TemplateFinding[] {
  const out: TemplateFinding[] = [];
  let top = model.outline.filter((n) => n.level !== 0);
  // A file that is several documents from its first heading on (`## 工作总结`, `## 工作计划`
  // above `### 一、`): the first document is the report.
  if (!top.length) top = model.outline.find((n) => n.level === 0 && n.marker === '')?.children ?? [];
  checkScope(top, template.scope, null, template, table, model, out);
  const { minChildren: min, maxChildren: max } = template.scope;
  const anchor = top[0]?.range ?? model.title?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (min !== null && top.length < min) out.push({ code: 'too-few-children', range: anchor, message: msg.tooFewTop(top.length, min) });
  if (max !== null && top.length > max) out.push({ code: 'too-many-children', range: top[max]!.range, message: msg.tooManyTop(top.length, max) });
  return out;
}

/** Some line of the report matches the rule's statement (`未发现…问题`). */
function stated(table: LineTable, source: string): boolean {
  const re = compileSafe(source);
  return table.lines.some((line) => re.test(line));
}

/** Text without any section the reader finds, longer than this, is a text whose layout was lost. */
const MAX_UNSECTIONED_TEXT = 200;

/**
 * How well a checked report fits its template: the share of its top-level sections that a rule
 * takes by title, or that stand where the template allows any title. Read after checkTemplate
 * (which marks each section with its rule); 1 when there is nothing to judge (a report just
 * begun), 0 when the report is a long text with no section to read (its sections run on
 * inside paragraphs, as on a document-sharing page): nothing there confirms the guess.
 */
export function templateFit(model: ReportModel, template: ReportTemplate, table?: LineTable): number {
  let top = model.outline.filter((n) => n.level !== 0);
  if (!top.length) top = model.outline.find((n) => n.level === 0 && n.marker === '')?.children ?? [];
  top = top.filter((n) => !isAnnexSection(n));
  if (!top.length) {
    const start = Math.max(model.title?.range.end.line ?? -1, model.source?.blocks.frontMatter?.endLine ?? -1);
    return table && textLength(table, start, MAX_UNSECTIONED_TEXT + 1) > MAX_UNSECTIONED_TEXT ? 0 : 1;
  }
  const fits = top.filter((n) => {
    const rule = n.ruleId ? template.scope.rules.find((r) => r.id === n.ruleId) : undefined;
    // A section under a name of an older format fits that format, not this one.
    return rule !== undefined && (rule.freeTitle || titleScore(n.title, rule) >= 1.5) && !isFormerTitle(n.title, rule);
  });
  return fits.length / top.length;
}

/** `附件`, `附录`, `附表1` …: an annex standing as a section is no section of the template. */
const ANNEX_TITLE = /^(?:[一二三四五六七八九十0-9０-９]+[、.．])?\s*(?:附件|附录|附表|附图)/;
export const isAnnexSection = (n: OutlineNode) => ANNEX_TITLE.test(n.title) || ANNEX_TITLE.test(n.marker);

function assign(nodes: OutlineNode[], scope: RuleScope): Assignment[] {
  const rules = scope.rules;
  const result: Assignment[] = nodes.map((node) => {
    if (isAnnexSection(node)) return { node, rules: [], primary: -1, score: -1 };
    let best = 0;
    let matched: number[] = [];
    rules.forEach((rule, i) => {
      const s = titleScore(node.title, rule);
      if (s > best) {
        best = s;
        matched = [i];
      } else if (s === best && s > 0) matched.push(i);
    });
    return { node, rules: matched, primary: -1, score: best };
  });
  // Free-title rules take the sections no title claimed, in order where the order allows it.
  const used = rules.map(() => 0);
  for (const a of result) for (const r of a.rules) used[r]!++;
  // Among numbered sections, an un-numbered heading (`## 落款`) is not a section by position.
  const numbered = nodes.some((n) => n.ordinal !== null);
  // The lowest rule of the sections after each one, and the highest before it, kept as we go
  // (a scan of all the others per section made this quadratic).
  const nextLowest = new Array<number>(result.length + 1).fill(Infinity);
  for (let i = result.length - 1; i >= 0; i--) nextLowest[i] = Math.min(nextLowest[i + 1]!, result[i]!.rules[0] ?? Infinity);
  let prev = -1;
  result.forEach((a, i) => {
    if (!a.rules.length && a.score >= 0 && !(numbered && a.node.ordinal === null)) {
      // The last section, right after the one the template ends with (下一步打算, 今后努力方向),
      // with a title no rule knows, closes the report (个人反思, 致谢, 结束语): no more body.
      const closing = i > 0 && i === result.length - 1 && prev === rules.length - 1 && result[i - 1]!.score > 0 && result[i - 1]!.rules.includes(prev);
      const next = nextLowest[i + 1] === Infinity ? rules.length : nextLowest[i + 1]!;
      const free = closing ? [] : rules.map((_, k) => k).filter((k) => rules[k]!.freeTitle && used[k]! < rules[k]!.max);
      const inOrder = free.filter((k) => k >= prev && k <= next);
      const pick = inOrder.length ? inOrder[0] : free.sort((x, y) => Math.abs(x - prev) - Math.abs(y - prev))[0];
      if (pick !== undefined) {
        a.rules = [pick];
        used[pick]!++;
      }
    }
    if (a.rules.length) prev = Math.max(prev, highest(a));
  });
  const filled = rules.map(() => 0);
  for (const a of result) {
    if (!a.rules.length) continue;
    a.primary = a.rules.length === 1 ? a.rules[0]! : (a.rules.find((k) => filled[k]! < rules[k]!.max) ?? a.rules[0]!);
    filled[a.primary]!++;
  }
  return result;
}

/**
 * A longest run of sections in template order, where a section that names several rules
 * (`组织领导` is a section of its own early on, and a safeguard late) may stand for any of
 * them: the chosen rule of each section in the run (by index into `seq`).
 */
function longestInOrder(seq: number[][]): Map<number, number> {
  // best[v]: the longest run so far whose last section stands for rule v (rules are few).
  let width = 1;
  for (const candidates of seq) for (const v of candidates) width = Math.max(width, v + 1);
  const best: Array<{ len: number; at: number; rule: number } | null> = new Array(width).fill(null);
  const link = new Map<string, { at: number; rule: number } | null>();
  let end: { len: number; at: number; rule: number } | null = null;
  seq.forEach((candidates, i) => {
    const found = candidates.map((v) => {
      let prev: { len: number; at: number; rule: number } | null = null;
      for (let u = 0; u <= v; u++) if (best[u] && (!prev || best[u]!.len > prev.len)) prev = best[u]!;
      return { v, len: (prev?.len ?? 0) + 1, prev };
    });
    for (const f of found) {
      link.set(`${i}:${f.v}`, f.prev ? { at: f.prev.at, rule: f.prev.rule } : null);
      if (!best[f.v] || f.len > best[f.v]!.len) best[f.v] = { len: f.len, at: i, rule: f.v };
      if (!end || f.len > end.len) end = best[f.v]!;
    }
  });
  const keep = new Map<number, number>();
  let cur: { at: number; rule: number } | null = end;
  while (cur) {
    keep.set(cur.at, cur.rule);
    cur = link.get(`${cur.at}:${cur.rule}`) ?? null;
  }
  return keep;
}

function checkScope(
  nodes: OutlineNode[],
  scope: RuleScope,
  parent: OutlineNode | null,
  template: ReportTemplate,
  table: LineTable,
  model: ReportModel,
  out: TemplateFinding[],
): void {
  const rules = scope.rules;
  const assigned = assign(nodes, scope);
  const placed = assigned.filter((a) => a.rules.length);
  for (const a of placed) a.node.ruleId = rules[a.primary]!.id;
  // The sections satisfying each rule, and those standing for it, in document order.
  const satisfying: Assignment[][] = rules.map(() => []);
  const standing: Assignment[][] = rules.map(() => []);
  const position = new Map<Assignment, number>();
  placed.forEach((a, i) => {
    position.set(a, i);
    for (const k of a.rules) satisfying[k]!.push(a);
    standing[a.primary]!.push(a);
  });

  // Order: sections outside a longest ordered run are out of place.
  let inOrder = new Set(placed.map((_, i) => i));
  if (scope.ordered) {
    const chosen = longestInOrder(placed.map((a) => a.rules));
    inOrder = new Set(chosen.keys());
    const key = (j: number) => chosen.get(j) ?? lowest(placed[j]!);
    // The ordered run: indices ascending, chosen rules non-decreasing, so both binary-searchable.
    const run = placed.map((_, i) => i).filter((i) => inOrder.has(i));
    const firstAbove = (k: number, strict: boolean) => {
      let lo = 0;
      let hi = run.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const v = key(run[mid]!);
        if (strict ? v > k : v >= k) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    placed.forEach((a, i) => {
      if (inOrder.has(i)) return;
      const k = key(i);
      // The first in-order section before it that belongs after it, else the last in-order one after it that belongs before it.
      const above = run[firstAbove(k, true)];
      const below = run[firstAbove(k, false) - 1];
      const message =
        above !== undefined && above < i
          ? msg.orderBefore(label(a.node), label(placed[above]!.node))
          : msg.orderAfter(label(a.node), label(below !== undefined && below > i ? placed[below]!.node : a.node));
      out.push({ code: 'section-order', range: a.node.range, message, data: { rule: rules[k]!.id } });
    });
  }
  const ruleIndex = new Map<string, number>();
  rules.forEach((r, k) => ruleIndex.has(r.id) || ruleIndex.set(r.id, k));
  const titled = satisfying.map((list) => list.filter((b) => b.score > 0));
  for (const a of placed) {
    const i = position.get(a)!;
    for (const k of a.rules) {
      for (const id of rules[k]!.after) {
        // The first section after this one that satisfies a rule with that id (binary search
        // over them). Only a section its title places counts: one placed by position alone
        // (`致谢` taken as one more work section) is a guess, and no ground for an order warning.
        const list = ruleIndex.has(id) ? titled[ruleIndex.get(id)!]! : [];
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (position.get(list[mid]!)! > i) hi = mid;
          else lo = mid + 1;
        }
        const later = list[lo];
        if (later) out.push({ code: 'section-order', range: a.node.range, message: msg.orderAfter(label(a.node), label(later.node)), data: { rule: rules[k]!.id } });
      }
    }
  }

  // Counts per rule: duplicates (each section at most once, against the rule it stands for) and missing sections.
  const ordered = placed.filter((_, i) => inOrder.has(i));
  rules.forEach((rule, k) => {
    standing[k]!.slice(rule.max).forEach((a) =>
      out.push({ code: 'duplicate-section', range: a.node.range, message: msg.duplicate(label(a.node), rule.title, rule.max), data: { rule: rule.id } }),
    );
    const mine = satisfying[k]!;
    if (mine.length >= rule.min) return;
    if (mine.length > 0) {
      out.push({ code: 'missing-section', range: mine[mine.length - 1]!.node.range, message: msg.missingMore(rule.title, template.name, rule.min, mine.length), data: { rule: rule.id } });
      return;
    }
    let after: OutlineNode | null = null;
    for (const a of ordered) if (highest(a) < k) after = a.node;
    const before = after ? null : (ordered.find((a) => lowest(a) > k)?.node ?? null);
    const plan = planInsertion(table, nodes, parent, after, before, rule, model);
    const message = after
      ? msg.missingAfter(rule.title, template.name, label(after))
      : before
        ? msg.missingBefore(rule.title, template.name, label(before))
        : msg.missingAlone(rule.title, template.name);
    const finding: TemplateFinding = { code: 'missing-section', range: plan.anchor, message, data: { rule: rule.id, title: rule.title, level: plan.level, edits: plan.edits } };
    if (rule.unlessStated && stated(table, rule.unlessStated)) finding.cap = 'information';
    out.push(finding);
  });

  for (const a of assigned) {
    const n = a.node;
    if (!a.rules.length) {
      if (scope.closed && a.score >= 0) out.push({ code: 'unexpected-section', range: n.range, message: msg.unexpected(label(n), template.name) });
      continue;
    }
    const rule = rules[a.primary]!;
    if (a.score === 1 && !rule.freeTitle) out.push({ code: 'title-mismatch', range: n.range, message: msg.titleMismatch(label(n), rule.title), data: { rule: rule.id, title: rule.title } });
    // Only leaves can be empty, and only some rules bound the length: measure no more than that.
    const length = rule.minLength !== null || rule.maxLength !== null ? bodyLength(n, table) : n.children.length === 0 ? bodyLength(n, table, 1) : 1;
    if (length === 0 && n.children.length === 0 && !isContentItem(n, table)) out.push({ code: 'empty-section', range: n.range, message: msg.empty(label(n)), data: { rule: rule.id } });
    else if (rule.minLength !== null && length < rule.minLength) out.push({ code: 'section-length', range: n.range, message: msg.tooShort(label(n), length, rule.minLength) });
    else if (rule.maxLength !== null && length > rule.maxLength) out.push({ code: 'section-length', range: n.range, message: msg.tooLong(label(n), length, rule.maxLength) });
    if (!rule.children) emptyLeaves(n.children, table, out);
    if (rule.children) {
      const c = rule.children;
      if (c.minChildren !== null && n.children.length < c.minChildren) out.push({ code: 'too-few-children', range: n.range, message: msg.tooFew(label(n), n.children.length, c.minChildren) });
      if (c.maxChildren !== null && n.children.length > c.maxChildren) out.push({ code: 'too-many-children', range: n.children[c.maxChildren]!.range, message: msg.tooMany(label(n), n.children.length, c.maxChildren) });
      checkScope(n.children, c, n, template, table, model, out);
    }
  }
}

/** Subsections no rule speaks for still should not be left empty. */
function emptyLeaves(nodes: readonly OutlineNode[], table: LineTable, out: TemplateFinding[]): void {
  for (const n of nodes) {
    if (n.children.length) emptyLeaves(n.children, table, out);
    else if (bodyLength(n, table, 1) === 0 && !isContentItem(n, table)) out.push({ code: 'empty-section', range: n.range, message: msg.empty(label(n)) });
  }
}

/**
 * A numbered item whose own line is its content (a Markdown list item, or a line that reads
 * as a whole sentence: `（一）负责……工作。`) is never empty: only a bare heading is.
 */
function isContentItem(n: OutlineNode, table: LineTable): boolean {
  if (n.form === 'list') return true;
  const line = table.lines[n.range.start.line] ?? '';
  return /[。！？!?；;]\s*$/.test(line.replace(/(\*\*|__)\s*$/, ''));
}

/** Characters other than spaces after line `after`, counted up to `enough`. */
function textLength(table: LineTable, after: number, enough: number): number {
  let count = 0;
  for (let line = after + 1; line < table.lines.length && count < enough; line++) {
    const text = table.lines[line]!;
    count += spanLength(text, 0, text.length, enough - count);
  }
  return count;
}

/** Characters of a section's text after its heading, spaces not counted; counting stops at `enough`. */
export function bodyLength(node: OutlineNode, table: LineTable, enough = Infinity): number {
  const { end } = node.sectionRange;
  let count = 0;
  for (let line = node.range.end.line; line <= end.line; line++) {
    const text = table.lines[line] ?? '';
    const from = line === node.range.end.line ? node.range.end.character : 0;
    const to = line === end.line ? end.character : text.length;
    // A whole line inside the section: its count, kept by its text (a length rule reads every
    // line of its sections on every version; an edit changes few of them).
    if (line !== node.range.end.line && from === 0 && to === text.length && enough === Infinity) {
      count += wholeLineLength(text);
      continue;
    }
    if (line !== node.range.end.line && text.includes('<!--') && isDirectiveLine(text)) continue;
    count += spanLength(text, from, to, enough - count);
    if (count >= enough) return count;
  }
  return count;
}

/** Characters of `text` in [from, to) that are not spaces; counting stops at `enough`. */
function spanLength(text: string, from: number, to: number, enough: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x3000 && c !== 0x0d && c !== 0xa0 && ++count >= enough) return count;
  }
  return count;
}

/** Counts of whole lines by their text (copied: a key must not pin the document it was cut from), up to about 4 M characters of keys. */
const lineLengths = new Map<string, number>();
let lineLengthKeys = 0;

/** A whole line's count (none for a suppression comment), remembered by the line's text. */
function wholeLineLength(text: string): number {
  let n = lineLengths.get(text);
  if (n === undefined) {
    n = text.includes('<!--') && isDirectiveLine(text) ? 0 : spanLength(text, 0, text.length, Infinity);
    if (text.length < 100) return n; // short lines cost less to count than to look up
    if (lineLengthKeys > 4_000_000) {
      lineLengths.clear();
      lineLengthKeys = 0;
    }
    lineLengths.set(detach(text), n);
    lineLengthKeys += text.length;
  }
  return n;
}
