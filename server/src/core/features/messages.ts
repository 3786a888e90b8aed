/**
 * User-visible strings of the editor features. English text is the key; the Chinese
 * translations are in l10n/bundle.l10n.zh-cn.json.
 */
import * as l10n from '@vscode/l10n';
import type { HeadingLevel, PlaceholderKind } from '../types';

/** What a placeholder of each kind expects, in the hover. Markdown. */
export function placeholderHover(kind: PlaceholderKind): string {
  switch (kind) {
    case 'count':
      return l10n.t('**Placeholder** · count: a whole number, such as the number of times or people');
    case 'amount':
      return l10n.t('**Placeholder** · amount: a sum of money, in the unit written after it (元, 万元)');
    case 'percent':
      return l10n.t('**Placeholder** · percentage: a rate or share, such as 95.5');
    case 'date':
      return l10n.t('**Placeholder** · date: the year, month or day the words around it ask for');
    case 'name':
      return l10n.t('**Placeholder** · name: of a unit, a place, a person or a document');
    case 'other':
      return l10n.t('**Placeholder** · value: what the sentence needs; read the words around it');
  }
}

const LEVEL_EXAMPLE = ['', '一、', '（一）', '1．', '（1）'] as const;
/** GB/T 9704 names the levels of its 结构层次序数 第一层 … 第四层; the Chinese message uses {2}. */
const LEVEL_NUMERAL = ['', '一', '二', '三', '四'] as const;

export const featureMessages = {
  toFill: (count: number) => l10n.t('{0} to fill', count),
  placeholderHover,
  sectionRequired: (template: string) => l10n.t('required by {0}', template),
  sectionOptional: (template: string) => l10n.t('optional in {0}', template),
  sectionUnmatched: (template: string) => l10n.t('No section of {0} matches this heading.', template),
  headingLevel: (level: HeadingLevel) =>
    level === 0 ? l10n.t('Annex: numbered on its own') : l10n.t('Level {0} heading, numbered like {1}', level, LEVEL_EXAMPLE[level], LEVEL_NUMERAL[level]),
  placeholdersInSection: (count: number) => l10n.t('{0} placeholders to fill in this section', count),
  nextSection: (after: string) => l10n.t('Next section after {0}', after),
  firstSubsection: (parent: string) => l10n.t('First subsection of {0}', parent),
  firstSection: () => l10n.t('First section'),
  renumbersFollowing: (count: number) => l10n.t('Moves the numbers of the {0} sections after it up by one.', count),
  wholeSkeleton: (template: string) => l10n.t('The whole skeleton of {0}', template),
  insertMissing: (title: string) => l10n.t('Insert missing section {0}', title),
  renumberLevel: (example: string) => l10n.t('Renumber this level ({0})', example),
  changeMarker: (written: string, replacement: string) => l10n.t('Change {0} to {1}', written, replacement),
  ignoreHere: (code: string) => l10n.t('Ignore {0} here', code),
  ignoreInFile: (code: string) => l10n.t('Ignore {0} in this file', code),
  removeUnused: () => l10n.t('Remove the unused suppression'),
  writeAsBold: (html: string) => l10n.t('Keep it bold: write {0}', html),
  writeAsPlaceholders: (fullWidth: string) => l10n.t('Two placeholders: write {0}', fullWidth),
  fixAll: () => l10n.t('Fix all heading numbers and markers'),
};
