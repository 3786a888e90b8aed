/**
 * Turns command-line inputs into file paths, and reads one report as text.
 * Problems come back as localised messages naming the input; nothing here throws for bad input.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { ignoreRoot, IgnoreRules, isGlob, walkGlob, walkMarkdown } from './walk';
import { MAX_REPORT_BYTES, readRegularFile } from '../node/safeRead';

export interface ExpandedInputs {
  /** Paths as the user gave them or as the glob produced them, duplicates removed, in order. */
  paths: string[];
  /** One message per input that matched nothing. */
  errors: string[];
}

/**
 * An existing file is taken literally (so `a[1].md` works) and always checked; a directory
 * stands for the Markdown files below it and a glob for the files it matches, both without
 * `node_modules`, `.git` and what `.gitignore` / `.report-authorignore` exclude. `-` (standard
 * input) and other inputs pass through and fail later when read if they do not exist.
 */
export function expandInputs(inputs: readonly string[], cwd: string): ExpandedInputs {
  const paths: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const key = p === STDIN ? STDIN : path.resolve(cwd, p);
    if (!seen.has(key)) {
      seen.add(key);
      paths.push(p);
    }
  };
  const rulesByTop = new Map<string, IgnoreRules>();
  const rulesByDir = new Map<string, IgnoreRules>();
  const rulesFor = (start: string) => {
    let rules = rulesByDir.get(start);
    if (rules) return rules;
    const inside = !path.relative(cwd, start).startsWith('..');
    const top = ignoreRoot(start, inside ? cwd : start);
    rules = rulesByTop.get(top);
    if (!rules) rulesByTop.set(top, (rules = new IgnoreRules(top)));
    rulesByDir.set(start, rules);
    return rules;
  };
  /** How a found file is shown: relative to cwd when the input was relative. */
  const shown = (input: string, full: string) => (path.isAbsolute(input) ? full : path.relative(cwd, full) || full);
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    const kind = input === STDIN ? 'stdin' : pathKind(full);
    if (kind === 'dir') {
      // A folder named outright is checked even if an ignore file above excludes it; then
      // only the ignore files inside it count.
      const rules = rulesFor(full);
      const found = walkMarkdown(full, rules.ignores(full, true) ? new IgnoreRules(full) : rules);
      if (found.length === 0) errors.push(l10n.t('{0}: no Markdown files in this folder', input));
      found.forEach((f) => add(shown(input, f)));
      continue;
    }
    if (kind !== 'missing' || !isGlob(input)) {
      add(input);
      continue;
    }
    const matches = walkGlob(input, cwd).filter((m) => !rulesFor(path.dirname(m)).ignores(m, false));
    if (matches.length === 0) errors.push(l10n.t('No files match the pattern {0}', input));
    matches.forEach((m) => add(shown(input, m)));
  }
  return { paths, errors };
}

/** The input that stands for standard input. */
export const STDIN = '-';

function pathKind(full: string): 'file' | 'dir' | 'missing' {
  try {
    return fs.statSync(full).isDirectory() ? 'dir' : 'file';
  } catch {
    return 'missing';
  }
}

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads a report as UTF-8 text without a leading BOM, or says why it cannot be checked. */
export function readReport(displayPath: string, cwd: string): ReadResult {
  const full = path.resolve(cwd, displayPath);
  // Regular files only, size-capped, never blocking (FIFOs, devices, symlink loops: see safeRead).
  const read = readRegularFile(full, displayPath, MAX_REPORT_BYTES);
  if (!read.ok) return fail(read.message);
  return decodeReport(displayPath, read.bytes);
}

/** Bytes of a report as UTF-8 text without a leading BOM, or why they cannot be checked. */
export function decodeReport(displayPath: string, bytes: Uint8Array): ReadResult {
  if (bytes.includes(0)) return fail(l10n.t('{0}: binary file (contains NUL bytes), not checked', displayPath));
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return fail(l10n.t('{0}: not valid UTF-8 text, not checked', displayPath));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

function fail(message: string): ReadResult {
  return { ok: false, message };
}
