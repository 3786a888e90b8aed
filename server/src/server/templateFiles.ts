/**
 * Template files as the editor sees them: a Markdown file whose front matter has `id:` and
 * `sections:` (or that has a companion rules file) is a template, checked as one, and gets
 * `template-invalid` diagnostics instead of report findings.
 */
import * as fs from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE, docsLink, frontMatterOf, parseTemplate, type TemplateError } from '../core';

/** `hasCompanion`: the server's cached check (TemplateLibrary.hasCompanion); by default, the disk. */
export function looksLikeTemplate(text: string | readonly string[], file: string | null, hasCompanion: (file: string) => boolean = diskCompanion): boolean {
  if (file && hasCompanion(file)) return true;
  const fm = frontMatterOf(text);
  return !!fm && 'sections' in fm && 'id' in fm;
}

function diskCompanion(file: string): boolean {
  return ['.template.json', '.template.yaml', '.template.yml'].some((ext) => fs.existsSync(file.replace(/\.md$/i, ext)));
}

export function templateDiagnostics(errors: readonly TemplateError[]): Diagnostic[] {
  return errors.map((e) => ({
    range: e.range,
    severity: 1,
    code: 'template-invalid',
    codeDescription: { href: docsLink('template-invalid') },
    source: DIAGNOSTIC_SOURCE,
    message: e.message,
  }));
}

/** Diagnostics for an open template document (its text as edited, not as saved). */
export function checkTemplateText(text: string, file: string | null, hasCompanion: (file: string) => boolean = diskCompanion): Diagnostic[] {
  // With a companion rules file the Markdown is only the skeleton: the rules' problems are
  // reported on the rules file (see the templates folder), not as "rules missing" here.
  if (file && hasCompanion(file)) return [];
  return templateDiagnostics(parseTemplate(text, file).errors);
}
