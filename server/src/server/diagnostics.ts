/**
 * What the server publishes: nothing for Markdown files that are not reports; the core's
 * diagnostics otherwise. The core stops listing unfilled placeholders one by one after
 * PLACEHOLDER_DIAGNOSTIC_LIMIT (a 1 MB report can hold 25,000: 8 MB of JSON per keystroke,
 * and a Problems panel nobody can read); the status bar, the Report view and the
 * placeholder list stay complete.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { ReportState } from './reports';

export const PLACEHOLDER_DIAGNOSTIC_LIMIT = 500;

export function publishable(state: ReportState): Diagnostic[] {
  return state.isReport ? state.model.diagnostics : [];
}
