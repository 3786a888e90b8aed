/**
 * Hover: on a placeholder, what kind of value it stands for; on a heading, what the
 * template asks of that section (its guidance), or the heading's level when no template applies.
 */
import type { Hover, Position, Range } from 'vscode-languageserver-types';
import type { ReportModel } from '../types';
import type { ReportTemplate } from '../templates';
import { featureMessages as msg } from './messages';
import { findRule, flatten } from './outline';
import { placeholderAt } from './placeholders';

export function hover(model: ReportModel, position: Position, template: ReportTemplate | null): Hover | null {
  const p = placeholderAt(model, position, false);
  if (p) return markdown([msg.placeholderHover(p.kind)], p.range);

  const node = flatten(model).find(({ node: n }) => contains(n.range, position))?.node;
  if (!node) return null;
  const lines: string[] = [];
  if (template && node.level !== 0) {
    const rule = findRule(template.scope, node.ruleId);
    if (rule) {
      const status = rule.min > 0 ? msg.sectionRequired(template.name) : msg.sectionOptional(template.name);
      lines.push(`**${escapeMarkdown(rule.title)}** · ${escapeMarkdown(status)}`);
      if (rule.guidance) lines.push(escapeMarkdown(rule.guidance));
    } else {
      lines.push(escapeMarkdown(msg.sectionUnmatched(template.name)));
    }
  } else {
    lines.push(escapeMarkdown(msg.headingLevel(node.level)));
  }
  if (node.placeholderCount > 0) lines.push(escapeMarkdown(msg.placeholdersInSection(node.placeholderCount)));
  return markdown(lines, node.range);
}

function markdown(paragraphs: string[], range: Range): Hover {
  return { contents: { kind: 'markdown', value: paragraphs.join('\n\n') }, range };
}

/** Hover positions are characters: the end of a range is outside it. */
function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character < r.end.character);
  return afterStart && beforeEnd;
}

/** Template text and titles are plain text: `**`, `[填写…]` and the like must show as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}
