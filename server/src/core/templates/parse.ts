/**
 * Reads a template: YAML rules (front matter of the template's Markdown, or a companion
 * rules file) validated against schemas/report-template.schema.json, then checked for what
 * a schema cannot say (unique ids, known `after` references, compilable patterns). Every
 * problem comes back with a range in the file it was found in; nothing throws.
 */
import * as l10n from '@vscode/l10n';
import schema from '../../../../schemas/report-template.schema.json';
import { findFrontMatter } from '../blocks';
import { splitLines } from '../text';
import type { Range } from '../types';
import { readYamlData } from '../yamlData';
import type { RuleScope, SectionRule, TemplateError, TemplateParseResult } from './model';
import type { LayoutOverrides } from '../export/style';
import { regexError } from './regex';

/**
 * @param text the template's Markdown (front matter + skeleton body)
 * @param file the file it was read from (absolute path), or null
 * @param rulesText a companion rules file (YAML or JSON); then `text` gives only the body
 */
export function parseTemplate(text: string, file: string | null, rulesText?: string): TemplateParseResult {
  const errors: TemplateError[] = [];
  const table = splitLines(text.replace(/^\uFEFF/, ''));
  const fm = findFrontMatter(table);
  const body = fm ? table.lines.slice(fm.endLine + 1).join('\n').replace(/^\n+/, '') : table.text;
  const yamlText = rulesText ?? fm?.yaml;
  const whole: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: table.lines[0]?.length ?? 0 } };
  if (yamlText === undefined) {
    return { template: null, errors: [{ message: l10n.t('A template needs its rules in YAML front matter (--- … ---) or in a companion rules file.'), range: whole }] };
  }
  const located = readYamlData(yamlText, schema, rulesText === undefined && fm ? fm.startLine + 1 : 0);
  const { data, rangeAt } = located;
  for (const e of located.errors) errors.push(e);
  if (errors.length) return { template: null, errors };
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { template: null, errors: [{ message: l10n.t('The rules must be a mapping.'), range: whole }] };

  const raw = data as RawTemplate;
  const ids = new Map<string, (string | number)[]>();
  const collect = (rules: RawRule[], path: (string | number)[]) =>
    rules.forEach((r, i) => {
      const p = [...path, i];
      if (ids.has(r.id)) errors.push({ message: l10n.t('Rule id "{0}" is used twice.', r.id), range: rangeAt([...p, 'id']) });
      else ids.set(r.id, p);
      if (r.pattern !== undefined) {
        const why = regexError(r.pattern);
        if (why) errors.push({ message: l10n.t('The pattern is not a valid RE2 regular expression: {0}', why), range: rangeAt([...p, 'pattern']) });
      }
      if (r.unlessStated !== undefined) {
        const why = regexError(r.unlessStated);
        if (why) errors.push({ message: l10n.t('The pattern is not a valid RE2 regular expression: {0}', why), range: rangeAt([...p, 'unlessStated']) });
      }
      const rep = parseRepeat(r);
      if (rep.min > rep.max) errors.push({ message: l10n.t('repeat: the minimum is larger than the maximum.'), range: rangeAt([...p, 'repeat']) });
      if (r.children) collect(r.children.sections ?? [], [...p, 'children', 'sections']);
    });
  collect(raw.sections, ['sections']);
  const checkAfter = (rules: RawRule[], path: (string | number)[]) =>
    rules.forEach((r, i) => {
      (r.after ?? []).forEach((id, j) => {
        if (!ids.has(id)) errors.push({ message: l10n.t('after: no rule has the id "{0}".', id), range: rangeAt([...path, i, 'after', j]) });
      });
      if (r.children) checkAfter(r.children.sections ?? [], [...path, i, 'children', 'sections']);
    });
  checkAfter(raw.sections, ['sections']);
  for (const key of ['title', 'fileName'] as const) {
    (raw.recognize?.[key] ?? []).forEach((p, i) => {
      const why = regexError(p);
      if (why) errors.push({ message: l10n.t('The pattern is not a valid RE2 regular expression: {0}', why), range: rangeAt(['recognize', key, i]) });
    });
  }
  if (errors.length) return { template: null, errors };
  return {
    template: {
      id: raw.id,
      name: raw.name,
      aliases: raw.aliases ?? [],
      description: raw.description ?? '',
      file,
      builtin: false,
      recognize: { title: raw.recognize?.title ?? [], fileName: raw.recognize?.fileName ?? [] },
      scope: toScope(raw),
      body,
      layout: raw.layout ?? null,
    },
    errors: [],
  };
}

interface RawScope {
  ordered?: boolean;
  unknownSections?: 'allow' | 'report';
  minSections?: number;
  maxSections?: number;
  sections?: RawRule[];
}
interface RawRule {
  id: string;
  title: string;
  synonyms?: string[];
  formerTitles?: string[];
  unlessStated?: string;
  pattern?: string;
  freeTitle?: boolean;
  required?: boolean;
  repeat?: string | number;
  guidance?: string;
  skeleton?: string;
  minLength?: number;
  maxLength?: number;
  after?: string[];
  children?: RawScope;
}
interface RawTemplate extends RawScope {
  id: string;
  name: string;
  aliases?: string[];
  description?: string;
  recognize?: { title?: string[]; fileName?: string[] };
  layout?: LayoutOverrides;
  sections: RawRule[];
}

function parseRepeat(r: RawRule): { min: number; max: number } {
  const required = r.required !== false;
  if (typeof r.repeat === 'number') return { min: required ? r.repeat : 0, max: r.repeat };
  const m = typeof r.repeat === 'string' ? /^(\d+)\.\.(\d+|\*)$/.exec(r.repeat) : null;
  if (!m) return { min: required ? 1 : 0, max: 1 };
  const min = Number(m[1]);
  return { min: required ? Math.max(1, min) : min, max: m[2] === '*' ? Infinity : Number(m[2]) };
}

function toScope(s: RawScope): RuleScope {
  return {
    rules: (s.sections ?? []).map(toRule),
    ordered: s.ordered !== false,
    closed: s.unknownSections === 'report',
    minChildren: s.minSections ?? null,
    maxChildren: s.maxSections ?? null,
  };
}

function toRule(r: RawRule): SectionRule {
  const { min, max } = parseRepeat(r);
  return {
    id: r.id,
    title: r.title,
    synonyms: r.synonyms ?? [],
    formerTitles: r.formerTitles ?? [],
    unlessStated: r.unlessStated ?? null,
    pattern: r.pattern ?? null,
    freeTitle: r.freeTitle === true,
    min,
    max,
    guidance: r.guidance ?? null,
    skeleton: r.skeleton ?? null,
    minLength: r.minLength ?? null,
    maxLength: r.maxLength ?? null,
    after: r.after ?? [],
    children: r.children ? toScope(r.children) : null,
  };
}
