/**
 * The sanitized tree made into the report as its author means it: `data-line` on blocks
 * (scroll sync, click to reveal), report headings found line by line shown as headings of
 * their level (run-in ones as a heading span at the start of their paragraph), the title,
 * numbering faults marked on their headings, and every placeholder token swapped for a
 * chip that shows the placeholder and its kind, never bold or italic.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Diagnostic, Heading, Placeholder, ReportModel } from '../types';
import { LITERAL_ASTERISK, PLACEHOLDER_TOKEN, RUN_IN_END, tokenIndex } from './source';
import { addClass, el, text } from './hast';
import { labels } from './labels';
import { chipHtml, chipLabels, type ChipLabels } from './chip';

/** A node serialized as is (remark-rehype's `raw`). */
type Raw = Extract<RootContent, { type: 'raw' }>;

export const NUMBERING_CODES = new Set(['numbering-gap', 'numbering-duplicate', 'numbering-order', 'marker-punctuation', 'marker-width', 'level-skip']);

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'table', 'tr', 'hr', 'div', 'ul', 'ol', 'dl', 'dt', 'dd', 'details', 'section']);
const HEADING_HOSTS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);

/** The HTML heading rank for a report level: the title is h1, `一、` h2 … `（1）` h5; an annex h2. */
export function headingTag(level: number): string {
  return `h${Math.min(6, Math.max(1, level) + 1)}`;
}

export function headingId(line: number): string {
  return `ra-line-${line}`;
}

interface Context {
  lineOf: readonly number[];
  placeholders: readonly Placeholder[];
  headings: Map<number, Heading>;
  faults: Map<number, Diagnostic[]>;
  titleLine: number;
  done: Set<number>;
  words: Record<Placeholder['kind'], ChipLabels>;
}

export function decorate(tree: Root, model: ReportModel, lineOf: readonly number[]): void {
  const faults = new Map<number, Diagnostic[]>();
  for (const d of model.diagnostics) {
    if (!NUMBERING_CODES.has(String(d.code))) continue;
    const line = d.range.start.line;
    faults.set(line, [...(faults.get(line) ?? []), d]);
  }
  const ctx: Context = {
    lineOf,
    placeholders: model.placeholders,
    headings: new Map(model.headings.map((h) => [h.line, h])),
    faults,
    titleLine: model.title && model.title.source !== 'front-matter' ? model.title.range.start.line : -1,
    done: new Set(),
    words: chipLabels(),
  };
  visitChildren(tree, ctx);
}

function visitChildren(parent: Root | Element, ctx: Context): void {
  const out: Array<RootContent> = [];
  for (const child of parent.children) {
    if (child.type === 'text') {
      for (const c of chips(child.value.includes(RUN_IN_END) ? child.value.split(RUN_IN_END).join('') : child.value, ctx)) out.push(c);
      continue;
    }
    if (child.type === 'element') {
      if (child.tagName === 'img') {
        const alt = typeof child.properties.alt === 'string' ? untoken(child.properties.alt, ctx) : '';
        out.push(el('span', { className: ['ra-image-omitted'] }, [labels.imageOmitted(alt)]));
        continue;
      }
      visitElement(child, ctx);
    }
    out.push(child);
  }
  parent.children = out as typeof parent.children;
}

function visitElement(node: Element, ctx: Context): void {
  for (const [key, value] of Object.entries(node.properties)) {
    if (typeof value === 'string' && /[\uE000\uE003]/.test(value)) node.properties[key] = untoken(value, ctx);
    else if (Array.isArray(value)) node.properties[key] = value.map((v) => (typeof v === 'string' ? untoken(v, ctx) : v));
  }
  const start = node.position?.start.line;
  const line = start === undefined ? undefined : ctx.lineOf[start - 1];
  if (line !== undefined) {
    if (BLOCKS.has(node.tagName)) node.properties.dataLine = line;
    if (HEADING_HOSTS.has(node.tagName) && !ctx.done.has(line) && !hostedByChild(node, start!)) {
      if (line === ctx.titleLine) {
        ctx.done.add(line);
        node.tagName = 'h1';
        addClass(node, 'ra-title');
      } else {
        const h = ctx.headings.get(line);
        if (h) {
          ctx.done.add(line);
          markHeading(node, h, ctx.faults.get(line) ?? [], line);
        }
      }
    }
  }
  visitChildren(node, ctx);
}

