/**
 * The analysis core: pure functions from document text to a ReportModel.
 * No vscode, no LSP connection, no file system.
 */
export * from './types';
export * from './codes';
export * from './options';
export { analyze, analyzeLines, placeholderCount, frontMatterTemplate, type AnalysisContext, type TemplateChoice } from './analyze';
export * from './templates';
export { frontMatterOf, frontMatterOfLines } from './frontMatterOf';
export { checkPlaceholderValue, type ValueProblem } from './placeholderValue';
export { lineCacheFor } from './analyze';
export { LineCache } from './lineCache';
export { messages } from './messages';
