import type { ReportModel } from './types';
import { resolveOptions, type AnalysisOptions, type DeepPartial } from './options';

/** Analyses one version of a report. Never throws on any input text. */
export function analyze(text: string, options?: DeepPartial<AnalysisOptions> | null, version = 0): ReportModel {
  resolveOptions(options);
  return { version, lineCount: text.split(/\r\n|\r|\n/).length, title: null, frontMatter: null, headings: [], outline: [], placeholders: [], diagnostics: [] };
}
