import assert from 'node:assert/strict';
import { analyze, parseTemplate, type ReportModel, type ReportTemplate, type TemplateChoice } from '../../server/src/core';

/** A template from inline YAML rules and an optional skeleton body; fails the test if it has errors. */
export function inlineTemplate(rules: string, body = ''): ReportTemplate {
  const { template, errors } = parseTemplate(`---\n${rules}\n---\n${body}`, '/t/test.md');
  assert.deepEqual(errors, []);
  return template!;
}

/** The analysis context that checks against `template`. */
export function using(template: ReportTemplate): { choice: TemplateChoice } {
  return { choice: { kind: 'template', template, ref: template.id } };
}

/** Analyses `text` against `template`. */
export function withTemplate(text: string, template: ReportTemplate): ReportModel {
  return analyze(text, null, 0, using(template));
}
