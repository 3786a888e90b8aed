/**
 * Renders a report as its author means it: the same engine that checks it decides what is a
 * heading, a placeholder or emphasis; remark and rehype do the rest of the Markdown, and
 * the report's own HTML is sanitized. Pure: text and model in, HTML out.
 */
import type { Element, Root } from 'hast';
import type { ReportModel } from '../types';
import { splitLines } from '../text';
import { scanBlocks } from '../blocks';
import { prepareSource } from './source';
import { hastToHtml, markdownToHast } from './pipeline';
import { tameBrackets } from './brackets';
import type { BlockScan } from '../blocks';
import { decorate } from './decorate';
import { missingSections } from './missing';
import { insertGhosts } from './ghosts';
import { sidePanel } from './panel';
import { el } from './hast';
import { standalonePage } from './page';

export type PreviewStyle = 'editor' | 'gbt9704';

export interface RenderOptions {
  style: PreviewStyle;
  /** A whole HTML page (export) instead of the fragment the editor's preview shows. */
  standalone: boolean;
  /** The stylesheet (media/preview.css) to inline into a standalone page. */
  css?: string;
  /** Offer actions such as inserting a missing section (default: not standalone). */
  interactive?: boolean;
  /** The template's display name, for the side panel. */
  templateName?: string | null;
  /** Show the side panel (default true). */
  panel?: boolean;
  /** The page title of a standalone page (default: the report's title). */
  title?: string;
}

export interface RenderResult {
  html: string;
  title: string;
  placeholders: number;
  missingSections: number;
}

export function renderReport(text: string, model: ReportModel, options: RenderOptions): RenderResult {
  const table = splitLines(text);
  const blocks = scanBlocks(table);
  const { markdown, lineOf } = prepareSource(table.lines, blocks, model);
  const tree = documentTree(markdown, lineOf, blocks);
  decorate(tree, model, lineOf);
  if (model.title?.source === 'front-matter') {
    tree.children.unshift(el('h1', { className: ['ra-title'], dataLine: model.title.range.start.line }, [model.title.text]));
  }
  const missing = missingSections(model);
  const interactive = options.interactive ?? !options.standalone;
  insertGhosts(tree, missing, interactive);

  const doc = el('main', { className: ['ra-doc'], lang: 'zh-CN' }, tree.children as Element[]);
  const layout: Element[] = [doc];
  if (options.panel !== false) layout.push(sidePanel(model, missing, options.templateName ?? null));
  const root: Root = {
    type: 'root',
    children: [el('div', { className: ['ra-layout', `ra-style-${options.style}`], dataVersion: model.version }, layout)],
  };
  const title = options.title ?? model.title?.text ?? '';
  const body = hastToHtml(root);
  return {
    html: options.standalone ? standalonePage(body, { title, css: options.css ?? '', style: options.style }) : body,
    title,
    placeholders: model.placeholders.length,
    missingSections: missing.length,
  };
}

/** Deeper than this, the tree walks of remark and rehype (recursive) may overflow the stack. */
const MAX_TREE_DEPTH = 400;

/**
 * The report's Markdown (from prepareSource) as an HTML tree, made safe for the parser
 * first (see brackets.ts); when it nests too deeply to walk (thousands of nested HTML
 * elements, say), each line as a paragraph of plain text instead: the page loses the
 * formatting, never the text. The preview and both exports (HTML, Word) go through here.
 */
export function documentTree(markdown: string, lineOf: readonly number[], blocks: BlockScan): Root {
  try {
    const tree = markdownToHast(tameBrackets(markdown, lineOf, blocks));
    if (depthOf(tree) <= MAX_TREE_DEPTH) return tree;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  const children: Element[] = [];
  markdown.split('\n').forEach((line, k) => {
    if (line.trim()) children.push({ ...el('p', { dataLine: lineOf[k] ?? k }, [line]), position: undefined });
  });
  return { type: 'root', children };
}

function depthOf(root: Root): number {
  let max = 0;
  const stack: Array<[Root | Element, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    max = Math.max(max, depth);
    for (const c of node.children) if (c.type === 'element') stack.push([c, depth + 1]);
  }
  return max;
}
