/**
 * An independent reader of .docx files for the tests: the zip (JSZip, not the writer's fflate)
 * and its XML (xmldom), with run and paragraph properties resolved the way Word resolves them:
 * direct formatting, then the character style, then the paragraph style and the styles it is
 * based on, then the document defaults.
 */
import JSZip from 'jszip';
import { DOMParser, type Document as XmlDocument, type Element as XmlElement } from '@xmldom/xmldom';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface DocxRun {
  text: string;
  /** Effective East Asian, ASCII font and size (half-points). */
  eastAsia: string | null;
  ascii: string | null;
  size: number | null;
  bold: boolean;
  italics: boolean;
  highlight: string | null;
  /** The character style id, if any. */
  style: string | null;
  image: boolean;
  field: string | null;
}

export interface DocxParagraph {
  text: string;
  style: string | null;
  /** Word outline level 1–9, or null for body text. */
  outlineLevel: number | null;
  alignment: string | null;
  pageBreakBefore: boolean;
  firstLineChars: number | null;
  /** Direct right indent, twips. */
  rightIndent: number | null;
  runs: DocxRun[];
  inTable: boolean;
}

export interface DocxFile {
  files: string[];
  xml: (path: string) => Promise<string | null>;
  document: XmlDocument;
  paragraphs: DocxParagraph[];
  tables: XmlElement[];
  sectPr: XmlElement;
  /** Concatenated text of every paragraph, outside and inside tables. */
  text: string;
  styles: Map<string, XmlElement>;
}

const kids = (el: XmlElement | null | undefined, name: string): XmlElement[] => {
  if (!el) return [];
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as XmlElement).localName === name) out.push(n as XmlElement);
  return out;
};
export const child = (el: XmlElement | null | undefined, name: string): XmlElement | null => kids(el, name)[0] ?? null;
export const attr = (el: XmlElement | null | undefined, name: string): string | null => (el ? el.getAttributeNS(W, name) || el.getAttribute(`w:${name}`) || null : null);
const on = (el: XmlElement | null): boolean | null => (el ? !['0', 'false', 'off'].includes(attr(el, 'val') ?? 'true') : null);

export async function readDocx(bytes: Uint8Array): Promise<DocxFile> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = async (path: string) => (await zip.file(path)?.async('string')) ?? null;
  const parse = (text: string) => new DOMParser().parseFromString(text, 'text/xml');
  const document = parse((await xml('word/document.xml'))!);
  const stylesDoc = parse((await xml('word/styles.xml'))!);
  const styles = new Map<string, XmlElement>();
  for (const s of Array.from(stylesDoc.getElementsByTagNameNS(W, 'style'))) styles.set(attr(s, 'styleId')!, s);
  const defaults = stylesDoc.getElementsByTagNameNS(W, 'docDefaults')[0] as XmlElement | undefined;
  const defaultRPr = child(child(defaults, 'rPrDefault'), 'rPr');
  const defaultPPr = child(child(defaults, 'pPrDefault'), 'pPr');

  /** The chain of a style and those it is based on. */
  const chain = (id: string | null): XmlElement[] => {
    const out: XmlElement[] = [];
    for (let s = id ? styles.get(id) : undefined; s && out.length < 20; s = styles.get(attr(child(s, 'basedOn'), 'val') ?? '')) out.push(s);
    return out;
  };
  const defaultParagraphStyle = [...styles.values()].find((s) => attr(s, 'type') === 'paragraph' && attr(s, 'default') === '1');

  const paragraphs: DocxParagraph[] = [];
  for (const p of Array.from(document.getElementsByTagNameNS(W, 'p'))) {
    const pPr = child(p, 'pPr');
    const pStyle = attr(child(pPr, 'pStyle'), 'val') ?? (defaultParagraphStyle ? attr(defaultParagraphStyle, 'styleId') : null);
    const pChain = chain(pStyle);
    const pPrs = [pPr, ...pChain.map((s) => child(s, 'pPr')), defaultPPr];
    const pProp = (name: string) => pPrs.map((x) => child(x, name)).find((x) => x) ?? null;
    const runs: DocxRun[] = [];
    let field: string | null = null;
    for (const r of Array.from(p.getElementsByTagNameNS(W, 'r'))) {
      const rPr = child(r, 'rPr');
      const rStyle = attr(child(rPr, 'rStyle'), 'val');
      const rPrs = [rPr, ...chain(rStyle).map((s) => child(s, 'rPr')), ...pChain.map((s) => child(s, 'rPr')), defaultRPr];
      const rProp = (name: string) => rPrs.map((x) => child(x, name)).find((x) => x) ?? null;
      const fontAttr = (name: string) => rPrs.map((x) => attr(child(x, 'rFonts'), name)).find((x) => x) ?? null;
      const instr = kids(r, 'instrText').map((t) => t.textContent ?? '').join('');
      if (instr.trim()) field = instr.trim();
      const text = kids(r, 't').map((t) => t.textContent ?? '').join('');
      runs.push({
        text,
        eastAsia: fontAttr('eastAsia'),
        ascii: fontAttr('ascii'),
        size: Number(attr(rProp('sz'), 'val')) || null,
        bold: on(rProp('b')) ?? false,
        italics: on(rProp('i')) ?? false,
        highlight: attr(rProp('highlight'), 'val'),
        style: rStyle,
        image: r.getElementsByTagNameNS(W, 'drawing').length > 0 || kids(r, 'drawing').length > 0,
        field: instr.trim() || null,
      });
    }
    const outline = attr(pProp('outlineLvl'), 'val');
    const ind = pPrs.map((x) => child(x, 'ind')).find((x) => x && attr(x, 'firstLineChars') !== null) ?? null;
    let inTable = false;
    for (let n = p.parentNode; n; n = n.parentNode) if ((n as XmlElement).localName === 'tbl') inTable = true;
    paragraphs.push({
      text: runs.map((r) => r.text).join(''),
      style: attr(child(pPr, 'pStyle'), 'val'),
      outlineLevel: outline === null ? null : Number(outline) + 1,
      alignment: attr(pProp('jc'), 'val'),
      pageBreakBefore: on(pProp('pageBreakBefore')) ?? false,
      firstLineChars: ind ? Number(attr(ind, 'firstLineChars')) : null,
      rightIndent: attr(child(pPr, 'ind'), 'right') === null ? null : Number(attr(child(pPr, 'ind'), 'right')),
      runs,
      inTable,
    });
    void field;
  }
  const body = document.getElementsByTagNameNS(W, 'body')[0] as XmlElement;
  return {
    files: Object.keys(zip.files),
    xml,
    document,
    paragraphs,
    tables: Array.from(document.getElementsByTagNameNS(W, 'tbl')) as XmlElement[],
    sectPr: child(body, 'sectPr')!,
    text: paragraphs.map((p) => p.text).join('\n'),
    styles,
  };
}

/** The first paragraph whose text starts with `prefix`. */
export function paragraphStarting(doc: DocxFile, prefix: string): DocxParagraph {
  const p = doc.paragraphs.find((x) => x.text.startsWith(prefix));
  if (!p) throw new Error(`no paragraph starts with ${prefix}:\n${doc.text}`);
  return p;
}
