/**
 * Templates on disk: the built-in ones shipped in templates/, a user's folder of them, and a
 * template named by path. Each file is parsed by the core; problems stay attached to files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  findTemplate,
  frontMatterOf,
  parseTemplate,
  type ReportTemplate,
  type TemplateChoice,
  type TemplateError,
  type TemplateParseResult,
} from '../core';
import * as l10n from '@vscode/l10n';
import type { WorkspaceConfig } from './config';
import { matchGlob } from './glob';
import { fileProblem, MAX_DATA_BYTES, readTextOrError } from './safeRead';

const ZERO = { line: 0, character: 0 };
const atStart = (message: string): TemplateError => ({ message, range: { start: ZERO, end: ZERO } });

function mtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

export interface TemplateFileError {
  file: string;
  errors: TemplateError[];
}

const COMPANION = /\.template\.(json|ya?ml)$/i;

/** templates/ beside dist/ (the package) or beside server/ (running from source). */
export function builtinTemplatesDir(): string {
  const candidates = [path.join(__dirname, '..', 'templates'), path.join(__dirname, '..', '..', '..', 'templates')];
  return candidates.find((d) => fs.existsSync(path.join(d, 'annual-summary.md'))) ?? candidates[0]!;
}

/** A template file's text; throws an Error saying why it cannot be read (a FIFO, a device, a loop, too large). */
function readText(file: string): string {
  const text = readTextOrError(file, path.basename(file), MAX_DATA_BYTES);
  if (text instanceof Error) throw text;
  return text;
}

function companionOf(mdFile: string): string | null {
  const base = mdFile.replace(/\.md$/i, '');
  for (const ext of ['.template.json', '.template.yaml', '.template.yml']) if (fs.existsSync(base + ext)) return base + ext;
  return null;
}

/** Reads one template: a Markdown file with front matter, with a companion rules file, or a rules file alone. */
export function loadTemplateFile(file: string): TemplateParseResult {
  try {
    if (COMPANION.test(file)) {
      const md = file.replace(COMPANION, '.md');
      const body = fs.existsSync(md) ? readText(md) : '';
      return parseTemplate(body, file, readText(file));
    }
    const text = readText(file);
    const companion = companionOf(file);
    return companion ? parseTemplate(text, companion, readText(companion)) : parseTemplate(text, file);
  } catch (e) {
    const zero = { line: 0, character: 0 };
    return { template: null, errors: [{ message: l10n.t('Cannot read the template: {0}', (e as Error).message), range: { start: zero, end: zero } }] };
  }
}

export class TemplateLibrary {
  private builtinList: ReportTemplate[] | null = null;
  private folders = new Map<string, { stamp: string; templates: ReportTemplate[]; errors: TemplateFileError[]; at: number }>();
  private byPath = new Map<string, { choice: TemplateChoice; at: number }>();
  private companions = new Map<string, { exists: boolean; at: number }>();
  /**
   * How long what was read from disk is trusted, in ms. 0 (the CLI): always look again.
   * The language server trusts it until a watched-file event says otherwise (`invalidate`),
   * or for a short while when the client sends no such events.
   */
  trustMs = 0;

  constructor(private readonly builtinDir = builtinTemplatesDir()) {}

  /** Forget what was read from the user's folders and files (a watched file changed). */
  invalidate(): void {
    this.folders.clear();
    this.byPath.clear();
    this.companions.clear();
  }

  private fresh(at: number): boolean {
    return this.trustMs > 0 && (this.trustMs === Infinity || Date.now() - at <= this.trustMs);
  }

  private now(): number {
    return this.trustMs === Infinity ? 0 : Date.now();
  }

  /** Whether `file` was read: in a templates folder, or a template named by path (a change to it must be seen). */
  reads(file: string): boolean {
    return this.folders.has(path.dirname(file)) || [...this.byPath.keys()].some((k) => k.startsWith(file + '\0'));
  }

  /** Whether a Markdown file has a companion rules file (`x.template.json` beside `x.md`). */
  hasCompanion(mdFile: string): boolean {
    const hit = this.companions.get(mdFile);
    if (hit && this.fresh(hit.at)) return hit.exists;
    const exists = companionOf(mdFile) !== null;
    this.companions.set(mdFile, { exists, at: this.now() });
    return exists;
  }

  /** The built-in templates; an invalid one is a defect of ours, so it throws. */
  builtins(): ReportTemplate[] {
    if (!this.builtinList) {
      const files = fs.readdirSync(this.builtinDir).filter((f) => f.endsWith('.md')).sort();
      this.builtinList = files.map((f) => {
        const file = path.join(this.builtinDir, f);
        const { template, errors } = parseTemplate(fs.readFileSync(file, 'utf8'), file);
        if (!template) throw new Error(`built-in template ${file}: ${errors.map((e) => e.message).join('; ')}`);
        return { ...template, builtin: true };
      });
    }
    return this.builtinList;
  }

