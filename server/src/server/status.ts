/** The outline status the client shows in the status bar and the Report view. */
import type { OutlineNode } from '../core';
import type { OutlineStatus, SectionStatus } from '../../../shared/protocol';
import type { ReportState } from './reports';
import { sectionAtLine } from '../core/outline';

function fromNode(n: OutlineNode): SectionStatus {
  return {
    marker: n.marker,
    title: n.title,
    level: n.level,
    range: n.range,
    placeholderCount: n.placeholderCount,
    missing: false,
    children: n.children.map(fromNode),
  };
}

/** The model's missing sections (whatever the severity of `missing-section`), placed among their would-be siblings. */
function addMissing(sections: SectionStatus[], state: ReportState): number {
  for (const m of state.model.missing) {
    const at = m.at;
    let list = sections;
    // Descend into the section that will hold it.
    for (;;) {
      const holder = list.find((s) => !s.missing && s.level < m.level && s.range.start.line <= at.line && contains(s, at.line, state));
      if (!holder) break;
      list = holder.children;
    }
    const item: SectionStatus = { marker: '', title: m.title, level: m.level, range: { start: at, end: at }, placeholderCount: 0, missing: true, children: [] };
    const index = list.findIndex((s) => s.range.start.line > at.line || (s.range.start.line === at.line && at.character === 0));
    list.splice(index < 0 ? list.length : index, 0, item);
  }
  return state.model.missing.length;
}

function contains(s: SectionStatus, line: number, state: ReportState): boolean {
  const node = sectionAtLine(state.model.outline, s.range.start.line);
  return !!node && node.sectionRange.end.line >= line;
}

export function outlineStatus(state: ReportState): OutlineStatus {
  if (!state.isReport) {
    return { uri: state.uri, version: state.version, isReport: false, template: null, placeholderCount: 0, missingCount: 0, sections: [] };
  }
  const sections = state.model.outline.map(fromNode);
  const missingCount = addMissing(sections, state);
  return {
    uri: state.uri,
    version: state.version,
    isReport: true,
    template: state.template ? { id: state.template.id, name: state.template.name } : null,
    placeholderCount: state.model.placeholders.length,
    missingCount,
    sections,
  };
}

/** Whether two statuses show the same thing (the version aside): unchanged ones are not sent again. */
export function sameStatus(a: OutlineStatus | undefined, b: OutlineStatus): boolean {
  return (
    !!a &&
    a.isReport === b.isReport &&
    a.placeholderCount === b.placeholderCount &&
    a.missingCount === b.missingCount &&
    a.template?.id === b.template?.id &&
    sameSections(a.sections, b.sections)
  );
}

function sameSections(a: readonly SectionStatus[], b: readonly SectionStatus[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      x.marker !== y.marker ||
      x.title !== y.title ||
      x.level !== y.level ||
      x.missing !== y.missing ||
      x.placeholderCount !== y.placeholderCount ||
      x.range.start.line !== y.range.start.line ||
      x.range.start.character !== y.range.start.character ||
      x.range.end.line !== y.range.end.line ||
      x.range.end.character !== y.range.end.character ||
      !sameSections(x.children, y.children)
    )
      return false;
  }
  return true;
}
