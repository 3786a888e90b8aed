/**
 * Placeholders in one line of text: asterisk runs (never mistaken for emphasis), masks
 * (`××`, `XX`), written prompts (`[填写…]`, `【待填…】`, `{{…}}`) and blanks (`____`).
 *
 * Emphasis is decided on the source text, stricter than CommonMark: a pair of equal `*`
 * runs is emphasis only when the opener stands at the start of the content or after a
 * space or punctuation, the closer before the end, a space or punctuation, and nothing
 * but text lies between them. Everything else is a placeholder. A pair that passes the
 * CommonMark rules but not ours, with short plain text between (`我们**一定**要`), is
 * reported as ambiguous.
 */
import type { PlaceholderOptions } from './options';
import type { PlaceholderForm, PlaceholderKind } from './types';
import { classifyPlaceholder, classifyPrompt } from './kinds';
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

export interface LineScan {
  placeholders: LinePlaceholder[];
  /** Delimiter runs that are real emphasis, in pairs. */
  emphasis: EmphasisPair[];
  /** Pairs that could be emphasis or two placeholders (their runs are also placeholders). */
  ambiguous: EmphasisPair[];
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

/** Before an opener: the content start, a space, or punctuation that is not part of a mask. */
function isBoundaryBefore(line: string, pos: number, contentStart: number): boolean {
  if (pos <= contentStart) return true;
  const c = line[pos - 1]!;
  if (c === '*' || c === '＊' || !PUNCT_OR_SPACE.test(c)) return false;
  return !(MASK_JOINERS.includes(c) && (line[pos - 2] === '*' || line[pos - 2] === '＊'));
}
/** After a closer: the end, a space, or punctuation that does not continue a mask. */
function isBoundaryAfter(line: string, pos: number): boolean {
  if (pos >= line.length) return true;
  const c = line[pos]!;
  if (c === '*' || c === '＊' || !PUNCT_OR_SPACE.test(c)) return false;
  return !(MASK_JOINERS.includes(c) && (line[pos + 1] === '*' || line[pos + 1] === '＊'));
}
const MASK_JOINERS = '.．-=+×/';

/** `*.*`, `**.**`, `***.*`: runs joined by a decimal point make one placeholder. */
function joinDecimals(line: string, runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && r.start === last.end + 1 && (line[last.end] === '.' || line[last.end] === '．')) {
      last.end = r.end;
      last.joined = true;
    } else out.push({ ...r });
  }
  return out;
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

/** Pairs `*` runs into emphasis, ambiguous pairs and leftover placeholder runs. */
function pairAsterisks(line: string, runs: Run[], contentStart: number, out: LineScan, rest: Run[]): void {
  for (let r = 0; r < runs.length; r++) {
    const open = runs[r]!;
    const close = runs[r + 1];
    const len = open.end - open.start;
    if (close && !open.joined && !close.joined && len <= 3 && close.end - close.start >= len) {
      const inner = line.slice(open.end, close.start);
      const closeEnd = close.start + len;
      const innerOk = inner.length > 0 && WORDISH.test(inner) && !/^\s|\s$/.test(inner);
      const strict = innerOk && isBoundaryBefore(line, open.start, contentStart) && isBoundaryAfter(line, close.end);
      const pair: EmphasisPair = { open: [open.start, open.end], close: [close.start, closeEnd] };
      if (strict && !looksLikeValues(line, inner, close.end)) {
        out.emphasis.push(pair);
        if (closeEnd < close.end) rest.push({ start: closeEnd, end: close.end });
        r++;
        continue;
      }
      const plain = innerOk && closeEnd === close.end && [...inner].length <= 6 && !PUNCT_OR_SPACE.test(inner);
      if (strict || (plain && !VALUE_CONTEXT.test(inner) && !VALUE_CONTEXT.test(line.slice(closeEnd, closeEnd + 2)))) {
        out.ambiguous.push(pair);
        rest.push(open, close);
        r++;
        continue;
      }
    }
    rest.push(open);
  }
}

