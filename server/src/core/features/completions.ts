/**
 * Completion at the start of a line: the next heading number at each level of the sections
 * around the cursor (the deepest first), with the title and skeleton the template expects
 * there; the whole template skeleton in an empty report; and common blocks (落款, 一是二是…).
 */
import type { CompletionItem, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { Heading, OutlineNode, ReportModel } from '../types';
import type { ReportTemplate, RuleScope, SectionRule } from '../templates';
import { formatMarker } from '../headings';
import { scanBlocks } from '../blocks';
import { splitLines, type LineTable } from '../text';
import { featureMessages as msg } from './messages';
import { childScope, countAbove, enclosingChain, headingAtLine, nodeLabel } from './outline';
import { houseStyle, withOrdinal } from './markers';
import { numberEdit } from './renumber';
import { escapeSnippet, skeletonSnippet, TabStops } from './snippets';
import { blockSnippets } from './blockSnippets';

const SNIPPET_KIND = 15; // CompletionItemKind.Snippet
const SNIPPET_FORMAT = 2; // InsertTextFormat.Snippet
/** Indentation, then an optional `## `, then at most a marker being typed (`（`, `二`, `1.`). */
const LINE_START = /^([ \t\u3000]*)(#{1,6}[ \t]+)?([（(]?[一二三四五六七八九十〇零0-9０-９]{0,3}[）)]?[、.．]?)$/;
const DEFAULT_TITLE = '标题';

interface Context {
  model: ReportModel;
  table: LineTable;
  template: ReportTemplate | null;
  line: number;
  /** What the completion replaces: the marker typed so far. */
  range: Range;
  /** The user already typed `## `. */
  hashes: boolean;
  /** Nothing after the cursor: a whole heading (title, skeleton) may be inserted. */
  wholeLine: boolean;
  eol: string;
}

export function completions(model: ReportModel, text: string, position: Position, template: ReportTemplate | null): CompletionItem[] {
  // The analysis's own lines and blocks when it read exactly this text: nothing is parsed again.
  const source = model.source && model.source.table.text === text ? model.source : null;
  const table = source?.table ?? splitLines(text);
  const lineText = table.lines[position.line];
  if (lineText === undefined) return [];
  const m = LINE_START.exec(lineText.slice(0, position.character));
  if (!m) return [];
  const blocks = source?.blocks ?? scanBlocks(table);
  const kind = blocks.lines[position.line]?.kind;
  const fm = blocks.frontMatter;
  if (kind === 'code' || kind === 'html' || kind === 'table' || (fm && position.line >= fm.startLine && position.line <= fm.endLine)) return [];
  const from = m[1]!.length + (m[2]?.length ?? 0);
  const ctx: Context = {
    model,
    table,
    template,
    line: position.line,
    range: { start: { line: position.line, character: from }, end: position },
    hashes: m[2] !== undefined,
    wholeLine: lineText.slice(position.character).trim() === '',
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
  const items: CompletionItem[] = [];
  const bodyStart = (fm?.endLine ?? -1) + 1;
  const empty = table.lines.slice(bodyStart).every((l) => l.trim() === '');
  if (template && empty && ctx.wholeLine && !ctx.hashes && position.line >= bodyStart && template.body.trim()) {
    const snippet = skeletonSnippet(template.body.replace(/\s+$/, ''), new TabStops(), ctx.eol);
    items.push(item(ctx, template.name, snippet, msg.wholeSkeleton(template.name), 0, { documentation: template.description || undefined }));
  }
  for (const h of headingItems(ctx)) items.push(h);
  if (ctx.wholeLine && !ctx.hashes && from === position.character) {
    blockSnippets(ctx.eol).forEach((b, i) => items.push(item(ctx, b.label, b.body, b.description, 90 + i, { description: b.description })));
  }
  items.sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0));
  if (items[0]) items[0].preselect = true;
  return items;
}

function headingItems(ctx: Context): CompletionItem[] {
  const { model, line } = ctx;
  const chain = enclosingChain(model, line);
  const out: CompletionItem[] = [];
  if (chain.length === 0) {
    const rule = suggestRule(childScope(ctx.template, null), model.outline, line);
    if (model.outline.length === 0) out.push(offer(ctx, 1, 1, null, rule, [], msg.firstSection(), 1));
    return out;
  }
  // The next sibling at each level of the chain, deepest first.
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i]!;
    if (node.level === 0) continue;
    const parent = chain[i - 1] ?? null;
    const siblings = (parent ? parent.children : model.outline).filter((s) => s.level === node.level);
    const above = countAbove(siblings, line);
    let last: OutlineNode | undefined;
    for (let k = above - 1; k >= 0 && !last; k--) if (siblings[k]!.ordinal !== null) last = siblings[k];
    if (!last) continue;
    const ordinal = last.ordinal! + 1;
    const following = siblings.slice(above).filter((s) => s.ordinal !== null);
    const shift = following[0]?.ordinal === ordinal ? following : [];
    const rule = suggestRule(childScope(ctx.template, parent), parent ? parent.children : model.outline, line);
    // 1 for the innermost level, 2 for its first subsection (below), then 3, 4, … outwards.
    const priority = i === chain.length - 1 ? 1 : 2 + (chain.length - 1 - i);
    out.push(offer(ctx, node.level, ordinal, headingAtLine(model, last.range.start.line), rule, shift, msg.nextSection(nodeLabel(last)), priority));
  }
  // The first subsection of the innermost section, when it has none yet.
  const inner = chain[chain.length - 1]!;
  if (inner.level < 4 && inner.children.length === 0) {
    const level = (inner.level + 1) as 1 | 2 | 3 | 4;
    const sample = model.headings.find((h) => h.level === level && h.ordinal !== null) ?? null;
    const rule = suggestRule(childScope(ctx.template, inner), [], line);
    out.push(offer(ctx, level, 1, sample, rule, [], msg.firstSubsection(nodeLabel(inner)), 2));
  }
  return out;
}

