/** Every section with a body folds from its heading to its last line. */
import type { FoldingRange } from 'vscode-languageserver-types';
import type { OutlineNode, ReportModel } from '../types';

export function foldingRanges(model: ReportModel): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (nodes: readonly OutlineNode[]) => {
    for (const n of nodes) {
      const startLine = n.range.start.line;
      const endLine = n.sectionRange.end.line;
      // No kind: `region` is for #region markers and would make "Fold All Regions" fold sections.
      if (endLine > startLine) out.push({ startLine, endLine });
      visit(n.children);
    }
  };
  visit(model.outline);
  return out;
}
