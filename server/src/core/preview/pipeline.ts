/**
 * Markdown → sanitized HTML tree: remark (CommonMark + GFM) → rehype, the report's own
 * HTML parsed (rehype-raw) and sanitized. The tree keeps source positions, which the
 * decoration step maps back to report lines.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdastRoot, Nodes as MdastNodes } from 'mdast';
import { SANITIZE_SCHEMA } from './sanitize';

/** A GFM task list's checkbox as a character: form controls do not survive sanitizing. */
function taskBoxes() {
  const visit = (node: HastRoot | Element) => {
    node.children = node.children.map((child): ElementContent => {
      if (child.type !== 'element') return child as ElementContent;
      if (child.tagName === 'input' && child.properties.type === 'checkbox') {
        return { type: 'text', value: child.properties.checked ? '☑' : '☐', position: child.position };
      }
      visit(child);
      return child;
    }) as typeof node.children;
  };
  return (tree: HastRoot) => visit(tree);
}

type AnyProcessor = Processor<MdastRoot, MdastRoot, HastRoot, HastRoot, string>;
let plain: AnyProcessor | undefined;
let withHtml: AnyProcessor | undefined;

function processor(html: boolean): AnyProcessor {
  const make = () => {
    const p = unified()
      .use(remarkParse)
      // `1~2月` is a range, not strikethrough.
      .use(remarkGfm, { singleTilde: false })
      .use(remarkRehype, { allowDangerousHtml: html });
    // Parsing the report's HTML re-reads the whole tree through parse5: only when there is some.
    // Raw nodes are serialized as is: the sanitizer leaves none, so the only ones are the chips
    // that the decoration step builds and escapes itself (chip.ts).
    return (html ? p.use(rehypeRaw) : p)
      .use(taskBoxes)
      .use(rehypeSanitize, SANITIZE_SCHEMA)
      .use(rehypeStringify, { allowDangerousHtml: true }) as unknown as AnyProcessor;
  };
  return html ? (withHtml ??= make()) : (plain ??= make());
}

function hasHtml(node: MdastNodes): boolean {
  if (node.type === 'html') return true;
  return 'children' in node && node.children.some((c) => hasHtml(c as MdastNodes));
}

/** The sanitized HTML tree of `markdown`, positions kept. */
export function markdownToHast(markdown: string): HastRoot {
  const mdast = processor(false).parse(markdown);
  return processor(hasHtml(mdast)).runSync(mdast);
}

export function hastToHtml(tree: HastRoot): string {
  return processor(false).stringify(tree);
}
