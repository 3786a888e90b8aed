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

interface ModelIndex {
  flat: Placed[];
  placedByLine: Map<number, Placed>;
  headingByLine: Map<number, Heading>;
}

/**
 * Lookups by line, built once per model (a model is never changed after analysis): code
 * actions and completion ask for many lines, and a scan per question made them quadratic.
 */
const indexes = new WeakMap<ReportModel, ModelIndex>();

function indexOf(model: ReportModel): ModelIndex {
  let index = indexes.get(model);
  if (!index) {
    const flat: Placed[] = [];
    const visit = (list: readonly OutlineNode[], parent: OutlineNode | null) => {
      for (const node of list) {
        flat.push({ node, parent, siblings: list });
        visit(node.children, node);
      }
    };
    visit(model.outline, null);
    const placedByLine = new Map<number, Placed>();
    for (const p of flat) if (!placedByLine.has(p.node.range.start.line)) placedByLine.set(p.node.range.start.line, p);
    const headingByLine = new Map<number, Heading>();
    for (const h of model.headings) if (!headingByLine.has(h.line)) headingByLine.set(h.line, h);
    index = { flat, placedByLine, headingByLine };
    indexes.set(model, index);
  }
  return index;
}

/** Every node in document order, each with its parent and sibling list (shared: do not change it). */
export function flatten(model: ReportModel): readonly Placed[] {
  return indexOf(model).flat;
}

/** The node whose heading is on `line`. */
export function placedAtLine(model: ReportModel, line: number): Placed | null {
  return indexOf(model).placedByLine.get(line) ?? null;
}

export function headingAtLine(model: ReportModel, line: number): Heading | null {
  return indexOf(model).headingByLine.get(line) ?? null;
}

/** How many of `list` (in document order) have their heading above `line`: a binary search. */
export function countAbove(list: readonly OutlineNode[], line: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.range.start.line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
    const last = list[countAbove(list, line) - 1];
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
