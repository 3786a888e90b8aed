/** The front matter of a report, read without analysing the rest (for the edges' template choice). */
import { findFrontMatter } from './blocks';
import { parseFrontMatter } from './frontMatter';
import { splitLines } from './text';

export function frontMatterOf(text: string): Record<string, unknown> | null {
  const table = splitLines(text);
  return parseFrontMatter(findFrontMatter(table), table.lines).data;
}
