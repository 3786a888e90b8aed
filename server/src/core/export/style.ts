/**
 * The page and type of the Word export: GB/T 9704-2012 by default (A4, margins 37/35/28/26 mm,
 * 22 lines of 28 characters, 小标宋 title, 仿宋 body, 黑体/楷体/仿宋 levels), overridable key by
 * key from a template's `layout` (schemas/report-template.schema.json).
 */

export type FontRole = 'title' | 'body' | 'level1' | 'level2' | 'level3' | 'level4' | 'latin' | 'pageNumber';
export type SizeRole = 'title' | 'body' | 'level1' | 'level2' | 'level3' | 'level4' | 'pageNumber' | 'table';

/** What a template's `layout` may say; every key optional. Sizes in points or as 字号 names. */
export interface LayoutOverrides {
  fonts?: Partial<Record<FontRole, string>>;
  sizes?: Partial<Record<SizeRole, number | string>>;
  /** Millimetres. */
  margins?: Partial<Record<'top' | 'bottom' | 'left' | 'right', number>>;
  /** Body line spacing, exact, in points. */
  lineSpacing?: number;
  /** Levels 3 and 4 (and 1, 2) in bold. */
  bold?: Partial<Record<'level1' | 'level2' | 'level3' | 'level4', boolean>>;
}

export interface Layout {
  fonts: Record<FontRole, string>;
  /** Points. */
  sizes: Record<SizeRole, number>;
  margins: Record<'top' | 'bottom' | 'left' | 'right', number>;
  lineSpacing: number;
  bold: Record<'level1' | 'level2' | 'level3' | 'level4', boolean>;
}

/** 字号 names and their sizes in points. */
export const CHINESE_SIZES: Readonly<Record<string, number>> = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
  小五: 9,
  六号: 7.5,
};

export const GBT9704_LAYOUT: Layout = {
  fonts: {
    title: '方正小标宋简体',
    body: '仿宋_GB2312',
    level1: '黑体',
    level2: '楷体_GB2312',
    level3: '仿宋_GB2312',
    level4: '仿宋_GB2312',
    latin: 'Times New Roman',
    pageNumber: '宋体',
  },
  sizes: { title: 22, body: 16, level1: 16, level2: 16, level3: 16, level4: 16, pageNumber: 14, table: 14 },
  margins: { top: 37, bottom: 35, left: 28, right: 26 },
  // 225 mm of type area / 22 lines.
  lineSpacing: 28.9,
  bold: { level1: false, level2: false, level3: true, level4: true },
};

/**
 * What Word and WPS fall back to when a font is not installed: the font table names an
 * installed face of the same kind (w:altName) and the GB2312 character set, so a machine
 * without 方正小标宋简体 shows 宋体, never Calibri or a sans face.
 */
export const FONT_FALLBACKS: Readonly<Record<string, { altName: string; family: 'roman' | 'modern' | 'swiss'; panose: string }>> = {
  方正小标宋简体: { altName: '宋体', family: 'roman', panose: '02000000000000000000' },
  方正小标宋_GBK: { altName: '宋体', family: 'roman', panose: '02000000000000000000' },
  仿宋_GB2312: { altName: '仿宋', family: 'modern', panose: '02010609030101010101' },
  楷体_GB2312: { altName: '楷体', family: 'modern', panose: '02010609030101010101' },
  仿宋: { altName: 'FangSong', family: 'modern', panose: '02010609060101010101' },
  楷体: { altName: 'KaiTi', family: 'modern', panose: '02010609060101010101' },
  黑体: { altName: 'SimHei', family: 'modern', panose: '02010609060101010101' },
  宋体: { altName: 'SimSun', family: 'roman', panose: '02010600030101010101' },
};

/** A size in points from a number or a 字号 name; null when it is neither. */
export function sizeInPoints(value: number | string | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 && value <= 200 ? value : null;
  if (typeof value === 'string') {
    const named = CHINESE_SIZES[value.trim()];
    if (named !== undefined) return named;
    const n = Number(value.trim().replace(/\s*(pt|磅)$/i, ''));
    return Number.isFinite(n) && n > 0 && n <= 200 ? n : null;
  }
  return null;
}

/** The default layout with a template's overrides applied; values that make no sense are ignored. */
export function resolveLayout(overrides?: LayoutOverrides | null): Layout {
  const base = GBT9704_LAYOUT;
  const o = overrides ?? {};
  const fonts = { ...base.fonts };
  for (const [k, v] of Object.entries(o.fonts ?? {})) if (k in fonts && typeof v === 'string' && v.trim()) fonts[k as FontRole] = v.trim();
  const sizes = { ...base.sizes };
  // The headings follow the body size unless they are given their own.
  const body = sizeInPoints(o.sizes?.body);
  if (body !== null) for (const k of ['body', 'level1', 'level2', 'level3', 'level4'] as const) sizes[k] = body;
  for (const [k, v] of Object.entries(o.sizes ?? {})) {
    const pt = sizeInPoints(v);
    if (k in sizes && pt !== null) sizes[k as SizeRole] = pt;
  }
  const margins = { ...base.margins };
  for (const [k, v] of Object.entries(o.margins ?? {})) if (k in margins && typeof v === 'number' && v >= 0 && v <= 100) margins[k as keyof typeof margins] = v;
  const lineSpacing = typeof o.lineSpacing === 'number' && o.lineSpacing >= 6 && o.lineSpacing <= 100 ? o.lineSpacing : base.lineSpacing;
  const bold = { ...base.bold };
  for (const [k, v] of Object.entries(o.bold ?? {})) if (k in bold && typeof v === 'boolean') bold[k as keyof typeof bold] = v;
  return { fonts, sizes, margins, lineSpacing, bold };
}

/** Twentieths of a point per millimetre. */
export const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (value: number) => Math.round(value * TWIPS_PER_MM);
