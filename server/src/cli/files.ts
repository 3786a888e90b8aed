/**
 * Turns command-line inputs into file paths, and reads one report as text.
 * Problems come back as localised messages naming the input; nothing here throws for bad input.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { MAX_REPORT_BYTES, readRegularFile } from '../node/safeRead';

export interface ExpandedInputs {
  /** Paths as the user gave them or as the glob produced them, duplicates removed, in order. */
  paths: string[];
  /** One message per input that matched nothing. */
  errors: string[];
}

/**
 * An existing path is taken literally (so `a[1].md` works); anything else that looks like a
 * glob is expanded relative to `cwd`. Non-glob inputs pass through and fail later when read.
 */
export function expandInputs(inputs: readonly string[], cwd: string): ExpandedInputs {
  const paths: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const key = path.resolve(cwd, p);
    if (!seen.has(key)) {
      seen.add(key);
      paths.push(p);
    }
  };
  for (const input of inputs) {
    if (fs.existsSync(path.resolve(cwd, input)) || !isDynamicPattern(input)) {
      add(input);
      continue;
    }
    const matches = globSync(input, {
      cwd,
      absolute: path.isAbsolute(input),
      expandDirectories: false,
      onlyFiles: true,
    }).sort();
    if (matches.length === 0) errors.push(l10n.t('No files match the pattern {0}', input));
    matches.forEach(add);
  }
  return { paths, errors };
}

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads a report as UTF-8 text without a leading BOM, or says why it cannot be checked. */
export function readReport(displayPath: string, cwd: string): ReadResult {
  const full = path.resolve(cwd, displayPath);
  // Regular files only, size-capped, never blocking (FIFOs, devices, symlink loops: see safeRead).
  const read = readRegularFile(full, displayPath, MAX_REPORT_BYTES);
  if (!read.ok) return fail(read.message);
  const bytes: Uint8Array = read.bytes;
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