/**
 * One heading: `sample` (a heading of the same level) gives the style, its marker with
 * the new number and its `#`s; `shift` are the siblings whose numbers move up by one.
 */
function offer(
  ctx: Context,
  level: 1 | 2 | 3 | 4,
  ordinal: number,
  sample: Heading | null,
  rule: SectionRule | null,
  shift: readonly OutlineNode[],
  detail: string,
  priority: number,
): CompletionItem {
  const marker = !sample ? formatMarker(level, ordinal) : sample.form === 'list' ? `${ordinal}. ` : withOrdinal(houseStyle(sample.marker), ordinal);
  const hashes = sample && sample.form === 'atx' && sample.depth > 0 && !ctx.hashes ? '#'.repeat(sample.depth) + ' ' : '';
  const stops = new TabStops();
  let snippet = escapeSnippet(hashes + marker);
  if (ctx.wholeLine) {
    snippet += stops.stop(rule?.title || DEFAULT_TITLE);
    const skeleton = rule?.skeleton?.trim();
    if (skeleton) {
      const blank = sample !== null && sample.line + 1 < ctx.table.lines.length && ctx.table.lines[sample.line + 1]!.trim() === '';
      const sep = blank ? ctx.eol + ctx.eol : ctx.eol;
      snippet += sep + skeletonSnippet(skeleton, stops, sep);
    }
  }
  const edits: TextEdit[] = [];
  for (const n of shift) {
    const h = headingAtLine(ctx.model, n.range.start.line);
    const e = h && n.ordinal !== null ? numberEdit(h, n.ordinal + 1) : null;
    if (e) edits.push(e);
  }
  const notes = [rule?.guidance, edits.length ? msg.renumbersFollowing(edits.length) : null].filter(Boolean);
  return item(ctx, marker.trim(), snippet, detail, priority, {
    description: rule?.title,
    documentation: notes.length ? notes.join('\n\n') : undefined,
    additionalTextEdits: edits.length ? edits : undefined,
  });
}

/**
 * The rule a new section at `line` most likely stands for: among the rules that may go
 * between the sections before and after it (any rule when the scope is unordered), the
 * first required one still missing, else the first optional one not yet written.
 */
function suggestRule(scope: RuleScope | null, siblings: readonly OutlineNode[], line: number): SectionRule | null {
  if (!scope) return null;
  const { rules } = scope;
  // One pass over the siblings (no spread of their indices into Math.max: 200,000 overflow the stack).
  const byId = new Map<string, number>();
  rules.forEach((r, k) => byId.has(r.id) || byId.set(r.id, k));
  const counts = new Array<number>(rules.length).fill(0);
  let lo = -1;
  let hi = rules.length;
  for (const s of siblings) {
    const k = s.ruleId === undefined ? undefined : byId.get(s.ruleId);
    if (k === undefined) continue;
    counts[k]!++;
    if (!scope.ordered) continue;
    if (s.range.start.line < line) lo = Math.max(lo, k);
    else hi = Math.min(hi, k);
  }
  const open = rules.map((_, k) => k).filter((k) => k > lo && k < hi);
  const pick = open.find((k) => counts[k]! < rules[k]!.min) ?? open.find((k) => counts[k] === 0);
  return pick === undefined ? null : rules[pick]!;
}

function item(
  ctx: Context,
  label: string,
  snippet: string,
  detail: string,
  priority: number,
  extra: { description?: string; documentation?: string; additionalTextEdits?: TextEdit[] },
): CompletionItem {
  const result: CompletionItem = {
    label,
    kind: SNIPPET_KIND,
    detail,
    sortText: String(priority).padStart(3, '0'),
    filterText: label,
    insertTextFormat: SNIPPET_FORMAT,
    textEdit: { range: ctx.range, newText: snippet },
  };
  if (extra.description) result.labelDetails = { description: extra.description };
  if (extra.documentation) result.documentation = extra.documentation;
  if (extra.additionalTextEdits) result.additionalTextEdits = extra.additionalTextEdits;
  return result;
}
