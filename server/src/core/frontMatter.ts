/** YAML front matter: parsed with the `yaml` package; errors become a finding, not a throw. */
import { parseDocument } from 'yaml';
import type { FrontMatterBlock } from './blocks';
import type { Range } from './types';
import { lineRange } from './text';

export interface FrontMatterResult {
  data: Record<string, unknown> | null;
  error: { message: string; range: Range } | null;
}

/**
 * The last front matter parsed, by its YAML and its first line: every reader of one version
 * (the template choice at the edge, the analysis) and the versions a keystroke below it makes
 * share one parse. Results are never mutated by their readers.
 */
let last: { yaml: string; startLine: number; result: FrontMatterResult } | null = null;

export function parseFrontMatter(block: FrontMatterBlock | null, lines: readonly string[]): FrontMatterResult {
  if (!block) return { data: null, error: null };
  if (last && last.yaml === block.yaml && last.startLine === block.startLine) return last.result;
  const result = parseYaml(block, lines);
  last = { yaml: block.yaml, startLine: block.startLine, result };
  return result;
}

function parseYaml(block: FrontMatterBlock, lines: readonly string[]): FrontMatterResult {
  try {
    const doc = parseDocument(block.yaml, { prettyErrors: false, uniqueKeys: false });
    const err = doc.errors[0];
    if (err) {
      const [line, col] = err.linePos?.[0] ? [err.linePos[0].line, err.linePos[0].col] : [1, 1];
      const n = block.startLine + line;
      const text = lines[n] ?? '';
      return { data: null, error: { message: err.message.split('\n')[0]!, range: lineRange(n, Math.min(col - 1, text.length), text.length) } };
    }
    const value: unknown = doc.toJS({ maxAliasCount: 50 });
    return { data: value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null, error: null };
  } catch (e) {
    const n = block.startLine;
    return { data: null, error: { message: String((e as Error)?.message ?? e), range: lineRange(n, 0, (lines[n] ?? '').length) } };
  }
}
