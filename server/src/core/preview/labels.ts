/**
 * Every word the preview shows, in English as the key; the edge (extension, CLI) chooses
 * the language through @vscode/l10n, as for the core's messages.
 */
import * as l10n from '@vscode/l10n';
import type { PlaceholderKind } from '../types';

/** The short label on a placeholder chip. */
export function kindLabel(kind: PlaceholderKind): string {
  switch (kind) {
    case 'count':
      return l10n.t('count');
    case 'amount':
      return l10n.t('amount');
    case 'percent':
      return l10n.t('percentage');
    case 'date':
      return l10n.t('date');
    case 'name':
      return l10n.t('name');
    case 'other':
      return l10n.t('value');
  }
}

export const labels = {
  placeholderTitle: (kind: PlaceholderKind) => l10n.t('Placeholder to fill: {0}', kindLabel(kind)),
  outline: () => l10n.t('Outline'),
  template: (name: string) => l10n.t('Template: {0}', name),
  noTemplate: () => l10n.t('No template applies: numbering and placeholders are checked.'),
  complete: (done: number, total: number, percent: number) => l10n.t('{0} of {1} sections complete ({2}%)', done, total, percent),
  completeRule: () => l10n.t('A section is complete when it is present and has no placeholder left; a missing section is not complete.'),
  placeholdersLeft: (count: number) => l10n.t('Placeholders to fill: {0}', count),
  toFill: (count: number) => l10n.t('{0} to fill', count),
  present: () => l10n.t('present'),
  missing: () => l10n.t('missing'),
  noSections: () => l10n.t('No numbered sections yet.'),
  insertSection: () => l10n.t('Insert this section'),
  imageOmitted: (alt: string) => (alt ? l10n.t('Image not shown: {0}', alt) : l10n.t('Image not shown')),
  documentTitle: () => l10n.t('Report Preview'),
};
