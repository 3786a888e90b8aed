/**
 * A report as a Word document laid out as a 公文 (GB/T 9704-2012). Pure: text and model in,
 * .docx bytes out; images come through the edge's `loadImage`.
 *
 * The engine decides what the report is: its title, its headings (plain lines, `#` headings,
 * bold lines, run-in headings, list items) with their levels, its placeholders, its annexes.
 * Markdown is read by the preview's pipeline (remark → rehype, sanitized) on the source with
 * its placeholders protected (preview/source.ts), so asterisk placeholders never become
 * emphasis and no Markdown syntax reaches the document. Headings become Word outline levels
 * (the navigation pane shows the report's outline); numbering stays as written.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HighlightColor,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { Element, ElementContent, RootContent } from 'hast';
import type { Heading, Placeholder, ReportModel } from '../types';
import { splitLines } from '../text';
import { scanBlocks } from '../blocks';
import { LITERAL_ASTERISK, prepareSource, PLACEHOLDER_TOKEN, RUN_IN_END, tokenIndex } from '../preview/source';
import { documentTree } from '../preview/render';
import { FONT_FALLBACKS, mm, resolveLayout, type Layout, type LayoutOverrides } from './style';
import { imageInfo } from './image';
import { exportMessages } from './messages';

export type LoadedImage = { ok: true; data: Uint8Array } | { ok: false; reason: string };

export interface DocxOptions {
  /** A template's `layout`: fonts, sizes, margins, line spacing. */
  layout?: LayoutOverrides | null;
  /** Reads an image the report refers to by a relative path (as written, URL-decoded). Without it images are not embedded. */
  loadImage?: (src: string) => LoadedImage;
  /** Document properties. */
  title?: string;
}

export interface DocxWarning {
  /** 0-based report line. */
  line: number;
  message: string;
}

export interface DocxResult {
  bytes: Uint8Array;
  /** Unfilled placeholders, as the engine counts them. */
  placeholders: number;
  /** Placeholders written highlighted. */
  highlighted: number;
  warnings: DocxWarning[];
}

/** Paragraph and character style ids, for the tests and for users restyling the document. */
export const STYLE_IDS = {
  title: 'Title',
  heading: (level: number) => `Heading${level}`,
  runIn: (level: number) => `RaRunIn${level}`,
  annex: 'RaAnnex',
  signature: 'RaSignature',
  table: 'RaTable',
  code: 'RaCode',
  footer: 'RaPageNumber',
} as const;

type Block = Paragraph | Table;

interface Format {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  superScript?: boolean;
  subScript?: boolean;
  /** Inside a heading or the title: emphasis does not change the level's type. */
  heading?: boolean;
}

interface Ctx {
  layout: Layout;
  lines: readonly string[];
  lineOf: readonly number[];
  placeholders: readonly Placeholder[];
  headings: Map<number, Heading>;
  titleLine: number;
  annexTitles: Set<number>;
  signature: Map<number, { right: number; first: boolean }>;
  attachmentNotes: Map<number, 'note' | 'item'>;
  /** The 主送机关 / salutation line under the title (`县委、县政府：`), flush left. */
  salutation: number;
  done: Set<number>;
  highlighted: Set<number>;
  warnings: DocxWarning[];
  loadImage?: (src: string) => LoadedImage;
  /** The run-in heading whose heading part is being written. */
  runIn: number | null;
  /** The report line of the block being written, for warnings. */
  line: number;
  /** Twentieths of a point: the width of the type area. */
  textWidth: number;
}

