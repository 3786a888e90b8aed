/**
 * `path:line:col severity code message`, one finding a line, then a one-line summary.
 * Line and column are 1-based; the column counts UTF-16 code units (LSP character + 1).
 * The location, severity and code columns are padded to one width by how wide they show in a
 * terminal (a Chinese character takes two cells), so the messages start in one column.
 * Severity words follow the locale (错误, 警告 …); colour only when asked for.
 */
import * as l10n from '@vscode/l10n';
import { diagnosticCode, severityName, summarize, type CheckedFile, type SeverityName, type Summary } from './report';

export interface TextOptions {
  /** ANSI colour (a terminal, and NO_COLOR not set). */
  color?: boolean;
}

const COLORS: Record<SeverityName, string> = { error: '31', warning: '33', information: '36', hint: '2' };

export function severityWord(name: SeverityName): string {
  switch (name) {
    case 'error':
      return l10n.t('error');
    case 'warning':
      return l10n.t('warning');
    case 'information':
      return l10n.t('information');
    case 'hint':
      return l10n.t('hint');
  }
}

/**
 * Whether text output is coloured: on a terminal, unless NO_COLOR is set to anything but the
 * empty string (https://no-color.org); FORCE_COLOR (other than 0) colours a pipe too.
 */
export function useColor(env: NodeJS.ProcessEnv, tty: boolean): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0';
  return tty;
}

export function formatText(files: readonly CheckedFile[], options: TextOptions = {}): string {
  const paint = (code: string, text: string) => (options.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const rows: Array<{ location: string; severity: SeverityName; word: string; code: string; message: string }> = [];
  for (const file of files) {
    for (const diagnostic of file.diagnostics) {
      const { line, character } = diagnostic.range.start;
      const severity = severityName(diagnostic);
      rows.push({
        location: `${file.path}:${line + 1}:${character + 1}`,
        severity,
        word: severityWord(severity),
        code: diagnosticCode(diagnostic),
        message: diagnostic.message.replace(/\s*[\r\n]+\s*/g, ' '),
      });
    }
  }
  // A loop, not Math.max(...rows): 150,000 findings as call arguments overflow the stack.
  const width = (pick: (r: (typeof rows)[number]) => string) => rows.reduce((m, r) => Math.max(m, displayWidth(pick(r))), 0);
  const w = { location: width((r) => r.location), word: width((r) => r.word), code: width((r) => r.code) };
  const pad = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - displayWidth(text)));
  const lines = rows.map(
    (r) =>
      `${paint('2', pad(r.location, w.location))} ${paint(COLORS[r.severity], pad(r.word, w.word))} ${paint('2', pad(r.code, w.code))} ${r.message}`,
  );
  lines.push(paint('1', summaryLine(summarize(files))));
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

/** Terminal cells `text` takes: East Asian wide and full-width characters two, marks zero. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x300 && c <= 0x36f) || c === 0x200b || (c >= 0xfe00 && c <= 0xfe0f)) continue;
    width += isWide(c) ? 2 : 1;
  }
  return width;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1f64f) ||
    (c >= 0x1f900 && c <= 0x1f9ff) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}
