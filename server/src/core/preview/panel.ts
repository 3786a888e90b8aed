/**
 * The side panel: the report's sections (two levels) with ✓ for present and ✗ for
 * missing, each with its count of placeholders still to fill, and how much is complete.
 *
 * "Complete" is defined so that it cannot flatter: a top-level section counts as complete
 * when it is present and holds no placeholder; a missing section counts, and is not
 * complete. (Annexes count by their own top-level sections.) Placeholders outside every
 * section are in the total to fill but in no section.
 */
import type { Element } from 'hast';
import type { Diagnostic, OutlineNode, Position, ReportModel } from '../types';
import type { MissingSection } from './missing';
import { el } from './hast';
import { headingId, NUMBERING_CODES } from './decorate';
import { ghostId } from './ghosts';
import { labels } from './labels';
import { sectionAtLine } from '../outline';

export interface PanelEntry {
  label: string;
  level: number;
  line: number;
  placeholders: number;
  missing: MissingSection | null;
  fault: boolean;
  children: PanelEntry[];
}

export interface Completion {
  complete: number;
  total: number;
  /** Whole percent, rounded down (so 100 means all). */
  percent: number;
}

const SHOWN_LEVELS = 2;

function fromNode(n: OutlineNode, faulty: Set<number>): PanelEntry {
  return {
    label: n.level === 0 ? [n.marker, n.title].filter(Boolean).join(' ') : n.marker + n.title,
    level: n.level,
    line: n.range.start.line,
    placeholders: n.placeholderCount,
    missing: null,
    fault: faulty.has(n.range.start.line),
    children: n.children.filter((c) => c.level <= SHOWN_LEVELS).map((c) => fromNode(c, faulty)),
  };
}


function before(at: Position, entry: PanelEntry): boolean {
  return entry.line > at.line || (entry.line === at.line && at.character === 0);
}

export function panelEntries(model: ReportModel, missing: readonly MissingSection[]): PanelEntry[] {
  const faulty = new Set(model.diagnostics.filter((d: Diagnostic) => NUMBERING_CODES.has(String(d.code))).map((d) => d.range.start.line));
  const top = model.outline.map((n) => fromNode(n, faulty));
  for (const m of missing) {
    let list = top;
    // Descend into the present section that will hold it.
    for (;;) {
      const holder = list.find((e) => {
        if (e.missing || e.level >= m.level) return false;
        const node = sectionAtLine(model.outline, e.line);
        return !!node && node.range.start.line <= m.at.line && node.sectionRange.end.line >= m.at.line;
      });
      if (!holder) break;
      list = holder.children;
    }
    const entry: PanelEntry = { label: m.heading, level: m.level, line: m.beforeLine, placeholders: 0, missing: m, fault: false, children: [] };
    const index = list.findIndex((e) => before(m.at, e));
    list.splice(index < 0 ? list.length : index, 0, entry);
  }
  return top;
}

export function completion(entries: readonly PanelEntry[]): Completion {
  let complete = 0;
  let total = 0;
  for (const e of entries) {
    if (e.level === 0 && !e.missing) {
      const inner = completion(e.children);
      complete += inner.complete;
      total += inner.total;
      continue;
    }
    total++;
    if (!e.missing && e.placeholders === 0) complete++;
  }
  return { complete, total, percent: total ? Math.floor((complete * 100) / total) : 0 };
}

function item(e: PanelEntry): Element {
  const state = e.missing ? 'ra-missing' : e.placeholders ? 'ra-todo' : 'ra-done';
  const mark = e.missing ? '✗' : '✓';
  const href = e.missing ? `#${ghostId(e.missing)}` : `#${headingId(e.line)}`;
  const link = el('a', { href, className: ['ra-section-link'], dataLine: e.line }, [
    el('span', { className: ['ra-mark'], title: e.missing ? labels.missing() : labels.present(), ariaLabel: e.missing ? labels.missing() : labels.present() }, [mark]),
    el('span', { className: ['ra-section-title'] }, [e.label]),
  ]);
  const children: Element[] = [link];
  if (e.fault) children.push(el('span', { className: ['ra-section-fault'] }, ['⚠']));
  if (e.placeholders) children.push(el('span', { className: ['ra-count'], title: labels.toFill(e.placeholders) }, [String(e.placeholders)]));
  if (e.children.length) children.push(el('ol', { className: ['ra-sections'] }, e.children.map(item)));
  return el('li', { className: ['ra-section', state, `ra-level-${e.level}`] }, children);
}

export function sidePanel(model: ReportModel, missing: readonly MissingSection[], templateName: string | null): Element {
  const entries = panelEntries(model, missing);
  const { complete, total, percent } = completion(entries);
  const children: Element[] = [
    el('h2', { className: ['ra-panel-title'] }, [labels.outline()]),
    el('p', { className: ['ra-template'] }, [templateName ? labels.template(templateName) : labels.noTemplate()]),
  ];
  if (total) {
    children.push(
      el('p', { className: ['ra-progress'] }, [
        el('progress', { max: String(total), value: String(complete) }, [`${percent}%`]),
        ' ',
        labels.complete(complete, total, percent),
      ]),
      el('p', { className: ['ra-progress-rule'] }, [labels.completeRule()]),
    );
  }
  children.push(el('p', { className: ['ra-left'] }, [labels.placeholdersLeft(model.placeholders.length)]));
  children.push(entries.length ? el('ol', { className: ['ra-sections'] }, entries.map(item)) : el('p', { className: ['ra-empty'] }, [labels.noSections()]));
  return el('aside', { className: ['ra-panel'], ariaLabel: labels.outline() }, children);
}
