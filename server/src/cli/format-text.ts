/**
 * `path:line:col severity code message`, one finding a line, then a one-line summary.
 * Line and column are 1-based; the column counts UTF-16 code units (LSP character + 1).
 */
import * as l10n from '@vscode/l10n';
import { diagnosticCode, severityName, summarize, type CheckedFile, type Summary } from './report';

export function formatText(files: readonly CheckedFile[]): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const diagnostic of file.diagnostics) {
      const { line, character } = diagnostic.range.start;
      const message = diagnostic.message.replace(/\s*[\r\n]+\s*/g, ' ');
      lines.push(`${file.path}:${line + 1}:${character + 1} ${severityName(diagnostic)} ${diagnosticCode(diagnostic)} ${message}`);
    }
  }
  lines.push(summaryLine(summarize(files)));
  return lines.join('\n') + '\n';
}

/** e.g. `2 files: 0 errors, 3 warnings, 213 placeholders`. */
export function summaryLine(summary: Summary): string {
  const { files, errors, warnings, placeholders } = summary;
  return l10n.t(
    '{0}: {1}, {2}, {3}',
    files === 1 ? l10n.t('{0} file', files) : l10n.t('{0} files', files),
    errors === 1 ? l10n.t('{0} error', errors) : l10n.t('{0} errors', errors),
    warnings === 1 ? l10n.t('{0} warning', warnings) : l10n.t('{0} warnings', warnings),
    placeholders === 1 ? l10n.t('{0} placeholder', placeholders) : l10n.t('{0} placeholders', placeholders),
  );
}
