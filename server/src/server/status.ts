/** The outline status the client shows in the status bar and the Report view. */
import { placeholderCount, type OutlineNode } from '../core';
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
    placeholderCount: placeholderCount(state.model),
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

/**
 * Sends each document's outline status when it differs from what the client shows: the first
 * change after a quiet `interval` at once, then, while changes keep coming less than
 * `interval` ms apart, the last one once they pause for that long (a status is made only when
 * it is about to be sent). Diagnostics go out on every version; the status of a 1 MB report
 * (hundreds of KB of sections with their ranges) would otherwise be made, encoded and sent
 * again on every Enter while the next keystroke waits.
 */
export class StatusSender {
  private shown = new Map<string, OutlineStatus>();
  /** When each document last changed. */
  private touchedAt = new Map<string, number>();
  private pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly send: (status: OutlineStatus) => void,
    private readonly interval = 200,
  ) {}

  update(uri: string, make: () => OutlineStatus): void {
    this.cancel(uri);
    const quiet = Date.now() - (this.touchedAt.get(uri) ?? -Infinity) >= this.interval;
    this.touchedAt.set(uri, Date.now());
    if (quiet) this.flush(make);
    else
      this.pending.set(
        uri,
        setTimeout(() => {
          this.pending.delete(uri);
          this.flush(make);
        }, this.interval),
      );
  }

  private flush(make: () => OutlineStatus): void {
    const status = make();
    if (sameStatus(this.shown.get(status.uri), status)) return;
    this.shown.set(status.uri, status);
    this.send(status);
  }

  private cancel(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer) clearTimeout(timer);
    this.pending.delete(uri);
  }

  /** The document closed: nothing more is sent for it. */
  forget(uri: string): void {
    this.cancel(uri);
    this.shown.delete(uri);
    this.touchedAt.delete(uri);
  }

  /** Everything is sent again (settings or templates changed). */
  clear(): void {
    this.shown.clear();
  }
}
