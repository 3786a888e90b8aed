/** The section tree as document symbols: VS Code's Outline view, breadcrumbs and Go to Symbol. */
import type { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver-types';
import type { OutlineNode, ReportModel } from '../types';
import { featureMessages as msg } from './messages';
import { nodeLabel } from './outline';

/**
 * One icon per level so the hierarchy reads at a glance: an annex is a file of its own,
 * then 一、 Module, （一） Namespace, 1． Package, （1） String (what VS Code's Markdown
 * outline uses for headings).
 */
const KIND_BY_LEVEL: readonly SymbolKind[] = [1, 2, 3, 4, 15];

export function documentSymbols(model: ReportModel): DocumentSymbol[] {
  return model.outline.map(toSymbol);
}

function toSymbol(node: OutlineNode): DocumentSymbol {
  const symbol: DocumentSymbol = {
    // VS Code rejects an empty name; an ATX heading with no text has only its `#`s.
    name: nodeLabel(node) || node.marker || '…',
    kind: KIND_BY_LEVEL[node.level]!,
    range: node.sectionRange,
    selectionRange: within(node.range, node.sectionRange),
    children: node.children.map(toSymbol),
  };
  if (node.placeholderCount > 0) symbol.detail = msg.toFill(node.placeholderCount);
  return symbol;
}

/** The selection range must lie inside the range, or VS Code drops the symbol. */
function within(inner: Range, outer: Range): Range {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
  const start = before(inner.start, outer.start) ? outer.start : inner.start;
  const end = before(outer.end, inner.end) ? outer.end : inner.end;
  return before(end, start) ? { start, end: start } : { start, end };
}
