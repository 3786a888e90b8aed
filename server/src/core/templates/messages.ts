/** Messages of the template checks (English keys, Chinese in l10n/bundle.l10n.zh-cn.json). */
import * as l10n from '@vscode/l10n';

export const templateMessages = {
  missingAfter: (title: string, template: string, neighbour: string) =>
    l10n.t('Missing section “{0}” required by {1}: it belongs after {2}.', title, template, neighbour),
  missingBefore: (title: string, template: string, neighbour: string) =>
    l10n.t('Missing section “{0}” required by {1}: it belongs before {2}.', title, template, neighbour),
  missingAlone: (title: string, template: string) => l10n.t('Missing section “{0}” required by {1}.', title, template),
  missingMore: (title: string, template: string, min: number, count: number) =>
    l10n.t('{1} needs at least {2} sections like “{0}”; this report has {3}.', title, template, min, count),
  orderBefore: (section: string, other: string) => l10n.t('{0} is out of order: it belongs before {1}.', section, other),
  orderAfter: (section: string, other: string) => l10n.t('{0} is out of order: it belongs after {1}.', section, other),
  unexpected: (section: string, template: string) => l10n.t('{0} is not a section of {1}.', section, template),
  duplicate: (section: string, title: string, max: number) =>
    l10n.t('{0} repeats the section “{1}”, which may appear at most {2} time(s).', section, title, max),
  empty: (section: string) => l10n.t('{0} has no content yet.', section),
  tooShort: (section: string, length: number, min: number) =>
    l10n.t('{0} has {1} characters; this section needs at least {2}.', section, length, min),
  tooLong: (section: string, length: number, max: number) =>
    l10n.t('{0} has {1} characters; this section should stay within {2}.', section, length, max),
  tooFew: (section: string, count: number, min: number) =>
    l10n.t('{0} has {1} subsection(s); at least {2} are expected.', section, count, min),
  tooMany: (section: string, count: number, max: number) =>
    l10n.t('{0} has {1} subsection(s); at most {2} are expected.', section, count, max),
  tooFewTop: (count: number, min: number) => l10n.t('The report has {0} section(s); at least {1} are expected.', count, min),
  tooManyTop: (count: number, max: number) => l10n.t('The report has {0} section(s); at most {1} are expected.', count, max),
  titleMismatch: (section: string, title: string) => l10n.t('{0} stands where the template has “{1}”.', section, title),
  recognized: (name: string, id: string) =>
    l10n.t(
      'Checked as {0} ({1}), a guess from the title or file name, so its outline findings are at most warnings. Name a template with `template: {1}` in the front matter or in .report-author.json, or turn recognition off with "recognize": false (setting reportAuthor.recognizeTemplates).',
      name,
      id,
    ),
  unknownTemplate: (ref: string) => l10n.t('Unknown template “{0}”: only the numbering and placeholder checks apply.', ref),
  templateInvalid: (ref: string, reason: string) => l10n.t('The template {0} has errors ({1}): only the numbering and placeholder checks apply.', ref, reason),
};
