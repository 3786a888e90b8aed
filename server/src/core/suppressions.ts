/**
 * Inline suppressions, as markdownlint and ESLint users write them, each an HTML comment on
 * a line of its own (optionally indented, or inside a block quote):
 *
 *   <!-- report-author-disable-next-line CODE [CODE…] -->   the next line that is not such a comment
 *   <!-- report-author-disable [CODE…] -->                 from here on …
 *   <!-- report-author-enable [CODE…] -->                  … until here
 *   <!-- report-author-disable-file [CODE…] -->            the whole file
 *
 * No code means every code. Codes may be separated by spaces or commas; `-- why` after them
 * is a free comment. A finding is silenced by the line its range starts on. HTML comments are
 * invisible wherever Markdown is rendered, and blocks.ts leaves these lines out of the block
 * parse, so they never change how the lines around them read.
 */
import type { Diagnostic, Range } from './types';
import { CODES } from './codes';
import { lineRange } from './text';

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** The codes named, as written (unknown ones included); empty means every code. */
  codes: string[];
  /** 0-based line of the comment. */
  line: number;
  /** The comment itself, `<!--` through `-->`. */
  range: Range;
}

const DIRECTIVE = /^\uFEFF?[ \t]*(?:>[ \t]?)*[ \t]*<!--[ \t]*report-author-(disable-next-line|disable-file|disable|enable)(?=[ \t,]|-->)((?:(?!-->)[^])*)-->[ \t]*$/;
/** At most this many codes are read from one comment. */
const MAX_CODES = 50;

/** Whether a whole line is a suppression comment (cheap when it is not). */
export function isDirectiveLine(line: string): boolean {
  return line.length < 2000 && line.includes('report-author-') && DIRECTIVE.test(line);
}

export function parseDirective(line: string, n: number): Directive | null {
  if (line.length >= 2000 || !line.includes('report-author-')) return null;
  const m = DIRECTIVE.exec(line);
  if (!m) return null;
  const rest = m[2]!.split(/[ \t]--(?:[ \t]|$)/)[0]!;
  const codes = rest
    .split(/[\s,，]+/)
    .filter((c) => c !== '')
    .slice(0, MAX_CODES);
  const start = line.indexOf('<!--');
  const end = line.lastIndexOf('-->') + 3;
  return { kind: m[1] as DirectiveKind, codes, line: n, range: lineRange(n, start, end) };
}

/** A directive, or some of its codes, that silenced nothing. */
export interface UnusedSuppression {
  directive: Directive;
  /** The codes that silenced nothing; empty when the directive names none and silenced nothing. */
  codes: string[];
}

interface BlockState {
  /** Line from which this state holds (the line after the comment). */
  from: number;
  /** `disable` with no code in force, and the codes `enable`d since. */
  all: Directive | null;
  except: Set<string>;
  /** Codes disabled by name. */
  byCode: Map<string, Directive>;
}

/**
 * The suppressions of one document. `silencer(code, line)` says which directive, if any,
 * silences a finding and remembers it was used.
 */
export class Suppressions {
  private readonly nextLine = new Map<number, Directive[]>();
  private readonly file: Directive[] = [];
  private readonly states: BlockState[] = [];
  private readonly used = new Map<Directive, Set<string> | true>();

  constructor(
    readonly directives: readonly Directive[],
    /** Whether line n is a suppression comment (skipped when finding "the next line"). */
    isDirective: (n: number) => boolean,
    lineCount: number,
  ) {
    let state: BlockState = { from: 0, all: null, except: new Set(), byCode: new Map() };
    for (const d of directives) {
      if (d.kind === 'disable-file') this.file.push(d);
      else if (d.kind === 'disable-next-line') {
        let target = d.line + 1;
        while (target < lineCount && isDirective(target)) target++;
        const list = this.nextLine.get(target) ?? [];
        list.push(d);
        this.nextLine.set(target, list);
      } else {
        const next: BlockState = { from: d.line + 1, all: state.all, except: new Set(state.except), byCode: new Map(state.byCode) };
        if (d.kind === 'disable') {
          if (d.codes.length === 0) {
            next.all = d;
            next.except.clear();
            next.byCode.clear();
          } else for (const c of d.codes) next.byCode.set(c, d);
        } else if (d.codes.length === 0) {
          next.all = null;
          next.except.clear();
          next.byCode.clear();
        } else {
          for (const c of d.codes) {
            next.byCode.delete(c);
            if (next.all) next.except.add(c);
          }
        }
        this.states.push(next);
        state = next;
      }
    }
  }

  get isEmpty(): boolean {
    return this.directives.length === 0;
  }

  /** The directive that silences `code` on `line`, or null; the directive is marked as used. */
  silencer(code: string, line: number): Directive | null {
    const d = this.find(code, line);
    if (d) {
      const seen = this.used.get(d);
      if (d.codes.length === 0) this.used.set(d, true);
      else if (seen !== true) this.used.set(d, (seen ?? new Set()).add(code));
    }
    return d;
  }

  silences(diagnostic: Diagnostic): boolean {
    return this.silencer(String(diagnostic.code), diagnostic.range.start.line) !== null;
  }

  private find(code: string, line: number): Directive | null {
    for (const d of this.nextLine.get(line) ?? []) if (d.codes.length === 0 || d.codes.includes(code)) return d;
    const state = this.stateAt(line);
    if (state) {
      const named = state.byCode.get(code);
      if (named) return named;
      if (state.all && !state.except.has(code)) return state.all;
    }
    for (const d of this.file) if (d.codes.length === 0 || d.codes.includes(code)) return d;
    return null;
  }

  /** The block state in force on `line`: the last one that starts on or before it. */
  private stateAt(line: number): BlockState | null {
    let lo = 0;
    let hi = this.states.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.states[mid]!.from <= line) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? this.states[lo - 1]! : null;
  }

  /** Directives (and named codes) that silenced nothing; `enable` comments are never listed. */
  unused(): UnusedSuppression[] {
    const out: UnusedSuppression[] = [];
    for (const d of this.directives) {
      if (d.kind === 'enable') continue;
      const seen = this.used.get(d);
      if (seen === true) continue;
      if (d.codes.length === 0) {
        if (!seen) out.push({ directive: d, codes: [] });
        continue;
      }
      const codes = [...new Set(d.codes)].filter((c) => !seen?.has(c));
      if (codes.length) out.push({ directive: d, codes });
    }
    return out;
  }
}

/** The suppression comments of a document, from the lines blocks.ts marked as such. */
export function findDirectives(lines: readonly string[], info: readonly { directive: boolean }[]): Directive[] {
  const out: Directive[] = [];
  for (let n = 0; n < lines.length; n++) {
    if (!info[n]?.directive) continue;
    const d = parseDirective(lines[n]!, n);
    if (d) out.push(d);
  }
  return out;
}

/** Whether `code` is one of the diagnostic codes (a directive may name a misspelt one). */
export function isKnownCode(code: string): boolean {
  return code in CODES;
}

/** The comment text a quick fix inserts. */
export function directiveText(kind: DirectiveKind, codes: readonly string[]): string {
  return `<!-- report-author-${kind}${codes.length ? ' ' + codes.join(' ') : ''} -->`;
}
