/**
 * The workspace configuration file: `.report-author.json` (JSON with comments and trailing
 * commas, as VS Code's own settings files) or `.report-author.yaml` / `.report-author.yml`.
 * Found by walking up from a report's folder; validated against
 * schemas/report-author-config.schema.json with every problem located in the file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { parse, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import schema from '../../../schemas/report-author-config.schema.json';
import { readYamlData, type DataError } from '../core/yamlData';
import type { AnalysisOptions, DeepPartial } from '../core';
import { MAX_DATA_BYTES, readTextOrError } from './safeRead';

export const CONFIG_FILE = '.report-author.json';
/** The names of a configuration file, in the order they are looked for in one folder. */
export const CONFIG_FILES = [CONFIG_FILE, '.report-author.yaml', '.report-author.yml'] as const;

/** True when `file` (a path or a base name) names a configuration file. */
export function isConfigFile(file: string): boolean {
  return (CONFIG_FILES as readonly string[]).includes(path.basename(file));
}

export interface WorkspaceConfig {
  /** Absolute path of the file, or null for the empty default. */
  file: string | null;
  templatesFolder: string | null;
  /** Glob (relative to the file's folder) → template reference, in file order. */
  templates: Array<[glob: string, ref: string]>;
  options: DeepPartial<AnalysisOptions>;
}

export const EMPTY_CONFIG: WorkspaceConfig = { file: null, templatesFolder: null, templates: [], options: {} };

export interface ConfigResult {
  config: WorkspaceConfig;
  errors: DataError[];
}

/** The nearest configuration file at or above `dir` (in one folder: .json, .yaml, .yml), or null. */
export function findConfigFile(dir: string): string | null {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    for (const name of CONFIG_FILES) {
      const candidate = path.join(d, name);
      if (isFile(candidate)) return candidate;
    }
    if (path.dirname(d) === d) return null;
  }
}

/**
 * `findConfigFile` remembered per folder, for a server that checks on every keystroke.
 * Forget it when a configuration file (CONFIG_FILES) appears or goes (watched-file events); a client
 * that sends none gets answers at most `ttl` ms old.
 */
export class ConfigFinder {
  private found = new Map<string, { file: string | null; at: number }>();
  ttl = Infinity;

  find(dir: string): string | null {
    const hit = this.found.get(dir);
    const now = this.ttl === Infinity ? 0 : Date.now();
    if (hit && now - hit.at <= this.ttl) return hit.file;
    const file = findConfigFile(dir);
    this.found.set(dir, { file, at: now });
    return file;
  }

  clear(): void {
    this.found.clear();
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Parses a configuration file's text; `file` decides the syntax (`.json`: JSONC, else YAML). */
export function parseConfig(text: string, file: string): ConfigResult {
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1);
  if (path.extname(file).toLowerCase() === '.json') {
    const syntax = jsoncErrors(text);
    if (syntax.length) return { config: { ...EMPTY_CONFIG, file }, errors: syntax };
    // Valid JSONC with its comments blanked is YAML with the same offsets, so the schema's
    // findings are located by the same code as for YAML files and templates.
    text = blankComments(text);
  }
  const { data, errors } = readYamlData(text, schema);
  if (errors.length || !data || typeof data !== 'object') return { config: { ...EMPTY_CONFIG, file }, errors };
  const raw = data as {
    templatesFolder?: string;
    templates?: Record<string, string>;
    severity?: AnalysisOptions['severity'];
    placeholders?: Partial<AnalysisOptions['placeholders']>;
    level3Punctuation?: AnalysisOptions['level3Punctuation'];
    recognize?: boolean;
  };
  return {
    config: {
      file,
      templatesFolder: raw.templatesFolder ? path.resolve(path.dirname(file), raw.templatesFolder) : null,
      templates: Object.entries(raw.templates ?? {}),
      options: { severity: raw.severity, placeholders: raw.placeholders, level3Punctuation: raw.level3Punctuation, recognizeTemplates: raw.recognize },
    },
    errors: [],
  };
}

export function loadConfig(file: string): ConfigResult {
  const text = readTextOrError(file, file, MAX_DATA_BYTES);
  if (text instanceof Error) {
    const zero = { line: 0, character: 0 };
    return { config: { ...EMPTY_CONFIG, file }, errors: [{ message: text.message, range: { start: zero, end: zero } }] };
  }
  return parseConfig(text, file);
}

/** JSON syntax errors (comments and trailing commas allowed), located. */
function jsoncErrors(text: string): DataError[] {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const starts = lineStarts(text);
  return errors.slice(0, 1).map((e) => {
    const start = positionAt(starts, e.offset);
    const end = positionAt(starts, e.offset + e.length);
    return { message: l10n.t('Not valid JSON: {0}', describeJsonError(e)), range: { start, end } };
  });
}

function describeJsonError(e: ParseError): string {
  // printParseErrorCode gives names such as "CommaExpected"; spell them as words.
  return printParseErrorCode(e.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** `text` with every comment character except line breaks replaced by a space. */
export function blankComments(text: string): string {
  const comments: Array<[number, number]> = [];
  visit(text, { onComment: (offset, length) => void comments.push([offset, offset + length]) }, { allowTrailingComma: true });
  let out = '';
  let last = 0;
  for (const [start, end] of comments) {
    out += text.slice(last, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    last = end;
  }
  return out + text.slice(last);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') starts.push(i + 1);
    else if (text[i] === '\r' && text[i + 1] !== '\n') starts.push(i + 1);
  }
  return starts;
}

function positionAt(starts: readonly number[], offset: number): { line: number; character: number } {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  return { line, character: offset - starts[line]! };
}
