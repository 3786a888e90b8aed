/**
 * A ghost heading for each missing section, at the place it belongs: the heading its quick
 * fix would insert, a note, and (in the editor's preview) a button that asks the extension
 * to apply the fix. It carries `data-missing-section` (the template rule's id).
 */
import type { Element, Root } from 'hast';
import type { MissingSection } from './missing';
import { el } from './hast';
import { headingTag } from './decorate';
import { labels } from './labels';

export function ghostId(m: MissingSection): string {
  return `ra-ghost-${m.index}`;
}

function ghost(m: MissingSection, interactive: boolean): Element {
  const children: Element[] = [
    el(headingTag(m.level), { className: ['ra-ghost-heading', `ra-level-${m.level}`] }, [m.heading]),
    el('p', { className: ['ra-ghost-note'] }, [m.message]),
  ];
  if (interactive) {
    children.push(
      el('button', { type: 'button', className: ['ra-insert'], dataAction: 'insert-section', dataMissingIndex: m.index }, [labels.insertSection()]),
    );
  }
  return el(
    'section',
    { className: ['ra-ghost'], id: ghostId(m), dataMissingSection: m.rule || m.title, dataLine: m.beforeLine, dataGhost: '' },
    children,
  );
}

/** Inserts the ghosts among the top-level blocks, each before the first block at or after its line. */
export function insertGhosts(tree: Root, missing: readonly MissingSection[], interactive: boolean): void {
  if (!missing.length) return;
  const sorted = [...missing].sort((a, b) => a.beforeLine - b.beforeLine || a.index - b.index);
  const out: Root['children'] = [];
  let k = 0;
  for (const child of tree.children) {
    const line = child.type === 'element' && typeof child.properties.dataLine === 'number' ? child.properties.dataLine : null;
    if (line !== null) while (k < sorted.length && sorted[k]!.beforeLine <= line) out.push(ghost(sorted[k++]!, interactive));
    out.push(child);
  }
  while (k < sorted.length) out.push(ghost(sorted[k++]!, interactive));
  tree.children = out;
}
