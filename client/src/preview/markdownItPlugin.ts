/**
 * A markdown-it plugin for VS Code's own Markdown preview (`markdown.markdownItPlugins`):
 * placeholders become the same chips as in the report preview, and their asterisks are
 * never read as emphasis. Each inline token's text is read line by line by the engine's
 * placeholder finder before markdown-it's inline rules run; placeholders are swapped for
 * private-use tokens, and after inline parsing those tokens become chips.
 * No vscode import: tested with markdown-it directly.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { documentMode, lineVotes, placeholdersIn, scanLine, type DocumentMode, type LineScan, type ModeVotes } from '../../../server/src/core/placeholders';
import { excludedSpans } from '../../../server/src/core/inline';
import { resolveOptions, type PlaceholderOptions } from '../../../server/src/core/options';
import type { PlaceholderKind } from '../../../server/src/core/types';
import { chipHtml, chipLabels } from '../../../server/src/core/preview/chip';
import { PLACEHOLDER_TOKEN, placeholderToken, tokenIndex } from '../../../server/src/core/preview/source';
import { parseDirective, Suppressions, type Directive } from '../../../server/src/core/suppressions';

export interface PlaceholderPluginOptions {
  /** Which placeholder families to show (the `reportAuthor.placeholders.*` settings); all by default. Gets markdown-it's env. */
  placeholders?: (env: unknown) => Partial<PlaceholderOptions> | undefined;
}

interface Found {
  text: string;
  kind: PlaceholderKind;
}

const RESERVED = /[\uE000-\uE01F]/g;
const TOKEN_TYPE = 'report_placeholder';

interface ScannedLine {
  line: string;
  scan: LineScan | null;
}

/** Each line of an inline token's `content`, scanned; `votes` gets their votes on the document's mode. */
export function scanContent(content: string, options: PlaceholderOptions, votes: ModeVotes): ScannedLine[] {
  return content
    .replace(RESERVED, '\uFFFD')
    .split('\n')
    .map((line) => {
      if (!line.trim()) return { line, scan: null };
      const from = line.length - line.trimStart().length;
      const scan = scanLine(line, from, line.length, from, excludedSpans(line, from), options);
      lineVotes(scan, votes);
      return { line, scan };
    });
}

/**
 * Replaces each placeholder of `content` with a token; `found` gets them in order. The
 * document's mode decides ambiguous pairs (placeholders in a template, bold otherwise);
 * alone, one block of text decides for itself.
 */
export function protectPlaceholders(content: string, options: PlaceholderOptions, found: Found[], mode?: DocumentMode): string {
  const votes: ModeVotes = { template: 0, bold: 0 };
  const lines = scanContent(content, options, votes);
  return protectLines(lines, mode ?? documentMode(votes), found);
}

/**
 * The lines with their placeholders as tokens. On a line where `silenced(i)` says a suppression
 * comment silences placeholders, each is escaped instead: literal text, never a chip nor emphasis.
 */
function protectLines(lines: readonly ScannedLine[], mode: DocumentMode, found: Found[], silenced?: (line: number) => boolean): string {
  return lines
    .map(({ line, scan }, i) => {
      if (!scan) return line;
      const placeholders = placeholdersIn(line, scan, mode);
      const literal = placeholders.length > 0 && !!silenced?.(i);
      let out = '';
      let last = 0;
      for (const p of placeholders) {
        const text = line.slice(p.start, p.end);
        if (literal) out += line.slice(last, p.start) + text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
        else {
          out += line.slice(last, p.start) + placeholderToken(found.length);
          found.push({ text, kind: p.kind });
        }
        last = p.end;
      }
      return out + line.slice(last);
    })
    .join('\n');
}

/** The suppression comments of a whole Markdown source, when it has any (cheap when it has none). */
function suppressionsOf(src: string): Suppressions | null {
  if (!src.includes('report-author-')) return null;
  const lines = src.split(/\r\n|\r|\n/);
  const directives = lines.map((l, n) => parseDirective(l, n)).filter((d): d is Directive => d !== null);
  if (!directives.length) return null;
  const at = new Set(directives.map((d) => d.line));
  return new Suppressions(directives, (n) => at.has(n), lines.length);
}

