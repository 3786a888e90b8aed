/**
 * Which Markdown files a directory or a glob stands for: `*.md` below it, recursively, without
 * `node_modules`, `.git`, and what `.gitignore` and `.report-authorignore` files exclude
 * (gitignore syntax; a file's rules apply below its folder, a deeper file's rules win).
 * Globs are matched by node/glob.ts (compiled to RE2, linear time whatever the pattern).
 *
 * Every file-system call is in `listDirectory()` and `readIgnoreFile()`, so a safer reader can
 * replace them in one place.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { globMatcher } from '../node/glob';

export const IGNORE_FILES = ['.gitignore', '.report-authorignore'] as const;
/** Never entered, whatever the ignore files say. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const MARKDOWN = /\.(?:md|markdown)$/i;

interface Entry {
  name: string;
  kind: 'file' | 'dir' | 'other';
}

function listDirectory(dir: string): Entry[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return []; // unreadable folders hold nothing we can check
  }
  return entries.map((e) => {
    let kind: Entry['kind'] = e.isFile() ? 'file' : e.isDirectory() ? 'dir' : 'other';
    if (e.isSymbolicLink()) {
      // Followed to files only: a linked folder could loop or leave the tree.
      try {
        kind = fs.statSync(path.join(dir, e.name)).isFile() ? 'file' : 'other';
      } catch {
        kind = 'other';
      }
    }
    return { name: e.name, kind };
  });
}

function readIgnoreFile(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    // An ignore file of more than 1 MB is not one anybody wrote by hand.
    return stat.isFile() && stat.size <= 1 << 20 ? fs.readFileSync(file, 'utf8') : null;
  } catch {
    return null;
  }
}

/** Ignore rules by folder, read once each. */
export class IgnoreRules {
  private readonly byDir = new Map<string, Ignore | null>();

  /** @param top the highest folder whose ignore files count (the repository root or the cwd) */
  constructor(private readonly top: string) {}

  private rulesOf(dir: string): Ignore | null {
    let rules = this.byDir.get(dir);
    if (rules === undefined) {
      const texts = IGNORE_FILES.map((name) => readIgnoreFile(path.join(dir, name))).filter((t): t is string => t !== null);
      rules = texts.length ? ignore({ allowRelativePaths: true }).add(texts.join('\n')) : null;
      this.byDir.set(dir, rules);
    }
    return rules;
  }

  /** True when `full` (absolute) is excluded by a skipped folder or by the ignore files above it. */
  ignores(full: string, isDir: boolean): boolean {
    const rel = path.relative(this.top, full);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    const parts = rel.split(path.sep);
    if (parts.slice(0, isDir ? parts.length : -1).some((p) => SKIPPED_DIRS.has(p))) return true;
    // Each ancestor folder, outermost first: the folder itself may be ignored, then the rules
    // of every folder from the top down decide; a later (deeper) decision wins.
    for (let depth = 1; depth < parts.length; depth++) {
      if (this.decide(parts.slice(0, depth), true)) return true;
    }
    return this.decide(parts, isDir);
  }

  private decide(parts: string[], isDir: boolean): boolean {
    let ignored = false;
    for (let d = 0; d < parts.length; d++) {
      const rules = this.rulesOf(path.join(this.top, ...parts.slice(0, d)));
      if (!rules) continue;
      const rel = parts.slice(d).join('/') + (isDir ? '/' : '');
      const r = rules.test(rel);
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  }
}

/** The folder whose ignore files count for paths under `start`: the nearest with `.git`, else `fallback`. */
export function ignoreRoot(start: string, fallback: string): string {
  for (let d = path.resolve(start); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return path.resolve(fallback);
  }
}

/** Markdown files below `dir` (absolute), sorted, ignored ones left out. */
export function walkMarkdown(dir: string, rules: IgnoreRules): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    const entries = listDirectory(d).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.kind === 'dir') {
        if (!SKIPPED_DIRS.has(e.name) && !rules.ignores(full, true)) visit(full);
      } else if (e.kind === 'file' && MARKDOWN.test(e.name) && !rules.ignores(full, false)) {
        out.push(full);
      }
    }
  };
  visit(dir);
  return out;
}

/** Whether a command-line input is a glob rather than a path. */
export function isGlob(input: string): boolean {
  return /[*?[{]|[@?*+!]\(/.test(input);
}

/**
 * Files matching `pattern` (relative to `cwd`, or absolute), absolute paths, sorted; without
 * `node_modules` and `.git`. The walk starts at the pattern's literal leading folders; names
 * starting with a dot are visited only when the pattern has a segment starting with one (as
 * a shell does); a folder reached through a symbolic link is entered unless it holds the
 * link (a loop).
 * Every entry that is not a folder and that the pattern matches is returned, a link to a
 * device included, so that reading it can say why it is not checked.
 */
export function walkGlob(pattern: string, cwd: string): string[] {
  const posix = pattern.split(path.sep).join('/');
  const segments = posix.split('/');
  let literal = 0;
  while (literal < segments.length - 1 && !isGlob(segments[literal]!)) literal++;
  const base = path.resolve(cwd, segments.slice(0, literal).join('/') || (posix.startsWith('/') ? '/' : '.'));
  const rest = segments.slice(literal).join('/');
  const matches = globMatcher(rest);
  const dots = /(^|\/)\.[^./]/.test(rest);
  const out: string[] = [];
  /** The real paths of the folders being walked, outermost first: a link back to one of them is a loop. */
  const above = new Set<string>();
  const visit = (dir: string, rel: string) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (above.has(real)) return;
    above.add(real);
    for (const e of listEntries(dir)) {
      if (!dots && e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      if (e.kind === 'dir') {
        if (!SKIPPED_DIRS.has(e.name)) visit(full, relPath);
      } else if (matches(relPath)) {
        out.push(full);
      }
    }
    above.delete(real);
  };
  visit(base, '');
  return out.sort();
}

/** Entries of a folder: folders (linked ones too) and everything else that exists; dangling or looping links left out. */
function listEntries(dir: string): Entry[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: Entry[] = [];
  for (const e of entries) {
    if (e.isDirectory()) out.push({ name: e.name, kind: 'dir' });
    else if (e.isFile()) out.push({ name: e.name, kind: 'file' });
    else if (e.isSymbolicLink()) {
      try {
        out.push({ name: e.name, kind: fs.statSync(path.join(dir, e.name)).isDirectory() ? 'dir' : 'other' });
      } catch {
        // dangling or looping: the pattern cannot mean it
      }
    }
  }
  return out;
}
