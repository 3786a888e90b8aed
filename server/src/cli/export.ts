/**
 * `report-lint --export html FILE`: the report as a self-contained HTML page on stdout
 * (stylesheet inline, no script, no remote resource). Every placeholder is an element
 * with `data-placeholder` (its kind), every missing section one with `data-missing-section`.
 * The template is chosen as for checking: --template, front matter, .report-author.json,
 * recognition. Exit 0, or 2 with a message for an unreadable report, configuration or template.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { analyze } from '../core';
import { renderReport } from '../core/preview';
import { findConfigFile, loadConfig, EMPTY_CONFIG } from '../node/config';
import { selectTemplate, type TemplateLibrary } from '../node/templates';
import type { ExportStyle } from './args';
import { readReport } from './files';
import type { CliIo } from './run';

const PREFIX = 'report-lint: ';

/** media/preview.css beside dist/ (the package) or at the repository root (running from source). */
export function previewCssFile(): string | null {
  const candidates = [path.join(__dirname, '..', 'media', 'preview.css'), path.join(__dirname, '..', '..', '..', 'media', 'preview.css')];
  return candidates.find((f) => fs.existsSync(f)) ?? null;
}

export function exportCommand(args: { file: string; template: string | null; style: ExportStyle; config?: string | null }, cwd: string, library: TemplateLibrary, io: CliIo): number {
  const fail = (message: string) => {
    io.stderr(PREFIX + message + '\n');
    return 2;
  };
  const read = readReport(args.file, cwd);
  if (!read.ok) return fail(read.message);
  const cssFile = previewCssFile();
  if (!cssFile) return fail(l10n.t('The preview stylesheet media/preview.css is missing from this installation.'));

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
  const { html } = renderReport(read.text, model, {
    style: args.style,
    standalone: true,
    css: fs.readFileSync(cssFile, 'utf8'),
    templateName: template?.name ?? null,
    title: model.title?.text ?? path.basename(args.file),
  });
  io.stdout(html);
  return 0;
}
