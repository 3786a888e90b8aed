/**
 * Inline spans inside one line where placeholders are never looked for: code spans,
 * autolinks and inline HTML (comments included), bare URLs, link destinations.
 *
 * Every step is linear in the line (a hostile line of 100,000 backticks, `<!--` or `](`
 * must not take quadratic time), and the spans come back sorted and disjoint so that
 * `inSpans` is a binary search.
 */
export type Span = readonly [start: number, end: number];

const URL_RE = /\b(?:https?|ftp):\/\/[^\s<>"'“”‘’（）()，。；、]+|\bwww\.[A-Za-z0-9-]+\.[^\s<>"'“”‘’（）()，。；、]+/g;
const TAG_RE = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|<[^\s<>@]+@[^\s<>@]+>/g;
const LINK_TITLE_RE = /\s+"[^"\n]{0,200}"\)/y;

export function excludedSpans(line: string, from: number): Span[] {
  const spans: Span[] = [];
  codeSpans(line, from, spans);
  const add = (re: RegExp) => {
    re.lastIndex = from;
    for (let m = re.exec(line); m; m = re.exec(line)) spans.push([m.index, m.index + m[0].length]);
  };
  if (line.includes('<', from)) {
    comments(line, from, spans);
    add(TAG_RE);
  }
  if (line.includes('://', from) || line.includes('www.', from)) add(URL_RE);
  if (line.includes('](', from)) linkDestinations(line, from, spans);
  return disjoint(spans);
}

/** Code spans: a backtick run closed by the next run of the same length (CommonMark). */
function codeSpans(line: string, from: number, spans: Span[]): void {
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let i = line.indexOf('`', from); i >= 0; i = line.indexOf('`', i)) {
    let j = i;
    while (line.charCodeAt(j) === 0x60) j++;
    starts.push(i);
    lengths.push(j - i);
    i = j;
  }
  if (starts.length < 2) return;
  // For each run, the next run of the same length: one pass from the end.
  const next = new Int32Array(starts.length).fill(-1);
  const seen = new Map<number, number>();
  for (let k = starts.length - 1; k >= 0; k--) {
    next[k] = seen.get(lengths[k]!) ?? -1;
    seen.set(lengths[k]!, k);
  }
  for (let k = 0; k < starts.length; ) {
    const close = next[k]!;
    if (close < 0) {
      k++;
      continue;
    }
    spans.push([starts[k]!, starts[close]! + lengths[close]!]);
    k = close + 1;
  }
}

/** `<!-- … -->` comments; an unclosed one ends the search (nothing after it can close). */
function comments(line: string, from: number, spans: Span[]): void {
  for (let i = line.indexOf('<!--', from); i >= 0; ) {
    const end = line.indexOf('-->', i + 4);
    if (end < 0) return;
    spans.push([i, end + 3]);
    i = line.indexOf('<!--', end + 3);
  }
}

/** `](dest)` and `](dest "title")`: where each destination stops is found once for the line. */
function linkDestinations(line: string, from: number, spans: Span[]): void {
  let stop = -1;
  for (let i = line.indexOf('](', from); i >= 0; i = line.indexOf('](', i + 2)) {
    if (stop < i + 2) {
      stop = i + 2;
      while (stop < line.length) {
        const c = line.charCodeAt(stop);
        if (c === 0x29 || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0x0b) break;
        stop++;
      }
    }
    if (line.charCodeAt(stop) === 0x29) spans.push([i, stop + 1]);
    else if (stop < line.length) {
      LINK_TITLE_RE.lastIndex = stop;
      const m = LINK_TITLE_RE.exec(line);
      if (m) spans.push([i, stop + m[0].length]);
    }
  }
}

/** Sorted, overlapping spans merged. */
function disjoint(spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of spans) {
    const last = out[out.length - 1];
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Whether `pos` falls in one of `spans` (sorted and disjoint, as `excludedSpans` returns them). */
export function inSpans(spans: readonly Span[], pos: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![1] <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo]![0] <= pos;
}
