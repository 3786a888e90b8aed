/**
 * What each diagnostic code means and how to act on it, for SARIF rules (and any other
 * listing of the codes). The one-line descriptions are the settings' descriptions in
 * package.nls.json / package.nls.zh-cn.json, so the editor, the configuration schema and CI
 * say the same; the help says what to do, translated in l10n/bundle.l10n.zh-cn.json.
 */
import * as l10n from '@vscode/l10n';
import en from '../../../package.nls.json';
import zhCn from '../../../package.nls.zh-cn.json';
import type { DiagnosticCode } from '../core';

export interface RuleText {
  /** One sentence: what is found. */
  short: string;
  /** The sentence and the default severity. */
  full: string;
  /** What to do about it. */
  help: string;
}

/** `language` is a BCP 47 tag such as `zh-CN` or `en-US`. */
export function ruleText(code: DiagnosticCode, language: string): RuleText {
  const nls = (/^zh\b/i.test(language) ? zhCn : en) as Record<string, string>;
  const full = nls[`config.severity.${code}`] ?? code;
  // "… Default: error." / "…。默认：错误。": the short form leaves the default out.
  const short = full.replace(/\s*(?:Default: \w+\.|默认：[^。]+。)$/, '');
  return { short, full, help: help(code) };
}

function help(code: DiagnosticCode): string {
  switch (code) {
    case 'numbering-gap':
      return l10n.t('Renumber the level so that it counts on without a gap (report-lint --fix, or the quick fix in the editor), or write the section that is missing.');
    case 'numbering-duplicate':
      return l10n.t('Give each heading of the level its own number: renumber the level (report-lint --fix, or the quick fix in the editor).');
    case 'numbering-order':
      return l10n.t('Put the sections in order, or renumber the level (report-lint --fix, or the quick fix in the editor).');
    case 'marker-punctuation':
      return l10n.t('Write the marker with the punctuation of GB/T 9704: 一、 （一） 1． （1）. report-lint --fix corrects it.');
    case 'marker-width':
      return l10n.t('Use full-width brackets and half-width digits in markers: （四）, 1．. report-lint --fix corrects it.');
    case 'level-skip':
      return l10n.t('Add the missing level above this heading, or move the heading up a level. A document with two levels on purpose can turn the code off in .report-author.json.');
    case 'unfilled-placeholder':
      return l10n.t('Replace the placeholder with the real value before the report goes out. While a draft is being filled, "unfilled-placeholder": "information" in .report-author.json keeps the count without the warnings.');
    case 'ambiguous-emphasis':
      return l10n.t('For bold text, put a space or punctuation on both sides or write <b>…</b>; for placeholders, use full-width ＊＊.');
    case 'front-matter-invalid':
      return l10n.t('Correct the YAML between the --- lines at the top of the report.');
    case 'missing-section':
      return l10n.t('Add the section the template requires (the quick fix in the editor inserts its heading and skeleton), or check the report against another template.');
    case 'section-order':
      return l10n.t('Move the section to where the template has it, or set ordered: false in the template.');
    case 'unexpected-section':
      return l10n.t('Remove or rename the section, add a rule for it to the template, or set unknownSections: allow.');
    case 'duplicate-section':
      return l10n.t('Merge the repeated sections, or allow more with repeat in the template.');
    case 'empty-section':
      return l10n.t('Write the content of the section, or remove its heading.');
    case 'section-length':
      return l10n.t('Shorten or extend the section to the length the template asks for (minLength, maxLength).');
    case 'too-few-children':
      return l10n.t('Add subsections, or lower minSections in the template.');
    case 'too-many-children':
      return l10n.t('Merge subsections, or raise maxSections in the template.');
    case 'title-mismatch':
      return l10n.t('Use the title the template has, or add this title to the synonyms of its rule.');
    case 'template-recognized':
      return l10n.t('Nothing to fix: this says which template the report was checked against. Name another one in the front matter (template: …) to choose it.');
    case 'unknown-template':
      return l10n.t('Name an existing template by its id, Chinese name or path; report-lint --list-templates lists them.');
    case 'template-invalid':
      return l10n.t('Correct the template file; report-lint names its file, line and column.');
    case 'unused-suppression':
      return l10n.t('Remove the suppression comment, or correct the code it names, so that it silences the finding it was written for.');
  }
}
