/**
 * Recognises a GB/T 9704 heading marker at the start of a line's content:
 * `一、` (1), `（一）` (2), `1．`/`1.` (3), `（1）` (4), with the variants real reports use
 * (half-width brackets, wrong punctuation after the marker, full-width digits).
 */
import type { HeadingLevel } from './types';
import { CN_NUMERAL_CLASS, parseChineseNumeral, parseDigits, toChineseNumeral as toCn } from './numerals';

export interface MarkerMatch {
  level: Exclude<HeadingLevel, 0>;
  ordinal: number;
  start: number;
  end: number;
  text: string;
  /** Half-width or mixed brackets, or full-width digits. */
  widthIssue: boolean;
  /** Punctuation after the marker that house style does not use (`二.`, `（一）、`, `1、`). */
  punctuationIssue: boolean;
  /** The marker as house style writes it. */
  canonical: string;
}

const L1 = new RegExp(`(${CN_NUMERAL_CLASS}{1,3})([、.．])`, 'y');
const L2 = new RegExp(`([（(])(${CN_NUMERAL_CLASS}{1,3})([）)])([、.．,，]?)`, 'y');
const L3 = /([0-9０-９]{1,2})([.．、])(?![0-9０-９])/y;
const L4 = /([（(])([0-9０-９]{1,2})([）)])([、.．,，]?)/y;

/** `一、二季度`, `三、四年级`, `一、二类`: numerals listed in prose, not a marker. */
const NUMERAL_RANGE = new RegExp(`^${CN_NUMERAL_CLASS}{1,3}(?:[、和及至到]${CN_NUMERAL_CLASS}{1,3})*(?:季度|年级|月份?|产业|类|级|档|批次?|期|线|等奖|号|轮|孩)`);

export type Level3Style = 'any' | 'halfwidth' | 'fullwidth';

export function matchMarker(line: string, at: number, level3: Level3Style): MarkerMatch | null {
  let m: RegExpExecArray | null;
  L1.lastIndex = at;
  if ((m = L1.exec(line)) && !(m[2] === '、' && NUMERAL_RANGE.test(line.slice(at + m[0].length)))) {
    const ordinal = parseChineseNumeral(m[1]!);
    if (ordinal !== null) {
      return make(1, ordinal, at, m[0], false, m[2] !== '、', `${m[1]}、`);
    }
  }
  L2.lastIndex = at;
  if ((m = L2.exec(line))) {
    const ordinal = parseChineseNumeral(m[2]!);
    if (ordinal !== null) {
      const width = m[1] !== '（' || m[3] !== '）';
      return make(2, ordinal, at, m[0], width, m[4] !== '', `（${m[2]}）`);
    }
  }
  L4.lastIndex = at;
  if ((m = L4.exec(line))) {
    const ordinal = parseDigits(m[2]!);
    if (ordinal !== null && ordinal > 0) {
      const width = m[1] !== '（' || m[3] !== '）' || /[０-９]/.test(m[2]!);
      return make(4, ordinal, at, m[0], width, m[4] !== '', `（${ordinal}）`);
    }
  }
  L3.lastIndex = at;
  if ((m = L3.exec(line))) {
    const ordinal = parseDigits(m[1]!);
    if (ordinal !== null && ordinal > 0) {
      const p = m[2]!;
      const wanted = level3 === 'halfwidth' ? '.' : '．';
      const bad = p === '、' || (level3 !== 'any' && p !== wanted);
      const canonical = `${ordinal}${level3 === 'any' && p !== '、' ? p : wanted}`;
      return make(3, ordinal, at, m[0], /[０-９]/.test(m[1]!), bad, canonical);
    }
  }
  return null;
}

function make(
  level: 1 | 2 | 3 | 4,
  ordinal: number,
  start: number,
  text: string,
  widthIssue: boolean,
  punctuationIssue: boolean,
  canonical: string,
): MarkerMatch {
  return { level, ordinal, start, end: start + text.length, text, widthIssue, punctuationIssue, canonical };
}

