/**
 * The outline status the client shows in the status bar and the Report view. Bounded: the
 * counts are exact, but at most STATUS_SECTION_LIMIT sections are listed (breadth first, so
 * the top levels come first) and a list that was cut says how many it left out (`more`);
 * titles are cut to STATUS_TITLE_LIMIT characters. A report of 150,000 headings gives a
 * status of some tens of KB, not tens of MB on every keystroke.
 */
import { placeholderCount, type Diagnostic, type OutlineNode, type ReportModel } from '../core';
import { capDiagnostics } from './diagnostics';
import type { OutlineStatus, SectionStatus } from '../../../shared/protocol';
import type { ReportState } from './reports';

export const STATUS_SECTION_LIMIT = 500;
export const STATUS_TITLE_LIMIT = 80;

/** What a status and the published diagnostics say of a model, whatever the document's settings: computed once per model. */
export interface OutlineSummary {
  sections: SectionStatus[];
  /** Top-level sections not listed. */
  moreSections: number;
  missingCount: number;
  placeholderCount: number;
  /** Numbered level-1 sections (the report detection's `auto` needs two). */
  numberedTopLevel: number;
  /** The diagnostics a report publishes (bounded, see diagnostics.ts). */
  published: Diagnostic[];
}

const summaries = new WeakMap<ReportModel, OutlineSummary>();

/**
 * The model's summary; a model analysed in a worker thread comes with the summary made there
 * (see offThread.ts). On the main thread each part is made when first read: publishing a
 * version's diagnostics reads `published` only, and the status (throttled, see StatusSender)
 * the sections and counts, so a keystroke never builds a status it does not send, nor the
 * placeholder list (`placeholderCount` counts from the lines).
 */
export function summaryOf(model: ReportModel): OutlineSummary {
  let summary = summaries.get(model);
  if (!summary) {
    summary = lazySummary(model);
    summaries.set(model, summary);
  }
  return summary;
}

export function rememberSummary(model: ReportModel, summary: OutlineSummary): void {
  summaries.set(model, summary);
}

function lazySummary(model: ReportModel, limit = STATUS_SECTION_LIMIT): OutlineSummary {
  let status: { sections: SectionStatus[]; moreSections: number } | undefined;
  let published: Diagnostic[] | undefined;
  let numbered: number | undefined;
  let placeholders: number | undefined;
  return {
    get sections() {
      return (status ??= statusSections(model, limit)).sections;
    },
    get moreSections() {
      return (status ??= statusSections(model, limit)).moreSections;
    },
    get missingCount() {
      return model.missing.length;
    },
    get placeholderCount() {
      return (placeholders ??= placeholderCount(model));
    },
    get numberedTopLevel() {
      return (numbered ??= numberedTopLevel(model));
    },
    get published() {
      return (published ??= capDiagnostics(model.diagnostics));
    },
  };
}

/** Every part at once, as plain data (the worker sends it whole). */
export function summarize(model: ReportModel, limit = STATUS_SECTION_LIMIT): OutlineSummary {
  const { sections, moreSections, missingCount, placeholderCount, numberedTopLevel, published } = lazySummary(model, limit);
  return { sections, moreSections, missingCount, placeholderCount, numberedTopLevel, published };
}

function numberedTopLevel(model: ReportModel): number {
  let n = 0;
  for (const node of model.outline) if (node.level === 1 && node.ordinal !== null) n++;
  return n;
}

function statusSections(model: ReportModel, limit = STATUS_SECTION_LIMIT): { sections: SectionStatus[]; moreSections: number } {
  const nodes = new Map<SectionStatus, OutlineNode>();
  const fromNode = (n: OutlineNode): SectionStatus => {
    const s: SectionStatus = {
      marker: n.marker,
      title: cut(n.title),
      level: n.level,
      range: n.range,
      placeholderCount: n.placeholderCount,
      missing: false,
      children: n.children.map(fromNode),
    };
    nodes.set(s, n);
    return s;
  };
  const sections = model.outline.map(fromNode);
  addMissing(sections, model, nodes);
  const moreSections = bound(sections, limit);
  return { sections, moreSections };
}

function cut(title: string): string {
  return title.length <= STATUS_TITLE_LIMIT ? title : `${title.slice(0, STATUS_TITLE_LIMIT - 1)}…`;
}

/** The model's missing sections (whatever the severity of `missing-section`), placed among their would-be siblings. */
function addMissing(sections: SectionStatus[], model: ReportModel, nodes: Map<SectionStatus, OutlineNode>): void {
  const contains = (s: SectionStatus, line: number) => (nodes.get(s)?.sectionRange.end.line ?? -1) >= line;
  for (const m of model.missing) {
    const at = m.at;
    let list = sections;
    // Descend into the section that will hold it.
    for (;;) {
      const holder = list.find((s) => !s.missing && s.level < m.level && s.range.start.line <= at.line && contains(s, at.line));
      if (!holder) break;
      list = holder.children;
    }
    const item: SectionStatus = { marker: '', title: cut(m.title), level: m.level, range: { start: at, end: at }, placeholderCount: 0, missing: true, children: [] };
    const index = list.findIndex((s) => s.range.start.line > at.line || (s.range.start.line === at.line && at.character === 0));
    list.splice(index < 0 ? list.length : index, 0, item);
  }
}

/**
 * Keeps the first `limit` sections breadth first: each list is cut where the budget runs
 * out and its section says how many children it left out. Returns the top level's count.
 */
function bound(top: SectionStatus[], limit: number): number {
  let budget = limit;
  let moreTop = 0;
  const queue: Array<{ list: SectionStatus[]; owner: SectionStatus | null }> = [{ list: top, owner: null }];
  for (let i = 0; i < queue.length; i++) {
    const { list, owner } = queue[i]!;
    const more = Math.max(0, list.length - budget);
    if (more > 0) list.length = budget;
    budget -= list.length;
    if (owner && more > 0) owner.more = more;
    else if (!owner) moreTop = more;
    for (const s of list) if (s.children.length) queue.push({ list: s.children, owner: s });
  }
  return moreTop;
}

/** The diagnostics published for a document: none for Markdown files that are not reports; bounded (see diagnostics.ts). */
export function publishable(state: ReportState): Diagnostic[] {
  return state.isReport ? summaryOf(state.model).published : [];
}

export function outlineStatus(state: ReportState): OutlineStatus {
  if (!state.isReport) {
    return { uri: state.uri, version: state.version, isReport: false, template: null, placeholderCount: 0, missingCount: 0, sections: [] };
  }
  const summary = summaryOf(state.model);
  return {
    uri: state.uri,
    version: state.version,
    isReport: true,
    template: state.template ? { id: state.template.id, name: state.template.name } : null,
    placeholderCount: summary.placeholderCount,
    missingCount: summary.missingCount,
    sections: summary.sections,
    ...(summary.moreSections ? { moreSections: summary.moreSections } : {}),
  };
}

/** Whether two statuses show the same thing (the version aside): unchanged ones are not sent again. */
export function sameStatus(a: OutlineStatus | undefined, b: OutlineStatus): boolean {
  return (
    !!a &&
    a.isReport === b.isReport &&
    a.placeholderCount === b.placeholderCount &&
    a.missingCount === b.missingCount &&
    (a.moreSections ?? 0) === (b.moreSections ?? 0) &&
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
      (x.more ?? 0) !== (y.more ?? 0) ||
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