function untoken(value: string, found: readonly Found[]): string {
  return value.replace(PLACEHOLDER_TOKEN, (_, digits: string) => found[tokenIndex(digits)]?.text ?? '');
}

/** Text tokens with placeholder tokens → text and placeholder tokens. */
function expand(state: StateCore, children: Token[], found: readonly Found[], words: ReturnType<typeof chipLabels>): Token[] {
  const out: Token[] = [];
  for (const child of children) {
    if (child.attrs) for (const attr of child.attrs) if (typeof attr[1] === 'string') attr[1] = untoken(attr[1], found);
    // An image's alt text is plain text: its placeholders stay as written.
    if (child.type === 'image' && child.children) for (const c of child.children) c.content = untoken(c.content, found);
    else if (child.children) child.children = expand(state, child.children, found, words);
    if (child.type !== 'text' || !child.content.includes('\uE000')) {
      if (child.content.includes('\uE000')) child.content = untoken(child.content, found);
      out.push(child);
      continue;
    }
    const value = child.content;
    let last = 0;
    PLACEHOLDER_TOKEN.lastIndex = 0;
    for (let m = PLACEHOLDER_TOKEN.exec(value); m; m = PLACEHOLDER_TOKEN.exec(value)) {
      if (m.index > last) out.push(textToken(state, value.slice(last, m.index), child.level));
      const p = found[tokenIndex(m[1]!)];
      if (p) {
        const t = new state.Token(TOKEN_TYPE, '', 0);
        t.content = p.text;
        t.meta = { kind: p.kind, words };
        t.level = child.level;
        out.push(t);
      }
      last = m.index + m[0].length;
    }
    if (last < value.length) out.push(textToken(state, value.slice(last), child.level));
  }
  return out;
}

function textToken(state: StateCore, content: string, level: number): Token {
  const t = new state.Token('text', '', 0);
  t.content = content;
  t.level = level;
  return t;
}

export function reportPlaceholdersPlugin(md: MarkdownIt, pluginOptions: PlaceholderPluginOptions = {}): void {
  const protect = (state: StateCore) => {
    const options = resolveOptions({ placeholders: pluginOptions.placeholders?.(state.env) ?? {} }).placeholders;
    // Every block's lines first: their votes decide the document's mode, as in the engine.
    const votes: ModeVotes = { template: 0, bold: 0 };
    const scanned = state.tokens.map((token) => (token.type === 'inline' ? scanContent(token.content, options, votes) : null));
    const mode = documentMode(votes);
    const suppressions = suppressionsOf(state.src);
    state.tokens.forEach((token, i) => {
      const lines = scanned[i];
      if (!lines) return;
      const found: Found[] = [];
      // An inline token's lines are its block's source lines, in order.
      const first = token.map?.[0];
      const silenced = suppressions && first !== undefined ? (k: number) => suppressions.silencer('unfilled-placeholder', first + k) !== null : undefined;
      token.content = protectLines(lines, mode, found, silenced);
      if (found.length) token.meta = { ...(token.meta ?? {}), reportPlaceholders: found };
    });
  };
  const chips = (state: StateCore) => {
    let words: ReturnType<typeof chipLabels> | undefined;
    for (const token of state.tokens) {
      const found = token.meta?.reportPlaceholders as Found[] | undefined;
      if (token.type === 'inline' && found && token.children) token.children = expand(state, token.children, found, (words ??= chipLabels()));
    }
  };
  md.core.ruler.before('inline', 'report_placeholders_protect', protect);
  md.core.ruler.push('report_placeholders_chips', chips);
  md.renderer.rules[TOKEN_TYPE] = (tokens: Token[], idx: number) => {
    const meta = tokens[idx]!.meta as { kind: PlaceholderKind; words: ReturnType<typeof chipLabels> };
    return chipHtml(tokens[idx]!.content, meta.kind, undefined, meta.words);
  };
}
