/**
 * Sections the template requires that the report lacks, from the `missing-section`
 * findings: where each belongs, the heading its quick fix would insert, and its level.
 */
import type { Diagnostic, Position, ReportModel } from '../types';

export interface MissingSection {
  /** Index of the finding in `model.diagnostics`: what an "insert" action names. */
  diagnostic: number;
  rule: string;
  /** The heading as it would be inserted, marker included (`五、存在的问题和不足`). */
  heading: string;
  title: string;
  level: number;
  /** Where the section's text would be inserted. */
  at: Position;
  /** The first report line that would come after the section. */
  beforeLine: number;
  message: string;
}

interface MissingData {
  rule?: unknown;
  title?: unknown;
  level?: unknown;
  edits?: Array<{ range: { start: Position }; newText: string }>;
}

export function missingSections(model: ReportModel): MissingSection[] {
  const out: MissingSection[] = [];
  model.diagnostics.forEach((d: Diagnostic, i) => {
    if (d.code !== 'missing-section') return;
    const data = d.data as MissingData | undefined;
    const edit = data?.edits?.[0];
    if (typeof data?.title !== 'string' || !edit) return;
    const at = edit.range.start;
    const first = edit.newText.split(/\r?\n/).find((l) => l.trim() !== '') ?? data.title;
    out.push({
      diagnostic: i,
      rule: typeof data.rule === 'string' ? data.rule : '',
      heading: first.replace(/^\s*#{1,6}\s+/, '').trim(),
      title: data.title,
      level: typeof data.level === 'number' ? data.level : 1,
      at,
      beforeLine: at.character === 0 ? at.line : at.line + 1,
      message: d.message,
    });
  });
  return out;
}
