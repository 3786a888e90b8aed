/**
 * Command-line parsing for report-lint. Uses node:util parseArgs in non-strict mode
 * with tokens, so every problem gets our own (localised) message instead of Node's.
 */
import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export const FAIL_LEVELS = ['error', 'warning', 'information'] as const;
export type FailLevel = (typeof FAIL_LEVELS)[number];

export const EXPORT_FORMATS = ['html', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const PREVIEW_STYLES = ['gbt9704', 'editor'] as const;
export type ExportStyle = (typeof PREVIEW_STYLES)[number];

export type ParsedArgs =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; format: OutputFormat; failOn: FailLevel; inputs: string[]; template: string | null; reportUnusedDisable?: boolean }
  | { kind: 'list-templates'; format: OutputFormat }
  | { kind: 'derive-template'; file: string }
  | {
      kind: 'export';
      format: ExportFormat;
      file: string;
      template: string | null;
      style: ExportStyle;
      /** -o: the file to write (required for docx; html goes to stdout without it). */
      output: string | null;
      /** Exit 1, writing nothing, when placeholders are still to be filled. */
      failOnPlaceholders: boolean;
    }
  | { kind: 'usage-error'; message: string };

const OPTIONS = {
  format: { type: 'string' },
  'fail-on': { type: 'string' },
  template: { type: 'string' },
  'derive-template': { type: 'string' },
  export: { type: 'string' },
  style: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'fail-on-placeholders': { type: 'boolean' },
  'list-templates': { type: 'boolean' },
  'report-unused-disable': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const { tokens, positionals } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });

  let format: string = 'text';
  let failOn: string = 'error';
  let help = false;
  let version = false;
  let listTemplates = false;
  let reportUnusedDisable = false;
  let template: string | null = null;
  let derive: string | null = null;
  let exportFormat: string | null = null;
  let style: string | null = null;
  let output: string | null = null;
  let failOnPlaceholders = false;
  let outputOption = '-o';
  let failOption = '--fail-on-placeholders';

  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = (OPTIONS as Record<string, { type: 'string' | 'boolean' }>)[token.name];
    if (!spec) return usageError(l10n.t('Unknown option: {0}', token.rawName));
    if (spec.type === 'boolean') {
      if (token.value !== undefined) return usageError(l10n.t('Option {0} does not take a value', token.rawName));
      if (token.name === 'help') help = true;
      else if (token.name === 'list-templates') listTemplates = true;
      else if (token.name === 'report-unused-disable') reportUnusedDisable = true;
      else if (token.name === 'fail-on-placeholders') {
        failOnPlaceholders = true;
        failOption = token.rawName;
      }
      else version = true;
      continue;
    }
    if (token.value === undefined || token.value === '') {
      return usageError(l10n.t('Option {0} needs a value', token.rawName));
    }
    if (token.name === 'format') format = token.value;
    else if (token.name === 'template') template = token.value;
    else if (token.name === 'derive-template') derive = token.value;
    else if (token.name === 'export') exportFormat = token.value;
    else if (token.name === 'style') style = token.value;
    else if (token.name === 'output') {
      output = token.value;
      outputOption = token.rawName;
    }
    else failOn = token.value;
  }

  if (!isOneOf(FORMATS, format)) {
    return usageError(l10n.t('Invalid value "{0}" for {1}: expected one of {2}', format, '--format', FORMATS.join(', ')));
  }
  if (!isOneOf(FAIL_LEVELS, failOn)) {
    return usageError(
      l10n.t('Invalid value "{0}" for {1}: expected one of {2}', failOn, '--fail-on', FAIL_LEVELS.join(', ')),
    );
  }
  if (help) return { kind: 'help' };
  if (version) return { kind: 'version' };
  if (listTemplates) return { kind: 'list-templates', format };
  if (derive !== null) return { kind: 'derive-template', file: derive };
  if (exportFormat !== null || style !== null || output !== null || failOnPlaceholders) {
    if (exportFormat === null) {
      const [option, needs] = style !== null ? ['--style', '--export html'] : output !== null ? [outputOption, '--export'] : [failOption, '--export'];
      return usageError(l10n.t('Option {0} needs {1}', option, needs));
    }
    if (!isOneOf(EXPORT_FORMATS, exportFormat)) {
      return usageError(l10n.t('Invalid value "{0}" for {1}: expected one of {2}', exportFormat, '--export', EXPORT_FORMATS.join(', ')));
    }
    if (exportFormat === 'docx' && style !== null) return usageError(l10n.t('Option {0} needs {1}', '--style', '--export html'));
    const chosen = style ?? 'gbt9704';
    if (!isOneOf(PREVIEW_STYLES, chosen)) {
      return usageError(l10n.t('Invalid value "{0}" for {1}: expected one of {2}', chosen, '--style', PREVIEW_STYLES.join(', ')));
    }
    if (positionals.length !== 1) {
      return usageError(exportFormat === 'html' ? l10n.t('--export html takes exactly one file') : l10n.t('--export docx takes exactly one file'));
    }
    if (exportFormat === 'docx' && output === null) return usageError(l10n.t('--export docx needs -o FILE.docx, the Word file to write'));
    return { kind: 'export', format: exportFormat, file: positionals[0]!, template, style: chosen, output, failOnPlaceholders };
  }
  if (positionals.length === 0) return usageError(l10n.t('No files given'));
  return { kind: 'check', format, failOn, inputs: positionals, template, ...(reportUnusedDisable ? { reportUnusedDisable } : {}) };
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

