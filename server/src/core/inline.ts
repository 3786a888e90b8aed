/**
 * Inline spans inside one line where placeholders are never looked for: code spans,
 * autolinks and inline HTML (comments included), bare URLs, link destinations.
 */
export type Span = readonly [start: number, end: number];

const URL_RE = /\b(?:https?|ftp):\/\/[^\s<>"'“”‘’（）()，。；、]+|\bwww\.[A-Za-z0-9-]+\.[^\s<>"'“”‘’（）()，。；、]+/g;
const TAG_RE = /<!--[\s\S]*?-->|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|<[^\s<>@]+@[^\s<>@]+>/g;
const LINK_DEST_RE = /\]\([^)\s]*(?:\s+"[^"]*")?\)/g;

export function excludedSpans(line: string, from: number): Span[] {
  const spans: Span[] = [];
  // Code spans: a backtick run closed by a run of the same length.
  for (let i = line.indexOf('`', from); i >= 0 && i < line.length; ) {
    let j = i;
    while (line[j] === '`') j++;
    const run = j - i;
    let k = line.indexOf('`', j);
    let closed = -1;
    while (k >= 0) {
      let e = k;
      while (line[e] === '`') e++;
      if (e - k === run) {
        closed = e;
        break;
      }
      k = line.indexOf('`', e);
    }
    if (closed < 0) {
      i = line.indexOf('`', j);
      continue;
    }
    spans.push([i, closed]);
    i = line.indexOf('`', closed);
  }
  const add = (re: RegExp) => {
    re.lastIndex = from;
    for (let m = re.exec(line); m; m = re.exec(line)) spans.push([m.index, m.index + m[0].length]);
  };
  if (line.includes('<', from)) add(TAG_RE);
  if (line.includes('://', from) || line.includes('www.', from)) add(URL_RE);
  if (line.includes('](', from)) add(LINK_DEST_RE);
  return spans.sort((a, b) => a[0] - b[0]);
}

export function inSpans(spans: readonly Span[], pos: number): boolean {
  for (const [s, e] of spans) {
    if (pos < s) return false;
    if (pos < e) return true;
  }
  return false;
}
