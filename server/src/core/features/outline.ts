/** Small walks over the section tree shared by the features. */
import type { Heading, OutlineNode, ReportModel } from '../types';
import type { ReportTemplate, RuleScope, SectionRule } from '../templates';

export interface Placed {
  node: OutlineNode;
  /** The node's parent, or null at the top. */
  parent: OutlineNode | null;
  /** The list the node sits in (the parent's children, or the top of the outline). */
  siblings: readonly OutlineNode[];
}

/** Every node in document order, each with its parent and sibling list. */
export function flatten(model: ReportModel): Placed[] {
  const out: Placed[] = [];
  const visit = (list: readonly OutlineNode[], parent: OutlineNode | null) => {
    for (const node of list) {
      out.push({ node, parent, siblings: list });
      visit(node.children, node);
    }
  };
  visit(model.outline, null);
  return out;
}

/** The node whose heading is on `line`. */
export function placedAtLine(model: ReportModel, line: number): Placed | null {
  return flatten(model).find((p) => p.node.range.start.line === line) ?? null;
}

export function headingAtLine(model: ReportModel, line: number): Heading | null {
  return model.headings.find((h) => h.line === line) ?? null;
}

/**
 * The sections that hold `line`, outermost first: at each level the last section whose
 * heading lies above the line. A section here runs to the next heading of its level or a
 * higher one, blank lines after its text included.
 */
export function enclosingChain(model: ReportModel, line: number): OutlineNode[] {
  const chain: OutlineNode[] = [];
  let list: readonly OutlineNode[] = model.outline;
  for (;;) {
    const above = list.filter((n) => n.range.start.line < line);
    const last = above[above.length - 1];
    if (!last) return chain;
    chain.push(last);
    list = last.children;
  }
}

/** A rule anywhere in the template's scope tree (rule ids are unique in a template). */
export function findRule(scope: RuleScope | null, id: string | undefined): SectionRule | null {
  if (!scope || !id) return null;
  for (const rule of scope.rules) {
    if (rule.id === id) return rule;
    const inner = findRule(rule.children, id);
    if (inner) return inner;
  }
  return null;
}

/** The rules the children of `parent` are checked against (the template's top scope for null). */
export function childScope(template: ReportTemplate | null, parent: OutlineNode | null): RuleScope | null {
  if (!template) return null;
  if (!parent) return template.scope;
  if (parent.level === 0) return null; // annexes are not checked against the template
  return findRule(template.scope, parent.ruleId)?.children ?? null;
}

/** `一、总体情况`, `附件1 名词解释`, or the title alone for an un-numbered heading. */
export function nodeLabel(node: OutlineNode): string {
  if (node.level === 0) return [node.marker, node.title].filter(Boolean).join(' ');
  return node.marker + node.title;
}
