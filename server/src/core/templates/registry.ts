/** Finding a template by name, and recognising a report's kind from its title or file name. */
import type { ReportTemplate } from './model';
import { compileSafe } from './regex';
import { normalizeTitle } from './titles';

/** By id, Chinese name or alias (case, spacing and punctuation ignored). */
export function findTemplate(ref: string, templates: readonly ReportTemplate[]): ReportTemplate | null {
  const key = normalizeTitle(ref);
  if (!key) return null;
  return templates.find((t) => [t.id, t.name, ...t.aliases].some((n) => normalizeTitle(n) === key)) ?? null;
}

/** The first template whose title or file-name patterns match; null when none does. */
export function recognizeTemplate(
  title: string | null,
  fileName: string | null,
  templates: readonly ReportTemplate[],
): ReportTemplate | null {
  const base = fileName ? (fileName.split(/[\\/]/).pop() ?? '').replace(/\.(md|markdown)$/i, '') : '';
  for (const t of templates) {
    if (title && t.recognize.title.some((p) => compileSafe(p).test(title))) return t;
    if (base && t.recognize.fileName.some((p) => compileSafe(p).test(base))) return t;
  }
  return null;
}
