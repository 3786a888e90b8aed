/**
 * What the server publishes: nothing for Markdown files that are not reports; the core's
 * diagnostics otherwise. The core stops listing unfilled placeholders one by one after
 * PLACEHOLDER_DIAGNOSTIC_LIMIT (a 1 MB report can hold 25,000: 8 MB of JSON per keystroke,
 * and a Problems panel nobody can read); the status bar, the Report view and the
 * placeholder list stay complete. Any document publishes at most DIAGNOSTIC_LIMIT findings
 * and one more that counts the rest (200,000 gapped headings would be 60 MB of JSON); the
 * list is made once per model (`publishable` in status.ts, in the worker for a large document).
 */
import type { Diagnostic } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE, messages } from '../core';

export const PLACEHOLDER_DIAGNOSTIC_LIMIT = 500;
export const DIAGNOSTIC_LIMIT = 5_000;

/** The first `limit` diagnostics and, when there are more, one that counts them (at the first left out). */
export function capDiagnostics(all: readonly Diagnostic[], limit = DIAGNOSTIC_LIMIT): Diagnostic[] {
  if (all.length <= limit) return all as Diagnostic[];
  const first = all.slice(0, limit);
  const at = all[limit]!.range;
  first.push({ range: at, severity: 3, source: DIAGNOSTIC_SOURCE, message: messages.moreFindings(all.length - limit), data: { more: all.length - limit } });
  return first;
}
