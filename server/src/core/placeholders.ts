/**
 * Placeholders in one line of text: asterisk runs (never mistaken for emphasis), masks
 * (`××`, `XX`, `x.x%`, `202X年`, `□□`), written prompts (`[填写…]`, `【待填…】`, `{{…}}`) and
 * blanks (`____`, `＿＿＿`, `（    ）`, `( 年度)`, `    年  月  日`).
 *
 * Emphasis is decided on the source text, stricter than CommonMark: a pair of equal `*`
 * runs is emphasis when the opener stands at the start of the content or after a space or
 * punctuation, the closer before the end, a space or punctuation, and only text lies
 * between them. A run next to a unit (`**次`, `***万元`) or a digit is a placeholder. A pair
 * that CommonMark renders as emphasis but that could be two placeholders (`甲**重点**乙`,
 * `，**市**、**县**两级`) is *ambiguous*: the document decides (see `documentMode`).
 *
 * Some blanks only mean "to fill" in a template: a line that is nothing but `……`, or a form
 * label with no value (`项目名称`, `填报日期：`). They are `templateOnly`.
 *
 * Every step is linear in the line: hostile lines of 100,000 runs must not be quadratic.
 */
import type { PlaceholderOptions } from './options';
import type { PlaceholderForm, PlaceholderKind } from './types';
import { classifyPlaceholder, classifyPrompt, valueKindAfter } from './kinds';
import { inSpans, type Span } from './inline';

export interface LinePlaceholder {
  start: number;
  end: number;
  kind: PlaceholderKind;
  form: PlaceholderForm;
}

export interface EmphasisPair {
  open: Span;
  close: Span;
}

/** A pair that is bold text or two placeholders, as the document decides. */
export interface AmbiguousPair extends EmphasisPair {
  /** From the opener's start to the closer's end. */
  start: number;
  end: number;
}

export interface LineScan {
  /** Placeholders in any document, in line order. */
  placeholders: LinePlaceholder[];
  /** Delimiter runs that are real emphasis, in pairs. */
  emphasis: EmphasisPair[];
  /** Pairs that could be emphasis or two placeholders. */
  ambiguous: AmbiguousPair[];
  /** Placeholders only in a template: `……` lines, form labels with no value. */
  templateOnly: LinePlaceholder[];
}

/**
 * What a document's own marks say it is. `template`: its placeholders outnumber its bold
 * spans, so an ambiguous pair is two placeholders; `filled`: the other way round, so it is
 * bold; `undecided`: neither, so it is bold (as CommonMark renders it) and reported once.
 */
export type DocumentMode = 'template' | 'filled' | 'undecided';

export interface ModeVotes {
  /** Placeholders found in any document (each one). */
  template: number;
  /** Emphasis pairs that are certainly bold. */
  bold: number;
}

export function documentMode(votes: ModeVotes): DocumentMode {
  if (votes.template > votes.bold) return 'template';
  if (votes.bold > votes.template) return 'filled';
  return 'undecided';
}

interface Run {
  start: number;
  end: number;
  /** Several runs joined by decimal points (`**.**`): never an emphasis delimiter. */
  joined?: boolean;
}

const PUNCT_OR_SPACE = /[\s\p{P}\p{S}]/u;
const WORDISH = /[\p{L}\p{N}]/u;
/** Text right after a placeholder that makes a would-be emphasis pair read as values. */
const VALUE_CONTEXT = /^(?:[次人项个名件篇场起家户条份支块处期类辆台吨升亩头米天年月日号%％市县区镇乡村省委队局]|万元|亿元|同志)/;
const MASK_JOINERS = '.．-=+×/';

function isAsterisk(c: string | undefined): boolean {
  return c === '*' || c === '＊';
}

/** A unit of the CJK ideograph blocks (U+3400–U+9FFF): a letter, never punctuation or space. */
function isHan(c: number): boolean {
  return c >= 0x3400 && c <= 0x9fff;
}

