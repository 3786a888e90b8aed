/**
 * The parts of a check run that are new beside reading files: standard input, a named
 * configuration file, and `--fix` for one file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import type { ReportModel } from '../core';
import { decodeReport, type ReadResult } from './files';
import { fixText, writeFixed } from './fix';
import { checkedFile, type CheckedFile } from './report';

/** Reads all of standard input as a report shown as `shownAs`. */
export function readStdin(shownAs: string, io: { stdin?: () => Uint8Array }): ReadResult {
  let bytes: Uint8Array;
  try {
    bytes = io.stdin ? io.stdin() : fs.readFileSync(0);
  } catch (error) {
    return { ok: false, message: l10n.t('{0}: cannot read standard input ({1})', shownAs, (error as Error).message) };
  }
  return decodeReport(shownAs, bytes);
}

/** Why `--config FILE` cannot be used, or null when it names a file. */
export function configFileGiven(file: string, cwd: string): string | null {
  try {
    return fs.statSync(path.resolve(cwd, file)).isFile() ? null : l10n.t('{0}: is a directory, not a file', file);
  } catch {
    return l10n.t('{0}: file not found', file);
  }
}

export interface Checked {
  file: CheckedFile;
  /** `path:line: old → new` for each heading `--fix` changed. */
  changes: string[];
  /** Why a fix could not be written (the file is then reported as it was). */
  error: string | null;
}

/** The file checked, or with `fix` first fixed and written, then checked. */
export function checkedOrFixed(fix: boolean, shownAs: string, full: string, text: string, analyze: (text: string) => ReportModel): Checked {
  if (!fix) return { file: checkedFile(shownAs, analyze(text)), changes: [], error: null };
  const fixed = fixText(text, full, analyze);
  if (!fixed.changes.length) return { file: checkedFile(shownAs, fixed.model), changes: [], error: null };
  const error = writeFixed(shownAs, full, text, fixed.text);
  if (error) return { file: checkedFile(shownAs, analyze(text)), changes: [], error };
  return { file: checkedFile(shownAs, fixed.model), changes: fixed.changes.map((c) => `${shownAs}:${c.line + 1}: ${c.before} → ${c.after}`), error: null };
}