export async function exportDocx(text: string, model: ReportModel, options: DocxOptions = {}): Promise<DocxResult> {
  const layout = resolveLayout(options.layout);
  const table = splitLines(text);
  const blocks = scanBlocks(table);
  const { markdown, lineOf } = prepareSource(table.lines, blocks, model);
  const tree = documentTree(markdown, lineOf, blocks);
  const ctx: Ctx = {
    layout,
    lines: table.lines,
    lineOf,
    placeholders: model.placeholders,
    headings: new Map(model.headings.map((h) => [h.line, h])),
    titleLine: model.title && model.title.source !== 'front-matter' ? model.title.range.start.line : -1,
    annexTitles: annexTitleLines(table.lines, model),
    signature: signatureLines(table.lines, model, layout),
    attachmentNotes: attachmentNoteLines(table.lines),
    salutation: salutationLine(table.lines, model, blocks.frontMatter?.endLine ?? -1),
    done: new Set(),
    highlighted: new Set(),
    warnings: [],
    loadImage: options.loadImage,
    runIn: null,
    line: 0,
    textWidth: mm(210 - layout.margins.left - layout.margins.right),
  };
  const body: Block[] = [];
  if (model.title?.source === 'front-matter') {
    body.push(new Paragraph({ style: STYLE_IDS.title, children: textRuns(model.title.text, { heading: true }, ctx) }));
  }
  pushAll(body, blockNodes(tree.children, ctx, { indent: 0 }));
  if (body.length === 0) body.push(new Paragraph({}));

  const doc = new Document({
    title: xmlSafe(options.title ?? model.title?.text ?? ''),
    creator: 'Report Author',
    evenAndOddHeaderAndFooters: true,
    styles: documentStyles(layout),
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: {
              top: mm(layout.margins.top),
              bottom: mm(layout.margins.bottom),
              left: mm(layout.margins.left),
              right: mm(layout.margins.right),
              header: mm(15),
              // The page number sits 7 mm below the type area.
              footer: Math.max(0, mm(layout.margins.bottom - 7) - Math.round(layout.sizes.pageNumber * 20 * 1.3)),
            },
          },
          // 22 lines a page. (28 characters a line come from the body's character spacing: a
          // character grid is laid out differently by Word and LibreOffice.)
          grid: { type: 'lines', linePitch: Math.round(layout.lineSpacing * 20) },
        },
        footers: { default: pageNumberFooter('odd', layout), even: pageNumberFooter('even', layout) },
        children: body,
      },
    ],
  });
  const bytes = await Packer.pack(doc, 'uint8array', false, [{ path: 'word/fontTable.xml', data: fontTable(layout) }]);
  return { bytes, placeholders: model.placeholders.length, highlighted: ctx.highlighted.size, warnings: ctx.warnings };
}

// ---------------------------------------------------------------------------------------
// Styles

function fontsOf(eastAsia: string, layout: Layout) {
  const latin = layout.fonts.latin;
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' };
}

const half = (pt: number) => Math.round(pt * 2);

/** Characters a line of the type area holds in GB/T 9704. */
export const CHARACTERS_PER_LINE = 28;

/**
 * The character spacing (twentieths of a point, ≤ 0) that fits 28 body characters in a line
 * of the type area: 156 mm holds 27.6 characters of 三号, so each is drawn 0.25 pt closer.
 * None when the body already fits (a template with a smaller size or wider page).
 */
export function lineFit(layout: Layout): number {
  const pitch = mm(210 - layout.margins.left - layout.margins.right) / CHARACTERS_PER_LINE;
  const spacing = Math.floor(pitch - layout.sizes.body * 20);
  return spacing < 0 && spacing >= -20 ? spacing : 0;
}
const twips = (pt: number) => Math.round(pt * 20);