  /** Templates in a user's folder (re-read when a file in it changes). */
  folder(dir: string): { templates: ReportTemplate[]; errors: TemplateFileError[] } {
    const known = this.folders.get(dir);
    if (known && this.fresh(known.at)) return known;
    const none = () => {
      const result = { stamp: '', templates: [], errors: [], at: this.now() };
      if (this.trustMs > 0) this.folders.set(dir, result);
      return result;
    };
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return none();
    let listed: string[];
    try {
      listed = fs.readdirSync(dir);
    } catch {
      return none();
    }
    // A folder named `x.md` is not a template; a link that loops or leads nowhere, a FIFO or
    // a device is reported on its own name (never read: it could block or never end).
    const unreadable: TemplateFileError[] = [];
    const names = listed
      .filter((f) => f.endsWith('.md') || COMPANION.test(f))
      .filter((f) => {
        const problem = fileProblem(path.join(dir, f), f, MAX_DATA_BYTES);
        if (problem && problem.problem !== 'directory' && problem.problem !== 'missing') unreadable.push({ file: path.join(dir, f), errors: [atStart(problem.message)] });
        return !problem;
      })
      .sort();
    const stamp = [...names.map((n) => `${n}:${mtime(path.join(dir, n))}`), ...unreadable.map((u) => `!${u.file}`)].join('|');
    const cached = this.folders.get(dir);
    if (cached && cached.stamp === stamp) {
      cached.at = this.now();
      return cached;
    }
    const templates: ReportTemplate[] = [];
    const errors: TemplateFileError[] = [...unreadable];
    const present = new Set(names);
    for (const name of names) {
      const file = path.join(dir, name);
      if (COMPANION.test(name) && present.has(name.replace(COMPANION, '.md'))) continue; // read with its .md
      if (name.endsWith('.md') && !companionOf(file)) {
        const text = readTextOrError(file, name, MAX_DATA_BYTES);
        if (text instanceof Error) {
          errors.push({ file, errors: [atStart(text.message)] });
          continue;
        }
        if (!frontMatterOf(text)) continue; // not a template
      }
      const result = loadTemplateFile(file);
      if (result.template) templates.push(result.template);
      else errors.push({ file: result.errors.length && COMPANION.test(file) ? file : (companionOf(file) ?? file), errors: result.errors });
    }
    const entry = { stamp, templates, errors, at: this.now() };
    this.folders.set(dir, entry);
    return entry;
  }

  /** An id, Chinese name or alias among the user's and the built-in templates, else a path from `baseDir`. */
  resolve(ref: string, baseDir: string, userTemplates: readonly ReportTemplate[] = []): TemplateChoice {
    const known = findTemplate(ref, [...userTemplates, ...this.builtins()]);
    if (known) return { kind: 'template', template: known, ref };
    const file = path.resolve(baseDir, ref);
    const hit = this.byPath.get(file + '\0' + ref);
    if (hit && this.fresh(hit.at)) return hit.choice;
    const choice = this.resolvePath(ref, file);
    if (this.trustMs > 0) this.byPath.set(file + '\0' + ref, { choice, at: this.now() });
    return choice;
  }

  private resolvePath(ref: string, file: string): TemplateChoice {
    const problem = fileProblem(file, ref, MAX_DATA_BYTES);
    if (problem?.problem === 'missing' || problem?.problem === 'directory') return { kind: 'unknown', ref };
    if (problem) return { kind: 'invalid', ref, reason: `${file}: ${problem.message}` };
    const { template, errors } = loadTemplateFile(file);
    if (template) return { kind: 'template', template, ref };
    const first = errors[0];
    const where = first ? `${file}:${first.range.start.line + 1}:${first.range.start.character + 1}` : file;
    return { kind: 'invalid', ref, reason: `${where}: ${first?.message ?? ''}` };
  }
}

export interface TemplateSelection {
  choice: TemplateChoice | null;
  /** What the report may be recognised as when nothing chose for it. */
  templates: ReportTemplate[];
  /** Problems in the user's template folder. */
  folderErrors: TemplateFileError[];
}

/**
 * Precedence: an explicit reference (CLI --template, or an editor setting passed in by the
 * server) > the report's front matter `template:` > the first matching glob of the
 * workspace configuration > recognition by title or file name (done by the core).
 */
export function selectTemplate(
  filePath: string,
  text: string | readonly string[],
  library: TemplateLibrary,
  config: WorkspaceConfig,
  explicit?: { ref: string; baseDir: string } | null,
): TemplateSelection {
  const user = config.templatesFolder ? library.folder(config.templatesFolder) : { templates: [], errors: [] };
  const templates = [...user.templates, ...library.builtins()];
  const pick = (ref: string, baseDir: string) => library.resolve(ref, baseDir, user.templates);
  if (explicit) return { choice: pick(explicit.ref, explicit.baseDir), templates, folderErrors: user.errors };
  const fm = frontMatterOf(text)?.template;
  if (typeof fm === 'string' && fm.trim()) return { choice: pick(fm.trim(), path.dirname(filePath)), templates, folderErrors: user.errors };
  if (config.file) {
    const base = path.dirname(config.file);
    const rel = path.relative(base, path.resolve(filePath)).split(path.sep).join('/');
    for (const [glob, ref] of config.templates) {
      if (matchGlob(glob, rel)) return { choice: pick(ref, base), templates, folderErrors: user.errors };
    }
  }
  return { choice: null, templates, folderErrors: user.errors };
}
