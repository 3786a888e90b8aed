/**
 * A markdown-it plugin for VS Code's own Markdown preview (`markdown.markdownItPlugins`):
 * placeholders become the same chips as in the report preview, and their asterisks are
 * never read as emphasis. Which text is a placeholder is the language server's answer for
 * the document (its ranges, see PreviewSource): before markdown-it's inline rules run, each
 * placeholder in an inline token's text is swapped for a private-use token, found at the
 * source line and column the server gave (and only if the text there is still the same);
 * after inline parsing those tokens become chips.
 * No vscode import, no engine: tested with markdown-it directly.
 */
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import type { PlaceholderSpan } from '../../../shared/protocol';
import { chipHtml, chipLabels } from '../../../server/src/core/preview/chip';
import { PLACEHOLDER_TOKEN, placeholderToken, tokenIndex } from '../../../server/src/core/preview/source';

type PlaceholderKind = PlaceholderSpan['kind'];

export interface PlaceholderPluginOptions {
  /**
   * The server's placeholders of the document being parsed: markdown-it's env may say which
   * (VS Code's Markdown preview parses with no document in it, so the text is given too).
   */
  placeholders?: (env: unknown, src: string) => readonly PlaceholderSpan[] | undefined;
}

interface Found {
  text: string;
  kind: PlaceholderKind;
  /** Silenced in the document: shown as written (escaped text), never a chip or emphasis. */
  silenced?: boolean;
}

const RESERVED = /[\uE000-\uE01F]/g;
const TOKEN_TYPE = 'report_placeholder';
const clean = (s: string) => s.replace(RESERVED, '\uFFFD');

/** Single-line placeholders by source line, each line's in order. */
function byLine(spans: readonly PlaceholderSpan[]): Map<number, PlaceholderSpan[]> {
  const out = new Map<number, PlaceholderSpan[]>();
  for (const p of spans) {
    if (p.range.start.line !== p.range.end.line) continue;
    const list = out.get(p.range.start.line);
    if (list) list.push(p);
    else out.set(p.range.start.line, [p]);
  }
  for (const list of out.values()) list.sort((a, b) => a.range.start.character - b.range.start.character);
  return out;
}

/**
 * Replaces each placeholder of an inline token's `content` (its lines are source lines
 * `firstLine`, `firstLine + 1` … with their indentation or container markers removed) with
 * a token; `found` gets them in order. `cursor` keeps, per source line, where the previous
 * token's text ended (table cells share a line).
 */
export function protectPlaceholders(
  content: string,
  firstLine: number,
  source: readonly string[],
  placeholders: ReadonlyMap<number, readonly PlaceholderSpan[]>,
  cursor: Map<number, number>,
  found: Found[],
): string {
  return clean(content)
    .split('\n')
    .map((piece, i) => {
      const line = firstLine + i;
      const list = placeholders.get(line);
      const text = source[line];
      const trimmed = piece.trimEnd();
      if (!list || text === undefined || !trimmed) return piece;
      const offset = clean(text).indexOf(trimmed, cursor.get(line) ?? 0);
      if (offset < 0) return piece;
      cursor.set(line, offset + trimmed.length);
      let out = '';
      let last = 0;
      for (const p of list) {
        const start = p.range.start.character - offset;
        const end = p.range.end.character - offset;
        if (start < last || end > trimmed.length || trimmed.slice(start, end) !== p.text) continue;
        out += piece.slice(last, start) + placeholderToken(found.length);
        found.push({ text: p.text, kind: p.kind, silenced: p.silenced === true });
        last = end;
      }
      return out + piece.slice(last);
    })
    .join('\n');
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
      if (p?.silenced) out.push(textToken(state, p.text, child.level));
      else if (p) {
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
    const spans = pluginOptions.placeholders?.(state.env, state.src);
    if (!spans?.length) return;
    const placeholders = byLine(spans);
    const source = state.src.split('\n');
    const cursor = new Map<number, number>();
    // Table cells' inline tokens have no map of their own: their row's (tr_open) says the line.
    let line = -1;
    for (const token of state.tokens) {
      if (token.map) line = token.map[0];
      if (token.type !== 'inline' || line < 0) continue;
      const found: Found[] = [];
      token.content = protectPlaceholders(token.content, line, source, placeholders, cursor, found);
      if (found.length) token.meta = { ...(token.meta ?? {}), reportPlaceholders: found };
    }
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
