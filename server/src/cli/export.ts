/**
 * `report-lint --export html FILE`: the report as a self-contained HTML page on stdout (or -o)
 * (stylesheet inline, no script, no remote resource). Every placeholder is an element
 * with `data-placeholder` (its kind), every missing section one with `data-missing-section`.
 *
 * `report-lint --export docx FILE -o OUT.docx`: the report as a Word file laid out as GB/T 9704
 * (core/export); images beside the report are embedded; stderr says how many placeholders are
 * still to be filled, and `--fail-on-placeholders` makes that exit 1 with nothing written.
 *
 * The template is chosen as for checking: --template, front matter, .report-author.json,
 * recognition. Exit 0, or 2 with a message for an unreadable report, configuration or template.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { analyze, type ReportModel, type ReportTemplate } from '../core';
import { renderReport } from '../core/preview';
import { exportDocx } from '../core/export';
import { findConfigFile, loadConfig, EMPTY_CONFIG } from '../node/config';
import { selectTemplate, type TemplateLibrary } from '../node/templates';
import { imageLoader, writeFileAtomic } from '../node/exportFiles';
import type { ExportFormat, ExportStyle } from './args';
import { readReport } from './files';
import type { CliIo } from './run';

const PREFIX = 'report-lint: ';

/** media/preview.css beside dist/ (the package) or at the repository root (running from source). */
export function previewCssFile(): string | null {
  const candidates = [path.join(__dirname, '..', 'media', 'preview.css'), path.join(__dirname, '..', '..', '..', 'media', 'preview.css')];
  return candidates.find((f) => fs.existsSync(f)) ?? null;
}

export interface ExportArgs {
  format?: ExportFormat;
  file: string;
  template: string | null;
  style: ExportStyle;
  output?: string | null;
  failOnPlaceholders?: boolean;
  /** --config: the configuration file instead of the nearest one. */
  config?: string | null;
}

export function exportCommand(args: ExportArgs, cwd: string, library: TemplateLibrary, io: CliIo): number | Promise<number> {
  const fail = (message: string) => {
    io.stderr(PREFIX + message + '\n');
    return 2;
  };
  const read = readReport(args.file, cwd);
  if (!read.ok) return fail(read.message);

  const full = path.resolve(cwd, args.file);
  const configFile = args.config ? path.resolve(cwd, args.config) : findConfigFile(path.dirname(full));
  let config = EMPTY_CONFIG;
  if (configFile) {
    const loaded = loadConfig(configFile);
    const first = loaded.errors[0];
    if (first) return fail(`${configFile}:${first.range.start.line + 1}:${first.range.start.character + 1}: ${first.message}`);
    config = loaded.config;
  }
  const explicit = args.template ? { ref: args.template, baseDir: cwd } : null;
  const selection = selectTemplate(full, read.text, library, config, explicit);
  const choice = selection.choice;
  if (choice?.kind === 'invalid') return fail(choice.reason);
  if (explicit && choice?.kind === 'unknown') return fail(l10n.t('Unknown template: {0}', choice.ref));

  const model = analyze(read.text, config.options, 0, { choice, templates: selection.templates, fileName: full });
  const template = choice?.kind === 'template' ? choice.template : selection.templates.find((t) => t.id === model.template);
  const output = args.output ? path.resolve(cwd, args.output) : null;
  if (output && output === full) return fail(l10n.t('The output file is the report itself: choose another file with -o.'));
  const unfilled = model.placeholders.length;
  if (args.failOnPlaceholders && unfilled > 0) {
    io.stderr(PREFIX + l10n.t('{0}: {1} placeholders are still to be filled; nothing written (--fail-on-placeholders).', args.file, unfilled) + '\n');
    return 1;
  }
  if (args.format === 'docx') return exportWord(read.text, model, template ?? null, full, output!, args, io);

  const cssFile = previewCssFile();
  if (!cssFile) return fail(l10n.t('The preview stylesheet media/preview.css is missing from this installation.'));
  const { html } = renderReport(read.text, model, {
    style: args.style,
    standalone: true,
    css: fs.readFileSync(cssFile, 'utf8'),
    templateName: template?.name ?? null,
    title: model.title?.text ?? path.basename(args.file),
  });
  if (!output) {
    io.stdout(html);
    return 0;
  }
  try {
    writeFileAtomic(output, html);
  } catch (e) {
    return fail(l10n.t('{0} could not be written: {1}', args.output!, (e as Error).message));
  }
  return 0;
}

async function exportWord(
  text: string,
  model: ReportModel,
  template: ReportTemplate | null,
  full: string,
  output: string,
  args: ExportArgs,
  io: CliIo,
): Promise<number> {
  try {
    const result = await exportDocx(text, model, {
      layout: template?.layout ?? null,
      loadImage: imageLoader(path.dirname(full)),
      title: model.title?.text ?? path.basename(full),
    });
    for (const w of result.warnings) io.stderr(`${args.file}:${w.line + 1}: ${w.message}\n`);
    writeFileAtomic(output, result.bytes);
    const count = result.placeholders;
    io.stderr(
      PREFIX +
        (count > 0
          ? l10n.t('Wrote {0}; {1} placeholders are still to be filled (highlighted in the document).', args.output!, count)
          : l10n.t('Wrote {0}; no placeholders left to fill.', args.output!)) +
        '\n',
    );
    return 0;
  } catch (e) {
    io.stderr(PREFIX + l10n.t('{0} could not be written: {1}', args.output!, e instanceof Error ? e.message : String(e)) + '\n');
    return 2;
  }
}
