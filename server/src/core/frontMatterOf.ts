/** The front matter of a report, read without analysing the rest (for the edges' template choice). */
import { findFrontMatter } from './blocks';
import { parseFrontMatter } from './frontMatter';
import { splitLines } from './text';

/** Blank lines and one-line HTML comments, then `---`: the only way front matter can start. */
const OPENING = /^\uFEFF?(?:[ \t]*(?:<!--.*-->)?[ \t]*(?:\r\n|\r|\n))*---[ \t]*(?:\r\n|\r|\n)/;
const CLOSING = /(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/g;

/**
 * Called on every keystroke of a large report: only the head of the text up to the closing
 * fence is split, never the whole document. An editor's document passes its lines.
 */
export function frontMatterOf(text: string | readonly string[]): Record<string, unknown> | null {
  if (typeof text !== 'string') return frontMatterOfLines(text);
  const open = OPENING.exec(text);
  if (!open) return null;
  CLOSING.lastIndex = open[0].length - 1;
  const close = CLOSING.exec(text);
  if (!close) return null;
  const table = splitLines(text.slice(0, close.index + close[0].length));
  return parseFrontMatter(findFrontMatter(table), table.lines).data;
}

/** The same, from a document's lines: only the lines up to the closing fence are read. */
export function frontMatterOfLines(lines: readonly string[]): Record<string, unknown> | null {
  const block = findFrontMatter({ lines });
  return block ? frontMatterOf(lines.slice(0, block.endLine + 1).join('\n')) : null;
}