/** A loose list item's first paragraph holds the heading, not the item. */
function hostedByChild(node: Element, start: number): boolean {
  if (node.tagName !== 'li') return false;
  return node.children.some((c) => c.type === 'element' && c.tagName === 'p' && c.position?.start.line === start);
}

function markHeading(node: Element, h: Heading, faults: Diagnostic[], line: number): void {
  const classes = ['ra-heading', `ra-level-${h.level}`];
  if (h.level === 0) classes.push('ra-annex');
  let target = node;
  if (h.form === 'run-in') {
    const span = wrapRunIn(node);
    if (span) {
      target = span;
      span.properties.role = 'heading';
      span.properties.ariaLevel = Math.max(1, h.level) + 1;
      addClass(span, 'ra-runin', ...classes);
    }
  } else if (node.tagName === 'li') {
    addClass(node, ...classes);
  } else {
    node.tagName = headingTag(h.level);
    addClass(node, ...classes);
  }
  target.properties.id = headingId(line);
  if (faults.length) {
    addClass(target, 'ra-fault');
    target.properties.dataFault = [...new Set(faults.map((d) => String(d.code)))].join(' ');
    target.properties.title = faults.map((d) => d.message).join('\n');
    target.children.push(el('span', { className: ['ra-fault-note'] }, ['⚠ ' + faults.map((d) => d.message).join(' ')]));
  }
}

/** Puts what comes before the run-in mark into a heading span at the start of the paragraph. */
function wrapRunIn(node: Element): Element | null {
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    if (c.type === 'text' && c.value.includes(RUN_IN_END)) {
      const at = c.value.indexOf(RUN_IN_END);
      const head: ElementContent[] = [...children.slice(0, i), text(c.value.slice(0, at))];
      const rest: ElementContent[] = [text(c.value.slice(at + 1)), ...children.slice(i + 1)];
      const span = el('span', {}, head);
      node.children = [span, ...rest];
      return span;
    }
    if (c.type === 'element' && contains(c, RUN_IN_END)) {
      const span = el('span', {}, children.slice(0, i + 1));
      node.children = [span, ...children.slice(i + 1)];
      return span;
    }
  }
  return null;
}

function contains(node: ElementContent, mark: string): boolean {
  if (node.type === 'text') return node.value.includes(mark);
  return node.type === 'element' && node.children.some((c) => contains(c, mark));
}

/** Text with placeholder tokens → text and chips. */
function chips(value: string, ctx: Context): Array<ElementContent | Raw> {
  if (value.includes(LITERAL_ASTERISK)) value = value.split(LITERAL_ASTERISK).join('*');
  if (!value.includes('\uE000')) return [text(value)];
  const out: Array<ElementContent | Raw> = [];
  let last = 0;
  PLACEHOLDER_TOKEN.lastIndex = 0;
  for (let m = PLACEHOLDER_TOKEN.exec(value); m; m = PLACEHOLDER_TOKEN.exec(value)) {
    if (m.index > last) out.push(text(value.slice(last, m.index)));
    const p = ctx.placeholders[tokenIndex(m[1]!)];
    out.push(p ? chip(p, ctx) : text(''));
    last = m.index + m[0].length;
  }
  if (last < value.length) out.push(text(value.slice(last)));
  return out;
}

/**
 * A chip as a raw node: built and escaped by `chipHtml`, serialized as is. The sanitized
 * tree holds no raw node of its own (the sanitizer drops them), so these are the only ones.
 */
function chip(p: Placeholder, ctx: Context): Raw {
  return { type: 'raw', value: chipHtml(p.text, p.kind, p.range.start, ctx.words) };
}

/** In an attribute (alt, title), a placeholder is its own text. */
function untoken(value: string, ctx: Context): string {
  if (value.includes(LITERAL_ASTERISK)) value = value.split(LITERAL_ASTERISK).join('*');
  return value.replace(PLACEHOLDER_TOKEN, (_, digits: string) => ctx.placeholders[tokenIndex(digits)]?.text ?? '');
}
