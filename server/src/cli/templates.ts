/** `--list-templates` and `--derive-template FILE`. */
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { analyze, deriveTemplate } from '../core';
import { findConfigFile, loadConfig } from '../node/config';
import type { TemplateLibrary } from '../node/templates';
import type { OutputFormat } from './args';
import { readReport } from './files';
import type { CliIo } from './run';

const PREFIX = 'report-lint: ';

export function listTemplatesCommand(format: OutputFormat, cwd: string, library: TemplateLibrary, io: CliIo, given: string | null = null): number {
  let status = 0;
  const configFile = given === null ? findConfigFile(cwd) : path.resolve(cwd, given);
  const user = [];
  if (configFile) {
    const { config, errors } = loadConfig(configFile);
    for (const e of errors) {
      io.stderr(`${PREFIX}${configFile}:${e.range.start.line + 1}:${e.range.start.character + 1}: ${e.message}\n`);
      status = 2;
    }
    if (config.templatesFolder) {
      const folder = library.folder(config.templatesFolder);
      for (const t of folder.templates) user.push(t);
      for (const bad of folder.errors) {
        for (const e of bad.errors) io.stderr(`${PREFIX}${bad.file}:${e.range.start.line + 1}:${e.range.start.character + 1}: ${e.message}\n`);
        status = 2;
      }
    }
  }
  const rows = [...user, ...library.builtins()].map((t) => ({ id: t.id, name: t.name, path: path.resolve(t.file ?? '') }));
  if (format === 'json') io.stdout(JSON.stringify(rows, null, 2) + '\n');
  else {
    const width = rows.reduce((m, r) => Math.max(m, r.id.length), 0) + 2;
    io.stdout(rows.map((r) => `${r.id.padEnd(width)}${r.name}  ${r.path}`).join('\n') + '\n');
  }
  return status;
}

export function deriveTemplateCommand(file: string, cwd: string, io: CliIo): number {
  const read = readReport(file, cwd);
  if (!read.ok) {
    io.stderr(PREFIX + read.message + '\n');
    return 2;
  }
  const model = analyze(read.text);
  if (!model.outline.some((n) => n.level !== 0)) {
    io.stderr(PREFIX + l10n.t('{0}: no numbered sections found, so there is nothing to derive a template from', file) + '\n');
    return 2;
  }
  io.stdout(deriveTemplate(read.text, model, file));
  return 0;
}
