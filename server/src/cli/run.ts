/**
 * report-lint as a function: arguments and writers in, exit code out.
 * 0: nothing at or above --fail-on; 1: such findings; 2: a usage or input error (which wins).
 */
import * as l10n from '@vscode/l10n';
import { version as toolVersion } from '../../../package.json';
import * as path from 'node:path';
import { analyze as coreAnalyze, type AnalysisContext, type AnalysisOptions, type DeepPartial, type ReportModel } from '../core';
import { EMPTY_CONFIG, findConfigFile, loadConfig, type WorkspaceConfig } from '../node/config';
import { selectTemplate, TemplateLibrary } from '../node/templates';
import { deriveTemplateCommand, listTemplatesCommand } from './templates';
import { exportCommand } from './export';
import { environmentLocale, useLocale } from '../l10n';
import { helpText, parseCliArgs, usageLine, type OutputFormat } from './args';
import { expandInputs, readReport, STDIN } from './files';
import { checkedOrFixed, configFileGiven, readStdin } from './check';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { meetsFailLevel, severityName, type CheckedFile } from './report';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Environment for the locale (LC_ALL, LC_MESSAGES, LANG); defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Directory relative paths and globs are resolved against; defaults to process.cwd(). */
  cwd?: string;
  /** The analysis to run; tests can replace it. Defaults to the core's analyze(). */
  analyze?: (text: string, options: DeepPartial<AnalysisOptions>, context: AnalysisContext) => ReportModel;
  /** Reads all of standard input (for `-`); defaults to reading file descriptor 0. */
  stdin?: () => Uint8Array;
  /** ANSI colour in text output; main.ts decides it from the terminal and NO_COLOR. */
  color?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

const PREFIX = 'report-lint: ';

