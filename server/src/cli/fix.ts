/**
 * `report-lint --fix`: the editor's fix-all (server/src/core/features/codeActions.ts) applied to
 * files. It renumbers levels and corrects marker punctuation and width, never adds or removes
 * text otherwise (a missing section is not inserted). Applied again until nothing changes (a
 * marker fix can reveal a numbering fix), at most MAX_PASSES times. The file is written
 * atomically (a temporary file beside it, then renamed over it), keeping its BOM and mode.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as l10n from '@vscode/l10n';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportModel } from '../core';
import { codeActions, FIX_ALL_KIND } from '../core/features';
import { headingAtLine } from '../core/features/outline';

const MAX_PASSES = 10;

export interface Change {
  /** 0-based line. */
  line: number;
  before: string;
  after: string;
}

export interface FixResult {
  text: string;
  model: ReportModel;
  changes: Change[];
}

/**
 * Applies the fix-all edits to `text` until none are left. `analyze` is the run's analysis
 * (with its configuration and template), so a code turned off is not fixed.
 */
export function fixText(text: string, file: string, analyze: (text: string) => ReportModel): FixResult {
  const uri = pathToFileURL(file).href;
  const original = analyze(text);
  let model = original;
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const whole = { start: { line: 0, character: 0 }, end: { line: model.lineCount, character: 0 } };
    const [action] = codeActions(model, uri, whole, [], [FIX_ALL_KIND]);
    const edits = action?.edit?.changes?.[uri];
    if (!edits?.length) break;
    const next = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, current), edits);
    if (next === current) break;
    current = next;
    model = analyze(current);
  }
  return { text: current, model, changes: current === text ? [] : changes(text, original, current, model) };
}

/** Each changed line as its marker before and after (the fixes only touch markers). */
function changes(before: string, beforeModel: ReportModel, after: string, afterModel: ReportModel): Change[] {
  const a = before.split(/\r\n|\r|\n/);
  const b = after.split(/\r\n|\r|\n/);
  const out: Change[] = [];
  for (let line = 0; line < Math.min(a.length, b.length); line++) {
    if (a[line] === b[line]) continue;
    const marker = (model: ReportModel, lines: string[]) => {
      const h = headingAtLine(model, line);
      const text = lines[line]!;
      if (!h || h.markerRange.start.line !== line) return text.trim();
      return text.slice(h.markerRange.start.character, h.markerRange.end.character);
    };
    out.push({ line, before: marker(beforeModel, a), after: marker(afterModel, b) });
  }
  return out;
}

/**
 * Writes `text` to `file` in place of `expected` (the text that was checked). If the file
 * changed since it was read, nothing is written and a message says so. Returns an error
 * message, or null when written.
 */
export function writeFixed(displayPath: string, file: string, expected: string, text: string): string | null {
  let target: string;
  let bytes: Buffer;
  let mode: number;
  try {
    target = fs.realpathSync(file); // write through a symbolic link, not over it
    bytes = fs.readFileSync(target);
    mode = fs.statSync(target).mode & 0o7777;
  } catch (error) {
    return l10n.t('{0}: not fixed, cannot read it again ({1})', displayPath, (error as Error).message);
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bytes.toString('utf8', bom ? 3 : 0) !== expected) return l10n.t('{0}: not fixed, the file changed while it was checked', displayPath);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.report-lint-${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, (bom ? '\ufeff' : '') + text, { mode, flag: 'wx' });
    fs.renameSync(temp, target);
    return null;
  } catch (error) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // nothing was created
    }
    return l10n.t('{0}: not fixed, cannot write it ({1})', displayPath, (error as Error).message);
  }
}
