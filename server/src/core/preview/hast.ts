/** Small builders for the HTML trees the preview makes itself. */
import type { Element, ElementContent, Properties, Text } from 'hast';

export function el(tagName: string, properties: Properties, children: Array<ElementContent | string> = []): Element {
  return { type: 'element', tagName, properties, children: children.map((c) => (typeof c === 'string' ? text(c) : c)) };
}

export function text(value: string): Text {
  return { type: 'text', value };
}

export function addClass(node: Element, ...names: string[]): void {
  const current: unknown = node.properties.className;
  const list = Array.isArray(current) ? current.map(String) : typeof current === 'string' ? current.split(/\s+/) : [];
  node.properties.className = [...list, ...names];
}