function usageError(message: string): ParsedArgs {
  return { kind: 'usage-error', message };
}

/** The one-line synopsis, shown with usage errors and at the top of --help. */
export function usageLine(): string {
  return l10n.t('Usage: report-lint [options] <files or globs>');
}

export function helpText(): string {
  const rows: [string, string][] = [
    ['--format text|json|sarif', l10n.t('Output format (default: text)')],
    ['--fail-on error|warning|information', l10n.t('Lowest severity that makes the exit code 1 (default: error)')],
    ['--template ID|NAME|PATH', l10n.t('Check against this template (overrides front matter and .report-author.json)')],
    ['--list-templates', l10n.t('List the templates (built-in and from .report-author.json); with --format json as JSON')],
    ['--derive-template FILE', l10n.t('Print a template derived from a report: its sections, its numbers with units as placeholders')],
    ['--export html FILE', l10n.t('Print the report as a self-contained HTML page: placeholders as chips, missing sections as ghosts')],
    ['--style gbt9704|editor', l10n.t('Page style of --export: GB/T 9704 official document (default) or plain')],
    ['--export docx FILE -o OUT', l10n.t('Write the report as a Word file laid out as GB/T 9704: levels as outline levels, placeholders highlighted')],
    ['-o, --output FILE', l10n.t('The file --export writes (html: stdout without it)')],
    ['--fail-on-placeholders', l10n.t('With --export: exit 1 and write nothing while placeholders are still to be filled')],
    ['--report-unused-disable', l10n.t('Report suppression comments that silence nothing (unused-suppression)')],
    ['-h, --help', l10n.t('Show this help')],
    ['-v, --version', l10n.t('Show the version')],
  ];
  const width = Math.max(...rows.map(([option]) => option.length)) + 2;
  return [
    usageLine(),
    '',
    l10n.t('Checks Chinese work reports written in Markdown: outline numbering, markers, unfilled placeholders.'),
    '',
    l10n.t('Options:'),
    ...rows.map(([option, text]) => `  ${option.padEnd(width)}${text}`),
    '',
    l10n.t('Exit codes: 0 no findings at or above --fail-on, 1 such findings, 2 usage or input error.'),
    '',
  ].join('\n');
}
