/**
 * Every user-visible message of the core. English text is the key; translations live in
 * l10n/bundle.l10n.zh-cn.json and are chosen by the edge (CLI, server) via @vscode/l10n.
 */
import * as l10n from '@vscode/l10n';
import type { PlaceholderKind } from './types';

export function kindName(kind: PlaceholderKind): string {
  switch (kind) {
    case 'count':
      return l10n.t('a count');
    case 'amount':
      return l10n.t('an amount of money');
    case 'percent':
      return l10n.t('a percentage');
    case 'date':
      return l10n.t('a date');
    case 'name':
      return l10n.t('a name');
    case 'other':
      return l10n.t('a value');
  }
}

export const messages = {
  numberingGap: (marker: string, previous: string, expected: string) =>
    l10n.t('Numbering skips from {0} to {1}: expected {2}.', previous, marker, expected),
  numberingStart: (marker: string, expected: string) =>
    l10n.t('Numbering starts at {0}: expected {1}.', marker, expected),
  numberingDuplicate: (marker: string, line: number) =>
    l10n.t('{0} repeats a number already used at this level (line {1}).', marker, line),
  numberingOrder: (marker: string, previous: string) =>
    l10n.t('{0} comes after {1}: numbers at this level must increase.', marker, previous),
  markerPunctuation: (marker: string, canonical: string) =>
    l10n.t('Write the marker {0} as {1}.', marker, canonical),
  markerWidth: (marker: string, canonical: string) =>
    l10n.t('The marker {0} uses half-width brackets or digits: write {1}.', marker, canonical),
  levelSkipUnder: (marker: string, parent: string, skipped: string) =>
    l10n.t('{0} comes directly under {1}: the level {2} is skipped.', marker, parent, skipped),
  levelSkipTop: (marker: string, missing: string) =>
    l10n.t('{0} has no {1} heading above it.', marker, missing),
  unfilledPlaceholder: (text: string, kind: PlaceholderKind) =>
    text === ''
      ? l10n.t('A form field is still to be filled ({0}).', kindName(kind))
      : l10n.t('Placeholder {0} is still to be filled ({1}).', text, kindName(kind)),
  ambiguousEmphasis: (text: string) =>
    l10n.t(
      '{0} could be bold text or two placeholders. For bold, put a space or punctuation on both sides or write <b>…</b>; for placeholders, use full-width asterisks (＊＊).',
      text,
    ),
  morePlaceholders: (count: number) =>
    l10n.t('{0} more placeholders are still to be filled; they are not listed one by one.', count),
  moreFindings: (count: number) => l10n.t('{0} more findings are not listed one by one.', count),
  unusedSuppression: (comment: string) => l10n.t('The comment {0} silences no finding.', comment),
  unusedSuppressionCodes: (codes: string) => l10n.t('The comment silences no finding of {0}.', codes),
  fileOptionInvalid: (key: string, allowed: string) => l10n.t('{0} in the front matter is ignored: expected one of {1}.', key, allowed),
  frontMatterInvalid: (reason: string) => l10n.t('The front matter is not valid YAML: {0}', reason),
  analysisFailed: (reason: string) =>
    l10n.t('Report Author could not check this document ({0}); other documents are still checked.', reason),
};
