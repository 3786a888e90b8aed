/**
 * The workspace configuration file `.report-author.json`: found by walking up from a
 * report's folder, validated against schemas/report-author-config.schema.json.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import schema from '../../../schemas/report-author-config.schema.json';
import { readYamlData, type DataError } from '../core/yamlData';
import type { AnalysisOptions, DeepPartial } from '../core';
import { MAX_DATA_BYTES, readTextOrError } from './safeRead';

export const CONFIG_FILE = '.report-author.json';

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

/** The nearest `.report-author.json` at or above `dir`, or null. */
export function findConfigFile(dir: string): string | null {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const candidate = path.join(d, CONFIG_FILE);
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    if (path.dirname(d) === d) return null;
  }
}

export function parseConfig(text: string, file: string): ConfigResult {
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
