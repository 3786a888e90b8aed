/**
 * What the CLI knows about each checked file, and the counts shared by every output format.
 */
import type { Diagnostic, ReportModel } from '../core';
import type { FailLevel } from './args';

export interface CheckedFile {
  /** The path as the user gave it or as the glob produced it. */
  path: string;
  model: ReportModel;
  /** The model's diagnostics in document order. */
  diagnostics: Diagnostic[];
}

export function checkedFile(path: string, model: ReportModel): CheckedFile {
  const diagnostics = [...model.diagnostics].sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  return { path, model, diagnostics };
}

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

const SEVERITY_NAMES: readonly SeverityName[] = ['error', 'warning', 'information', 'hint'];

/** LSP DiagnosticSeverity 1..4 as a word; a missing severity counts as an error, as in VS Code. */
export function severityName(diagnostic: Diagnostic): SeverityName {
  return SEVERITY_NAMES[(diagnostic.severity ?? 1) - 1] ?? 'error';
}

/** True when the diagnostic is at least as severe as `failOn` (hints never fail a run). */
export function meetsFailLevel(diagnostic: Diagnostic, failOn: FailLevel): boolean {
  return SEVERITY_NAMES.indexOf(severityName(diagnostic)) <= SEVERITY_NAMES.indexOf(failOn);
}

export function diagnosticCode(diagnostic: Diagnostic): string {
  return diagnostic.code === undefined ? '-' : String(diagnostic.code);
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
  placeholders: number;
}

export function summarize(files: readonly CheckedFile[]): Summary {
  const summary: Summary = { files: files.length, errors: 0, warnings: 0, information: 0, hints: 0, placeholders: 0 };
  for (const file of files) {
    summary.placeholders += file.model.placeholders.length;
    for (const diagnostic of file.diagnostics) {
      const name = severityName(diagnostic);
      if (name === 'error') summary.errors++;
      else if (name === 'warning') summary.warnings++;
      else if (name === 'information') summary.information++;
      else summary.hints++;
    }
  }
  return summary;
}