function documentStyles(layout: Layout) {
  const exact = { line: twips(layout.lineSpacing), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const indent = (chars: number, size: number) => ({ firstLine: twips(size * chars), firstLineChars: chars * 100 });
  const heading = (level: 1 | 2 | 3 | 4) => {
    const key = `level${level}` as const;
    return {
      run: { font: fontsOf(layout.fonts[key], layout), size: half(layout.sizes[key]), bold: layout.bold[key], italics: false, color: '000000' },
      paragraph: { outlineLevel: level - 1, keepNext: true, spacing: exact, indent: indent(2, layout.sizes[key]), alignment: AlignmentType.BOTH },
    };
  };
  const titleLine = Math.max(layout.lineSpacing, Math.round(layout.sizes.title * 1.6));
  const noIndent = { firstLine: 0, firstLineChars: 0 };
  return {
    default: {
      document: {
        run: {
          font: fontsOf(layout.fonts.body, layout),
          size: half(layout.sizes.body),
          characterSpacing: lineFit(layout),
          language: { value: 'en-US', eastAsia: 'zh-CN' },
        },
        paragraph: { spacing: exact, indent: indent(2, layout.sizes.body), alignment: AlignmentType.BOTH },
      },
      title: {
        run: { font: fontsOf(layout.fonts.title, layout), size: half(layout.sizes.title), bold: false, color: '000000' },
        paragraph: {
          alignment: AlignmentType.CENTER,
          indent: noIndent,
          spacing: { line: twips(titleLine), lineRule: LineRuleType.EXACT, before: 0, after: twips(layout.lineSpacing) },
        },
      },
      heading1: heading(1),
      heading2: heading(2),
      heading3: heading(3),
      heading4: heading(4),
    },
    paragraphStyles: [
      {
        id: STYLE_IDS.annex,
        name: 'Annex Number',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: fontsOf(layout.fonts.level1, layout), size: half(layout.sizes.body) },
        paragraph: { outlineLevel: 0, indent: noIndent, pageBreakBefore: true, keepNext: true, alignment: AlignmentType.LEFT },
      },
      {
        id: STYLE_IDS.signature,
        name: 'Signature Block',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { alignment: AlignmentType.RIGHT, indent: noIndent, keepLines: true, keepNext: true },
      },
      {
        id: STYLE_IDS.table,
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: half(layout.sizes.table) },
        paragraph: { indent: noIndent, alignment: AlignmentType.LEFT, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
      },
      {
        id: STYLE_IDS.code,
        name: 'Code Block',
        basedOn: 'Normal',
        run: { font: { ascii: 'Courier New', hAnsi: 'Courier New', cs: 'Courier New', eastAsia: layout.fonts.body }, size: half(Math.min(layout.sizes.table, 12)) },
        paragraph: { indent: noIndent, alignment: AlignmentType.LEFT, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
      },
      {
        id: STYLE_IDS.footer,
        name: 'Page Number',
        basedOn: 'Normal',
        run: { font: { ascii: layout.fonts.pageNumber, hAnsi: layout.fonts.pageNumber, cs: layout.fonts.pageNumber, eastAsia: layout.fonts.pageNumber }, size: half(layout.sizes.pageNumber) },
        paragraph: { indent: noIndent, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
      },
    ],
    characterStyles: ([1, 2, 3, 4] as const).map((level) => {
      const key = `level${level}` as const;
      return {
        id: STYLE_IDS.runIn(level),
        name: `Run-in Heading ${level}`,
        basedOn: 'DefaultParagraphFont',
        quickFormat: true,
        run: { font: fontsOf(layout.fonts[key], layout), size: half(layout.sizes[key]), bold: layout.bold[key] },
      };
    }),
  };
}

/** `— 1 —` in 四号宋体: odd pages on the right, even pages on the left, one character in. */
function pageNumberFooter(side: 'odd' | 'even', layout: Layout): Footer {
  const inset = twips(layout.sizes.pageNumber);
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE_IDS.footer,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: inset } : { left: inset },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The font table: for each Chinese font, the installed face Word and WPS fall back to. */
function fontTable(layout: Layout): string {
  const names = [...new Set([...Object.values(layout.fonts), 'Courier New'])];
  const entries = names.map((name) => {
    const known = FONT_FALLBACKS[name];
    if (known) {
      return (
        `<w:font w:name="${escapeXml(name)}"><w:altName w:val="${escapeXml(known.altName)}"/><w:panose1 w:val="${known.panose}"/>` +
        `<w:charset w:val="86"/><w:family w:val="${known.family}"/><w:pitch w:val="${known.family === 'roman' ? 'variable' : 'fixed'}"/></w:font>`
      );
    }
    const cjk = /[^\x00-\x7f]/.test(name);
    return `<w:font w:name="${escapeXml(name)}"><w:charset w:val="${cjk ? '86' : '00'}"/><w:family w:val="${/courier|mono/i.test(name) ? 'modern' : 'roman'}"/><w:pitch w:val="variable"/></w:font>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    entries.join('') +
    '</w:fonts>'
  );
}

// ---------------------------------------------------------------------------------------
// What the engine says about lines

/** The line after `附件1` that the engine took as the annex's title. */
function annexTitleLines(lines: readonly string[], model: ReportModel): Set<number> {
  const out = new Set<number>();
  for (const h of model.headings) {
    if (h.level !== 0 || !h.title) continue;
    let n = h.line + 1;
    while (n < lines.length && !lines[n]!.trim()) n++;
    if (n < lines.length && lines[n]!.includes(h.title) && !lines[h.line]!.includes(h.title)) out.add(n);
  }
  return out;
}

const DATE_LINE = /^(?:[0-9０-９]{4}|[0-9０-９]{2}[*＊×xX]{2}|[*＊×xX]{2,4}|[〇○零一二三四五六七八九]{4}|_{2,})\s*年\s*[^\s年月日]{1,3}\s*月\s*[^\s年月日]{1,3}\s*日$/;

/** Display width in characters: CJK and full-width forms 1, the rest ½. */
function widthOf(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u0000-\u00ff\uff61-\uffdc]/.test(ch) ? 0.5 : 1;
  return w;
}

/**
 * The 落款 at the end of the body (before any annex): a date line, and the unit's line above it.
 * The date stands four characters from the right, the unit centred over the date.
 */
function signatureLines(lines: readonly string[], model: ReportModel, layout: Layout): Map<number, { right: number; first: boolean }> {
  const out = new Map<number, { right: number; first: boolean }>();
  const annex = model.headings.find((h) => h.level === 0);
  const headingLines = new Set(model.headings.map((h) => h.line));
  const previous = (from: number) => {
    let n = from - 1;
    while (n >= 0 && (!lines[n]!.trim() || /^\s*<!--.*-->\s*$/.test(lines[n]!))) n--;
    return n;
  };
  const dateLine = previous(annex ? annex.line : lines.length);
  if (dateLine < 0) return out;
  const date = lines[dateLine]!.trim();
  if (!DATE_LINE.test(date) || headingLines.has(dateLine)) return out;
  const unitLine = previous(dateLine);
  const unit = unitLine >= 0 ? lines[unitLine]!.trim() : '';
  const isUnit =
    unitLine >= 0 &&
    dateLine - unitLine <= 2 &&
    [...unit].length >= 2 &&
    [...unit].length <= 30 &&
    !/[。；;：:，,！!？?]/.test(unit) &&
    !/^[#>|\-+*]\s|^\d+[.)]\s|^[（(]/.test(unit) &&
    !headingLines.has(unitLine) &&
    (model.title?.range.start.line ?? -1) !== unitLine;
  let dateRight = 4;
  if (isUnit) {
    let unitRight = 4 + (widthOf(date) - widthOf(unit)) / 2;
    if (unitRight < 2) {
      dateRight += 2 - unitRight;
      unitRight = 2;
    }
    out.set(unitLine, { right: unitRight * layout.sizes.body, first: true });
  }
  out.set(dateLine, { right: dateRight * layout.sizes.body, first: !isUnit });
  return out;
}

/** The first line of the body when it addresses someone: short, ending in a colon (`各位领导：`). */
function salutationLine(lines: readonly string[], model: ReportModel, frontMatterEnd: number): number {
  const title = model.title && model.title.source !== 'front-matter' ? model.title.range.start.line : frontMatterEnd;
  let n = title + 1;
  while (n < lines.length && (!lines[n]!.trim() || /^\s*<!--.*-->\s*$/.test(lines[n]!))) n++;
  if (n >= lines.length || model.headings.some((h) => h.line === n)) return -1;
  const text = lines[n]!.trim();
  // `现将……报告如下：` ends in a colon too, but it is the lead sentence.
  return [...text].length <= 30 && /^[^。；;！!？?\s#>|*-][^。；;！!？?，,]*[:：]$/.test(text) && !/如下|现将|以下/.test(text) ? n : -1;
}

/** `附件：1．…` after the body, and the numbered lines that continue it. */
function attachmentNoteLines(lines: readonly string[]): Map<number, 'note' | 'item'> {
  const out = new Map<number, 'note' | 'item'>();
  for (let n = 0; n < lines.length; n++) {
    if (!/^\s*附件\s*[:：]\s*\S/.test(lines[n]!)) continue;
    out.set(n, 'note');
    for (let m = n + 1; m < lines.length && /^\s*[0-9０-９]{1,2}\s*[.．、]\s*\S/.test(lines[m]!); m++) out.set(m, 'item');
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Blocks

interface BlockState {
  /** Left indent in characters (block quotes, nested lists). */
  indent: number;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BLOCK_TAGS = new Set(['p', ...HEADINGS, 'ul', 'ol', 'li', 'blockquote', 'pre', 'table', 'hr', 'div', 'section', 'details', 'summary', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'thead', 'tbody', 'tr']);

function isBlock(node: ElementContent | RootContent): boolean {
  return node.type === 'element' && BLOCK_TAGS.has(node.tagName);
}

function reportLine(node: Element, ctx: Ctx): number | undefined {
  const start = node.position?.start.line;
  return start === undefined ? undefined : ctx.lineOf[start - 1];
}

function blockNodes(nodes: readonly (ElementContent | RootContent)[], ctx: Ctx, state: BlockState): Block[] {
  const out: Block[] = [];
  let inline: ElementContent[] = [];
  const flush = () => {
    if (inline.some((n) => n.type !== 'text' || n.value.trim())) out.push(paragraph(inline, undefined, ctx, state, null));
    inline = [];
  };
  for (const node of nodes) {
    if (node.type === 'element' && isBlock(node)) {
      flush();
      pushAll(out, block(node, ctx, state));
    } else if (node.type === 'text' || node.type === 'element') {
      inline.push(node);
    }
  }
  flush();
  return out;
}

function block(node: Element, ctx: Ctx, state: BlockState): Block[] {
  const tag = node.tagName;
  if (tag === 'p' || HEADINGS.has(tag) || tag === 'dt' || tag === 'summary' || tag === 'figcaption') {
    return [paragraph(node.children, node, ctx, state, null, tag === 'dt' || (HEADINGS.has(tag) ? 'unknown-heading' : false))];
  }
  if (tag === 'ul' || tag === 'ol') return list(node, ctx, state);
  if (tag === 'blockquote' || tag === 'dd') return blockNodes(node.children, ctx, { indent: state.indent + 2 });
  if (tag === 'pre') return codeBlock(node, ctx, state);
  if (tag === 'table') return [table(node, ctx)];
  if (tag === 'hr') return [];
  return blockNodes(node.children, ctx, state);
}

function list(node: Element, ctx: Ctx, state: BlockState): Block[] {
  const out: Block[] = [];
  const ordered = node.tagName === 'ol';
  const start = typeof node.properties.start === 'number' ? node.properties.start : Number(node.properties.start ?? 1) || 1;
  let index = 0;
  for (const item of node.children) {
    if (item.type !== 'element' || item.tagName !== 'li') continue;
    const line = reportLine(item, ctx);
    const marker = ordered ? orderedMarker(line === undefined ? '' : ctx.lines[line]!, start + index) : '•';
    index++;
    let first = true;
    const inner: BlockState = { indent: state.indent };
    let inline: ElementContent[] = [];
    const flush = () => {
      if (!inline.some((n) => n.type !== 'text' || n.value.trim())) return void (inline = []);
      out.push(paragraph(inline, item, ctx, inner, first ? marker : null));
      first = false;
      inline = [];
    };
    for (const child of item.children) {
      if (child.type === 'element' && child.tagName === 'p') {
        flush();
        out.push(paragraph(child.children, child, ctx, inner, first ? marker : null));
        first = false;
      } else if (child.type === 'element' && isBlock(child)) {
        flush();
        pushAll(out, block(child, ctx, { indent: state.indent + 2 }));
      } else if (child.type === 'text' || child.type === 'element') {
        inline.push(child);
      }
    }
    flush();
    if (first) out.push(paragraph([], item, ctx, inner, marker));
  }
  return out;
}

/** The number of an ordered list item as written: `3.`, `3)`, `3．`. */
function orderedMarker(source: string, n: number): string {
  const m = /^[\s>]*(\d{1,9})([.)．])/.exec(source);
  return m ? m[1]! + m[2]! : `${n}.`;
}

function codeBlock(node: Element, ctx: Ctx, state: BlockState): Block[] {
  const text = plainText(node).replace(/\n$/, '');
  return text.split('\n').map(
    (line) =>
      new Paragraph({
        style: STYLE_IDS.code,
        indent: state.indent ? { left: twips(state.indent * ctx.layout.sizes.body) } : undefined,
        // Placeholders the engine reads in a block (an org chart in a fence) are highlighted too.
        children: line ? textRuns(line.replace(/\t/g, '    '), {}, ctx) : [new TextRun({ text: ' ' })],
      }),
  );
}

function plainText(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(plainText).join('');
  return '';
}

function table(node: Element, ctx: Ctx): Table {
  const rows: Element[] = [];
  const collect = (n: Element) => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'tr') rows.push(c);
      else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') collect(c);
    }
  };
  collect(node);
  const cellsOf = (row: Element) => row.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
  // The grid: cells merged down from rows above take their columns in the rows below.
  const grid = gridOf(rows.map(cellsOf));
  const columns = grid.reduce((m, g) => Math.max(m, g.used), 1);
  const width = Math.floor(ctx.textWidth / columns);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  const tableRows = rows.map((row, r) => {
    const cells = cellsOf(row);
    const tableCells = cells.map((cell, i) => {
      const header = cell.tagName === 'th';
      const align = cell.properties.align ?? (typeof cell.properties.style === 'string' ? /text-align:\s*(\w+)/.exec(cell.properties.style)?.[1] : undefined);
      const alignment = header || align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
      // A short row: its last cell fills the rest.
      const cols = span(cell, 'colSpan') + (i === cells.length - 1 && grid[r]!.canPad ? columns - grid[r]!.used : 0);
      const down = Math.min(span(cell, 'rowSpan'), rows.length - r);
      return new TableCell({
        columnSpan: cols > 1 ? cols : undefined,
        rowSpan: down > 1 ? down : undefined,
        width: { size: width * cols, type: WidthType.DXA },
        children: [
          new Paragraph({
            style: STYLE_IDS.table,
            alignment,
            children: inlineRuns(cell.children, header ? { bold: true } : {}, ctx),
          }),
        ],
      });
    });
    if (tableCells.length === 0 && grid[r]!.used < columns) {
      tableCells.push(new TableCell({ columnSpan: columns - grid[r]!.used, children: [new Paragraph({ style: STYLE_IDS.table })] }));
    }
    return new TableRow({ tableHeader: r === 0 && cells.some((c) => c.tagName === 'th'), children: tableCells });
  });
  return new Table({
    rows: tableRows.length ? tableRows : [new TableRow({ children: [new TableCell({ children: [new Paragraph({})] })] })],
    width: { size: width * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => width),
    borders,
  });
}

function span(cell: Element, key: 'colSpan' | 'rowSpan'): number {
  const n = Number(cell.properties[key] ?? 1);
  return Number.isInteger(n) && n > 1 && n < 64 ? n : 1;
}

/**
 * Per row: the columns it fills, its own cells' and those merged down into it from above, and
 * whether its last cell may be widened to fill a short row (not when a merged cell follows it).
 */
function gridOf(rows: readonly Element[][]): Array<{ used: number; canPad: boolean }> {
  let below: number[] = []; // per column: how many more rows a cell above still covers
  return rows.map((cells) => {
    const covered = below.map((n) => (n > 0 ? n - 1 : 0));
    let col = 0;
    for (const cell of cells) {
      while ((below[col] ?? 0) > 0) col++;
      const across = span(cell, 'colSpan');
      const down = span(cell, 'rowSpan');
      for (let k = 0; k < across; k++) covered[col + k] = Math.max(covered[col + k] ?? 0, down - 1);
      col += across;
    }
    const lastMerged = below.reduce((last, n, i) => (n > 0 ? i + 1 : last), 0);
    below = covered;
    return { used: Math.max(col, lastMerged), canPad: col >= lastMerged };
  });
}

/**
 * One paragraph: the title, a heading of its level (run-in ones keep their body in the same
 * paragraph, the heading part in the level's character style), the 落款, or body text.
 */
function paragraph(
  children: readonly ElementContent[],
  host: Element | undefined,
  ctx: Ctx,
  state: BlockState,
  marker: string | null,
  bold: boolean | 'unknown-heading' = false,
): Paragraph {
  const line = host ? reportLine(host, ctx) : undefined;
  if (line !== undefined) ctx.line = line;
  const sizes = ctx.layout.sizes;
  const options: { -readonly [K in keyof IParagraphOptions]: IParagraphOptions[K] } = {};
  let format: Format = bold === true || bold === 'unknown-heading' ? { bold: true } : {};
  const leftIndent = state.indent > 0 ? twips(state.indent * sizes.body) : 0;
  const h = line !== undefined && !ctx.done.has(line) ? ctx.headings.get(line) : undefined;
  const note = line !== undefined ? ctx.attachmentNotes.get(line) : undefined;
  const signature = line !== undefined ? ctx.signature.get(line) : undefined;
  let runIn: number | null = null;
  if (line !== undefined && line === ctx.titleLine && !ctx.done.has(line)) {
    ctx.done.add(line);
    options.style = STYLE_IDS.title;
    format = { heading: true };
  } else if (line !== undefined && ctx.annexTitles.has(line)) {
    options.style = STYLE_IDS.title;
    options.spacing = { before: twips(ctx.layout.lineSpacing) };
    format = { heading: true };
  } else if (note) {
    // 附件说明: a line below the body, two characters in; its items aligned after `附件：`.
    options.spacing = note === 'note' ? { before: twips(ctx.layout.lineSpacing) } : undefined;
    if (note === 'item') options.indent = { left: twips(5 * sizes.body), firstLine: 0, firstLineChars: 0 };
  } else if (h) {
    ctx.done.add(line!);
    if (h.level === 0) {
      options.style = STYLE_IDS.annex;
      format = { heading: true };
    } else if (h.form === 'run-in') {
      options.outlineLevel = h.level - 1;
      runIn = h.level;
    } else {
      options.style = STYLE_IDS.heading(h.level);
      options.outlineLevel = h.level - 1;
      format = { heading: true };
    }
  } else if (line !== undefined && line === ctx.salutation) {
    options.indent = { firstLine: 0, firstLineChars: 0 };
  } else if (signature) {
    options.style = STYLE_IDS.signature;
    options.indent = { right: twips(signature.right), firstLine: 0, firstLineChars: 0 };
    if (signature.first) options.spacing = { before: twips(ctx.layout.lineSpacing) };
  }
  if (leftIndent && !options.indent) options.indent = { left: leftIndent };
  const onlyImages = children.length > 0 && children.every((c) => (c.type === 'element' && c.tagName === 'img') || (c.type === 'text' && !c.value.trim()));
  if (onlyImages && !options.style) {
    options.alignment = AlignmentType.CENTER;
    options.indent = { left: leftIndent, firstLine: 0, firstLineChars: 0 };
  }
  ctx.runIn = runIn;
  const runs: ParagraphChild[] = [];
  if (marker) {
    const next = firstChar(children);
    const gap = /^[\u3000-\u9fff\uff00-\uffef]/.test(next) || h?.form === 'list' ? '' : ' ';
    pushAll(runs, textRuns(marker + gap, format, ctx));
  }
  pushAll(runs, inlineRuns(children, format, ctx));
  ctx.runIn = null;
  options.children = runs;
  return new Paragraph(options);
}

function firstChar(children: readonly ElementContent[]): string {
  for (const c of children) {
    const t = plainText(c).trimStart();
    if (t) return t;
  }
  return '';
}

// ---------------------------------------------------------------------------------------
// Inline

function inlineRuns(nodes: readonly ElementContent[], format: Format, ctx: Ctx): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'text') {
      const value = softBreaks(node.value, nodes[i - 1], nodes[i + 1]);
      pushAll(out, textRuns(value, format, ctx));
      continue;
    }
    if (node.type !== 'element') continue;
    const f = { ...format };
    switch (node.tagName) {
      case 'strong':
      case 'b':
        if (!f.heading) f.bold = true;
        break;
      case 'em':
      case 'i':
        f.italics = true;
        break;
      case 'del':
      case 's':
        f.strike = true;
        break;
      case 'code':
      case 'kbd':
        f.code = true;
        break;
      case 'sup':
        f.superScript = true;
        break;
      case 'sub':
        f.subScript = true;
        break;
      case 'br':
        out.push(new TextRun({ break: 1 }));
        continue;
      case 'img':
        pushAll(out, image(node, format, ctx));
        continue;
    }
    pushAll(out, inlineRuns(node.children, f, ctx));
  }
  return out;
}

/** A soft line break joins Chinese lines without a space, Latin words with one. */
function softBreaks(value: string, before?: ElementContent, after?: ElementContent): string {
  if (!value.includes('\n')) return value;
  const prev = before ? plainText(before) : '';
  const next = after ? plainText(after) : '';
  return value.replace(/[ \t]*\n[ \t]*/g, (m, offset: number, whole: string) => {
    const a = whole.slice(0, offset).slice(-1) || prev.slice(-1);
    const b = whole.slice(offset + m.length, offset + m.length + 1) || next.slice(0, 1);
    return /[A-Za-z0-9,.;:!?)]/.test(a) && /[A-Za-z0-9(]/.test(b) ? ' ' : '';
  });
}

/** Text with placeholder tokens and the run-in mark → runs; each placeholder highlighted, as written. */
function textRuns(value: string, format: Format, ctx: Ctx): ParagraphChild[] {
  // Asterisks hidden from remark on a line holding thousands of them are shown as written.
  if (value.includes(LITERAL_ASTERISK)) value = value.split(LITERAL_ASTERISK).join('*');
  const out: ParagraphChild[] = [];
  const mark = value.indexOf(RUN_IN_END);
  if (mark >= 0) {
    pushAll(out, textRuns(value.slice(0, mark), format, ctx));
    ctx.runIn = null;
    pushAll(out, textRuns(value.slice(mark + 1).split(RUN_IN_END).join(''), format, ctx));
    return out;
  }
  let last = 0;
  PLACEHOLDER_TOKEN.lastIndex = 0;
  const tokens = [...value.matchAll(PLACEHOLDER_TOKEN)];
  for (const m of tokens) {
    if (m.index > last) out.push(run(value.slice(last, m.index), format, ctx, false));
    const index = tokenIndex(m[1]!);
    const p = ctx.placeholders[index];
    if (p) {
      ctx.highlighted.add(index);
      out.push(run(p.text, format, ctx, true));
    }
    last = m.index + m[0].length;
  }
  if (last < value.length) out.push(run(value.slice(last), format, ctx, false));
  return out;
}

/** Characters XML 1.0 forbids (Word refuses a file holding one); a lone surrogate becomes U+FFFD. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, (c) => (c >= '\uD800' && c <= '\uDFFF' ? '\uFFFD' : ''));
}

function run(text: string, format: Format, ctx: Ctx, placeholder: boolean): TextRun {
  const options: { -readonly [K in keyof IRunOptions]: IRunOptions[K] } = { text: xmlSafe(text) };
  if (ctx.runIn !== null) options.style = STYLE_IDS.runIn(ctx.runIn);
  else if (format.bold) options.bold = true;
  if (format.italics) options.italics = true;
  if (format.strike) options.strike = true;
  if (format.superScript) options.superScript = true;
  if (format.subScript) options.subScript = true;
  if (format.code) options.font = { ascii: 'Courier New', hAnsi: 'Courier New', cs: 'Courier New', eastAsia: ctx.layout.fonts.body };
  if (placeholder) options.highlight = HighlightColor.YELLOW;
  return new TextRun(options);
}

/** An image beside the report, embedded at its size (at most the type area's width); anything else is its description. */
function image(node: Element, format: Format, ctx: Ctx): ParagraphChild[] {
  const src = typeof node.properties.src === 'string' ? node.properties.src : '';
  const alt = typeof node.properties.alt === 'string' ? untoken(node.properties.alt, ctx) : '';
  const fallback = (message: string | null) => {
    if (message) ctx.warnings.push({ line: ctx.line, message });
    return textRuns(exportMessages.imageText(alt), format, ctx);
  };
  if (!src) return fallback(null);
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return fallback(exportMessages.imageRemote(src));
  if (!ctx.loadImage) return fallback(null);
  let path = src.split(/[?#]/)[0]!;
  try {
    path = decodeURI(path);
  } catch {
    // keep it as written
  }
  // `pic\2.png` written on Windows.
  path = path.replace(/\\/g, '/');
  const loaded = ctx.loadImage(path);
  if (!loaded.ok) return fallback(exportMessages.imageMissing(path, loaded.reason));
  const info = imageInfo(loaded.data);
  if (!info) return fallback(exportMessages.imageFormat(path));
  const maxWidth = ctx.textWidth / 15; // pixels at 96 dpi
  const scale = Math.min(1, maxWidth / info.width);
  return [
    new ImageRun({
      type: info.type,
      data: loaded.data,
      transformation: { width: Math.max(1, Math.round(info.width * scale)), height: Math.max(1, Math.round(info.height * scale)) },
      altText: { name: xmlSafe(path.split('/').pop() ?? path), description: xmlSafe(alt), title: xmlSafe(alt) },
    }),
  ];
}

function untoken(value: string, ctx: Ctx): string {
  return value.split(LITERAL_ASTERISK).join('*').replace(PLACEHOLDER_TOKEN, (_, digits: string) => ctx.placeholders[tokenIndex(digits)]?.text ?? '');
}

/** `list.push(...items)` without the spread: 150,000 runs as call arguments overflow the stack. */
function pushAll<T>(list: T[], items: readonly T[]): void {
  for (const item of items) list.push(item);
}