/** `，**市**、**县**` reads as two name placeholders as much as bold 市. */
function looksLikeValues(line: string, inner: string, closeEnd: number): boolean {
  return [...inner].length <= 2 && VALUE_CONTEXT.test(inner) && closeEnd < line.length && !/\s/.test(line[closeEnd]!);
}

const MASK_RE = /×{2,}|(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|(?<![A-Za-z0-9０-９])[×Xx](?=[年月日号])|(?<=[0-9０-９])×(?=[年月日号])/g;
const PROMPT_RE = /\{\{[^{}\n]{1,100}\}\}|\$\{[^{}\n]{1,100}\}|(?<![!\]\\])\[([^\[\]\n]{1,60})\](?![(\[:])|【([^【】\n]{1,60})】/g;
const BLANK_RE = /(?<![A-Za-z0-9_])_{3,}(?![A-Za-z0-9_])/g;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const PROMPT_WORD = /^(?:待|请|填|此处|输入|补充|建议补充|TODO|todo)|(?:^|[/／、])(?:单位|姓名|名称|日期|时间|年份|月份|数字|金额|数据|地点|部门|职务|职称|标题|内容|事项|文号|项目|人名|地名)(?:$|[/／、])/;

function scanRegex(
  line: string,
  re: RegExp,
  from: number,
  to: number,
  spans: readonly Span[],
  taken: (s: number, e: number) => boolean,
  each: (m: RegExpExecArray) => LinePlaceholder | null,
  out: LinePlaceholder[],
): void {
  re.lastIndex = from;
  for (let m = re.exec(line); m && m.index < to; m = re.exec(line)) {
    const s = m.index;
    const e = s + m[0].length;
    if (inSpans(spans, s) || taken(s, e)) continue;
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
  const out: LineScan = { placeholders: [], emphasis: [], ambiguous: [] };
  const found = out.placeholders;
  if (options.asterisks && (line.includes('*', from) || line.includes('＊', from))) {
    const rest: Run[] = [];
    pairAsterisks(line, joinDecimals(line, asteriskRuns(line, from, to, spans, '*')), contentStart, out, rest);
    rest.push(...joinDecimals(line, asteriskRuns(line, from, to, spans, '＊')));
    rest.sort((a, b) => a.start - b.start);
    for (const r of rest) {
      found.push({ start: r.start, end: r.end, kind: classifyPlaceholder(line, r.start, r.end), form: 'asterisk' });
    }
  }
  const taken = (s: number, e: number) => found.some((p) => s < p.end && p.start < e);
  if (options.masks && /[×Xx]/.test(line)) {
    scanRegex(line, MASK_RE, from, to, spans, taken, (m) => {
      const s = m.index;
      const e = s + m[0].length;
      return { start: s, end: e, kind: classifyPlaceholder(line, s, e), form: 'mask' };
    }, found);
  }
  if (options.prompts && /[[【{]/.test(line)) {
    scanRegex(line, PROMPT_RE, from, to, spans, taken, (m) => {
      const inner = m[1] ?? m[2];
      if (m[1] !== undefined && (!CJK.test(inner!) || /^[ xX]$/.test(inner!))) return null;
      if (m[2] !== undefined && !PROMPT_WORD.test(inner!.trim())) return null;
      const s = m.index;
      return { start: s, end: s + m[0].length, kind: classifyPrompt(inner ?? m[0]), form: 'prompt' };
    }, found);
  }
  if (options.blanks && line.includes('___', from)) {
    scanRegex(line, BLANK_RE, from, to, spans, taken, (m) => {
      if (line.slice(contentStart).trim() === m[0]) return null; // a thematic break
      const s = m.index;
      const e = s + m[0].length;
      return { start: s, end: e, kind: classifyPlaceholder(line, s, e), form: 'blank' };
    }, found);
  }
  found.sort((a, b) => a.start - b.start);
  return out;
}