/** Before an opener: the content start, a space, or punctuation that is not part of a mask. */
function isBoundaryBefore(line: string, pos: number, contentStart: number): boolean {
  if (pos <= contentStart) return true;
  if (isHan(line.charCodeAt(pos - 1))) return false; // a letter: the common case, without a string for it
  const c = line[pos - 1]!;
  if (isAsterisk(c) || !PUNCT_OR_SPACE.test(c)) return false;
  return !(MASK_JOINERS.includes(c) && isAsterisk(line[pos - 2]));
}
/** After a closer: the end, a space, or punctuation that does not continue a mask. */
function isBoundaryAfter(line: string, pos: number): boolean {
  if (pos >= line.length) return true;
  if (isHan(line.charCodeAt(pos))) return false;
  const c = line[pos]!;
  if (isAsterisk(c) || !PUNCT_OR_SPACE.test(c)) return false;
  return !(MASK_JOINERS.includes(c) && isAsterisk(line[pos + 1]));
}

/** CommonMark: a `*` run that can open emphasis (left-flanking). */
function leftFlanking(line: string, start: number, end: number): boolean {
  const next = line[end];
  if (next === undefined || /\s/.test(next)) return false;
  if (!PUNCT_OR_SPACE.test(next)) return true;
  const prev = line[start - 1];
  return prev === undefined || PUNCT_OR_SPACE.test(prev);
}
/** CommonMark: a `*` run that can close emphasis (right-flanking). */
function rightFlanking(line: string, start: number, end: number): boolean {
  const prev = line[start - 1];
  if (prev === undefined || /\s/.test(prev)) return false;
  if (!PUNCT_OR_SPACE.test(prev)) return true;
  const next = line[end];
  return next === undefined || PUNCT_OR_SPACE.test(next);
}

/** `*.*`, `**.**`, `***.*`: runs joined by a decimal point make one placeholder. */
function joinDecimals(line: string, runs: Run[]): Run[] {
  // The runs are this scan's own (asteriskRuns): joined into the first of them, not copied.
  const out: Run[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && r.start === last.end + 1 && (line[last.end] === '.' || line[last.end] === '．')) {
      last.end = r.end;
      last.joined = true;
    } else out.push(r);
  }
  return out;
}

/** Whether a list is already in order by start (most lines' are: no sort, which copies). */
function byStart(list: readonly { start: number }[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1]!.start > list[i]!.start) return false;
  return true;
}

function asteriskRuns(line: string, from: number, to: number, spans: readonly Span[], ch: string): Run[] {
  const runs: Run[] = [];
  for (let i = line.indexOf(ch, from); i >= 0 && i < to; i = line.indexOf(ch, i)) {
    let e = i;
    while (e < to && line[e] === ch) e++;
    let s = i;
    // `\*` is a literal asterisk: the run starts after it.
    if (ch === '*' && line[s - 1] === '\\' && !isEscaped(line, s - 1)) s++;
    if (s < e && !inSpans(spans, s)) runs.push({ start: s, end: e });
    i = e;
  }
  return runs;
}

