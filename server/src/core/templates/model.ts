/**
 * Report templates: a Markdown skeleton of a report kind plus the rules its outline must
 * follow. Templates are data; they are parsed and validated here, never executed.
 */
import type { Range } from '../types';
import type { LayoutOverrides } from '../export/style';

export interface SectionRule {
  id: string;
  /** The title as the template writes it, without its number. */
  title: string;
  /** Other titles that name the same section. */
  synonyms: string[];
  /**
   * Names the section had in an older format of the report kind (`概述` for `总体情况`): they
   * match like synonyms, but a report that uses them is in that older format, so they do not
   * make a recognised template fit it.
   */
  formerTitles?: string[];
  /**
   * A regular expression (RE2) on the report's lines: when one says so (`未发现…问题`), the
   * section may be left out, and its absence is information only.
   */
  unlessStated?: string | null;
  /** A regular expression (RE2 syntax, linear-time) matched against the normalised title. */
  pattern: string | null;
  /** Any title may stand here; `title` is then only a suggestion. */
  freeTitle: boolean;
  /** How many sections may match this rule (`required` gives min 1). */
  min: number;
  max: number;
  /** One line telling the writer what belongs here (hover, inserted skeleton). */
  guidance: string | null;
  /** The body inserted under the heading when the section is added. */
  skeleton: string | null;
  /** Body length bounds in characters (placeholders count as written). */
  minLength: number | null;
  maxLength: number | null;
  /** Ids of rules this section must come after, in addition to the scope's order. */
  after: string[];
  children: RuleScope | null;
}

/** A list of sibling rules and how strictly it is kept. */
export interface RuleScope {
  rules: SectionRule[];
  /** Sections must follow the rules' order. */
  ordered: boolean;
  /** Sections that match no rule are reported. */
  closed: boolean;
  minChildren: number | null;
  maxChildren: number | null;
}

export interface ReportTemplate {
  id: string;
  /** Chinese display name, also accepted wherever an id is. */
  name: string;
  aliases: string[];
  description: string;
  /** The file it was read from (absolute path), or null. */
  file: string | null;
  /** Shipped with Report Author. */
  builtin: boolean;
  /** Regular expressions (RE2) on the document title and the file name that recognise the kind. */
  recognize: { title: string[]; fileName: string[] };
  scope: RuleScope;
  /** The skeleton body of the template (Markdown after the front matter). */
  body: string;
  /** How the Word export lays out reports of this kind (`layout:`), or null for GB/T 9704. */
  layout?: LayoutOverrides | null;
}

export interface TemplateError {
  message: string;
  range: Range;
}

export interface TemplateParseResult {
  template: ReportTemplate | null;
  errors: TemplateError[];
}
