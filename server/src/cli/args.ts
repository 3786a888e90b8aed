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
  | { kind: 'check' } & CheckArgs
  | { kind: 'list-templates'; format: OutputFormat; config: string | null }
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
      /** --config: the configuration file instead of the nearest one. */
      config: string | null;
    }
  | { kind: 'usage-error'; message: string };

export interface CheckArgs {
  format: OutputFormat;
  failOn: FailLevel;
  /** Files, folders, globs; `-` is standard input. */
  inputs: string[];
  template: string | null;
  /** Apply the safe fixes (numbers, marker punctuation and width) to the files. */
  fix: boolean;
  /** A configuration file to use instead of the nearest one. */
  config: string | null;
  /** More warnings than this fail the run. */
  maxWarnings: number | null;
  /** The name standard input is checked under (for the configuration, the template, the output). */
  stdinFilename: string | null;
  /** Report suppression comments that silence nothing. */
  reportUnusedDisable?: boolean;
}

export const OPTIONS = {
  format: { type: 'string' },
  'fail-on': { type: 'string' },
  'max-warnings': { type: 'string' },
  config: { type: 'string' },
  'stdin-filename': { type: 'string' },
  fix: { type: 'boolean' },
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
  let fix = false;
  let config: string | null = null;
  let maxWarnings: string | null = null;
  let stdinFilename: string | null = null;
  /** The options given, as the user spelled them (for messages about contradictions). */
  const given = new Map<string, string>();

  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = (OPTIONS as Record<string, { type: 'string' | 'boolean' }>)[token.name];
    if (!spec) return usageError(l10n.t('Unknown option: {0}', token.rawName));
    given.set(token.name, token.rawName.startsWith('--') ? token.rawName : `--${token.name}`);
    if (spec.type === 'boolean') {
      if (token.value !== undefined) return usageError(l10n.t('Option {0} does not take a value', token.rawName));
      if (token.name === 'help') help = true;
      else if (token.name === 'list-templates') listTemplates = true;
      else if (token.name === 'fix') fix = true;
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
    else if (token.name === 'config') config = token.value;
    else if (token.name === 'max-warnings') maxWarnings = token.value;
    else if (token.name === 'stdin-filename') stdinFilename = token.value;
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
  const contradiction = contradictions(given);
  if (contradiction) return contradiction;
  if (listTemplates) {
    if (positionals.length) return usageError(l10n.t('{0} takes no files', '--list-templates'));
    return { kind: 'list-templates', format, config };
  }
  if (derive !== null) {
    if (positionals.length) return usageError(l10n.t('{0} takes exactly one file', '--derive-template'));
    return { kind: 'derive-template', file: derive };
  }
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
    return { kind: 'export', format: exportFormat, file: positionals[0]!, template, style: chosen, output, failOnPlaceholders, config };
  }
  if (maxWarnings !== null && !/^\d{1,9}$/.test(maxWarnings)) {
    return usageError(l10n.t('Invalid value "{0}" for {1}: expected a whole number, 0 or more', maxWarnings, '--max-warnings'));
  }
  if (positionals.length === 0) return usageError(l10n.t('No files given'));
  const stdinCount = positionals.filter((p) => p === '-').length;
  if (stdinCount > 1) return usageError(l10n.t('Standard input (-) can be given only once'));
  if (stdinFilename !== null && stdinCount === 0) return usageError(l10n.t('Option {0} needs {1}', '--stdin-filename', '- (standard input)'));
  if (stdinCount && fix) return usageError(l10n.t('Options {0} and {1} cannot be used together', '--fix', '- (standard input)'));
  return {
    kind: 'check',
    format,
    failOn,
    inputs: positionals,
    template,
    fix,
    config,
    maxWarnings: maxWarnings === null ? null : Number(maxWarnings),
    stdinFilename,
    ...(reportUnusedDisable ? { reportUnusedDisable } : {}),
  };
}

/**
 * Two commands at once, or an option with a command it does not apply to, as a usage error
 * naming both; null when the options agree.
 */
function contradictions(given: ReadonlyMap<string, string>): ParsedArgs | null {
  const together = (a: string, b: string) => usageError(l10n.t('Options {0} and {1} cannot be used together', given.get(a)!, given.get(b)!));
  const modes = ['list-templates', 'derive-template', 'export', 'fix'].filter((m) => given.has(m));
  if (modes.length > 1) return together(modes[0]!, modes[1]!);
  const mode = modes[0] ?? 'check';
  const applies: Record<string, readonly string[]> = {
    format: ['check', 'fix', 'list-templates'],
    'fail-on': ['check', 'fix'],
    'max-warnings': ['check', 'fix'],
    'stdin-filename': ['check'],
    'report-unused-disable': ['check', 'fix'],
    template: ['check', 'fix', 'export'],
    config: ['check', 'fix', 'export', 'list-templates'],
    // Without --export these say they need it (below).
    style: ['check', 'export'],
    output: ['check', 'export'],
    'fail-on-placeholders': ['check', 'export'],
  };
  for (const [name, modesOf] of Object.entries(applies)) {
    if (given.has(name) && !modesOf.includes(mode)) return together(name, mode);
  }
  return null;
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

function usageError(message: string): ParsedArgs {
  return { kind: 'usage-error', message };
}

/** The one-line synopsis, shown with usage errors and at the top of --help. */
export function usageLine(): string {
  return l10n.t('Usage: report-lint [options] <files, folders, globs or - for standard input>');
}

export function helpText(): string {
  const rows: [string, string][] = [
    ['--format text|json|sarif', l10n.t('Output format (default: text)')],
    ['--fail-on error|warning|information', l10n.t('Lowest severity that makes the exit code 1 (default: error)')],
    ['--max-warnings N', l10n.t('Exit code 1 also when there are more than N warnings')],
    ['--fix', l10n.t('Fix numbering, marker punctuation and marker width in the files, say what changed, then check')],
    ['--config FILE', l10n.t('Use this configuration file instead of the nearest .report-author.json or .report-author.yaml')],
    ['--stdin-filename NAME', l10n.t('The name standard input (-) is checked and shown under')],
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
  const width = Math.max(...rows.map(([option]) => option.length)) + 2; // bounded: the options of --help
  return [
    usageLine(),
    '',
    l10n.t('Checks Chinese work reports written in Markdown: outline numbering, markers, unfilled placeholders.'),
    l10n.t('A folder stands for the Markdown files below it, without node_modules, .git and what .gitignore and .report-authorignore exclude.'),
    '',
    l10n.t('Options:'),
    ...rows.map(([option, text]) => `  ${option.padEnd(width)}${text}`),
    '',
    l10n.t('Exit codes: 0 no findings at or above --fail-on, 1 such findings, 2 usage or input error.'),
    l10n.t('Colour on a terminal unless NO_COLOR is set; FORCE_COLOR=1 forces it.'),
    '',
  ].join('\n');
}