function isEscaped(line: string, backslash: number): boolean {
  let n = 0;
  for (let i = backslash - 1; i >= 0 && line[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

function hasEdgeSpace(s: string): boolean {
  return /\s/.test(s[0]!) || /\s/.test(s[s.length - 1]!);
}

function asPlaceholder(line: string, r: Run): LinePlaceholder {
  return { start: r.start, end: r.end, kind: classifyPlaceholder(line, r.start, r.end), form: 'asterisk' };
}

/** Pairs `*` runs into emphasis, ambiguous pairs and leftover placeholder runs. */
function pairAsterisks(line: string, runs: Run[], contentStart: number, out: LineScan, rest: Run[]): void {
  for (let r = 0; r < runs.length; r++) {
    const open = runs[r]!;
    const close = runs[r + 1];
    const len = open.end - open.start;
    // A pair needs boundaries around it (strict) or a closer of the opener's length (CommonMark):
    // most runs have neither, and the text between them is never read.
    const closeEnd = close ? close.start + len : 0;
    const candidate = !!close && !open.joined && !close.joined && len <= 3 && close.end - close.start >= len;
    const strictBounds = candidate && isBoundaryBefore(line, open.start, contentStart) && isBoundaryAfter(line, close!.end);
    if (close && candidate && (strictBounds || closeEnd === close.end)) {
      const inner = line.slice(open.end, close.start);
      const innerOk = inner.length > 0 && WORDISH.test(inner) && !hasEdgeSpace(inner);
      const strict = innerOk && strictBounds;
      if (strict && !looksLikeValues(line, inner, close.end)) {
        // Extra asterisks glued to the closer (`**计划******`) are stray markup, not a value.
        out.emphasis.push({ open: [open.start, open.end], close: [close.start, closeEnd] });
        r++;
        continue;
      }
      const commonMark = innerOk && closeEnd === close.end && leftFlanking(line, open.start, open.end) && rightFlanking(line, close.start, close.end);
      if (strict || (commonMark && !valueRuns(line, inner, open, close))) {
        out.ambiguous.push({ open: [open.start, open.end], close: [close.start, close.end], start: open.start, end: close.end });
        r++;
        continue;
      }
    }
    rest.push(open);
  }
}

/**
 * A lone `*` that marks a note, not a value: `带*为必填项`, `注：*为初步数`, `增长15%*，`.
 * (`200*年`, `共*项` stay placeholders: a unit follows.)
 */
function isFootnoteMark(line: string, r: Run, from: number): boolean {
  if (r.end - r.start !== 1 || line[r.start] !== '*') return false;
  const prev = r.start > from ? line[r.start - 1]! : '';
  const next = line[r.end] ?? '';
  if (/^(?:为|表示|号|者|的)/.test(line.slice(r.end, r.end + 2))) return prev === '' || /[\s带标加打有注：:（(，,]/.test(prev);
  return /[%％‰0-9０-９]/.test(prev) && (next === '' || PUNCT_OR_SPACE.test(next)) && !isAsterisk(next);
}

/** `，**市**、**县**` reads as two name placeholders as much as bold 市. */
function looksLikeValues(line: string, inner: string, closeEnd: number): boolean {
  return inner.length <= 4 && [...inner].length <= 2 && VALUE_CONTEXT.test(inner) && closeEnd < line.length && !/\s/.test(line[closeEnd]!);
}

/** Runs that stand for values whatever the document: before a unit (`**次，…***万元`) or after a digit. */
function valueRuns(line: string, inner: string, open: Run, close: Run): boolean {
  if (VALUE_CONTEXT.test(inner) || VALUE_CONTEXT.test(line.slice(close.end, close.end + 2))) return true;
  if (valueKindAfter(line, close.end) !== null) return true;
  return isDigit(line.charCodeAt(open.start - 1));
}

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}
function isLatin(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
function isMaskChar(c: number): boolean {
  return c === 0x58 || c === 0x78 || c === 0xd7; // X x ×
}
/** Between two mask runs: a decimal point or a range (`x.x%`, `x-x月`). */
const MASK_RANGE_JOINERS = new Set([0x2e, 0xff0e, 0x2d, 0xff0d, 0x2014, 0xff5e, 0x7e]);
const YEAR_HEAD = /(?:^|[^0-9])[12][0-9]{1,2}$/;

/**
 * Masks made of `×`, `X`, `x`: runs of two or more (`××局`, `XX单位`, `GDPxxxx`), one before
 * a unit (`x%`, `X月X日`, `202X年`), and runs joined by a decimal point or a range dash
 * (`x.x%`, `x-x月`, one placeholder). Never part of a Latin word (`Xbox`, `0xFF`, `XXL`),
 * never a multiplication (`2×66万千瓦`, `×0.25`, `数据要素×`).
 */
function scanMasks(line: string, from: number, to: number, spans: readonly Span[], taken: Taken, found: LinePlaceholder[]): void {
  let i = from;
  while (i < to) {
    while (i < to && !isMaskChar(line.charCodeAt(i))) i++;
    if (i >= to) return;
    const s = i;
    const lens: number[] = [];
    for (;;) {
      const runStart = i;
      while (i < to && isMaskChar(line.charCodeAt(i))) i++;
      lens.push(i - runStart);
      if (i + 1 < to && MASK_RANGE_JOINERS.has(line.charCodeAt(i)) && isMaskChar(line.charCodeAt(i + 1))) i++;
      else break;
    }
    const e = i;
    if (inSpans(spans, s) || taken.overlaps(s, e) || !isMask(line, s, e, lens)) continue;
    found.push({ start: s, end: e, kind: classifyPlaceholder(line, s, e), form: 'mask' });
  }
}

function isMask(line: string, s: number, e: number, lens: readonly number[]): boolean {
  const prev = line.charCodeAt(s - 1);
  const next = line.charCodeAt(e);
  const latinRuns = /[Xx]/.test(line.slice(s, e));
  // `XXkg`, `xx万kWh`: a unit glued to the mask, never a word such as `XXL` or `Xbox`.
  if (latinRuns && isLatin(next)) return lens.length === 1 && lens[0]! >= 2 && !isLatin(prev) && LATIN_UNIT.test(line.slice(e, e + 5));
  if (latinRuns && isLatin(prev)) {
    // `GDPxxxx`: lower-case x after capitals is a mask glued to an abbreviation.
    return prev >= 0x41 && prev <= 0x5a && lens.length === 1 && lens[0]! >= 2 && /^x+$/.test(line.slice(s, e));
  }
  const unit = valueKindAfter(line, e) !== null;
  if (lens.length > 1) return unit || lens.every((n) => n >= 2);
  if (lens[0]! >= 2) return true;
  const dateUnit = /[年月日号]/.test(line[e] ?? '');
  if (isDigit(prev)) {
    if (line[s] === '×') return dateUnit;
    // `202X年`, `200x年`: the last digit of a year.
    return line[e] === '年' && YEAR_HEAD.test(line.slice(Math.max(0, s - 4), s));
  }
  return unit;
}

/** Units written in Latin letters that a mask may be glued to (`XXkg`, `xxkWh`). */
const LATIN_UNIT = /^(?:kg|km|cm|mm|ml|mL|kW|kWh|MW|MWh|GW|GWh|kV|kVA|GB|MB|TB|Hz|kHz|MHz|GHz)(?![A-Za-z])/;
/**
 * Date masks in the letters of a date format: `YYYY-MM-DD`, `YYYY/MM`, `MM-DD` (one
 * placeholder each), `YYYY年`, `MM月`, `DD日` (one per part, like `X月X日`). `MM` or `DD`
 * without a date unit after them is an abbreviation, not a mask.
 */
const DATE_MASK_RE = /(?<![A-Za-z0-9_])(?:(?:YYYY|yyyy)(?:[-/.](?:MM|mm)(?:[-/.](?:DD|dd))?)?|(?:MM|mm)[-/.](?:DD|dd)|(?:MM|mm)(?=月)|(?:DD|dd)(?=[日号]))(?![A-Za-z0-9_])/g;
/** A template variable in single braces: `{report_title}`, `{单位名称}` (not `{{…}}`, `${…}` or LaTeX's `\frac{a}`). */
/** Layout directives of Markdown converters in the same braces: instructions, not values (`{pagebreak}`, `{toc}`). */
const LAYOUT_DIRECTIVE = /^(?:pagebreak|page_break|newpage|new_page|clearpage|pb|toc|linebreak|br)$/i;
const BRACE_RE = /(?<![{}$\\A-Za-z0-9_])\{([A-Za-z_][A-Za-z0-9_]{1,40}|[\u3400-\u9fff]{2,12})\}(?!\})/g;
/** `□□`, `○○`: masked characters; never a ticked box (`□√`) or the zero of `二○○八`. */
const BOX_RE = /(?<![〇零一二三四五六七八九十○□√✓✔])(?:□{2,}|○{2,})(?![〇零一二三四五六七八九十○□√✓✔])/g;
/**
 * `[填写单位名称]`, `[单位名称][时间范围]` (brackets side by side are prompts, unless the second
 * is a Latin reference label as in `[文字][ref]`), `【待填：日期】`, `{{amount}}`, `${count}`.
 */
const PROMPT_RE = /\{\{[^{}\n]{1,100}\}\}|\$\{[^{}\n]{1,100}\}|(?<![!\\]|!\[[^\[\]\n]{0,60}\])\[([^\[\]\n]{1,60})\](?![(:]|\[[^\[\]\n\u3400-\u9fff]*\])|【([^【】\n]{1,60})】/g;
const HANDLEBARS_RE = /\{\{[^{}\n]{1,100}\}\}/g;

/**
 * The logic of a Handlebars/Mustache template, not a blank: blocks (`#each x`, `/each`, `^x`),
 * `else`, comments (`!…`), partials (`> name`), the engine's own values (`@index`, `this`, `.`)
 * and a helper called with arguments (`add @index 1`, `formatDate date "YYYY"`, `eq a b`).
 */
function templateLogic(tag: string): boolean {
  const t = tag.replace(/^~|~$/g, '').trim();
  if (/^[#/^!>]/.test(t) || /^else(?:\s|$)/.test(t) || /^(?:@[A-Za-z_]\w*|this|\.)$/.test(t)) return true;
  const words = t.split(/\s+/);
  if (words.length < 2 || !/^[a-z][A-Za-z0-9_]*$/.test(words[0]!)) return false;
  return words.length >= 3 || words.slice(1).some((w) => /^[@"'(0-9]|[=.]/.test(w));
}

const BLANK_RE = /(?<![A-Za-z0-9_])_{3,}(?![A-Za-z0-9_])|＿{3,}/g;
/** Brackets that hold only a blank (`（    ）`, `【　】`, `(    )`) or a blank before a date unit (`( 年度)`). */
const EMPTY_BRACKET_RE = /（(?:[ \u3000\u00a0]{2,}|\u3000)）|【(?:[ \u3000\u00a0]{2,}|\u3000)】|\([ \u3000\u00a0]{2,}\)|[（(](?:[ \u3000\u00a0]+(?:年度|季度|年|月|日))+[ \u3000\u00a0]*[）)]/g;
/** A date written as blanks: `    年  月  日`, `2023年  月  日`. */
const BLANK_DATE_RE = /(?:[ \u3000\u00a0]{2,}年)?[ \u3000\u00a0]{2,}月[ \u3000\u00a0]{2,}日/g;
/** A date with no number left in it: `——年月日在…会议上`, `年 月 日` (never `出生年月日`, `2024年`). */
const EMPTY_DATE_RE = /(?<![\u3400-\u9fffA-Za-z0-9０-９〇○])年[ \u3000]?月[ \u3000]?日/g;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const PROMPT_WORD = /^(?:待|请|填|此处|输入|补充|建议补充|TODO|todo)|(?:^|[/／、])(?:单位|姓名|名称|日期|时间|年份|月份|数字|金额|数据|地点|部门|职务|职称|标题|内容|事项|文号|项目|人名|地名)(?:$|[/／、])|^[\u3400-\u9fff]{1,8}(?:名称|姓名)$/;
/** A line that is only an omission mark, after an optional item number: `(1)……`, `……`. */
const ELLIPSIS_LINE = /^((?:[(（][0-9０-９一二三四五六七八九十]{1,3}[)）]|[0-9０-９]{1,2}[、.．])?[ \u3000]*)((?:…|\.{3,6}|。{3,6})+)[ \u3000]*$/;
/** An instruction in brackets standing alone: `(主要是项目的实施背景……等)`. */
const INSTRUCTION_LINE = /^(?:\|[ \u3000]*)?([（(](?:(?:主要是|主要|包括|请|填写|简要|简述|列明|写明|注明|说明|例如)[^()（）\n]{2,80}|[^()（）\n]{2,80}等)[）)])[ \u3000]*\|?$/;
/** A form label with no value: `项目名称`, `| 联系电话`, `部门(公章)`, `填报日期：`. */
const FIELD_LINE = /^(?:\|[ \u3000]*)?([\u3400-\u9fff]{0,12}(?:[:：][\u3400-\u9fff]{1,12})?(?:名称|编码|编号|单位|部门|负责人|联系人|电话|科目|类型|时间|日期|预算|金额|拨款|地址|邮编|姓名|职务|职称)(?:[（(](?:公章|盖章|签字|签名|签章)[）)])?)[ \u3000]*[:：]?[ \u3000]*\|?$/;

/** Which columns already hold a placeholder (marked, so each check costs the match's length). */
class Taken {
  private marks: Uint8Array | null = null;
  constructor(private readonly length: number) {}
  add(p: { start: number; end: number }): void {
    this.span(p.start, p.end);
  }
  span(s: number, e: number): void {
    this.marks ??= new Uint8Array(this.length);
    this.marks.fill(1, s, e);
  }
  overlaps(s: number, e: number): boolean {
    if (!this.marks) return false;
    for (let i = s; i < e; i++) if (this.marks[i]) return true;
    return false;
  }
}

function scanRegex(
  line: string,
  re: RegExp,
  from: number,
  to: number,
  spans: readonly Span[],
  taken: Taken,
  each: (m: RegExpExecArray) => LinePlaceholder | null,
  out: LinePlaceholder[],
): void {
  re.lastIndex = from;
  for (let m = re.exec(line); m && m.index < to; m = re.exec(line)) {
    const s = m.index;
    const e = s + m[0].length;
    if (e === s) re.lastIndex++;
    if (inSpans(spans, s) || taken.overlaps(s, e)) continue;
    const p = each(m);
    if (p) out.push(p);
  }
}

/**
 * Scans `line[from, to)` for placeholders. `contentStart` is where the line's text begins
 * (after indentation, list and heading markers), for deciding whether a run opens emphasis.
 */
export function scanLine(
  line: string,
  from: number,
  to: number,
  contentStart: number,
  spans: readonly Span[],
  options: PlaceholderOptions,
): LineScan {
  const out: LineScan = { placeholders: [], emphasis: [], ambiguous: [], templateOnly: [] };
  let found = out.placeholders;
  if (options.asterisks && (line.includes('*', from) || line.includes('＊', from))) {
    const rest: Run[] = [];
    pairAsterisks(line, joinDecimals(line, asteriskRuns(line, from, to, spans, '*')), contentStart, out, rest);
    for (const r of joinDecimals(line, asteriskRuns(line, from, to, spans, '＊'))) rest.push(r);
    if (!byStart(rest)) rest.sort((a, b) => a.start - b.start);
    for (const r of rest) if (!isFootnoteMark(line, r, from)) found.push(asPlaceholder(line, r));
  }
  const taken = new Taken(line.length);
  const mark = (list: readonly LinePlaceholder[], start: number) => {
    for (let i = start; i < list.length; i++) taken.add(list[i]!);
  };
  mark(found, 0);
  for (const a of out.ambiguous) {
    taken.span(a.open[0], a.open[1]);
    taken.span(a.close[0], a.close[1]);
  }
  // A template's logic (`{{formatDate d "YYYY年"}}`) holds no mask either.
  if (options.prompts && line.includes('{{', from)) {
    HANDLEBARS_RE.lastIndex = from;
    for (let m = HANDLEBARS_RE.exec(line); m && m.index < to; m = HANDLEBARS_RE.exec(line)) {
      if (templateLogic(m[0].slice(2, -2))) taken.span(m.index, m.index + m[0].length);
    }
  }
  if (options.masks) {
    let n = found.length;
    if (/[×Xx]/.test(line)) scanMasks(line, from, to, spans, taken, found);
    mark(found, n);
    n = found.length;
    if (/YYYY|yyyy|MM|mm|DD|dd/.test(line)) {
      scanRegex(line, DATE_MASK_RE, from, to, spans, taken, (m) => ({ start: m.index, end: m.index + m[0].length, kind: 'date', form: 'mask' }), found);
    }
    mark(found, n);
    n = found.length;
    if (line.includes('□□', from) || line.includes('○○', from)) {
      scanRegex(line, BOX_RE, from, to, spans, taken, (m) => ({ start: m.index, end: m.index + m[0].length, kind: classifyPlaceholder(line, m.index, m.index + m[0].length), form: 'mask' }), found);
    }
    mark(found, n);
  }
  if (options.prompts && /[[【{]/.test(line)) {
    const n = found.length;
    scanRegex(line, PROMPT_RE, from, to, spans, taken, (m) => {
      const inner = m[1] ?? m[2];
      if (m[0].startsWith('{{') && templateLogic(m[0].slice(2, -2))) return null;
      if (m[1] !== undefined && (!CJK.test(inner!) || /^[ xX]$/.test(inner!))) return null;
      if (m[2] !== undefined && !PROMPT_WORD.test(inner!.trim())) return null;
      const s = m.index;
      return { start: s, end: s + m[0].length, kind: classifyPrompt(inner ?? m[0]), form: 'prompt' };
    }, found);
    mark(found, n);
    if (line.includes('{', from) && line.includes('}', from)) {
      const k = found.length;
      scanRegex(line, BRACE_RE, from, to, spans, taken, (m) => {
        const inner = m[1]!;
        if (CJK.test(inner) ? !PROMPT_WORD.test(inner) : LAYOUT_DIRECTIVE.test(inner)) return null;
        return { start: m.index, end: m.index + m[0].length, kind: classifyPrompt(inner), form: 'prompt' };
      }, found);
      mark(found, k);
    }
  }
  if (options.blanks) {
    const blank = (kind?: PlaceholderKind) => (m: RegExpExecArray): LinePlaceholder => {
      const s = m.index;
      const e = s + m[0].length;
      return { start: s, end: e, kind: kind ?? classifyPlaceholder(line, s, e), form: 'blank' };
    };
    let n = found.length;
    if (line.includes('___', from) || line.includes('＿＿＿', from)) {
      scanRegex(line, BLANK_RE, from, to, spans, taken, (m) => {
        if (m[0][0] === '_' && line.slice(contentStart).trim() === m[0]) return null; // a thematic break
        return blank()(m);
      }, found);
    }
    mark(found, n);
    n = found.length;
    if (/[（【(][ \u3000\u00a0]/.test(line)) scanRegex(line, EMPTY_BRACKET_RE, from, to, spans, taken, (m) => blank(/[年月日]/.test(m[0]) ? 'date' : undefined)(m), found);
    mark(found, n);
    if (line.includes('月', from) && /[ \u3000\u00a0]{2}日/.test(line)) scanRegex(line, BLANK_DATE_RE, from, to, spans, taken, blank('date'), found);
    mark(found, n);
    if (line.includes('年', from) && /年[ \u3000]?月[ \u3000]?日/.test(line)) scanRegex(line, EMPTY_DATE_RE, from, to, spans, taken, blank('date'), found);
    templateOnlyBlanks(line, from, to, spans, out.templateOnly);
  }
  if (found.length > 1 && !byStart(found)) found = out.placeholders = found.sort((a, b) => a.start - b.start);
  return out;
}

/** `……` lines and form labels with no value: placeholders when the document is a template. */
function templateOnlyBlanks(line: string, from: number, to: number, spans: readonly Span[], out: LinePlaceholder[]): void {
  if (to - from > 90 || inSpans(spans, from)) return;
  const content = line.slice(from, to);
  const note = INSTRUCTION_LINE.exec(content);
  if (note) {
    const start = from + content.indexOf(note[1]!);
    out.push({ start, end: start + note[1]!.length, kind: classifyPrompt(note[1]!), form: 'prompt' });
    return;
  }
  if (to - from > 40) return;
  const dots = ELLIPSIS_LINE.exec(content);
  if (dots) {
    const start = from + dots[1]!.length;
    out.push({ start, end: start + dots[2]!.length, kind: 'other', form: 'blank' });
    return;
  }
  const field = FIELD_LINE.exec(content);
  if (field) {
    // Where the value goes: right after the label (and its colon), so filling it keeps the label.
    let at = from + content.indexOf(field[1]!) + field[1]!.length;
    const colon = /^[ \u3000]*[:：]/.exec(line.slice(at, to));
    if (colon) at += colon[0].length;
    out.push({ start: at, end: at, kind: classifyPrompt(field[1]!), form: 'blank' });
  }
}

/** The placeholders of `line` in a document of `mode`, in line order. */
export function placeholdersIn(line: string, scan: Pick<LineScan, 'placeholders' | 'ambiguous' | 'templateOnly'>, mode: DocumentMode): LinePlaceholder[] {
  if (mode !== 'template' || (!scan.ambiguous.length && !scan.templateOnly.length)) return scan.placeholders;
  const all = scan.placeholders.slice();
  for (const a of scan.ambiguous) {
    all.push(asPlaceholder(line, { start: a.open[0], end: a.open[1] }), asPlaceholder(line, { start: a.close[0], end: a.close[1] }));
  }
  for (const p of scan.templateOnly) all.push(p);
  return all.sort((a, b) => a.start - b.start);
}

/** The emphasis of a line in a document of `mode`, in line order. */
export function emphasisIn(scan: Pick<LineScan, 'emphasis' | 'ambiguous'>, mode: DocumentMode): EmphasisPair[] {
  if (mode === 'template' || !scan.ambiguous.length) return scan.emphasis;
  const all: EmphasisPair[] = scan.emphasis.slice();
  for (const a of scan.ambiguous) all.push(a);
  return all.sort((a, b) => a.open[0] - b.open[0]);
}

/** A line's votes on the document's mode. */
export function lineVotes(scan: Pick<LineScan, 'placeholders' | 'emphasis'>, into: ModeVotes): void {
  into.template += scan.placeholders.length;
  into.bold += scan.emphasis.length;
}