/** The marker for `ordinal` at `level` in house style (e.g. 3, level 2 → `（三）`). */
export function formatMarker(level: 1 | 2 | 3 | 4, ordinal: number, level3: Level3Style = 'any'): string {
  const cn = toCn(ordinal);
  switch (level) {
    case 1:
      return `${cn}、`;
    case 2:
      return `（${cn}）`;
    case 3:
      return `${ordinal}${level3 === 'halfwidth' ? '.' : '．'}`;
    case 4:
      return `（${ordinal}）`;
  }
}


const ANNEX = /^(?:附件|附录|附表)\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?\s*[:：]?\s*/;
/** `附5:` (a bare 附 needs its number). */
const ANNEX_SHORT = /^附\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[:：]?\s*/;

/** `附件1`, `附件 2：`, `附录`, `附5:`, `附件` alone (annex start); returns the number (1 if none) and text after. */
export function matchAnnex(content: string): { ordinal: number; rest: string } | null {
  const m = ANNEX.exec(content) ?? ANNEX_SHORT.exec(content);
  if (!m) return null;
  const n = m[1] ? (parseDigits(m[1]) ?? parseChineseNumeral(m[1])) : 1;
  return { ordinal: n ?? 1, rest: content.slice(m[0].length) };
}

/**
 * Decoration some writers put before a marker: `✨一、`, `★`, `■`, `◆`, `●`, `▲`, `•`
 * (pictographs, stars, geometric shapes, dingbats; not the checkbox `□`).
 */
const DECORATION = /(?:(?![□☐])[\p{Extended_Pictographic}\u2022\u25A0-\u25FF\u2605\u2606\u2660-\u2667\u2700-\u27BF\u2B50\u2B55\uFE0F\u200D])+[ \t\u3000]*/uy;

/** Where the text starts after a leading decoration at `at` (or `at` when there is none). */
export function skipDecoration(line: string, at: number): number {
  DECORATION.lastIndex = at;
  return DECORATION.exec(line) ? DECORATION.lastIndex : at;
}

/** The unit of a part marker and its rank among parts: 篇/编 above 部分/章 above 节. */
const PART_RANK: Record<string, number> = { 篇: 1, 编: 1, 部分: 2, 章: 2, 节: 3 };
const PART = new RegExp(`第(${CN_NUMERAL_CLASS}{1,3}|[0-9０-９]{1,2})(部分|篇|编|章|节)`, 'y');

export interface PartMatch {
  ordinal: number;
  /** 篇/编 1, 部分/章 2, 节 3. */
  rank: number;
  unit: string;
  digits: boolean;
  start: number;
  end: number;
  text: string;
}

/**
 * `第一部分`, `第二章`, `第三节` (or 第1章) at `at`, when the rest of the line reads as a title:
 * nothing, or a short text without sentence punctuation (`第一节课我们……。` is prose).
 */
export function matchPart(line: string, at: number, to: number): PartMatch | null {
  PART.lastIndex = at;
  const m = PART.exec(line);
  if (!m) return null;
  const rest = line.slice(PART.lastIndex, to).replace(/^[\s\u3000、:：.．]+/, '');
  if ([...rest].length > 40 || /[。，,；;！!？?]/.test(rest)) return null;
  const digits = /[0-9０-９]/.test(m[1]!);
  const ordinal = digits ? parseDigits(m[1]!) : parseChineseNumeral(m[1]!);
  if (!ordinal) return null;
  return { ordinal, rank: PART_RANK[m[2]!]!, unit: m[2]!, digits, start: at, end: at + m[0].length, text: m[0] };
}

/** The part marker for `ordinal` in the style of `marker` (`第一部分` → `第三部分`). */
export function formatPart(marker: string, ordinal: number): string {
  return marker.replace(/^第(?:[一二三四五六七八九十〇零]{1,3}|[0-9０-９]{1,2})/, (m) => `第${/[0-9０-９]/.test(m) ? ordinal : toCn(ordinal)}`);
}
