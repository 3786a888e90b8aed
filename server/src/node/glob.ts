/**
 * Glob patterns from the workspace (`.report-author.json`, the `reportAuthor.templates`
 * setting) compiled to RE2, a linear-time engine, as template patterns are: no pattern can
 * make matching backtrack, even in an untrusted workspace.
 *
 * Syntax (picomatch's, with `dot: true`): `*` and `?` within a path segment, `**` across
 * segments, `[abc]` / `[!a-z]` classes, `{a,b}` alternatives and `{1..3}` ranges (nested),
 * extglobs `@(a|b)`, `?(…)`, `*(…)`, `+(…)`, a backslash escaping the next character, and a
 * leading `!` negating the whole pattern. `!(…)` (a negated extglob) has no regular
 * equivalent: a pattern using it matches nothing.
 */
import { RE2JS } from 're2js';

const MAX_PATTERN = 1000;
const MAX_RANGE = 1000;

export type GlobMatcher = (path: string) => boolean;

const cache = new Map<string, GlobMatcher>();
const NEVER: GlobMatcher = () => false;

/** A matcher for `glob` against `/`-separated relative paths; a pattern that cannot be compiled matches nothing. */
export function globMatcher(glob: string): GlobMatcher {
  let m = cache.get(glob);
  if (!m) {
    m = compile(glob);
    if (cache.size > 500) cache.clear();
    cache.set(glob, m);
  }
  return m;
}

export function matchGlob(glob: string, path: string): boolean {
  return globMatcher(glob)(path);
}

function compile(glob: string): GlobMatcher {
  if (glob.length > MAX_PATTERN) return NEVER;
  let negated = false;
  let source = glob;
  while (source.startsWith('!') && !source.startsWith('!(')) {
    negated = !negated;
    source = source.slice(1);
  }
  if (source.startsWith('./')) source = source.slice(2);
  let regex: string;
  try {
    regex = new Translator(source).whole();
  } catch {
    return NEVER;
  }
  let re: ReturnType<typeof RE2JS.compile>;
  try {
    re = RE2JS.compile(`^(?:${regex})$`, RE2JS.DOTALL);
  } catch {
    return NEVER;
  }
  return (path: string) => {
    const p = path.startsWith('./') ? path.slice(2) : path;
    if (!p) return false;
    return re.matches(p) !== negated;
  };
}

class Unsupported extends Error {}

const SPECIAL = /[\\^$.|?*+()[\]{}]/;
const esc = (c: string) => (SPECIAL.test(c) ? '\\' + c : c);

/** A recursive-descent translation; each character is read once (ranges expand at most MAX_RANGE numbers). */
class Translator {
  private i = 0;
  constructor(private readonly s: string) {}

  whole(): string {
    const out = this.sequence(new Set());
    if (this.i < this.s.length) throw new Unsupported();
    return out;
  }

  /** Reads until one of `stops` (not consumed) or the end. */
  private sequence(stops: ReadonlySet<string>): string {
    let out = '';
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (stops.has(c)) break;
      const next = s[this.i + 1];
      if (c === '/' && s.slice(this.i + 1) === '**') {
        out += '(?:/.*)?'; // `dir/**` holds the folder itself and everything below
        this.i = s.length;
      } else if (c === '\\') {
        if (next === undefined) throw new Unsupported();
        out += esc(next);
        this.i += 2;
      } else if ('@?*+!'.includes(c) && next === '(') {
        out += this.extglob(c);
      } else if (c === '*') {
        out += this.stars();
      } else if (c === '?') {
        out += '[^/]';
        this.i++;
      } else if (c === '[') {
        out += this.charClass();
      } else if (c === '{') {
        out += this.braces();
      } else {
        out += esc(c);
        this.i++;
      }
    }
    return out;
  }

  private stars(): string {
    const s = this.s;
    const start = this.i;
    while (s[this.i] === '*') this.i++;
    const globstar = this.i - start >= 2 && (start === 0 || s[start - 1] === '/') && (this.i === s.length || s[this.i] === '/');
    if (!globstar) return '[^/]*';
    if (s[this.i] === '/') {
      this.i++;
      return '(?:[^/]*/)*'; // zero or more whole segments
    }
    return '.*'; // `**` alone or `a/**`: anything (below)
  }

  private charClass(): string {
    const s = this.s;
    const open = this.i;
    let j = this.i + 1;
    let negate = false;
    if (s[j] === '!' || s[j] === '^') {
      negate = true;
      j++;
    }
    let body = '';
    let first = true;
    for (; j < s.length; j++) {
      const c = s[j]!;
      if (c === ']' && !first) break;
      first = false;
      if (c === '\\' && j + 1 < s.length) {
        body += '\\' + s[++j];
      } else if (c === '[' && s[j + 1] === ':') {
        const close = s.indexOf(':]', j + 2);
        if (close < 0) throw new Unsupported();
        body += s.slice(j, close + 2); // POSIX class, RE2 knows them
        j = close + 1;
      } else {
        body += c === ']' || c === '^' || c === '[' ? '\\' + c : c;
      }
    }
    if (j >= s.length) {
      // No closing bracket: a literal `[`.
      this.i = open + 1;
      return '\\[';
    }
    this.i = j + 1;
    return negate ? `[^/${body}]` : `[${body}]`;
  }

  private braces(): string {
    const s = this.s;
    const open = this.i;
    // `{1..12}` / `{a..e}`: a range.
    const range = /^\{(-?\d+|[a-zA-Z])\.\.(-?\d+|[a-zA-Z])\}/.exec(s.slice(open, open + 40));
    if (range) {
      this.i = open + range[0].length;
      return this.expandRange(range[1]!, range[2]!);
    }
    this.i++;
    const alternatives: string[] = [];
    for (;;) {
      alternatives.push(this.sequence(new Set([',', '}'])));
      if (this.i >= s.length) {
        // Unclosed: a literal `{` and what followed, read again literally.
        this.i = open + 1;
        return '\\{';
      }
      const c = s[this.i++];
      if (c === '}') break;
    }
    if (alternatives.length === 1) return `\\{${alternatives[0]}\\}`;
    return `(?:${alternatives.join('|')})`;
  }

  private expandRange(a: string, b: string): string {
    const numeric = /\d/.test(a);
    if (numeric !== /\d/.test(b)) throw new Unsupported();
    const from = numeric ? Number(a) : a.charCodeAt(0);
    const to = numeric ? Number(b) : b.charCodeAt(0);
    if (Math.abs(to - from) > MAX_RANGE) throw new Unsupported();
    const step = from <= to ? 1 : -1;
    const out: string[] = [];
    for (let k = from; k !== to + step; k += step) out.push(numeric ? String(k) : esc(String.fromCharCode(k)));
    return `(?:${out.join('|')})`;
  }

  private extglob(kind: string): string {
    if (kind === '!') throw new Unsupported();
    this.i += 2;
    const alternatives: string[] = [];
    for (;;) {
      alternatives.push(this.sequence(new Set(['|', ')'])));
      if (this.i >= this.s.length) throw new Unsupported();
      if (this.s[this.i++] === ')') break;
    }
    const group = `(?:${alternatives.join('|')})`;
    return kind === '@' ? group : kind === '?' ? group + '?' : kind === '*' ? group + '*' : group + '+';
  }
}
