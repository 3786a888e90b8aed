/**
 * Editor features on top of the analysis: pure functions from a ReportModel (and the text,
 * where a feature needs it) to LSP data types. One feature per file; no vscode, no
 * connection, no file system. Everything is synchronous and fast, so no cancellation.
 */
export { documentSymbols } from './documentSymbols';
export { foldingRanges } from './foldingRanges';
export { hover } from './hover';
export { completions } from './completions';
export { codeActions, fixAllUri, resolveCodeAction, FIX_ALL_KIND, QUICK_FIX_KIND } from './codeActions';
export { placeholderAt, nextPlaceholder } from './placeholders';
