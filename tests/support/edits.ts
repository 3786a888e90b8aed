import type { Position, TextEdit } from 'vscode-languageserver-types';
import { splitLines } from '../../server/src/core/text';

/**
 * Applies LSP text edits to `text` the way an editor does: all ranges refer to the
 * original text. Overlapping edits are an error, as they are for a WorkspaceEdit.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const { lines } = splitLines(text);
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  const offset = (p: Position) => {
    if (p.line >= lines.length || p.character > lines[p.line]!.length) throw new Error(`position outside the text: ${JSON.stringify(p)}`);
    return starts[p.line]! + p.character;
  };
  const spans = edits
    .map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end) throw new Error(`overlapping edits at offset ${spans[i]!.start}`);
  }
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.newText;
    at = s.end;
  }
  return out + text.slice(at);
}

/** The text a snippet inserts when every tab stop keeps its default. */
export function expandSnippet(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i]!;
    if (c === '\\' && i + 1 < snippet.length) out += snippet[++i];
    else if (c === '$' && snippet[i + 1] === '{') i = snippet.indexOf(':', i); // `${1:` opens a default
    else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) while (/\d/.test(snippet[i + 1] ?? '')) i++;
    else if (c === '}') continue; // an unescaped `}` closes a default
    else out += c;
  }
  return out;
}
