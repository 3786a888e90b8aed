/**
 * Where and how a missing section is inserted: the heading with the right number in the
 * form its siblings use, the template's skeleton under it, and the numbers of the
 * siblings after it moved up by one when the new section takes their place.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { OutlineNode, Range, ReportModel } from '../types';
import { eolOf, type LineTable } from '../text';
import type { SectionRule } from './model';
import { formatMarker } from '../headings';
import { toChineseNumeral } from '../numerals';

export interface InsertionPlan {
  /** Where the finding is shown: the line after which (or the heading before which) it goes. */
  anchor: Range;
  /** The heading level of the inserted section. */
  level: 1 | 2 | 3 | 4;
  edits: TextEdit[];
}

/** The same marker with another number: `四、` → `五、`, `(3)` → `(4)`, `2．` → `3．`. */
export function renumberMarker(marker: string, ordinal: number): string {
  if (/[一二三四五六七八九十〇零]/.test(marker)) return marker.replace(/[一二三四五六七八九十〇零]+/, toChineseNumeral(ordinal));
  return marker.replace(/[0-9０-９]+/, String(ordinal));
}

export function planInsertion(
  table: LineTable,
  siblings: readonly OutlineNode[],
  parent: OutlineNode | null,
  after: OutlineNode | null,
  before: OutlineNode | null,
  rule: SectionRule,
  model: ReportModel,
): InsertionPlan {
  const eol = eolOf(table);
  const numbered = siblings.filter((n) => n.ordinal !== null);
  const level = (numbered[0]?.level ?? (parent ? Math.min(4, parent.level + 1) : 1)) as 1 | 2 | 3 | 4;
  const pivot = after ?? before;
  const atLine = pivot ? pivot.range.start.line : -1;
  const prevNumbered = numbered.filter((n) => (after ? n.range.start.line <= after.range.start.line : n.range.start.line < atLine)).pop();
  const ordinal = (prevNumbered?.ordinal ?? 0) + 1;
  const model_ = numbered[0];
  const marker = model_ && model_.level === level ? renumberMarker(model_.marker, ordinal) : formatMarker(level, ordinal);
  const sample = model.headings.find((h) => h.line === (model_ ?? pivot)?.range.start.line);
  const prefix = sample && sample.form === 'atx' && sample.depth > 0 ? '#'.repeat(sample.depth) + ' ' : '';
  const blank = sample ? (table.lines[sample.line + 1] ?? '').trim() === '' && sample.line + 1 < table.lines.length : false;
  const sep = blank ? eol + eol : eol;
  const body = (rule.skeleton ?? rule.guidance ?? '').trim();
  const block = [prefix + marker + rule.title, ...(body ? [body.split(/\r?\n/).join(sep)] : [])].join(sep);

  const edits: TextEdit[] = [];
  let anchor: Range;
  if (after || !before) {
    const end = after ? after.sectionRange.end : parent ? parent.sectionRange.end : lastPosition(table);
    edits.push({ range: { start: end, end }, newText: (end.line === 0 && end.character === 0 && table.lines.length === 1 && table.lines[0] === '' ? '' : sep) + block });
    anchor = { start: { line: end.line, character: 0 }, end };
  } else {
    const start = { line: before.range.start.line, character: 0 };
    edits.push({ range: { start, end: start }, newText: block + sep });
    anchor = before.range;
  }
  // Renumber the siblings after the new section when it takes the number of the next one.
  const following = numbered.filter((n) => n.level === level && n.range.start.line > (after ? after.range.start.line : atLine - 1));
  if (following[0]?.ordinal === ordinal) {
    for (const n of following) {
      const h = model.headings.find((x) => x.line === n.range.start.line);
      if (h && n.ordinal !== null) edits.push({ range: h.markerRange, newText: renumberMarker(n.marker, n.ordinal + 1) });
    }
  }
  return { anchor, edits, level };
}

function lastPosition(table: LineTable) {
  const line = table.lines.length - 1;
  return { line, character: table.lines[line]!.length };
}
