/**
 * A placeholder chip, as HTML: one element per placeholder (a large report holds tens of
 * thousands), its kind in `data-placeholder` and, for the stylesheet to show after the
 * placeholder, its localised label in `data-label` (so copying the text copies the
 * placeholder alone). Never bold or italic (media/preview.css). The report preview and the
 * markdown-it plugin for VS Code's own preview make the same chip.
 */
import type { PlaceholderKind } from '../types';
import { kindLabel, labels } from './labels';

const KINDS: ReadonlySet<string> = new Set(['count', 'amount', 'percent', 'date', 'name', 'other']);

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface ChipLabels {
  label: string;
  title: string;
}

/** The chip's words for each kind, in the current language: made once per rendering. */
export function chipLabels(): Record<PlaceholderKind, ChipLabels> {
  const of = (kind: PlaceholderKind) => ({ label: escapeHtml(kindLabel(kind)), title: escapeHtml(labels.placeholderTitle(kind)) });
  return { count: of('count'), amount: of('amount'), percent: of('percent'), date: of('date'), name: of('name'), other: of('other') };
}

/** `at`: where the placeholder starts in the report (0-based), for click-to-reveal. */
export function chipHtml(text: string, kind: PlaceholderKind, at?: { line: number; character: number }, words = chipLabels()): string {
  const k = KINDS.has(kind) ? kind : 'other';
  const w = words[k];
  const position = at ? ` data-line="${at.line | 0}" data-character="${at.character | 0}"` : '';
  return `<span class="ra-placeholder ra-kind-${k}" data-placeholder="${k}" data-label="${w.label}" title="${w.title}"${position}>${escapeHtml(text)}</span>`;
}
