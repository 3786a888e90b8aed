/**
 * Last year's report becomes this year's template: its sections become rules (matched by
 * position and level, titles free to change) and its numbers with units become placeholders.
 */
import { stringify } from 'yaml';
import type { OutlineNode, ReportModel } from '../types';

const UNITS =
  '(?:万元|亿元|千元|元|万人次|人次|家次|台次|辆次|个次|场次|余次|万人|个百分点|平方米|平方公里|公里|小时|[%％‰]|[次人项个名件篇场起家户条份支块处期类辆台吨升亩头米天周部批所座套张本册节轮位届倍]|万|亿)';
const NUMBER_WITH_UNIT = new RegExp(`(?<![0-9０-９.．])([0-9０-９]+(?:[.．][0-9０-９]+)?)(?=(?:余|多)?${UNITS})`, 'g');

/** `213次` → `***次`, `12.5%` → `**.*%`, `3600万元` → `****万元`; years and dates stay. */
export function maskNumbers(line: string): string {
  return line.replace(NUMBER_WITH_UNIT, (n) => n.replace(/[0-9０-９]/g, '*'));
}

interface DerivedRule {
  id: string;
  title: string;
  freeTitle: true;
  children?: { sections: DerivedRule[] };
}

function rules(nodes: readonly OutlineNode[], prefix: string): DerivedRule[] {
  return nodes
    .filter((n) => n.level !== 0)
    .map((n, i) => {
      const id = `${prefix}${i + 1}`;
      const rule: DerivedRule = { id, title: n.title || n.marker, freeTitle: true };
      if (n.children.length) rule.children = { sections: rules(n.children, `${id}-`) };
      return rule;
    });
}

/** A template (front matter + skeleton) derived from a report and its model. */
export function deriveTemplate(text: string, model: ReportModel, fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? 'report').replace(/\.(md|markdown)$/i, '');
  const id = 'derived-' + (base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'report');
  const front = {
    id,
    name: `${model.title?.text ?? base}（模板）`,
    description: `由 ${base} 生成：章节按位置与层次对应，标题可改写；带单位的数字已换成占位符。`,
    ordered: true,
    unknownSections: 'allow',
    sections: rules(model.outline, 's'),
  };
  const body = text.replace(/^\uFEFF/, '').replace(/^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)\s*\r?\n/, '');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const masked = body.split(/\r?\n/).map(maskNumbers).join(eol);
  return `---${eol}${stringify(front, { lineWidth: 0 }).trimEnd().split('\n').join(eol)}${eol}---${eol}${masked}`;
}