/** The exit code; a promise of it for the commands that finish later (`--export docx`). */
export function run(argv: readonly string[], io: CliIo): number | Promise<number> {
  const locale = useLocale(environmentLocale(io.env ?? process.env));
  const problem = (message: string) => io.stderr(PREFIX + message + '\n');
  try {
    const args = parseCliArgs(argv);
    switch (args.kind) {
      case 'help':
        io.stdout(helpText());
        return EXIT_OK;
      case 'version':
        io.stdout(toolVersion + '\n');
        return EXIT_OK;
      case 'usage-error':
        problem(args.message);
        io.stderr(usageLine() + '\n' + l10n.t('Run "report-lint --help" for the options.') + '\n');
        return EXIT_ERROR;
    }

    const cwd = io.cwd ?? process.cwd();
    const library = new TemplateLibrary();
    if (args.kind === 'list-templates') return listTemplatesCommand(args.format, cwd, library, io, args.config);
    if (args.kind === 'derive-template') return deriveTemplateCommand(args.file, cwd, io);
    if (args.kind === 'export') return exportCommand(args, cwd, library, io);
    const analyze = io.analyze ?? ((text, options, context) => coreAnalyze(text, options, 0, context));
    const { paths, errors } = expandInputs(args.inputs, cwd);
    errors.forEach(problem);
    const inputError = (message: string) => {
      errors.push(message);
      problem(message);
    };
    const files: CheckedFile[] = [];
    const configs = new Map<string, WorkspaceConfig | null>();
    const reported = new Set<string>();
    /** The nearest configuration file (or --config); its problems are input errors, reported once. */
    const configFor = (dir: string): WorkspaceConfig | null => {
      const file = args.config === null ? findConfigFile(dir) : path.resolve(cwd, args.config);
      if (!file) return EMPTY_CONFIG;
      if (!configs.has(file)) {
        const { config, errors: bad } = loadConfig(file);
        bad.forEach((e) => inputError(located(file, e.range.start, e.message)));
        configs.set(file, bad.length ? null : config);
      }
      return configs.get(file)!;
    };
    if (args.config !== null) {
      const bad = configFileGiven(args.config, cwd);
      if (bad !== null) {
        problem(bad);
        return EXIT_ERROR;
      }
    }
    const fixes: string[] = [];
    for (const input of paths) {
      const stdin = input === STDIN;
      const filePath = stdin ? (args.stdinFilename ?? '<stdin>') : input;
      const read = stdin ? readStdin(filePath, io) : readReport(filePath, cwd);
      if (!read.ok) {
        inputError(read.message);
        continue;
      }
      try {
        const full = path.resolve(cwd, stdin ? (args.stdinFilename ?? 'stdin.md') : filePath);
        const config = configFor(path.dirname(full));
        if (!config) continue;
        const explicit = args.template ? { ref: args.template, baseDir: cwd } : null;
        const selection = selectTemplate(full, read.text, library, config, explicit);
        for (const bad of selection.folderErrors) {
          if (reported.has(bad.file)) continue;
          reported.add(bad.file);
          bad.errors.forEach((e) => inputError(located(bad.file, e.range.start, e.message)));
        }
        const choice = selection.choice;
        if (choice?.kind === 'invalid' || (explicit && choice?.kind === 'unknown')) {
          inputError(choice.kind === 'invalid' ? choice.reason : l10n.t('Unknown template: {0}', choice.ref));
          continue;
        }
        const context: AnalysisContext = { choice, templates: selection.templates, fileName: full };
        const options = args.reportUnusedDisable ? withUnusedReported(config.options) : config.options;
        const checked = checkedOrFixed(args.fix, filePath, full, read.text, (text) => analyze(text, options, context));
        if (checked.error) inputError(checked.error);
        for (const change of checked.changes) fixes.push(change);
        files.push(checked.file);
      } catch (error) {
        inputError(l10n.t('{0}: internal error while checking this file: {1}', filePath, errorMessage(error)));
      }
    }

    if (fixes.length) {
      const fixed =
        fixes.length === 1
          ? l10n.t('Fixed 1 heading; the findings below are what is left.')
          : l10n.t('Fixed {0} headings; the findings below are what is left.', fixes.length);
      // Machine-readable output stays alone on stdout.
      const report = fixes.join('\n') + '\n' + fixed + '\n';
      if (args.format === 'text') io.stdout(report);
      else io.stderr(report);
    }
    io.stdout(render(args.format, files, errors, locale === 'zh-cn' ? 'zh-CN' : 'en-US', io.color ?? false));
    if (errors.length > 0) return EXIT_ERROR;
    const failing = files.some((file) => file.diagnostics.some((d) => meetsFailLevel(d, args.failOn)));
    const warnings = files.reduce((n, file) => n + file.diagnostics.filter((d) => severityName(d) === 'warning').length, 0);
    if (args.maxWarnings !== null && warnings > args.maxWarnings) {
      problem(l10n.t('{0} warnings, more than --max-warnings {1}', warnings, args.maxWarnings));
      return EXIT_FINDINGS;
    }
    return failing ? EXIT_FINDINGS : EXIT_OK;
  } catch (error) {
    problem(l10n.t('internal error: {0}', errorMessage(error)));
    return EXIT_ERROR;
  }
}

function render(format: OutputFormat, files: CheckedFile[], inputErrors: string[], language: string, color: boolean): string {
  switch (format) {
    case 'text':
      return formatText(files, { color });
    case 'json':
      return formatJson(files);
    case 'sarif':
      return formatSarif(files, { toolVersion, inputErrors, language });
  }
}

/** `file:line:col: message`, 1-based, as compilers print it. */
function located(file: string, pos: { line: number; character: number }, message: string): string {
  return `${file}:${pos.line + 1}:${pos.character + 1}: ${message}`;
}

/** --report-unused-disable: `unused-suppression` at least as a warning (a configured `error` stays). */
function withUnusedReported(options: DeepPartial<AnalysisOptions>): DeepPartial<AnalysisOptions> {
  const configured = options.severity?.['unused-suppression'];
  const severity = configured && configured !== 'off' ? configured : 'warning';
  return { ...options, severity: { ...options.severity, 'unused-suppression': severity } };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
